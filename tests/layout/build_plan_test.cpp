// build_plan on workbooks built in code: one layout quirk per test.
#include "plancon/layout.hpp"
#include "row_accounting.hpp"
#include "sheet_builder.hpp"

#include "test_config.hpp"

#include <gtest/gtest.h>

using namespace plancon;
using plancon::test::config_with_profile;
using plancon::test::test_config;
using plancon::test::SheetBuilder;

namespace {


std::vector<RowRecord::Fate> fates(const Plan& plan) {
    std::vector<RowRecord::Fate> out;
    // One entry a row, so a run of blank rows reads as what it covers.
    for (const RowRecord& r : plan.rows) out.insert(out.end(), r.row_count, r.fate);
    return out;
}

using F = RowRecord::Fate;

}  // namespace

TEST(BuildPlan, FindsTheHeaderBelowTitleRowsAndMapsColumns) {
    Workbook wb;
    wb.path = "tracker.xlsx";
    SheetBuilder(wb, "Q2")
        .row(1, {"Corporate Improvement Actions Tracker"})
        .row(2, {"Quarter 2 2019/20 update"})
        .row(4, {"Ref", "Responsible Officer", "Action", "Due Date", "RAG", "Progress update (Q2 2019/20)", "Cost centre"})
        .row(5, {"CF-1", "CMT", "Integrated approach to budget planning across the Council", "", "Green", "On plan", "C100"})
        .date(5, 3, 2020, 3, 31)
        .done();
    Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.actions.size(), 1u);
    const Action& a = plan.actions[0];
    EXPECT_EQ(a.ref, "CF-1");
    EXPECT_EQ(a.leads_as_written, "CMT");
    EXPECT_EQ(a.text_as_written, "Integrated approach to budget planning across the Council");
    EXPECT_EQ(a.due.as_written, "2020-03-31");
    EXPECT_EQ(a.status_as_written, "Green");
    EXPECT_EQ(a.progress, "On plan");
    ASSERT_EQ(a.extra.size(), 1u);
    EXPECT_EQ(a.extra[0].first, "Cost centre");
    EXPECT_EQ(a.extra[0].second, "C100");
    EXPECT_EQ(a.source, (Provenance{"tracker.xlsx", "Q2", 5}));
    EXPECT_EQ(plan.document.title, "Corporate Improvement Actions Tracker");
    EXPECT_TRUE(plan.priorities.empty()) << "title rows above a single table are not priorities";
    EXPECT_EQ(fates(plan), (std::vector<F>{F::Heading, F::Heading, F::Blank, F::Header, F::Action}));
    ASSERT_EQ(plan.tables.size(), 1u);
    EXPECT_EQ(plan.tables[0].header_row, 4u);
    EXPECT_EQ(plan.tables[0].columns[6].field, "");
    test::expect_rows_conserved(wb, plan);
}

TEST(BuildPlan, HeadingBulletsRepeatedHeaderAndMergedCellsSpanningActions) {
    Workbook wb;
    SheetBuilder(wb, "Plan")
        .row(1, {"IMPROVEMENT ACTION 1: Develop a locality based model for service delivery to:"})
        .merge("A1:D1")
        .row(2, {"- improve accessibility for customers"})
        .merge("A2:D2")
        .row(3, {"Outcomes", "Improvement actions", "Target Date", "Lead"})
        .row(4, {"Easier access", "Review the GIRFEC Model", "During Session 2019/20", "Chief Education Officer"})
        .row(5, {"", "Improve communication", "During session 2019/20", ""})
        .row(6, {"", "Pilot a 365 school", "", ""})
        .merge("A4:A6")
        .merge("D4:D6")
        .row(8, {"IMPROVEMENT ACTION 1: Develop a locality based model for service delivery to:"})
        .merge("A8:D8")
        .row(9, {"- improve accessibility for customers"})
        .merge("A9:D9")
        .row(10, {"Outcomes", "Improvement actions", "Target Date", "Lead"})
        .row(11, {"Clarity", "Share learning", "June 2019", "Glyn Lloyd"})
        .done();
    Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.priorities.size(), 1u);
    EXPECT_EQ(plan.priorities[0].ref, "1");
    EXPECT_EQ(plan.priorities[0].kind, "improvement action");
    EXPECT_EQ(plan.priorities[0].title, "Develop a locality based model for service delivery to:");
    EXPECT_EQ(plan.priorities[0].points, std::vector<std::string>{"improve accessibility for customers"});
    ASSERT_EQ(plan.actions.size(), 4u);
    for (const Action& a : plan.actions) EXPECT_EQ(a.priority, 0);
    // Rows 5 and 6 take outcome and lead from the merged cells A4 and D4.
    EXPECT_EQ(plan.actions[1].outcome, "Easier access");
    EXPECT_EQ(plan.actions[2].leads_as_written, "Chief Education Officer");
    EXPECT_EQ(plan.actions[2].due.as_written, "");
    ASSERT_EQ(plan.actions[2].filled_from.size(), 2u);
    EXPECT_EQ(plan.actions[2].filled_from[0].field, "outcome");
    EXPECT_EQ(plan.actions[2].filled_from[0].cell, "A4");
    EXPECT_EQ(plan.actions[2].filled_from[1].field, "lead");
    EXPECT_EQ(plan.actions[2].filled_from[1].cell, "D4");
    EXPECT_TRUE(plan.actions[0].filled_from.empty()) << "the merge's own row is not filled from elsewhere";
    EXPECT_EQ(plan.actions[3].leads_as_written, "Glyn Lloyd");
    EXPECT_EQ(fates(plan), (std::vector<F>{F::Priority, F::Priority, F::Header, F::Action, F::Action, F::Action, F::Blank,
                                           F::Priority, F::Priority, F::Header, F::Action}));
    EXPECT_EQ(plan.rows[9].reason, "repeated header");
    EXPECT_EQ(plan.tables.size(), 1u);
    EXPECT_EQ(plan.tables[0].repeated_header_rows, std::vector<std::uint32_t>{10});
    test::expect_rows_conserved(wb, plan);
}

TEST(BuildPlan, UnnumberedAreaHeadingsAboveRepeatedHeadersAndAnUnnamedIdColumn) {
    Workbook wb;
    SheetBuilder(wb, "Appendix 1")
        .row(1, {"Improvement Plan"})
        .row(2, {"June 2016"})
        .row(3, {"Develop a strategic approach to providing parenting and family support."})
        .row(4, {"", "Actions", "Lead(s)", "Timescale"})
        .row(5, {"1.1", "Further develop our hierarchy of need model", "ICS Strategy and Performance Team",
                 "First review December 2016 and reviewed annually thereafter"})
        .row(6, {"Improve the quality and consistency of individual Child's Plans."})
        .row(7, {"", "Actions", "Lead(s)", "Timescale"})
        .row(8, {"2.1", "Develop a programme of learning", "GIG", "September 2016 and six monthly thereafter"})
        .row(9, {"", "Actions", "Lead(s)", "Timescale"})
        .row(10, {"2.2", "Quality Assurance of individual Child's Plans.", "GIG", "September 2016"})
        .done();
    Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.priorities.size(), 2u) << dump_plan(plan);
    EXPECT_EQ(plan.priorities[0].ref, "1") << "taken from the ids of its actions";
    EXPECT_EQ(plan.priorities[1].ref, "2");
    EXPECT_EQ(plan.priorities[1].title, "Improve the quality and consistency of individual Child's Plans.");
    ASSERT_EQ(plan.actions.size(), 3u);
    EXPECT_EQ(plan.actions[0].ref, "1.1");
    EXPECT_EQ(plan.actions[2].ref, "2.2");
    EXPECT_EQ(plan.actions[2].priority, 1);
    EXPECT_EQ(fates(plan), (std::vector<F>{F::Heading, F::Heading, F::Priority, F::Header, F::Action, F::Priority,
                                           F::Header, F::Action, F::Header, F::Action}));
    test::expect_rows_conserved(wb, plan);
}

TEST(BuildPlan, ContinuedHeadingJoinsThePriorityItContinues) {
    Workbook wb;
    SheetBuilder(wb, "P")
        .row(1, {"Priority 1: Early years"})
        .row(2, {"Ref", "Actions", "Lead", "Timescale"})
        .row(3, {"1.1", "Extend family support", "GIG", "June 2019"})
        .row(4, {"Priority 2: Corporate parenting"})
        .row(5, {"2.1", "Implement the Care Leavers Covenant", "LAC SPG", "2019/20"})
        .row(6, {"Priority 1: Early years (continued)"})
        .row(7, {"1.2", "Review speech and language referrals", "DHSCP", "December 2019"})
        .done();
    Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.priorities.size(), 2u);
    ASSERT_EQ(plan.actions.size(), 3u);
    EXPECT_EQ(plan.actions[0].priority, 0);
    EXPECT_EQ(plan.actions[1].priority, 1) << "a heading between data rows, with no header repeated";
    EXPECT_EQ(plan.actions[2].priority, 0);
    EXPECT_EQ(plan.rows[5].fate, F::Priority);
    EXPECT_EQ(plan.rows[5].index, 0);
    EXPECT_EQ(plan.rows[5].reason, "continues priority heading of row 1");
    test::expect_rows_conserved(wb, plan);
}

TEST(BuildPlan, FindingsTakeTheirThemeAndLinks) {
    Workbook wb;
    SheetBuilder(wb, "Appendix 1a")
        .row(1, {"STRENGTHS & AREAS FOR IMPROVEMENT"})
        .row(3, {"LEADERSHIP"})
        .row(4, {"STRENGTHS", "AFI", "CURRENT/PLANNED ACTION (AFI)"})
        .row(5, {"Leaders build partnerships", "Strengthen the links between data and resources",
                 "Linked to Improvement Actions 4 and 5 Place based data"})
        .row(6, {"RESULTS"})
        .row(7, {"STRENGTHS", "AFI", "CURRENT/PLANNED ACTION"})
        .row(8, {"", "Identify a succinct set of indicators", "Linked to Improvement Actions 1, 4 and 5."})
        .row(9, {"", "Measure the impact of training", "Identified as a priority: Improvement Action 3"})
        .done();
    Plan plan = build_plan(wb, test_config());
    EXPECT_TRUE(plan.actions.empty()) << "areas for improvement are findings, not actions\n" << dump_plan(plan);
    ASSERT_EQ(plan.findings.size(), 3u) << dump_plan(plan);
    EXPECT_EQ(plan.findings[0].theme, "LEADERSHIP");
    EXPECT_EQ(plan.findings[0].strength, "Leaders build partnerships");
    ASSERT_EQ(plan.findings[0].links.size(), 2u);
    EXPECT_EQ(plan.findings[0].links[0].target, "Improvement Action 4");
    EXPECT_EQ(plan.findings[0].links[1].target, "Improvement Action 5");
    EXPECT_EQ(plan.findings[0].links[1].as_written, "Improvement Actions 4 and 5");
    EXPECT_EQ(plan.findings[1].theme, "RESULTS");
    ASSERT_EQ(plan.findings[1].links.size(), 3u);
    EXPECT_EQ(plan.findings[1].links[2].target, "Improvement Action 5");
    ASSERT_EQ(plan.findings[2].links.size(), 1u);
    EXPECT_EQ(plan.findings[2].links[0].target, "Improvement Action 3");
    EXPECT_EQ(plan.rows[2].reason, "theme: LEADERSHIP");
    test::expect_rows_conserved(wb, plan);
}

TEST(BuildPlan, GradingsAreAnAppendixWithTypedDisplayValues) {
    Workbook wb;
    SheetBuilder(wb, "Appendix 1")
        .row(1, {"Summary of Care Inspectorate Gradings"})
        .row(3, {"Organisation", "Name of Service", "Inspection Date", "Quality of Care and Support",
                 "Quality of Environment"})
        .row(4, {"Dundee City Council", "White Top Centre"})
        .date(4, 2, 2017, 1, 6)
        .number(4, 3, 6)
        .number(4, 4, 6)
        .row(5, {"Dundee City Council", "Fostering Services", "", "", "n/a"})
        .date(5, 2, 2015, 9, 4)
        .number(5, 3, 4)
        .row(6, {"- not assessed n/a - no requirement to be assessed"})
        .done();
    Plan plan = build_plan(wb, test_config());
    EXPECT_TRUE(plan.actions.empty());
    ASSERT_EQ(plan.appendices.size(), 1u);
    const AppendixTable& t = plan.appendices[0];
    EXPECT_EQ(t.title, "Summary of Care Inspectorate Gradings");
    EXPECT_EQ(t.headers.size(), 5u);
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(t.rows[0].values, (std::vector<std::string>{"Dundee City Council", "White Top Centre", "2017-01-06", "6", "6"}));
    EXPECT_EQ(t.rows[1].values, (std::vector<std::string>{"Dundee City Council", "Fostering Services", "2015-09-04", "4", "n/a"}));
    EXPECT_EQ(t.rows[1].source.row, 5u);
    EXPECT_EQ(fates(plan), (std::vector<F>{F::Heading, F::Blank, F::Header, F::Appendix, F::Appendix, F::Heading}));
    test::expect_rows_conserved(wb, plan);
}

TEST(BuildPlan, SeveralTablesOnOneSheetWithSpacerRows) {
    Workbook wb;
    SheetBuilder(wb, "Plans")
        .row(1, {"1. Unpaid work"})
        .row(2, {"Ref", "Action", "Lead Officer", "Target Date"})
        .row(3, {"1.1", "Increase the range of placements", "Service Manager", "March 2020"})
        .row(6, {"2. Throughcare"})
        .row(7, {"Ref", "Action", "Lead Officer", "Target Date"})
        .row(8, {"2.1", "Implement the throughcare standards", "Service Manager", "2019/20"})
        .row(10, {"Budget lines"})
        .row(11, {"Service", "Budget", "Spend to date"})
        .row(12, {"Unpaid work", "£120,000", "£61,250"})
        .done();
    Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.priorities.size(), 2u);
    EXPECT_EQ(plan.priorities[1].title, "Throughcare");
    ASSERT_EQ(plan.actions.size(), 2u);
    ASSERT_EQ(plan.appendices.size(), 1u);
    EXPECT_EQ(plan.appendices[0].title, "Budget lines");
    EXPECT_EQ(plan.appendices[0].rows[0].values, (std::vector<std::string>{"Unpaid work", "£120,000", "£61,250"}));
    EXPECT_EQ(fates(plan), (std::vector<F>{F::Priority, F::Header, F::Action, F::Blank, F::Blank, F::Priority, F::Header,
                                           F::Action, F::Blank, F::Heading, F::Header, F::Appendix}));
    test::expect_rows_conserved(wb, plan);
}

TEST(BuildPlan, RowsWithoutActionTextOrHeaderAreSkippedWithAReason) {
    Workbook wb;
    SheetBuilder(wb, "S")
        .row(1, {"orphan", "row", "before any header"})
        .row(2, {"Action", "Lead", "Due Date"})
        .row(3, {"", "CMT", "June 2019"})
        .row(4, {"Do the thing", "CMT", "June 2019"})
        .done();
    Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.actions.size(), 1u);
    EXPECT_EQ(fates(plan), (std::vector<F>{F::Skipped, F::Header, F::Skipped, F::Action}));
    EXPECT_EQ(plan.rows[0].reason, "no table header above this row");
    EXPECT_EQ(plan.rows[2].reason, "no action text in this row");
    test::expect_rows_conserved(wb, plan);
}

TEST(BuildPlan, HiddenSheetsAndRowsAreReadButWarnedAbout) {
    Workbook wb;
    SheetBuilder(wb, "Plan")
        .row(1, {"Action", "Lead"})
        .row(2, {"Visible action", "CMT"})
        .row(3, {"Hidden action", "CMT"})
        .row(5, {"Hidden too", "CMT"})
        .row(6, {"And this", "CMT"})
        .hide_row(3)
        .hide_row(5)
        .hide_row(6)
        .hide_row(40)  // below the last used row: nothing to say
        .done();
    SheetBuilder(wb, "Old").row(1, {"Action", "Owner"}).row(2, {"Last year's action", "CMT"}).done();
    wb.sheets[1].visibility = Visibility::Hidden;
    Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.actions.size(), 5u);
    ASSERT_EQ(plan.warnings.size(), 3u);
    EXPECT_EQ(plan.warnings[0].source.row, 3u);
    EXPECT_EQ(plan.warnings[0].message, "row is hidden: read like the others");
    EXPECT_EQ(plan.warnings[1].source.row, 5u);
    EXPECT_EQ(plan.warnings[1].message, "rows 5-6 are hidden: read like the others");
    EXPECT_EQ(plan.warnings[2].source.sheet, "Old");
    EXPECT_NE(plan.warnings[2].message.find("sheet is hidden"), std::string::npos);
    test::expect_rows_conserved(wb, plan);
}

TEST(BuildPlan, ProfileHintsServiceAndSheetKinds) {
    Workbook wb;
    SheetBuilder(wb, "Plan").row(1, {"Action", "Lead"}).row(2, {"Do the thing", "CMT"}).done();
    SheetBuilder(wb, "Lookups").row(1, {"Action", "Lead"}).row(2, {"Red", "Amber"}).done();
    const Config p = config_with_profile("service: Community Justice\nsheet-kind: Look* = ignore\n");
    Plan plan = build_plan(wb, p);
    ASSERT_EQ(plan.actions.size(), 1u);
    EXPECT_EQ(plan.actions[0].service, "Community Justice");
    EXPECT_EQ(plan.rows[2].fate, F::Skipped);
    EXPECT_EQ(plan.rows[2].reason, "sheet ignored by the profile");
    // --service is for inputs that name none: the profile's service comes first.
    EXPECT_EQ(build_plan(wb, p, LayoutOptions{"Children & Families"}).actions[0].service, "Community Justice");
    EXPECT_EQ(build_plan(wb, test_config(), LayoutOptions{"Children & Families"}).actions[0].service, "Children & Families");
    EXPECT_EQ(build_plan(wb, test_config(), LayoutOptions{"Children & Families"}).document.service_source, "--service");
    test::expect_rows_conserved(wb, plan);
}

TEST(BuildPlan, PercentCompleteFromAPercentCell) {
    Workbook wb;
    SheetBuilder(wb, "T")
        .row(1, {"Action", "% Complete", "Status"})
        .row(2, {"A", "", "On track"})
        .number(2, 1, 0.4, "0%")
        .row(3, {"B", "", ""})
        .number(3, 1, 75)
        .row(4, {"C", "62.5%", ""})
        .row(5, {"D", "about half", ""})
        .row(6, {"E", "150%", ""})
        .done();
    Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.actions.size(), 5u) << dump_plan(plan);
    ASSERT_TRUE(plan.actions[0].percent_complete);
    EXPECT_DOUBLE_EQ(*plan.actions[0].percent_complete, 40);
    EXPECT_DOUBLE_EQ(*plan.actions[1].percent_complete, 75);
    EXPECT_DOUBLE_EQ(*plan.actions[2].percent_complete, 62.5);
    EXPECT_EQ(plan.actions[0].status_as_written, "On track");
    // Words that are no percentage are kept as written, never dropped.
    EXPECT_FALSE(plan.actions[3].percent_complete);
    ASSERT_EQ(plan.actions[3].extra.size(), 1u);
    EXPECT_EQ(plan.actions[3].extra[0], (std::pair<std::string, std::string>{"% Complete", "about half"}));
    EXPECT_FALSE(plan.actions[4].percent_complete);
    EXPECT_EQ(plan.actions[4].extra.size(), 1u);
}

TEST(BuildPlan, EmptyWorkbookAndEmptySheetGiveAnEmptyPlan) {
    Workbook wb;
    Plan empty = build_plan(wb, test_config());
    EXPECT_TRUE(empty.rows.empty());
    SheetBuilder(wb, "Blank").done();
    Plan plan = build_plan(wb, test_config());
    EXPECT_TRUE(plan.rows.empty());
    EXPECT_NE(dump_plan(plan).find("rows: 0"), std::string::npos);
}

TEST(DescribeLayout, ShowsTablesColumnsPrioritiesAndRowFatesButNoActions) {
    Workbook wb;
    wb.path = "plan.xlsx";
    SheetBuilder(wb, "Plan")
        .row(1, {"AIM 3: To make the best use of resources"})
        .row(2, {"No.", "We will", "Action Owner", "Notes"})
        .row(3, {"3.1", "Implement a sound commissioning strategy", "Head of Service", "x"})
        .done();
    std::string text = describe_layout(wb, test_config());
    EXPECT_EQ(text,
              "file: plan.xlsx\n"
              "sheet \"Plan\"\n"
              "  table (actions) header row 2\n"
              "    items: actions; the header names the items (header score 28.8)\n"
              "    A \"No.\" -> ref  [header \"No.\" (profile); content: 100% short ids 2.0]\n"
              "    B \"We will\" -> action  [header \"We will\" (profile); content: text of 40 characters on average 2.5]\n"
              "    C \"Action Owner\" -> lead  [header \"Action Owner\" (profile); content: 100% names of people, posts or bodies 2.5]\n"
              "    D \"Notes\" -> progress  [header words: notes 3.8]\n"
              "priorities: 1\n"
              "  P0 aim AIM 3: To make the best use of resources  [Plan row 1]\n"
              "rows: 3\n"
              "  sheet \"Plan\"\n"
              "    1 priority 0\n"
              "    2 header 0\n"
              "    3 action 0\n"
              "counts: action=1 header=1 priority=1\n");
}

// Whatever the grid holds, every row gets exactly one fate and the counts add
// up: rows of random cells, merges and headers from a fixed seed.
TEST(BuildPlan, RandomGridsAlwaysConserveRows) {
    std::uint64_t state = 0x9E3779B97F4A7C15ull;
    auto next = [&state](std::uint32_t n) {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        return std::uint32_t(state % n);
    };
    const std::vector<std::string> words{"Action", "Lead", "Due Date", "STRENGTHS", "AFI", "Status", "- a point",
                                         "IMPROVEMENT ACTION 2: x", "1. Area", "(continued)", "CMT", "June 2019",
                                         "Budget", "£1,206", "Outcomes", "LEADERSHIP", "Priority 1: x (continued)"};
    for (int round = 0; round < 200; ++round) {
        Workbook wb;
        SheetBuilder b(wb, "R" + std::to_string(round));
        std::uint32_t rows = 1 + next(30), cols = 1 + next(6);
        for (std::uint32_t r = 1; r <= rows; ++r)
            for (std::uint32_t c = 0; c < cols; ++c) {
                std::uint32_t pick = next(words.size() + 8);
                if (pick < words.size()) b.text(r, c, words[pick]);
                else if (pick == words.size()) b.number(r, c, next(100));
                else if (pick == words.size() + 1) b.date(r, c, 2019, 1 + next(12), 1);
            }
        for (int m = 0, merges = int(next(4)); m < merges; ++m) {
            std::uint32_t r = next(rows), c = next(cols);
            b.sheet().merged.push_back({{r, c}, {r + next(3), c + next(2)}});
        }
        if (next(3) == 0) b.hide_row(1 + next(rows));
        b.done();
        Plan plan = build_plan(wb, test_config());
        test::expect_rows_conserved(wb, plan);
        EXPECT_FALSE(dump_plan(plan).empty());
        if (HasFailure()) {
            ADD_FAILURE() << "round " << round << "\n" << dump_plan(plan);
            break;
        }
    }
}

TEST(BuildPlan, PriorityRowsWrittenInTheTableColumns) {
    Workbook wb;
    SheetBuilder(wb, "P")
        .row(1, {"Ref", "Action", "Lead", "Timescale"})
        .row(2, {"8.4", "Resources"})
        .row(3, {"8.4.1", "Make better use of placements", "Head of Service", "March 2007"})
        .row(4, {"8.11", "Targets/Outcomes"})
        .row(5, {"8.11.1", "Agree targets", "ICS", "Ongoing"})
        .row(6, {"8.12", "Workforce Strategy"})
        .done();
    Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.priorities.size(), 3u);
    EXPECT_EQ(plan.priorities[0].ref, "8.4");
    EXPECT_EQ(plan.priorities[2].title, "Workforce Strategy") << "a sibling of the priority above, nothing under it yet";
    ASSERT_EQ(plan.actions.size(), 2u);
    EXPECT_EQ(plan.actions[1].priority, 1);
    test::expect_rows_conserved(wb, plan);
}

TEST(BuildPlan, ActionsWithOnlyRefAndTextUnderAnAimStayActions) {
    Workbook wb;
    SheetBuilder(wb, "P")
        .row(1, {"AIM 3: To make the best use of resources"})
        .row(2, {"No.", "We will"})
        .row(3, {"1", "Implement a sound commissioning strategy"})
        .row(4, {"2", "Develop our capability and capacity"})
        .row(5, {"3", "Reduce the unnecessary use of custody"})
        .done();
    Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.priorities.size(), 1u);
    EXPECT_EQ(plan.actions.size(), 3u);
    test::expect_rows_conserved(wb, plan);
}

TEST(BuildPlan, LabelAndValueRowsAboveTheHeaderAreNotATable) {
    Workbook wb;
    SheetBuilder(wb, "Q2")
        .row(1, {"Service:", "Community Justice"})
        .row(2, {"Quarter:", "Q2 2019/20"})
        .row(3, {"Action", "Lead", "Due Date"})
        .row(4, {"Review unpaid work", "Team Manager", "March 2020"})
        .done();
    Plan plan = build_plan(wb, test_config());
    EXPECT_TRUE(plan.appendices.empty());
    EXPECT_EQ(plan.document.service, "Community Justice");
    ASSERT_EQ(plan.actions.size(), 1u);
    EXPECT_EQ(plan.actions[0].service, "Community Justice");
    EXPECT_EQ(fates(plan), (std::vector<F>{F::Heading, F::Heading, F::Header, F::Action}));
    test::expect_rows_conserved(wb, plan);
}

TEST(BuildPlan, HeadingNumberAndWordsOnSeparateRows) {
    Workbook wb;
    SheetBuilder(wb, "Plan")
        .row(1, {"IMPROVEMENT ACTION 2"})
        .row(2, {"The Values and Capacity of Leaders:"})
        .row(3, {"- Clear expectations and responsibilities"})
        .row(4, {"Outcomes", "Improvement actions", "Target Date", "Lead"})
        .row(5, {"Leaders are equipped to lead", "Clear communications with all staff", "Immediate",
                 "Children & Families Management Team"})
        .row(6, {"IMPROVEMENT ACTION 2"})
        .row(7, {"The Values and Capacity of Leaders:"})
        .row(8, {"Outcomes", "Improvement actions", "Target Date", "Lead"})
        .row(9, {"Leaders are equipped to lead", "Embed the practice of regular informal conversations", "", ""})
        .done();
    Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.priorities.size(), 1u);
    EXPECT_EQ(plan.priorities[0].ref, "2");
    EXPECT_EQ(plan.priorities[0].title, "The Values and Capacity of Leaders:");
    EXPECT_EQ(plan.priorities[0].points, std::vector<std::string>{"Clear expectations and responsibilities"});
    EXPECT_EQ(plan.rows[1].fate, F::Priority);
    EXPECT_EQ(plan.rows[1].reason, "title of the priority");
    EXPECT_EQ(plan.rows[6].fate, F::Heading) << "the repeated words after a page break";
    ASSERT_EQ(plan.actions.size(), 2u);
    EXPECT_EQ(plan.actions[1].priority, 0);
    test::expect_rows_conserved(wb, plan);
}

TEST(BuildPlan, UnnumberedHeadingBetweenDataRowsOfOneTable) {
    Workbook wb;
    SheetBuilder(wb, "Tracker")
        .row(1, {"Ref", "Action", "Lead", "Due Date"})
        .row(2, {"Partnerships"})
        .row(3, {"P1", "Build interlinked partnerships across departments", "CMT", "June 2019"})
        .row(4, {"", "", "Chief Officers Group", ""})  // a lead spilling onto its own row: not a heading
        .row(5, {"Co-location"})
        .merge("A5:D5")
        .row(6, {"C1", "Promote team co-location", "ICS", "2019/20"})
        .done();
    Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.priorities.size(), 2u);
    EXPECT_EQ(plan.priorities[0].title, "Partnerships");
    EXPECT_EQ(plan.priorities[1].title, "Co-location");
    ASSERT_EQ(plan.actions.size(), 2u);
    EXPECT_EQ(plan.actions[0].priority, 0);
    EXPECT_EQ(plan.actions[1].priority, 1);
    EXPECT_EQ(plan.rows[3].fate, F::Heading);
    EXPECT_EQ(plan.rows[3].reason, "note");
    test::expect_rows_conserved(wb, plan);
}

// Every provenance on a sheet carries the file's and the sheet's names as one
// shared text, not a copy each: a large run holds millions of provenances.
TEST(BuildPlan, ProvenancesOfASheetShareItsNames) {
    Workbook wb;
    wb.path = "a-tracker-with-a-long-enough-name.xlsx";
    SheetBuilder(wb, "Improvement actions 2019-20")
        .row(1, {"Ref", "Action", "Lead", "Due Date"})
        .row(2, {"1", "Review the workforce development plan", "CMT", "March 2020"})
        .row(3, {"2", "Publish the annual performance report", "CMT", "June 2020"})
        .done();
    const Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.actions.size(), 2u);
    ASSERT_FALSE(plan.rows.empty());
    const Provenance& first = plan.actions[0].source;
    EXPECT_EQ(first, (Provenance{"a-tracker-with-a-long-enough-name.xlsx", "Improvement actions 2019-20", 2}));
    for (const Provenance* p : {&plan.actions[1].source, &plan.rows.front().source, &plan.rows.back().source}) {
        EXPECT_EQ(p->file.c_str(), first.file.c_str());
        EXPECT_EQ(p->sheet.c_str(), first.sheet.c_str());
    }
}

namespace {

// A project plan's sheet: a group heading with no lead or date, its two
// sub-tasks indented under it.
void add_indented_plan(Workbook& wb) {
    SheetBuilder(wb, "Plan")
        .row(1, {"Task", "Owner", "Due Date"})
        .row(2, {"Budget setting", "", ""})
        .row(3, {"    Review the revenue budget assumptions", "Chief Finance Officer", "March 2020"})
        .row(4, {"    Agree the capital programme with members", "Chief Finance Officer", "June 2020"})
        .done();
}

}  // namespace

// A project plan indents sub-tasks under a group heading that has no lead or
// date of its own: the heading is not an item.
TEST(BuildPlan, ATextIndentedUnderARowMakesThatRowAGroupHeading) {
    Workbook wb;
    wb.path = "project.xlsx";
    add_indented_plan(wb);
    const Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.actions.size(), 2u);
    EXPECT_EQ(plan.actions[0].text_as_written, "Review the revenue budget assumptions");
    EXPECT_EQ(fates(plan)[1], F::Priority);
    test::expect_rows_conserved(wb, plan);
}

// The indent is each cell's own. Regression: it was remembered by text, so a
// sub-task whose words had appeared unindented earlier in the workbook (here
// on a summary sheet) took that cell's indent, and its group heading was
// read as an item with no lead.
TEST(BuildPlan, AnIndentIsTheCellsOwnNotThatOfTheSameTextElsewhere) {
    Workbook wb;
    wb.path = "project.xlsx";
    SheetBuilder(wb, "Summary")
        .row(1, {"Task", "Owner", "Due Date"})
        .row(2, {"Review the revenue budget assumptions", "Chief Finance Officer", "March 2020"})
        .row(3, {"Agree the capital programme with members", "Chief Finance Officer", "June 2020"})
        .done();
    add_indented_plan(wb);
    const Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.actions.size(), 4u);
    for (const Action& a : plan.actions) EXPECT_NE(a.text_as_written, "Budget setting");
    test::expect_rows_conserved(wb, plan);
}
