// Layout recognition beyond the seed layouts: each case the issue "read the
// trackers departments really send" reported, in its smallest form. The
// generated layouts (tests/layout/generated) and the shared trackers
// (tracker_items_test.cpp) measure the same at scale.
#include "plancon/layout.hpp"
#include "plancon/normalise.hpp"
#include "row_accounting.hpp"
#include "sheet_builder.hpp"
#include "test_config.hpp"

#include <gtest/gtest.h>

using namespace plancon;
using plancon::test::config_with_profile;
using plancon::test::SheetBuilder;
using plancon::test::test_config;
using F = RowRecord::Fate;

namespace {

const TableLayout::Column* column(const Plan& plan, std::size_t table, const std::string& header) {
    for (const TableLayout::Column& c : plan.tables.at(table).columns)
        if (c.header == header) return &c;
    return nullptr;
}

}  // namespace

// 1. A wide header with few known words is still the header.
TEST(Recognition, AWideHeaderWithFewKnownWords) {
    Workbook wb;
    SheetBuilder(wb, "Tracker")
        .row(1, {"S.No", "Task Description", "Owner", "Status", "Target Date", "Remarks", "Vendor", "Region"})
        .row(2, {"1", "Collect the baseline data from every team", "A. Patel", "Open", "31/03/2020", "", "Acme", "North"})
        .row(3, {"2", "Agree the reporting template with managers", "J. Smith", "Closed", "30/04/2020", "ok", "Acme", "South"})
        .done();
    const Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.actions.size(), 2u) << dump_plan(plan);
    EXPECT_EQ(plan.actions[0].text_as_written, "Collect the baseline data from every team");
    EXPECT_EQ(plan.actions[0].leads_as_written, "A. Patel");
    EXPECT_EQ(plan.actions[1].due.as_written, "30/04/2020");
    EXPECT_EQ(plan.actions[0].kind, "task");
    test::expect_rows_conserved(wb, plan);
}

// 2. Header words at word level, with their kin.
TEST(Recognition, HeaderWordsOfOtherDepartments) {
    Workbook wb;
    SheetBuilder(wb, "Plan")
        .row(1, {"Key deliverables", "Who is responsible", "By when", "RAG rating", "Commentary"})
        .row(2, {"Publish the annual report", "Head of Housing", "June 2020", "Green", "On schedule"})
        .done();
    const Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.actions.size(), 1u) << dump_plan(plan);
    const Action& a = plan.actions[0];
    EXPECT_EQ(a.text_as_written, "Publish the annual report");
    EXPECT_EQ(a.leads_as_written, "Head of Housing");
    EXPECT_EQ(a.due.as_written, "June 2020");
    EXPECT_EQ(a.status_as_written, "Green");
    EXPECT_EQ(a.progress, "On schedule");
    EXPECT_EQ(a.kind, "deliverable");
}

// 3. Known fields but no action header: the column of longest, most varied
// text holds the items (POI bug 48962's "Snarf"); nothing at all: a warning.
TEST(Recognition, TheActionColumnFoundByItsText) {
    Workbook wb;
    SheetBuilder(wb, "Sheet1")
        .row(1, {"#", "Snarf", "Status", "Due Date", "Assigned To"})
        .row(2, {"1", "Research vendors on Google", "Complete", "TBD", "Mark"})
        .row(3, {"2", "Compile list of first round vendors", "Complete", "", "Mark"})
        .row(4, {"3", "Circulate list to executives for comments", "In Progress", "", "Sue"})
        .done();
    const Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.actions.size(), 3u) << dump_plan(plan);
    EXPECT_EQ(plan.actions[2].text_as_written, "Circulate list to executives for comments");
    EXPECT_NE(column(plan, 0, "Snarf")->evidence.find("content"), std::string::npos);

    Workbook form;
    SheetBuilder(form, "Form").row(1, {"Ref", "Status", "Owner", "Due date"}).row(2, {"1", "Green", "J. Smith", "31/03/2020"}).done();
    const Plan none = build_plan(form, test_config());
    EXPECT_TRUE(none.actions.empty());
    ASSERT_EQ(none.warnings.size(), 1u);
    EXPECT_NE(none.warnings[0].message.find("no action column"), std::string::npos) << none.warnings[0].message;
    EXPECT_EQ(tables_without_action_column(none), 1u);
    test::expect_rows_conserved(form, none);
}

// 4. A form block above the real header loses: nothing below it fits.
TEST(Recognition, AFormBlockAboveTheHeaderLoses) {
    Workbook wb;
    SheetBuilder(wb, "Deliverables")
        .row(1, {"Continuous Monitoring Deliverables"})
        .row(2, {"CSP:", "(Cloud Service Provider name)", "CSO:", "(Cloud Service Offering name)"})
        .row(3, {"Impact Level:", "(select)", "Completed by:", "(main POC name)"})
        .row(5, {"Activity", "Control ID", "Description", "Frequency", "Responsible?"})
        .row(6, {"Monthly executive summary", "CA-05", "A summary of the monthly submission", "Monthly", "CSP"})
        .row(7, {"Vulnerability scanning", "RA-05a", "Scans submitted to the AO", "Monthly", "CSP"})
        .done();
    const Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.tables.size(), 1u) << dump_plan(plan);
    EXPECT_EQ(plan.tables[0].header_row, 5u);
    ASSERT_EQ(plan.actions.size(), 2u);
    EXPECT_EQ(plan.actions[0].text_as_written, "Monthly executive summary");
    EXPECT_EQ(plan.actions[0].leads_as_written, "CSP");
    test::expect_rows_conserved(wb, plan);
}

// 5. A heading right under the header, then rows of short texts: still the table.
TEST(Recognition, AHeadingUnderTheHeaderDoesNotEndTheTable) {
    Workbook wb;
    SheetBuilder(wb, "Plan")
        .row(1, {"No.", "Action", "Responsible Officer", "Timescale", "RAG", "Latest Note"})
        .row(2, {"IMPROVEMENT ACTION 1: Complaints"})
        .row(3, {"1.1", "Monitor complaints", "Head of Service", "March 2020", "Green", "On track"})
        .row(4, {"1.2", "Publish the report", "CMT", "June 2020", "Amber", "Late"})
        .row(5, {"IMPROVEMENT ACTION 2: Staff"})
        .row(6, {"2.1", "Survey staff", "HR Manager", "2019/20", "Red", "Not yet"})
        .done();
    const Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.actions.size(), 3u) << dump_plan(plan);
    EXPECT_EQ(plan.tables.size(), 1u);
    EXPECT_EQ(plan.actions[2].priority, 1);
    EXPECT_EQ(plan.actions[2].ref, "2.1");
}

// 6. "Task #" is an id, not the task.
TEST(Recognition, TaskNumberIsNotTheTask) {
    Workbook wb;
    SheetBuilder(wb, "WBS")
        .row(1, {"Task #", "Task", "Responsibility", "Start Date", "End Date"})
        .row(2, {"1", "Design the system", "", "", ""})
        .row(3, {"1.1", "Remediate gaps", "CSP", "", ""})
        .row(4, {"1.2", "Review the gaps", "Agency", "", ""})
        .done();
    const Plan plan = build_plan(wb, test_config());
    EXPECT_EQ(column(plan, 0, "Task #")->field, "ref");
    EXPECT_EQ(column(plan, 0, "Task")->field, "action");
    EXPECT_EQ(column(plan, 0, "Start Date")->field, "start");
    EXPECT_EQ(column(plan, 0, "End Date")->field, "due");
    // "1" over "1.1": a group heading of the work breakdown, its tasks the items.
    ASSERT_EQ(plan.actions.size(), 2u) << dump_plan(plan);
    EXPECT_EQ(plan.rows[1].fate, F::Priority);
    EXPECT_EQ(plan.actions[0].priority, 0);
}

// 7. A date-time cell under the due date gives its date.
TEST(Recognition, ADateTimeCellGivesItsDate) {
    Workbook wb;
    SheetBuilder(wb, "T").row(1, {"Action", "Lead", "Due Date"}).row(2, {"Publish the plan", "CMT"}).datetime(2, 2, 2020, 6, 30, 14, 5).done();
    Plan plan = build_plan(wb, test_config());
    normalise_plan(plan, test_config());
    ASSERT_EQ(plan.actions.size(), 1u);
    const Due& due = plan.actions[0].due;
    EXPECT_EQ(due.kind, Due::Kind::Date) << due.basis;
    ASSERT_TRUE(due.date);
    EXPECT_EQ(to_iso(*due.date), "2020-06-30");
    EXPECT_EQ(due.as_written, "2020-06-30T14:05:00");
    // The same as text, as a CSV export writes it.
    EXPECT_EQ(to_iso(*parse_due("2020-06-30 14:05").date), "2020-06-30");
}

// 8. Lone numbers and dates are placeholders, never headings or the title.
TEST(Recognition, LoneNumbersAreNotTitles) {
    Workbook wb;
    SheetBuilder(wb, "RAID")
        .row(1, {"Action", "Owner"})
        .row(2, {"Agree the plan", "CMT"})
        .number(3, 0, 14)
        .date(5, 1, 2008, 4, 15)
        .done();
    const Plan plan = build_plan(wb, test_config());
    EXPECT_TRUE(plan.document.title.empty()) << plan.document.title;
    EXPECT_EQ(plan.rows[2].fate, F::Skipped);
    EXPECT_EQ(plan.rows[2].reason, "placeholder: a number or date alone");
    test::expect_rows_conserved(wb, plan);
}

// 9. The service from the title, a "Service:" row, the sheet or file name.
TEST(Recognition, TheServiceAndWhereItCameFrom) {
    auto service_of = [](const std::string& title, const std::string& sheet, const std::string& file) {
        Workbook wb;
        wb.path = file;
        SheetBuilder(wb, sheet).row(1, {title}).row(2, {"Action", "Lead"}).row(3, {"Do it", "CMT"}).done();
        const Plan plan = build_plan(wb, test_config());
        return plan.document.service + " <- " + plan.document.service_source;
    };
    EXPECT_EQ(service_of("Appendix 1b Children & Families Service - PSIF Assessment 2019", "Plan", "x.xlsx"),
              "Children and Families <- the title");
    EXPECT_EQ(service_of("Leisure & Culture Service Improvement Plan 2019-20", "Plan", "x.xlsx"),
              "Leisure and Culture <- the title");
    EXPECT_EQ(service_of("Improvement Plan", "Housing", "x.xlsx"), "Housing <- the sheet name 'Housing'");
    EXPECT_EQ(service_of("Improvement Plan", "Plan", "/data/c&f tracker q2.xlsx"), "Children and Families <- the file name");
    EXPECT_EQ(service_of("Service: Community Justice", "Plan", "x.xlsx").substr(0, 21), "Community Justice <- ");
}

// 10. "Complete?" is a yes/no, not a percentage.
TEST(Recognition, CompleteQuestionIsNoPercentage) {
    Workbook wb;
    SheetBuilder(wb, "T").row(1, {"Action", "Complete?"}).row(2, {"Publish the plan", ""}).number(2, 1, 1).done();
    const Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.actions.size(), 1u);
    EXPECT_FALSE(plan.actions[0].percent_complete);
    EXPECT_EQ(column(plan, 0, "Complete?")->field, "status");
}

// A two-row header: a group cell merged over the columns below it.
TEST(Recognition, AHeaderOfTwoRows) {
    Workbook wb;
    SheetBuilder(wb, "T")
        .row(1, {"Action", "Timescales", "", "Lead"})
        .row(2, {"", "Start", "End", ""})
        .row(3, {"Publish the plan", "April 2020", "March 2021", "CMT"})
        .merge("B1:C1")
        .merge("A1:A2")
        .merge("D1:D2")
        .done();
    const Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.tables.size(), 1u) << dump_plan(plan);
    EXPECT_EQ(plan.tables[0].header_rows, 2u);
    ASSERT_EQ(plan.actions.size(), 1u);
    EXPECT_EQ(plan.actions[0].due.as_written, "March 2021");
    EXPECT_EQ(plan.actions[0].start_as_written, "April 2020");
    EXPECT_EQ(plan.rows[1].fate, F::Header);
}

// A template's guidance, format and example rows, a key and a total are not items.
TEST(Recognition, TemplateRowsAreNotItems) {
    Workbook wb;
    SheetBuilder(wb, "T")
        .row(1, {"Ref", "Action", "Lead", "Due date"})
        .row(2, {"Unique identifier for each action", "Describe the action to be taken", "Name or post of the person responsible",
                 "Date by which the action will be completed"})
        .row(3, {"Number", "Text", "Text", "DD/MM/YYYY"})
        .row(4, {"e.g.", "Consult on the strategy", "J. Bloggs (example)", "31/03/2020"})
        .row(5, {"1", "Publish the plan", "CMT", "31/03/2021"})
        .row(6, {"Total actions: 1"})
        .row(7, {"Key"})
        .row(8, {"Red", "Off track"})
        .done();
    const Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.actions.size(), 1u) << dump_plan(plan);
    EXPECT_EQ(plan.actions[0].text_as_written, "Publish the plan");
    ASSERT_EQ(plan.rows.size(), 7u) << dump_plan(plan);
    EXPECT_EQ(plan.rows[5].reason, "total");
    EXPECT_EQ(plan.rows[6].reason, "key or legend");  // rows 7-8: "Key" and "Red | Off track"
    EXPECT_EQ(plan.rows[6].row_count, 2u);
    EXPECT_EQ(plan.rows[1].reason, "guidance: describes the table's columns");
    EXPECT_EQ(plan.rows[2].reason, "format hints of a template");
    EXPECT_EQ(plan.rows[3].reason, "example row of a template");
    test::expect_rows_conserved(wb, plan);
}

// A real header after hundreds of short data rows that each hold a header
// word or two: weighing is capped, but the cap keeps the rows with the most
// header words, so the header is still weighed and taken.
TEST(Recognition, AHeaderAfterHundredsOfHeaderLikeRows) {
    Workbook wb;
    SheetBuilder sheet(wb, "Log");
    std::uint32_t row = 1;
    for (int i = 0; i < 400; ++i, ++row)
        sheet.text(row, 0, "Owner update " + std::to_string(i)).text(row, 1, "Status note " + std::to_string(i));
    ++row;
    const std::uint32_t header = row;
    sheet.row(row++, {"Risk", "Owner", "Mitigation", "Likelihood", "Due date"});
    sheet.row(row++, {"Supplier fails to deliver the new system", "Head of IT", "Agree a fallback supplier", "High", "31/03/2021"});
    sheet.row(row++, {"Staff turnover delays the review", "HR Manager", "Cover the key posts", "Medium", "30/06/2021"});
    sheet.done();
    const Plan plan = build_plan(wb, test_config());
    ASSERT_FALSE(plan.tables.empty()) << describe_layout(plan);
    EXPECT_EQ(plan.tables.back().header_row, header);
    ASSERT_EQ(plan.actions.size(), 2u) << describe_layout(plan);
    EXPECT_EQ(plan.actions[1].leads_as_written, "HR Manager");
    test::expect_rows_conserved(wb, plan);
}

// A header repeated at every page break, thousands of times, shares one
// weighing (it used to be copied per repeat: 1.2 GB for 200,000); every
// repeat is still a repeated header and every row between is an action.
TEST(Recognition, AHeaderRepeatedThousandsOfTimes) {
    Workbook wb;
    SheetBuilder sheet(wb, "Plan");
    std::uint32_t row = 1;
    constexpr int repeats = 3000;
    for (int i = 0; i < repeats; ++i) {
        sheet.row(row++, {"Action", "Lead", "Due date"});
        sheet.row(row++, {"Review the service plan part " + std::to_string(i), "Head of Service", "31/03/2021"});
    }
    sheet.done();
    const Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.tables.size(), 1u);
    EXPECT_EQ(plan.tables[0].repeated_header_rows.size(), std::size_t(repeats - 1));
    EXPECT_EQ(plan.actions.size(), std::size_t(repeats));
    test::expect_rows_conserved(wb, plan);
}

// A sheet the profile reads as findings keeps its other tables' rows as
// appendix data: only a table with a finding column becomes findings (a
// table without one used to become findings with no fields, its rows skipped).
TEST(Recognition, AFindingsSheetKeepsItsOtherTables) {
    Workbook wb;
    SheetBuilder(wb, "Findings")
        .row(1, {"Strengths", "Areas for improvement"})
        .row(2, {"Staff know their service users well", "Care plans are not always reviewed on time"})
        .row(4, {"Ref", "Status", "Owner", "Due date"})
        .row(5, {"1", "Green", "A. Patel", "31/03/2020"})
        .row(6, {"2", "Amber", "J. Smith", "30/06/2020"})
        .done();
    const Plan plan = build_plan(wb, config_with_profile("sheet-kind: Findings = findings\n"));
    ASSERT_EQ(plan.findings.size(), 1u) << describe_layout(plan);
    ASSERT_EQ(plan.appendices.size(), 1u) << describe_layout(plan);
    ASSERT_EQ(plan.appendices[0].rows.size(), 2u);
    EXPECT_EQ(plan.appendices[0].rows[1].values[2], "J. Smith");
    EXPECT_EQ(tables_without_action_column(plan), 1u);
    test::expect_rows_conserved(wb, plan);
}

// A percentage column found by its content, with no header cell: a value
// that is no percentage is kept under the column's letter, never under "".
TEST(Recognition, AnUnreadablePercentageUnderNoHeaderKeepsItsColumn) {
    Workbook wb;
    SheetBuilder(wb, "T")
        .row(1, {"Action", "Lead", ""})
        .row(2, {"Publish the plan", "CMT", "50%"})
        .row(3, {"Consult on the strategy", "Head of Policy", "75%"})
        .row(4, {"Train the staff", "HR Manager", "25%"})
        .row(5, {"Review the budget", "Finance Manager", "about half"})
        .done();
    const Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.actions.size(), 4u) << describe_layout(plan);
    ASSERT_EQ(column(plan, 0, "")->field, "percent-complete") << describe_layout(plan);
    ASSERT_EQ(plan.actions[3].extra.size(), 1u);
    EXPECT_EQ(plan.actions[3].extra[0], (std::pair<std::string, std::string>{"C", "about half"}));
}

// What `plancon profile` writes for a header of two rows names the column on
// the next run: "Timescales / End" as written is a synonym of the two rows.
TEST(Recognition, AProfileWrittenForATwoRowHeaderReadsItBack) {
    Workbook wb;
    SheetBuilder(wb, "T")
        .row(1, {"Action", "Lead", "Timescales", ""})
        .row(2, {"", "", "Start", "End"})
        .row(3, {"Publish the plan", "CMT", "April 2020", "March 2021"})
        .row(4, {"Consult on the strategy", "Head of Policy", "May 2020", "June 2021"})
        .merge("A1:A2")
        .merge("B1:B2")
        .merge("C1:D1")
        .done();
    const Plan first = build_plan(wb, test_config());
    ASSERT_EQ(first.tables.size(), 1u) << describe_layout(first);
    const TableLayout::Column* end = column(first, 0, "Timescales / End");
    ASSERT_NE(end, nullptr) << describe_layout(first);
    ASSERT_EQ(end->field, "due");
    ASSERT_EQ(end->evidence.rfind("header words: end", 0), 0u) << end->evidence;
    const std::string profile = suggest_profile({first}, test_config());
    ASSERT_NE(profile.find("\ndue: Timescales / End\n"), std::string::npos) << profile;
    const Plan again = build_plan(wb, config_with_profile(profile));
    const TableLayout::Column* named = column(again, 0, "Timescales / End");
    ASSERT_NE(named, nullptr) << describe_layout(again);
    EXPECT_EQ(named->evidence.rfind("header \"Timescales / End\" (profile)", 0), 0u) << named->evidence;
    EXPECT_EQ(again.actions.at(1).due.as_written, "June 2021");
}
