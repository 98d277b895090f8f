// Every due-date phrase in the seeds' plan tables, as written, and what a
// careful reader derives from it (DOMAIN.md "Conventions"), plus edge cases.
#include "plancon/values.hpp"
#include "values/seed_cells.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

namespace plancon {
namespace {

using K = Due::Kind;

struct DueCase {
    const char* source;       // where the phrase was found
    std::string as_written;
    K kind;
    std::string date;         // ISO, "" for none
    std::string review;       // ISO, "" for none
    std::string recurrence;
    std::string basis;        // "" = not checked
};

std::string iso(const std::optional<Date>& d) { return d ? to_iso(*d) : std::string(); }

void PrintTo(const DueCase& c, std::ostream* os) { *os << c.source << ": \"" << c.as_written << "\""; }

class SeedDuePhrase : public testing::TestWithParam<DueCase> {};

TEST_P(SeedDuePhrase, ReadsAsACarefulReaderWould) {
    const DueCase& c = GetParam();
    const Due due = parse_due(c.as_written);
    EXPECT_EQ(to_string(due.kind), to_string(c.kind)) << "basis: " << due.basis;
    EXPECT_EQ(iso(due.date), c.date);
    EXPECT_EQ(iso(due.review), c.review);
    EXPECT_EQ(due.recurrence, c.recurrence);
    if (!c.basis.empty()) {
        EXPECT_EQ(due.basis, c.basis);
    }
    EXPECT_EQ(due.as_written, c.as_written) << "the words as written are kept";
    if (due.kind != K::Date) {
        EXPECT_FALSE(due.date) << "no silent date";
    }
}

const DueCase seed_phrases[] = {
    // seed 000, Appendix 1b "Target Date"
    {"000 IA1", "During Session 2019/20", K::Date, "2020-06-30", "", "", "school session 2019/20"},
    {"000 IA1", "During session 2019/20", K::Date, "2020-06-30", "", "", "school session 2019/20"},
    {"000 IA1 (two cells run together)", "During Session 2019/20 During session 2019/20", K::Date, "2020-06-30", "", "", ""},
    {"000 IA1 page 2", "During session 2019/20 During session 2019/20", K::Date, "2020-06-30", "", "", "school session 2019/20"},
    {"000 IA1 page 2 (PDF artefact row)", "vement actior", K::Unreadable, "", "", "", ""},
    {"000 IA2", "Immediate", K::Immediate, "", "", "", ""},
    {"000 IA2", "Establish a standard and agree a process for all staff to have protected time (formal supervision) with their manager within next three months",
     K::Unreadable, "", "", "", ""},
    {"000 IA3", "Planning process to start immediately and linked to service & financial planning for 2019 & 20. Links to timescales within Our People Strategy",
     K::Unreadable, "", "", "", ""},
    {"000 IA4", "Linked to Improvement Action 1. Review process to begin immediately", K::Unreadable, "", "", "", ""},
    {"000 IA4", "Linked to Improvement Action 2: Leadership Development", K::Unreadable, "", "", "", ""},
    {"000 IA5", "Immediate & Continuous", K::Ongoing, "", "", "", "ongoing"},
    {"000 IA5 page 2", "June 2019", K::Date, "2019-06-30", "", "", "month alone"},
    // seed 001, Appendix 1 "Timescale"
    {"001 1.1", "First review December 2016 and reviewed annually thereafter", K::Ongoing, "", "2016-12-31", "annually",
     "reviews only, no due date"},
    {"001 2.1", "September 2016 and six monthly thereafter", K::Date, "2016-09-30", "", "six monthly", "month alone"},
    {"001 2.2", "Next review of progress September 2016 and six monthly thereafter", K::Ongoing, "", "2016-09-30", "six monthly", ""},
    {"001 2.3", "Next review of progress September 2016.Annual reviews of learning and organisational development thereafter",
     K::Ongoing, "", "2016-09-30", "annually", ""},
    {"001 3.1", "December 2016. Annual reviews thereafter", K::Date, "2016-12-31", "", "annually", "month alone"},
    {"001 4.1", "1 st April 2017. First review of progress September 2016", K::Date, "2017-04-01", "2016-09-30", "", "date"},
    {"001 4.2", "1 st April 2017. First review of progress September 2016", K::Date, "2017-04-01", "2016-09-30", "", "date"},
    {"001 4.3", "September 2016", K::Date, "2016-09-30", "", "", "month alone"},
    {"001 4.4", "1 st April 2017. First review of progress September 2016", K::Date, "2017-04-01", "2016-09-30", "", "date"},
    {"001 4.5", "December 2016 and six monthly thereafter", K::Date, "2016-12-31", "", "six monthly", "month alone"},
    // DOMAIN.md examples
    {"DOMAIN", "June 2019", K::Date, "2019-06-30", "", "", "month alone"},
    {"DOMAIN", "2019/20", K::Date, "2020-03-31", "", "", "financial year 2019/20"},
    {"DOMAIN", "Session 2019/20", K::Date, "2020-06-30", "", "", "school session 2019/20"},
    {"DOMAIN", "Q2 2019/20", K::Date, "2019-09-30", "", "", "quarter Q2 2019/20"},
    {"DOMAIN", "1st April 2017. First review of progress September 2016", K::Date, "2017-04-01", "2016-09-30", "", "date"},
    {"DOMAIN", "Ongoing", K::Ongoing, "", "", "", ""},
    {"DOMAIN", "Continuous", K::Ongoing, "", "", "", ""},
    // seed 004 report dates and plan period
    {"004 header", "17 APRIL 2006", K::Date, "2006-04-17", "", "", "date"},
    {"004 signature", "10 April 2006", K::Date, "2006-04-10", "", "", "date"},
    {"004 7.1 plan period", "2005/2008", K::Unreadable, "", "", "", ""},
    // seed 003 year headings
    {"003 budget heading", "2016-17", K::Date, "2017-03-31", "", "", "financial year 2016/17"},
    {"003 budget heading (two-digit span)", "16-17", K::Unreadable, "", "", "", ""},
    // seed 000 plan period
    {"000 2.3", "2019-2022", K::Unreadable, "", "", "", ""},
};
INSTANTIATE_TEST_SUITE_P(Seeds, SeedDuePhrase, testing::ValuesIn(seed_phrases));

// The table above must hold every due-date cell of the seeds' plan tables.
TEST(DueDate, EverySeedDueCellIsInTheTable) {
    if (!std::filesystem::is_directory(test::seeds_dir())) GTEST_SKIP() << "seeds not found at " << test::seeds_dir();
    std::vector<std::string> cells = test::seed_column("000", "Target Date");
    const auto timescales = test::seed_column("001", "Timescale");
    cells.insert(cells.end(), timescales.begin(), timescales.end());
    EXPECT_GE(cells.size(), 20u);
    for (const std::string& cell : cells) {
        const bool listed = std::any_of(std::begin(seed_phrases), std::end(seed_phrases),
                                        [&](const DueCase& c) { return c.as_written == cell; });
        EXPECT_TRUE(listed) << "seed due-date cell missing from the table: \"" << cell << "\"";
    }
}

// seed 003 Appendix 1 "Inspection Date": dd/mm/yy, day before month.
TEST(DueDate, Seed003InspectionDatesAreDayMonthTwoDigitYear) {
    const std::pair<const char*, const char*> dates[] = {
        {"06/01/17", "2017-01-06"}, {"15/02/17", "2017-02-15"}, {"28/09/16", "2016-09-28"}, {"03/11/16", "2016-11-03"},
        {"25/01/17", "2017-01-25"}, {"07/11/16", "2016-11-07"}, {"01/03/17", "2017-03-01"}, {"27/10/16", "2016-10-27"},
        {"18/01/16", "2016-01-18"}, {"18/03/15", "2015-03-18"}, {"25/02/15", "2015-02-25"}, {"08/02/16", "2016-02-08"},
        {"16/03/15", "2015-03-16"}, {"21/01/16", "2016-01-21"}, {"24/02/16", "2016-02-24"}, {"04/09/15", "2015-09-04"},
        {"17/03/16", "2016-03-17"}, {"01/09/16", "2016-09-01"}, {"24/03/17", "2017-03-24"}, {"22/02/17", "2017-02-22"},
        {"08/12/16", "2016-12-08"}, {"22/12/16", "2016-12-22"}, {"04/11/16", "2016-11-04"},
    };
    for (const auto& [written, expected] : dates) {
        const Due due = parse_due(written);
        EXPECT_EQ(due.kind, Due::Kind::Date) << written;
        EXPECT_EQ(iso(due.date), expected) << written;
    }
}

const DueCase edge_cases[] = {
    {"numeric", "01/04/2017", K::Date, "2017-04-01", "", "", "date"},
    {"numeric", "1/4/17", K::Date, "2017-04-01", "", "", "date"},
    {"numeric", "01.04.2017", K::Date, "2017-04-01", "", "", "date"},
    {"numeric", "01-04-2017", K::Date, "2017-04-01", "", "", "date"},
    {"ISO", "2017-04-01", K::Date, "2017-04-01", "", "", "date"},
    {"no such day", "31/02/2019", K::Unreadable, "", "", "", ""},
    {"no such day", "29/02/2019", K::Unreadable, "", "", "", ""},
    {"leap day", "29/02/2020", K::Date, "2020-02-29", "", "", "date"},
    {"US order is not guessed", "12/31/2019", K::Unreadable, "", "", "", ""},
    {"no such day", "31st June 2019", K::Unreadable, "", "", "", ""},
    {"words", "1st April 2017", K::Date, "2017-04-01", "", "", "date"},
    {"words", "1 April 2017", K::Date, "2017-04-01", "", "", "date"},
    {"words", "1st of April 2017", K::Date, "2017-04-01", "", "", "date"},
    {"words", "April 1st 2017", K::Date, "2017-04-01", "", "", "date"},
    {"words", "April 1, 2017", K::Date, "2017-04-01", "", "", "date"},
    {"words", "1 Apr 17", K::Date, "2017-04-01", "", "", "date"},
    {"month", "Sept 2016", K::Date, "2016-09-30", "", "", "month alone"},
    {"month", "Sept. 2016", K::Date, "2016-09-30", "", "", "month alone"},
    {"month", "Sep-19", K::Date, "2019-09-30", "", "", "month alone"},
    {"month", "February 2020", K::Date, "2020-02-29", "", "", "month alone"},
    {"month", "february 2019", K::Date, "2019-02-28", "", "", "month alone"},
    {"month", "end of March 2020", K::Date, "2020-03-31", "", "", "month alone"},
    {"month", "End March 2020", K::Date, "2020-03-31", "", "", "month alone"},
    {"month", "by March 2020", K::Date, "2020-03-31", "", "", "month alone"},
    {"month", "Target: March 2020", K::Date, "2020-03-31", "", "", "month alone"},
    {"month", "To be completed by March 2020", K::Date, "2020-03-31", "", "", "month alone"},
    {"month, no year", "June", K::Unreadable, "", "", "", ""},
    {"month, ambiguous 19", "June 19", K::Unreadable, "", "", "", ""},
    {"financial year", "2019-20", K::Date, "2020-03-31", "", "", "financial year 2019/20"},
    {"financial year", "2019/2020", K::Date, "2020-03-31", "", "", "financial year 2019/20"},
    {"financial year", "by end of financial year 2019/20", K::Date, "2020-03-31", "", "", "financial year 2019/20"},
    {"financial year", "1999/00", K::Date, "2000-03-31", "", "", "financial year 1999/00"},
    {"not consecutive", "2019/21", K::Unreadable, "", "", "", ""},
    {"session", "academic year 2019/20", K::Date, "2020-06-30", "", "", "school session 2019/20"},
    {"session", "2019/20 session", K::Date, "2020-06-30", "", "", "school session 2019/20"},
    {"session", "school year 2019-20", K::Date, "2020-06-30", "", "", "school session 2019/20"},
    {"quarter", "Q1 2019/20", K::Date, "2019-06-30", "", "", "quarter Q1 2019/20"},
    {"quarter", "Q3 2019/20", K::Date, "2019-12-31", "", "", "quarter Q3 2019/20"},
    {"quarter", "Q4 2019/20", K::Date, "2020-03-31", "", "", "quarter Q4 2019/20"},
    {"quarter", "Quarter 4 2019-20", K::Date, "2020-03-31", "", "", "quarter Q4 2019/20"},
    {"quarter", "Q2 19/20", K::Date, "2019-09-30", "", "", "quarter Q2 2019/20"},
    {"quarter", "End of Q4 2019/20", K::Date, "2020-03-31", "", "", "quarter Q4 2019/20"},
    {"two-digit span alone", "19/20", K::Unreadable, "", "", "", ""},
    {"Excel d-mmm-yy", "31-Mar-20", K::Date, "2020-03-31", "", "", "date"},
    {"Excel d-mmm-yyyy", "1-Apr-2017", K::Date, "2017-04-01", "", "", "date"},
    {"day and month, no year", "31st March", K::Unreadable, "", "", "", ""},
    {"day and month, no year", "31/03", K::Unreadable, "", "", "", ""},
    {"quarter, one year", "Q3 2019", K::Date, "2019-09-30", "", "", "calendar quarter Q3 2019"},
    {"quarter, no year", "Q3", K::Unreadable, "", "", "", ""},
    {"year", "end of 2019", K::Date, "2019-12-31", "", "", "end of year 2019"},
    {"year alone", "2019", K::Unreadable, "", "", "", ""},
    {"year alone", "by 2022", K::Unreadable, "", "", "", ""},
    {"season", "Summer 2019", K::Unreadable, "", "", "", ""},
    {"start", "March 2020 onwards", K::Ongoing, "", "", "", ""},
    {"start", "Ongoing from June 2019", K::Ongoing, "", "", "", ""},
    {"start", "from April 2020", K::Ongoing, "", "", "", ""},
    {"immediate", "Immediately", K::Immediate, "", "", "", "immediate"},
    {"immediate", "With immediate effect", K::Immediate, "", "", "", "immediate"},
    {"ongoing", "On-going - reviewed quarterly", K::Ongoing, "", "", "quarterly", "ongoing"},
    {"season", "Autumn 2019", K::Unreadable, "", "", "", ""},
    {"vague", "Early 2020", K::Unreadable, "", "", "", ""},
    {"revised", "June 2020 (revised from March 2020)", K::Unreadable, "", "", "", ""},
    {"recurrence", "Quarterly", K::Ongoing, "", "", "quarterly", ""},
    {"recurrence", "Annually", K::Ongoing, "", "", "annually", ""},
    {"recurrence", "June 2019 and reviewed annually thereafter", K::Date, "2019-06-30", "", "annually", "month alone"},
    {"recurrence", "March 2017, then six-monthly", K::Date, "2017-03-31", "", "six monthly", "month alone"},
    {"recurrence", "March 2017 and 6 monthly thereafter", K::Date, "2017-03-31", "", "six monthly", "month alone"},
    {"two dates", "June 2019 and March 2020", K::Unreadable, "", "", "", ""},
    {"two dates", "June 2019 / review December 2019", K::Date, "2019-06-30", "2019-12-31", "", ""},
    {"placeholder", "TBC", K::Unreadable, "", "", "", ""},
    {"placeholder", "n/a", K::Unreadable, "", "", "", ""},
    {"relative", "within next three months", K::Unreadable, "", "", "", ""},
    {"review only", "Review process to begin immediately", K::Unreadable, "", "", "", ""},
    {"nothing", "", K::None, "", "", "", ""},
    {"nothing", "  \n ", K::None, "", "", "", ""},
    {"curly and dashes", "1st April 2017 \u2013 review September 2017", K::Date, "2017-04-01", "2017-09-30", "", ""},
    {"non-breaking space", "June\u00a02019", K::Date, "2019-06-30", "", "", "month alone"},
};
INSTANTIATE_TEST_SUITE_P(Edges, SeedDuePhrase, testing::ValuesIn(edge_cases));

TEST(DueDate, DateCellWinsAndIsWrittenAsIso) {
    const Due due = parse_due("whatever the text says", Date{2019, 6, 30});
    EXPECT_EQ(due.kind, Due::Kind::Date);
    EXPECT_EQ(due.as_written, "2019-06-30");
    EXPECT_EQ(iso(due.date), "2019-06-30");
    EXPECT_EQ(due.basis, "date cell");
}

TEST(DueDate, ImpossibleDateCellIsUnreadable) {
    const Due due = parse_due("", Date{2019, 2, 31});
    EXPECT_EQ(due.kind, Due::Kind::Unreadable);
    EXPECT_FALSE(due.date);
}

TEST(DueDate, SingleYearQuarterFollowsTheContext) {
    DueContext financial;
    financial.single_year_quarter = DueContext::SingleYearQuarter::Financial;
    EXPECT_EQ(iso(parse_due("Q3 2019", std::nullopt, financial).date), "2019-12-31");
    EXPECT_EQ(iso(parse_due("Q4 2019", std::nullopt, financial).date), "2020-03-31");
    DueContext strict;
    strict.single_year_quarter = DueContext::SingleYearQuarter::Unreadable;
    EXPECT_EQ(parse_due("Q3 2019", std::nullopt, strict).kind, Due::Kind::Unreadable);
    EXPECT_EQ(iso(parse_due("Q4 2019").date), "2019-12-31");
}

TEST(DueDate, UnreadableSaysWhy) {
    EXPECT_NE(parse_due("31/02/2019").basis.find("no such date"), std::string::npos);
    EXPECT_NE(parse_due("Summer 2019").basis.find("summer"), std::string::npos);
    EXPECT_NE(parse_due("June 2019 and March 2020").basis.find("two different due dates"), std::string::npos);
}

TEST(DueDate, HostileInputNeverCrashes) {
    EXPECT_EQ(parse_due(std::string("\xff\xfe June \xc3", 10)).kind, Due::Kind::Unreadable);
    std::string long_text;
    for (int i = 0; i < 20000; ++i) long_text += "1/";
    EXPECT_EQ(parse_due(long_text).kind, Due::Kind::Unreadable);
    EXPECT_EQ(parse_due("99999999999999999999/99999999999999/9999999999").kind, Due::Kind::Unreadable);
    EXPECT_EQ(parse_due(std::string(5000, '9')).kind, Due::Kind::Unreadable);
    EXPECT_EQ(parse_due(std::string("June\0 2019", 10)).kind, Due::Kind::Date);  // a NUL is dropped as a control character
}

// Regression: start dates were read with parse_due, so a period gave its
// last day ("April 2020" started on 2020-04-30).
TEST(StartDate, APeriodStartsOnItsFirstDay) {
    EXPECT_EQ(iso(parse_start("April 2020")), "2020-04-01");
    EXPECT_EQ(iso(parse_start("Sep-19")), "2019-09-01");
    EXPECT_EQ(iso(parse_start("2019/20")), "2019-04-01") << "financial year";
    EXPECT_EQ(iso(parse_start("session 2019/20")), "2019-08-01") << "school session";
    EXPECT_EQ(iso(parse_start("Q2 2019/20")), "2019-07-01");
    EXPECT_EQ(iso(parse_start("Q4 19/20")), "2020-01-01");
    EXPECT_EQ(iso(parse_start("Q3 2019")), "2019-07-01") << "calendar quarter";
    DueContext financial;
    financial.single_year_quarter = DueContext::SingleYearQuarter::Financial;
    EXPECT_EQ(iso(parse_start("Q3 2019", financial)), "2019-10-01");
    EXPECT_EQ(iso(parse_start("From June 2019")), "2019-06-01");
    EXPECT_EQ(iso(parse_start("15/04/2020")), "2020-04-15") << "a day is its own first day";
    EXPECT_EQ(iso(parse_start("1st April 2017")), "2017-04-01");
    EXPECT_EQ(iso(parse_start("")), "");
    EXPECT_EQ(iso(parse_start("Ongoing")), "");
    EXPECT_EQ(iso(parse_start("Summer 2019")), "");
    // The same words still give the period's end as a due date.
    EXPECT_EQ(iso(parse_due("April 2020").date), "2020-04-30");
    EXPECT_EQ(iso(parse_due("Q2 2019/20").date), "2019-09-30");
}

TEST(DueDate, MonthEnds) {
    EXPECT_EQ(last_day_of_month(2019, 12), (Date{2019, 12, 31}));
    EXPECT_EQ(last_day_of_month(2100, 2), (Date{2100, 2, 28}));
    EXPECT_EQ(last_day_of_month(2000, 2), (Date{2000, 2, 29}));
    EXPECT_TRUE(is_valid_date({2020, 2, 29}));
    EXPECT_FALSE(is_valid_date({2019, 13, 1}));
    EXPECT_FALSE(is_valid_date({2019, 4, 31}));
}

}  // namespace
}  // namespace plancon
