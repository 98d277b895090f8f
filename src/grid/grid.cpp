#include "plancon/grid.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>

namespace plancon {

std::uint32_t StringPool::add(std::string_view s) {
    constexpr std::size_t block = 1 << 20;
    if (s.size() > block_size_ - block_used_) {
        // A string larger than a block gets a block of its own.
        block_size_ = std::max(block, s.size());
        blocks_.push_back(std::make_unique<char[]>(block_size_));
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

long days_from_civil(int y, unsigned m, unsigned d) {
    // Howard Hinnant's algorithm, shifted so that 1899-12-30 is day 0.
    y -= m <= 2;
    const long era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = static_cast<unsigned>(y - era * 400);
    const unsigned doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<long>(doe) - 719468 + 25569;
}

CivilDate civil_from_days(long z) {
    z += 719468 - 25569;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const unsigned doe = static_cast<unsigned>(z - era * 146097);
    const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long y = static_cast<long>(yoe) + era * 400;
    const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const unsigned mp = (5 * doy + 2) / 153;
    const unsigned d = doy - (153 * mp + 2) / 5 + 1;
    const unsigned m = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(y + (m <= 2)), m, d};
}

double excel_serial_to_days(double serial, DateSystem system) {
    if (system == DateSystem::Excel1904) return serial + 1462;
    // Below 1 is a time of day alone (day 0, "1900-01-00", is no date).
    if (serial >= 1 && serial < 60) return serial + 1;
    return serial;
}

std::string serial_to_iso(double days) {
    if (!std::isfinite(days) || days < -693593 || days > 2958466) return std::string();  // outside years 1..9999
    double whole = std::floor(days);
    long long ms = std::llround((days - whole) * 86400000.0);
    long day = static_cast<long>(whole);
    if (ms >= 86400000) {
        ms -= 86400000;
        ++day;
    }
    char buf[64];
    auto hms = [&](char* out, std::size_t n) {
        long long s = ms / 1000, milli = ms % 1000;
        if (milli)
            std::snprintf(out, n, "%02lld:%02lld:%02lld.%03lld", s / 3600, s / 60 % 60, s % 60, milli);
        else
            std::snprintf(out, n, "%02lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
    };
    if (days >= 0 && days < 1) {
        hms(buf, sizeof buf);
        return buf;
    }
    CivilDate c = civil_from_days(day);
    int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", c.year, c.month, c.day);
    if (ms != 0) {
        buf[n] = 'T';
        hms(buf + n + 1, sizeof buf - std::size_t(n) - 1);
    }
    return buf;
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

namespace plancon {

namespace {

// "1-3, 7" from sorted indices (shown 1-based).
std::string ranges_of(const std::vector<std::uint32_t>& sorted, bool as_columns) {
    std::string out;
    std::size_t shown = 0;
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i;
        while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1) ++j;
        auto name = [&](std::uint32_t v) { return as_columns ? column_name(v) : std::to_string(std::uint64_t(v) + 1); };
        if (!out.empty()) out += ", ";
        out += name(sorted[i]);
        if (j > i) {
            out += '-';
            out += name(sorted[j]);
        }
        i = j + 1;
        if (++shown == 20 && i < sorted.size()) {
            out += ", ...";
            break;
        }
    }
    return out;
}

}  // namespace

std::string describe_workbook(const Workbook& wb) {
    std::string out = wb.path + ": " + std::string(to_string(wb.format)) + ", " + std::to_string(wb.sheets.size()) +
                      (wb.sheets.size() == 1 ? " sheet" : " sheets");
    if (wb.format == Format::Xlsx || wb.format == Format::Xlsm || wb.format == Format::Xls)
        out += wb.date_system == DateSystem::Excel1904 ? ", 1904 date system" : ", 1900 date system";
    out += "\n";
    for (std::size_t i = 0; i < wb.sheets.size(); ++i) {
        const Sheet& s = wb.sheets[i];
        std::size_t counts[6] = {};
        for (const Cell& c : s.cells) ++counts[static_cast<int>(c.type)];
        auto used = s.used_range();
        out += "  sheet " + std::to_string(i + 1) + " '" + s.name + "' (" + std::string(to_string(s.visibility)) + ")" +
               ": used range " + (used ? range_name(*used) : std::string("none")) + ", " + std::to_string(s.cells.size()) + " cells";
        std::string parts;
        for (CellType t : {CellType::Text, CellType::Number, CellType::DateTime, CellType::Boolean, CellType::Error, CellType::Empty}) {
            std::size_t n = counts[static_cast<int>(t)];
            if (n) parts += (parts.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(to_string(t));
        }
        if (!parts.empty()) out += " (" + parts + ")";
        out += "\n";
        if (!s.merged.empty()) {
            out += "    merged: ";
            for (std::size_t m = 0; m < s.merged.size() && m < 20; ++m) out += (m ? ", " : "") + range_name(s.merged[m]);
            if (s.merged.size() > 20) out += ", ... (" + std::to_string(s.merged.size()) + " in all)";
            out += "\n";
        }
        if (!s.hidden_rows.empty()) out += "    hidden rows: " + ranges_of(s.hidden_rows, false) + "\n";
        if (!s.hidden_cols.empty()) out += "    hidden columns: " + ranges_of(s.hidden_cols, true) + "\n";
    }
    for (const Warning& w : wb.warnings) {
        const std::string place = place_name(w.source);
        out += "  warning: " + (place.empty() ? "" : place + ": ") + escape_control_characters(w.message) + "\n";
    }
    return out;
}

}  // namespace plancon
