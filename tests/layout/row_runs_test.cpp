// Runs of rows with nothing to say are one record each, not one per row.
// Regressions for two findings: a 1.7 KB .xlsx whose only cell is XFD1048576
// made build_plan keep 1,048,575 blank-row records (1 s / 263 MB; the fuzzer
// timed out on it under ASan), and an 812-byte .ods whose one cell is repeated
// down the whole sheet made `consolidate` write a million skipped rows to the
// Sources and Issues sheets (15.5 s / 1.8 GB). Both files come from
// tests/read/hostile/make_hostile*.py.
#include "plancon/layout.hpp"
#include "plancon/read.hpp"
#include "row_accounting.hpp"
#include "sheet_builder.hpp"

#include "test_config.hpp"

#include <gtest/gtest.h>

using namespace plancon;
using plancon::test::config_with_profile;
using plancon::test::test_config;
using plancon::test::SheetBuilder;
using F = RowRecord::Fate;

namespace {

std::string hostile(const std::string& name) { return std::string(PLANCON_SOURCE_DIR) + "/tests/read/hostile/" + name; }

}  // namespace

TEST(RowRuns, BlankRowsAboveAFarCellAreOneRecord) {
    Workbook wb = read_workbook(hostile("far_cell_reference.xlsx"));
    Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.rows.size(), 2u);
    EXPECT_EQ(plan.rows[0].fate, F::Blank);
    EXPECT_EQ(plan.rows[0].source.row, 1u);
    EXPECT_EQ(plan.rows[0].last_row(), 1048575u);
    EXPECT_EQ(row_label(plan.rows[0]), "1-1048575");
    EXPECT_EQ(plan.rows[1].source.row, 1048576u);
    EXPECT_EQ(plan.rows[1].row_count, 1u);
    EXPECT_EQ(rows_covered(plan), 1048576u);
    test::expect_rows_conserved(wb, plan);
}

TEST(RowRuns, NeighbouringRowsSkippedForOneReasonAreOneRecord) {
    ReadOptions options;
    options.max_cells = 2'000'000;
    Workbook wb = read_workbook(hostile("more/ods_repeat_beyond_sheet.ods"), options);
    ASSERT_EQ(wb.sheets.at(0).cells.size(), 1048576u);
    Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.rows.size(), 1u);
    EXPECT_EQ(plan.rows[0].fate, F::Skipped);
    EXPECT_EQ(plan.rows[0].reason, "single cell on a sheet with no table");
    EXPECT_EQ(rows_with_fate(plan, F::Skipped), 1048576u);
    test::expect_rows_conserved(wb, plan);
}

TEST(RowRuns, RunsStopAtAnotherReasonOrARowThatSaysSomething) {
    Workbook wb;
    SheetBuilder(wb, "Plan")
        .row(1, {"orphan", "row", "before any header"})
        .row(5, {"Action", "Lead", "Due Date"})
        .row(6, {"Do the thing", "CMT", "June 2019"})
        .row(7, {"", "CMT", "June 2019"})
        .row(8, {"", "CMT", "July 2019"})
        .row(9, {"Do the other thing", "CMT", "June 2019"})
        .row(12, {"", "Chief Executive", "2019/20"})
        .done();
    Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.actions.size(), 2u);
    std::vector<std::string> records;
    for (const RowRecord& r : plan.rows)
        records.push_back(row_label(r) + " " + std::string(to_string(r.fate)) + (r.reason.empty() ? "" : ": " + r.reason));
    EXPECT_EQ(records, (std::vector<std::string>{
                           "1 skipped: no table header above this row",
                           "2-4 blank",
                           "5 header",
                           "6 action",
                           "7-8 skipped: no action text in this row",
                           "9 action",
                           "10-11 blank",
                           "12 skipped: no action text in this row",
                       }));
    test::expect_rows_conserved(wb, plan);
}

TEST(RowRuns, AnIgnoredSheetIsOneRecord) {
    Workbook wb;
    SheetBuilder(wb, "Plan").row(1, {"Action", "Lead"}).row(2, {"Do the thing", "CMT"}).done();
    SheetBuilder(wb, "Lookups").row(1, {"Red"}).row(400, {"Amber"}).done();
    const Config p = config_with_profile("sheet-kind: Look* = ignore\n");
    Plan plan = build_plan(wb, p);
    ASSERT_EQ(plan.rows.size(), 3u);
    EXPECT_EQ(plan.rows[2].source.sheet, "Lookups");
    EXPECT_EQ(row_label(plan.rows[2]), "1-400");
    EXPECT_EQ(plan.rows[2].reason, "sheet ignored by the profile");
    test::expect_rows_conserved(wb, plan);
}

// make_hostile_more.py's merged_rows_under_a_full_row.xlsx: 20,000
// full-width merged rows under a row of 16,384 cells. The merge index kept
// a list per column of every merge crossing it (330 million entries, 15.9 s
// and 2.6 GB); now a segment tree over the rows. Every row is still
// accounted for, and merged cells still fill down (checked in code below).
TEST(MergeIndex, ThousandsOfFullWidthMergesCostLittle) {
    Workbook wb = read_workbook(hostile("more/merged_rows_under_a_full_row.xlsx"));
    ASSERT_EQ(wb.sheets.at(0).merged.size(), 20000u);
    Plan plan = build_plan(wb, test_config());
    EXPECT_EQ(rows_covered(plan), 1u);  // the used range ends with the cells; the merges below hold none
    test::expect_rows_conserved(wb, plan);
}

TEST(MergeIndex, FindsTheMergeOverACellAmongManyShapes) {
    Workbook wb;
    SheetBuilder(wb, "Plan")
        .row(1, {"Priority", "Action", "Lead"})
        .row(2, {"Tall merge", "First action", "CMT"})
        .row(3, {"", "Second action", "Finance"})
        .row(4, {"", "Third action", ""})
        .row(5, {"Next", "Fourth action"})
        .done();
    // A2:A4 tall, C3:C4 beside it, B5:C5 wide: the look-up must tell which
    // covers what.
    wb.sheets.back().merged = {Range{{1, 0}, {3, 0}}, Range{{2, 2}, {3, 2}}, Range{{4, 1}, {4, 2}}};
    Plan plan = build_plan(wb, test_config());
    ASSERT_EQ(plan.actions.size(), 4u) << dump_plan(plan);
    EXPECT_EQ(plan.actions[1].leads_as_written, "Finance");
    EXPECT_EQ(plan.actions[2].leads_as_written, "Finance") << "row 4's lead comes from the merge C3:C4";
    bool lead_from_c3 = false;
    for (const FilledFrom& f : plan.actions[2].filled_from) lead_from_c3 |= f.cell == "C3";
    EXPECT_TRUE(lead_from_c3) << dump_plan(plan);
    for (int i : {1, 2}) {
        ASSERT_EQ(plan.actions[i].extra.size(), 1u);
        EXPECT_EQ(plan.actions[i].extra[0].second, "Tall merge");
    }
    EXPECT_EQ(plan.actions[3].leads_as_written, "") << "B5:C5 starts on its own row: nothing to fill";
    test::expect_rows_conserved(wb, plan);
}
