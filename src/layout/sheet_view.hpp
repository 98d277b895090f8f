// The rows of one sheet as the layout stage sees them: the non-empty cells of
// each row with their shown text, their typed value and the merged range they
// head, and which merged range covers any cell.
#pragma once

#include "plancon/grid.hpp"

#include <algorithm>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace plancon::layout_detail {

// Which merged range covers a cell, for any number of ranges of any shape:
// a segment tree over the rows whose nodes hold the ranges that cover their
// whole span of rows, each node's ranges sorted by first column. A range sits
// in at most 40 nodes; a look-up visits 21 and binary-searches each.
// (It kept a list per column, filled on demand with every range crossing that
// column: 100,000 full-width merged rows under a row of 16,384 cells made 1.6
// billion entries, 79 s and 12.9 GB for a 550 KB file.) Ranges that overlap
// each other (invalid, but a file can say anything) may be missed, never
// looped over.
class MergeIndex {
public:
    explicit MergeIndex(const Sheet& sheet) {
        for (const Range& r : sheet.merged) {
            if (r.first.row > r.last.row || r.first.col > r.last.col || r.first.row >= rows) continue;
            insert(&r, 1, 0, rows - 1);
        }
        for (auto& [node, ranges] : nodes_)
            std::sort(ranges.begin(), ranges.end(), [](const Range* a, const Range* b) { return a->first.col < b->first.col; });
    }
    const Range* at(CellRef ref) const {
        if (nodes_.empty() || ref.row >= rows) return nullptr;
        std::uint32_t node = 1, lo = 0, hi = rows - 1;
        for (;;) {
            if (auto it = nodes_.find(node); it != nodes_.end()) {
                const auto& ranges = it->second;
                auto after = std::upper_bound(ranges.begin(), ranges.end(), ref.col,
                                              [](std::uint32_t col, const Range* r) { return col < r->first.col; });
                if (after != ranges.begin() && (*(after - 1))->contains(ref)) return *(after - 1);
            }
            if (lo == hi) return nullptr;
            const std::uint32_t mid = lo + (hi - lo) / 2;
            if (ref.row <= mid) {
                node = 2 * node;
                hi = mid;
            } else {
                node = 2 * node + 1;
                lo = mid + 1;
            }
        }
    }

private:
    static constexpr std::uint32_t rows = max_rows;  // a power of two: 2^20

    void insert(const Range* r, std::uint32_t node, std::uint32_t lo, std::uint32_t hi) {
        if (r->last.row < lo || hi < r->first.row) return;
        if (r->first.row <= lo && hi <= r->last.row) {
            nodes_[node].push_back(r);
            return;
        }
        const std::uint32_t mid = lo + (hi - lo) / 2;
        insert(r, 2 * node, lo, mid);
        insert(r, 2 * node + 1, mid + 1, hi);
    }

    std::unordered_map<std::uint32_t, std::vector<const Range*>> nodes_;
};

struct RowCell {
    std::uint32_t col = 0;
    std::uint32_t span = 1;  // columns covered when the cell heads a merged range
    std::string text;        // as shown, trimmed
    const Cell* cell = nullptr;
};

struct RowView {
    std::uint32_t row = 0;  // 0-based
    std::vector<RowCell> cells;  // by column: Sheet::cells is sorted by (row, col)
    // The row's own cell in col, or nullptr.
    const RowCell* at(std::uint32_t col) const {
        auto it = std::lower_bound(cells.begin(), cells.end(), col, [](const RowCell& c, std::uint32_t k) { return c.col < k; });
        return it != cells.end() && it->col == col ? &*it : nullptr;
    }
};

// The rows holding at least one cell with something shown, in order.
std::vector<RowView> read_rows(const Sheet& sheet, const MergeIndex& merges);

// The value a row shows in a column: its own cell, or the cell heading a
// merged range that covers it from a row above (whose name is then put in
// *filled_from).
std::string value_at(const Sheet& sheet, const MergeIndex& merges, const RowView& row, std::uint32_t col,
                     std::string* filled_from = nullptr, const Cell** cell = nullptr);

}  // namespace plancon::layout_detail
