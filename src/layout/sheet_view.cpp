#include "layout/sheet_view.hpp"

#include "plancon/text.hpp"

namespace plancon::layout_detail {

std::vector<RowView> read_rows(const Sheet& sheet, const MergeIndex& merges) {
    std::vector<RowView> rows;
    for (const Cell& c : sheet.cells) {
        if (c.type == CellType::Empty) continue;
        std::string text(trim(display_value(sheet, c)));
        if (text.empty()) continue;
        if (rows.empty() || rows.back().row != c.row) rows.push_back({c.row, {}});
        RowCell rc{c.col, 1, std::move(text), &c};
        if (const Range* m = merges.at(c.ref()); m && m->first == c.ref()) rc.span = m->last.col - m->first.col + 1;
        rows.back().cells.push_back(std::move(rc));
    }
    return rows;
}

std::string value_at(const Sheet& sheet, const MergeIndex& merges, const RowView& row, std::uint32_t col,
                     std::string* filled_from, const Cell** cell) {
    if (const RowCell* own = row.at(col)) {
        if (cell) *cell = own->cell;
        return own->text;
    }
    const Range* m = merges.at({row.row, col});
    if (!m || m->first.row == row.row) return {};
    const Cell* top = sheet.find(m->first);
    if (!top || top->type == CellType::Empty) return {};
    std::string text(trim(display_value(sheet, *top)));
    if (!text.empty() && filled_from) *filled_from = cell_name(m->first);
    if (!text.empty() && cell) *cell = top;
    return text;
}

}  // namespace plancon::layout_detail
