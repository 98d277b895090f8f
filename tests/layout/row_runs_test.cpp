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

#include <gtest/gtest.h>

using namespace plancon;
using plancon::test::SheetBuilder;
using F = RowRecord::Fate;

namespace {

std::string hostile(const std::string& name) { return std::string(PLANCON_SOURCE_DIR) + "/tests/read/hostile/" + name; }

}  // namespace

TEST(RowRuns, BlankRowsAboveAFarCellAreOneRecord) {
    Workbook wb = read_workbook(hostile("far_cell_reference.xlsx"));
    Plan plan = build_plan(wb, default_profile());
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
    Plan plan = build_plan(wb, default_profile());
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
    Plan plan = build_plan(wb, default_profile());
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
    Profile p = merge_profiles(default_profile(), parse_profile("sheet-kind: Look* = ignore\n", "t"));
    Plan plan = build_plan(wb, p);
    ASSERT_EQ(plan.rows.size(), 3u);
    EXPECT_EQ(plan.rows[2].source.sheet, "Lookups");
    EXPECT_EQ(row_label(plan.rows[2]), "1-400");
    EXPECT_EQ(plan.rows[2].reason, "sheet ignored by the profile");
    test::expect_rows_conserved(wb, plan);
}
