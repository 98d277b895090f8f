// Checks that a plan accounts for every row of every sheet exactly once, and
// that the data rows add up to what the plan holds.
#pragma once

#include "plancon/layout.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

namespace plancon::test {

inline void expect_rows_conserved(const Workbook& wb, const Plan& plan) {
    // Each sheet's records, as runs of rows; checked as intervals so that a
    // sheet of a million blank rows costs one record here too.
    std::map<std::string, std::vector<std::pair<std::uint32_t, std::uint32_t>>> runs;
    for (const RowRecord& r : plan.rows) {
        // Only blank and skipped rows come as runs; everything else is one row.
        EXPECT_GE(r.row_count, 1u) << to_string(r.source);
        if (r.row_count > 1) {
            EXPECT_TRUE(r.fate == RowRecord::Fate::Blank || r.fate == RowRecord::Fate::Skipped)
                << to_string(r.source) << " covers " << r.row_count << " rows as " << to_string(r.fate);
        }
        runs[r.source.sheet].emplace_back(r.source.row, r.last_row());
    }
    std::set<std::string> sheets;
    for (const Sheet& sheet : wb.sheets) {
        sheets.insert(sheet.name);
        auto used = sheet.used_range();
        const std::uint32_t rows_in_sheet = used ? used->last.row + 1 : 0;
        auto sheet_runs = runs[sheet.name];
        std::sort(sheet_runs.begin(), sheet_runs.end());
        std::uint32_t next = 1;  // the first row not yet accounted for
        for (const auto& [first, last] : sheet_runs) {
            EXPECT_EQ(first, next) << "sheet " << sheet.name << ": row " << first
                                   << (first < next ? " accounted for twice" : " follows a gap");
            next = last + 1;
        }
        EXPECT_EQ(next - 1, rows_in_sheet) << "sheet " << sheet.name;
    }
    for (const auto& [sheet, r] : runs) EXPECT_TRUE(sheets.count(sheet)) << "records for unknown sheet " << sheet;
    std::map<RowRecord::Fate, std::size_t> fates;
    for (const RowRecord& r : plan.rows) fates[r.fate] += r.row_count;
    std::size_t appendix_rows = 0;
    for (const AppendixTable& t : plan.appendices) appendix_rows += t.rows.size();
    EXPECT_EQ(fates[RowRecord::Fate::Action], plan.actions.size());
    EXPECT_EQ(fates[RowRecord::Fate::Finding], plan.findings.size());
    EXPECT_EQ(fates[RowRecord::Fate::Appendix], appendix_rows);
    std::size_t total = 0;
    for (const auto& [fate, n] : fates) total += n;
    EXPECT_EQ(total, rows_covered(plan));
    // Records come in row order, sheet by sheet, without overlapping.
    for (std::size_t i = 1; i < plan.rows.size(); ++i)
        if (plan.rows[i].source.sheet == plan.rows[i - 1].source.sheet) {
            EXPECT_GT(plan.rows[i].source.row, plan.rows[i - 1].last_row()) << to_string(plan.rows[i].source);
        }
    // Each action and finding points back at the row that made it.
    for (const RowRecord& r : plan.rows) {
        if (r.fate == RowRecord::Fate::Action) {
            ASSERT_GE(r.index, 0);
            ASSERT_LT(std::size_t(r.index), plan.actions.size());
            EXPECT_EQ(plan.actions[std::size_t(r.index)].source, r.source);
        }
        if (r.fate == RowRecord::Fate::Finding) {
            ASSERT_GE(r.index, 0);
            ASSERT_LT(std::size_t(r.index), plan.findings.size());
            EXPECT_EQ(plan.findings[std::size_t(r.index)].source, r.source);
        }
        if (r.fate == RowRecord::Fate::Skipped) {
            EXPECT_FALSE(r.reason.empty()) << to_string(r.source);
        }
    }
}

}  // namespace plancon::test
