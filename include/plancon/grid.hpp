// The grid: what every reader produces, whatever the file format.
// Workbook -> Sheet -> Cell, sparse (a sheet stores only the cells that exist),
// with values typed but not interpreted (a date cell is a date; a text that
// looks like a date stays text until normalisation).
#pragma once

#include "plancon/calendar.hpp"
#include "plancon/diagnostics.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancon {

enum class CellType : std::uint8_t {
    Empty,     // present in the file but holds no value (a styled blank)
    Text,
    Number,
    Boolean,   // number() is 0 or 1
    DateTime,  // number() is serial days, since 1899-12-30 00:00 (calendar.hpp), whatever the file's date system
    Error,     // text() is the error as Excel shows it: "#N/A", "#DIV/0!" ...
};

std::string_view to_string(CellType type);

// Zero-based row and column. Row 0 is spreadsheet row 1, column 0 is "A".
struct CellRef {
    std::uint32_t row = 0;
    std::uint32_t col = 0;
    friend bool operator==(const CellRef&, const CellRef&) = default;
    friend auto operator<=>(const CellRef&, const CellRef&) = default;
};

inline constexpr std::uint32_t max_rows = 1048576;  // Excel's limits
inline constexpr std::uint32_t max_cols = 16384;

// "A1" style names. parse_cell_ref returns nothing for a malformed or
// out-of-range reference ("ZZZZZZ99999999999").
std::string column_name(std::uint32_t col);
std::string cell_name(CellRef ref);
std::optional<CellRef> parse_cell_ref(std::string_view a1);

struct Range {
    CellRef first;  // top-left
    CellRef last;   // bottom-right, inclusive
    bool contains(CellRef r) const {
        return r.row >= first.row && r.row <= last.row && r.col >= first.col && r.col <= last.col;
    }
    friend bool operator==(const Range&, const Range&) = default;
};
std::string range_name(Range range);  // "A1:C3" (or "A1" for one cell)
std::optional<Range> parse_range(std::string_view a1);

// Strings are stored once per workbook; cells refer to them by index.
// Index 0 is always the empty string. Text lives in large blocks (no
// allocation per string), and a view stays valid as long as the pool does.
class StringPool {
public:
    StringPool() { views_.emplace_back(); }
    std::uint32_t add(std::string_view s);
    std::string_view get(std::uint32_t id) const { return id < views_.size() ? views_[id] : std::string_view(); }
    std::size_t size() const { return views_.size(); }

private:
    std::vector<std::string_view> views_;
    std::vector<std::unique_ptr<char[]>> blocks_;
    std::size_t block_used_ = 0, block_size_ = 0;
};

// One cell. 32 bytes, so a million cells cost 32 MB.
struct Cell {
    std::uint32_t row = 0;
    std::uint32_t col = 0;
    double number = 0;             // Number, Boolean, DateTime
    std::uint32_t text_id = 0;     // Text, Error: index in the workbook's StringPool
    std::uint32_t formula_id = 0;  // formula text without "=", 0 when none
    std::uint32_t format_id = 0;   // number format code in the StringPool, 0 = General
    CellType type = CellType::Empty;

    CellRef ref() const { return {row, col}; }
};

enum class Visibility : std::uint8_t { Visible, Hidden, VeryHidden };
std::string_view to_string(Visibility v);

class Sheet {
public:
    std::string name;
    Visibility visibility = Visibility::Visible;
    std::vector<Cell> cells;             // sorted by (row, col) once the reader finishes
    std::vector<Range> merged;           // merged ranges as the file declares them
    std::vector<std::uint32_t> hidden_rows;  // sorted
    std::vector<std::uint32_t> hidden_cols;  // sorted
    std::shared_ptr<const StringPool> strings;

    // Smallest range holding every non-empty cell; nothing when there is none.
    std::optional<Range> used_range() const;
    const Cell* find(CellRef ref) const;  // binary search; nullptr when absent
    std::string_view text(const Cell& c) const { return strings ? strings->get(c.text_id) : std::string_view(); }
    std::string_view formula(const Cell& c) const { return strings ? strings->get(c.formula_id) : std::string_view(); }
    std::string_view number_format(const Cell& c) const { return strings ? strings->get(c.format_id) : std::string_view(); }
    bool row_hidden(std::uint32_t row) const;
    bool col_hidden(std::uint32_t col) const;
    // The merged range that covers ref, if any.
    const Range* merge_at(CellRef ref) const;

    // Sort cells by position, dropping earlier duplicates of the same position
    // (the last one written wins, as in Excel). Readers call this once.
    void finish();
};

enum class Format : std::uint8_t { Xlsx, Xlsm, Ods, Xls, Csv, Tsv, Xlsb, Unknown };
std::string_view to_string(Format f);

class Workbook {
public:
    std::string path;  // as given
    Format format = Format::Unknown;
    DateSystem date_system = DateSystem::Excel1900;
    std::vector<Sheet> sheets;  // in tab order
    std::shared_ptr<StringPool> strings = std::make_shared<StringPool>();
    std::vector<Warning> warnings;  // things read but doubtful, each at its file (and sheet)

    const Sheet* sheet(std::string_view name) const;
};

// The way a cell shows as plain text in CSV/JSON output and dumps:
// numbers in shortest round-trip form ("1", "0.1", "1e+300"), booleans
// TRUE/FALSE, date-times ISO 8601 ("2019-06-30", "2019-06-30T14:05:00",
// "14:05:00" for a time alone), errors as written.
std::string display_value(const Sheet& sheet, const Cell& cell);
void append_display_value(std::string& out, const Sheet& sheet, const Cell& cell);

}  // namespace plancon

