// A ValueMemo answers exactly as the readers it remembers, whatever it met
// before, also once its tables have filled and been emptied.
#include "plancon/text.hpp"
#include "plancon/values.hpp"

#include "test_config.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

using namespace plancon;
using plancon::test::test_config;

TEST(ValueMemo, AnswersAsTheReadersPastItsTablesLimit) {
    // More texts than a table holds, so every table is emptied at least once
    // on the way, and each text asked twice (the second time from the table,
    // or read again after emptying).
    const Config& config = test_config();
    ValueMemo memo(config);
    std::vector<std::string> texts = {"Head of Service", "CMT", "J. Smith and ICS Strategy and Performance Team",
                                      "Ensure clear links with CSWO", "TBC", "Q3 2019/20", "Q3 2019", "March 2020", "Ongoing",
                                      "  \u2022 Review   the\tplan  ", "Immediate & Continuous"};
    for (int i = 0; i < 70000; ++i) texts.push_back("Team " + std::to_string(i) + " Manager");
    for (int pass = 0; pass < 2; ++pass)
        for (std::size_t i = 0; i < texts.size(); i += pass ? 1 : 7) {  // the first pass skips most, in another order of filling
            const std::string& t = texts[i];
            ASSERT_EQ(memo.lead_likeness(t), lead_likeness(t, config.leads)) << t;
            const LeadCell expected = read_lead_cell(t, config.leads);
            const LeadCell& got = memo.lead_cell(t);
            ASSERT_EQ(got.leads, expected.leads) << t;
            ASSERT_EQ(got.notes, expected.notes) << t;
            DueContext financial;
            financial.single_year_quarter = DueContext::SingleYearQuarter::Financial;
            for (const DueContext& ctx : {DueContext{}, financial}) {
                const Due want = parse_due(t, std::nullopt, ctx);
                const Due& due = memo.due(t, ctx);
                ASSERT_EQ(due.kind, want.kind) << t;
                ASSERT_EQ(due.date, want.date) << t;
                ASSERT_EQ(due.basis, want.basis) << t;
            }
        }
}
