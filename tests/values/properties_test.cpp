// Properties that must hold for any input, checked on pseudo-random cells
// built from the pieces real cells are made of (fixed seed: reproducible).
#include "plancon/text.hpp"
#include "plancon/values.hpp"

#include "test_config.hpp"

#include <gtest/gtest.h>

#include <random>

namespace plancon {
namespace {

using test::test_config;

std::string random_cell(std::mt19937& rng) {
    static const char* pieces[] = {
        "1", "01", "31", "2019", "20", "/", ".", "-", " ", "\n", "st", " st", "June", "Sept", "march", "Q2", "Q4",
        "session", "review", "first", "and", "&", "six monthly", "thereafter", "Immediate", "Ongoing", "from",
        "onwards", "by", "end of", "JMG", "ICS", "C&F", "Team", "Officer", "Chief", "Ensure", "using", "(", ")",
        "\xe2\x80\x93", "\xe2\x80\x99", "\xc2\xa0", "\xe2\x80\xa2", "\xff", "\xc3", "\xed\xa0\x80", "%", "75", "0.5",
        "Green", "not", "Improvement Action", "Actions", "see", "2.3", ",", ";", "\t", "\r", "\0"};
    std::uniform_int_distribution<std::size_t> count(0, 12), pick(0, std::size(pieces) - 1);
    std::string cell;
    for (std::size_t n = count(rng); n > 0; --n) {
        const char* p = pieces[pick(rng)];
        cell += (*p == '\0') ? std::string(1, '\0') : std::string(p);
    }
    return cell;
}

TEST(Properties, HoldForRandomCells) {
    std::mt19937 rng(20190630);
    for (int i = 0; i < 5000; ++i) {
        const std::string cell = random_cell(rng);
        SCOPED_TRACE(testing::PrintToString(cell));

        const std::string text = normalise_text(cell);
        ASSERT_EQ(normalise_text(text), text) << "normalise_text is idempotent";
        EXPECT_EQ(text.find("\n\n"), std::string::npos);
        const std::string key = fold_for_matching(cell);
        ASSERT_EQ(fold_for_matching(key), key) << "fold_for_matching is idempotent";
        EXPECT_EQ(key.find("  "), std::string::npos);

        const Due due = parse_due(cell);
        EXPECT_EQ(due.as_written, cell);
        if (due.kind == Due::Kind::Date) {
            ASSERT_TRUE(due.date);
            EXPECT_TRUE(is_valid_date(*due.date));
            EXPECT_FALSE(due.basis.empty());
        } else {
            EXPECT_FALSE(due.date) << "only a Date kind carries a date";
        }
        if (due.review) {
            EXPECT_TRUE(is_valid_date(*due.review));
        }
        if (due.kind == Due::Kind::Unreadable) {
            EXPECT_FALSE(due.basis.empty()) << "an unreadable date says why";
        }

        for (const Lead& lead : split_leads(cell, test_config().leads)) {
            EXPECT_FALSE(lead.name.empty());
            EXPECT_FALSE(lead.as_written.empty());
        }
        const auto percent = parse_percent(cell);
        if (percent) {
            EXPECT_GE(*percent, 0.0);
            EXPECT_LE(*percent, 100.0);
        }
        (void)parse_status(cell, percent, test_config().statuses);
        for (const Link& link : find_links(cell)) EXPECT_FALSE(link.target.empty());
    }
}

}  // namespace
}  // namespace plancon
