#include "plancon/grid.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace plancon {

std::uint32_t StringPool::add(std::string_view s) {
    if (s.size() > block_size_ - block_used_) {
        // Blocks grow from 64 KiB to 1 MiB, so a small tracker's pool stays
        // small; a string larger than a block gets a block of its own. Not
        // zeroed: every byte handed out is copied into first (zeroing a MiB
        // for each of a thousand trackers cost a tenth of a consolidation).
        const std::size_t block = blocks_.size() < 4 ? std::size_t(64 << 10) << blocks_.size() : std::size_t(1) << 20;
        block_size_ = std::max(block, s.size());
        blocks_.push_back(std::unique_ptr<char[]>(new char[block_size_]));
        block_used_ = 0;
    }
    char* at = blocks_.back().get() + block_used_;
    if (!s.empty()) std::memcpy(at, s.data(), s.size());
    block_used_ += s.size();
    views_.emplace_back(at, s.size());
    return static_cast<std::uint32_t>(views_.size() - 1);
}

std::string_view to_string(CellType type) {
    switch (type) {
        case CellType::Empty: return "empty";
        case CellType::Text: return "text";
        case CellType::Number: return "number";
        case CellType::Boolean: return "boolean";
        case CellType::DateTime: return "datetime";
        case CellType::Error: return "error";
    }
    return "?";
}

std::string_view to_string(Visibility v) {
    switch (v) {
        case Visibility::Visible: return "visible";
        case Visibility::Hidden: return "hidden";
        case Visibility::VeryHidden: return "very hidden";
    }
    return "?";
}

std::string_view to_string(Format f) {
    switch (f) {
        case Format::Xlsx: return "xlsx";
        case Format::Xlsm: return "xlsm";
        case Format::Ods: return "ods";
        case Format::Xls: return "xls";
        case Format::Csv: return "csv";
        case Format::Tsv: return "tsv";
        case Format::Xlsb: return "xlsb";
        case Format::Unknown: return "unknown";
    }
    return "?";
}

std::string column_name(std::uint32_t col) {
    std::string s;
    std::uint64_t n = std::uint64_t(col) + 1;
    while (n > 0) {
        s.insert(s.begin(), char('A' + (n - 1) % 26));
        n = (n - 1) / 26;
    }
    return s;
}

std::string cell_name(CellRef ref) { return column_name(ref.col) + std::to_string(std::uint64_t(ref.row) + 1); }

std::optional<CellRef> parse_cell_ref(std::string_view a1) {
    std::size_t i = 0;
    if (i < a1.size() && a1[i] == '$') ++i;
    std::uint64_t col = 0;
    std::size_t letters = 0;
    while (i < a1.size() && ((a1[i] >= 'A' && a1[i] <= 'Z') || (a1[i] >= 'a' && a1[i] <= 'z'))) {
        char c = a1[i] >= 'a' ? char(a1[i] - 'a' + 'A') : a1[i];
        col = col * 26 + std::uint64_t(c - 'A' + 1);
        if (++letters > 3) return std::nullopt;
        ++i;
    }
    if (letters == 0) return std::nullopt;
    if (i < a1.size() && a1[i] == '$') ++i;
    std::uint64_t row = 0;
    std::size_t digits = 0;
    while (i < a1.size() && a1[i] >= '0' && a1[i] <= '9') {
        row = row * 10 + std::uint64_t(a1[i] - '0');
        if (++digits > 7) return std::nullopt;
        ++i;
    }
    if (digits == 0 || i != a1.size() || row == 0 || row > max_rows || col > max_cols) return std::nullopt;
    return CellRef{std::uint32_t(row - 1), std::uint32_t(col - 1)};
}

std::string range_name(Range r) {
    if (r.first == r.last) return cell_name(r.first);
    return cell_name(r.first) + ":" + cell_name(r.last);
}

std::optional<Range> parse_range(std::string_view a1) {
    auto colon = a1.find(':');
    if (colon == std::string_view::npos) {
        auto c = parse_cell_ref(a1);
        if (!c) return std::nullopt;
        return Range{*c, *c};
    }
    auto a = parse_cell_ref(a1.substr(0, colon));
    auto b = parse_cell_ref(a1.substr(colon + 1));
    if (!a || !b) return std::nullopt;
    return Range{{std::min(a->row, b->row), std::min(a->col, b->col)},
                 {std::max(a->row, b->row), std::max(a->col, b->col)}};
}

std::optional<Range> Sheet::used_range() const {
    std::optional<Range> r;
    for (const Cell& c : cells) {
        if (c.type == CellType::Empty) continue;
        if (!r) {
            r = Range{c.ref(), c.ref()};
            continue;
        }
        r->first.row = std::min(r->first.row, c.row);
        r->first.col = std::min(r->first.col, c.col);
        r->last.row = std::max(r->last.row, c.row);
        r->last.col = std::max(r->last.col, c.col);
    }
    return r;
}

const Cell* Sheet::find(CellRef ref) const {
    auto it = std::lower_bound(cells.begin(), cells.end(), ref,
                               [](const Cell& c, CellRef r) { return c.ref() < r; });
    if (it == cells.end() || it->ref() != ref) return nullptr;
    return &*it;
}

bool Sheet::row_hidden(std::uint32_t row) const { return std::binary_search(hidden_rows.begin(), hidden_rows.end(), row); }
bool Sheet::col_hidden(std::uint32_t col) const { return std::binary_search(hidden_cols.begin(), hidden_cols.end(), col); }

const Range* Sheet::merge_at(CellRef ref) const {
    for (const Range& r : merged)
        if (r.contains(ref)) return &r;
    return nullptr;
}

void Sheet::finish() {
    // stable_sort keeps file order among equal positions, so the last written survives.
    if (!std::is_sorted(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.ref() < b.ref(); }))
        std::stable_sort(cells.begin(), cells.end(), [](const Cell& a, const Cell& b) { return a.ref() < b.ref(); });
    std::size_t out = 0;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i + 1 < cells.size() && cells[i + 1].ref() == cells[i].ref()) continue;
        cells[out++] = cells[i];
    }
    cells.resize(out);
    std::sort(hidden_rows.begin(), hidden_rows.end());
    hidden_rows.erase(std::unique(hidden_rows.begin(), hidden_rows.end()), hidden_rows.end());
    std::sort(hidden_cols.begin(), hidden_cols.end());
    hidden_cols.erase(std::unique(hidden_cols.begin(), hidden_cols.end()), hidden_cols.end());
}

const Sheet* Workbook::sheet(std::string_view name) const {
    for (const Sheet& s : sheets)
        if (s.name == name) return &s;
    return nullptr;
}

static void append_number(std::string& out, double v) {
    if (std::isnan(v)) { out += "NaN"; return; }
    if (std::isinf(v)) { out += v > 0 ? "Infinity" : "-Infinity"; return; }
    if (v == 0) { out += '0'; return; }
    char buf[64];
    auto res = std::to_chars(buf, buf + sizeof buf, v);
    out.append(buf, res.ptr);
}

void append_display_value(std::string& out, const Sheet& sheet, const Cell& c) {
    switch (c.type) {
        case CellType::Empty: return;
        case CellType::Text:
        case CellType::Error: out += sheet.text(c); return;
        case CellType::Number: append_number(out, c.number); return;
        case CellType::Boolean: out += c.number != 0 ? "TRUE" : "FALSE"; return;
        case CellType::DateTime: {
            std::string iso = serial_to_iso(c.number);
            if (iso.empty()) append_number(out, c.number);
            else out += iso;
            return;
        }
    }
}

std::string display_value(const Sheet& sheet, const Cell& c) {
    std::string out;
    append_display_value(out, sheet, c);
    return out;
}

}  // namespace plancon
