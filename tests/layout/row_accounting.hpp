// Checks that a plan accounts for every row of every sheet exactly once, and
// that the data rows add up to what the plan holds.
#pragma once

#include "plancon/layout.hpp"

#include <gtest/gtest.h>

#include <map>
#include <set>

namespace plancon::test {

inline void expect_rows_conserved(const Workbook& wb, const Plan& plan) {
    std::map<std::string, std::set<std::uint32_t>> seen;
    for (const RowRecord& r : plan.rows) {
        EXPECT_TRUE(seen[r.source.sheet].insert(r.source.row).second)
            << r.source.sheet << " row " << r.source.row << " accounted for twice";
    }
    for (const Sheet& sheet : wb.sheets) {
        auto used = sheet.used_range();
        std::size_t rows_in_sheet = used ? used->last.row + 1 : 0;
        const auto& rows = seen[sheet.name];
        EXPECT_EQ(rows.size(), rows_in_sheet) << "sheet " << sheet.name;
        if (!rows.empty()) {
            EXPECT_EQ(*rows.begin(), 1u) << "sheet " << sheet.name;
            EXPECT_EQ(*rows.rbegin(), rows_in_sheet) << "sheet " << sheet.name;
        }
    }
    std::map<RowRecord::Fate, std::size_t> fates;
    for (const RowRecord& r : plan.rows) ++fates[r.fate];
    std::size_t appendix_rows = 0;
    for (const AppendixTable& t : plan.appendices) appendix_rows += t.rows.size();
    EXPECT_EQ(fates[RowRecord::Fate::Action], plan.actions.size());
    EXPECT_EQ(fates[RowRecord::Fate::Finding], plan.findings.size());
    EXPECT_EQ(fates[RowRecord::Fate::Appendix], appendix_rows);
    std::size_t total = 0;
    for (const auto& [fate, n] : fates) total += n;
    EXPECT_EQ(total, plan.rows.size());
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
