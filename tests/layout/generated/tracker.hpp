// A generated tracker: sheets of typed cells and merged ranges, with the truth
// for every row (what the row is, and for an action row what a reader must
// get from it). Written to .xlsx, .ods or .csv by the writers beside this file.
#pragma once

#include "plancon/grid.hpp"
#include "plancon/model.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace plancon::gen {

enum class FileFormat : std::uint8_t { Xlsx, Ods, Csv };
const char* to_string(FileFormat f);  // "xlsx", "ods", "csv": also the file extension

enum class RowKind : std::uint8_t {
    Title,         // plan title, table title
    Label,         // "Service: X", form blocks and their placeholders
    Blank,         // nothing in it
    Header,        // a header row (either row of a two-row header)
    HeaderRepeat,  // the header again after a page break
    Heading,       // priority / theme / section heading
    Action,
    Guidance,      // template instructions, column descriptions, format rows
    Example,       // a worked example row
    Placeholder,   // a template row holding only a number or a formula
    Footer,        // key, legend, totals, notes, page numbers
    Other,         // a row of a sheet that is not a tracker
};
const char* to_string(RowKind k);
std::optional<RowKind> row_kind_from(const std::string& name);

struct GenCell {
    enum class Type : std::uint8_t { Text, Number, Date, DateTime, Boolean, Formula };
    std::uint32_t col = 0;  // 0-based
    Type type = Type::Text;
    std::string text;       // Text; a Formula's cached text result
    double number = 0;      // Number, Boolean (0/1); Date/DateTime: days since 1899-12-30; a Formula's cached number
    std::string format;     // number format code ("dd/mm/yyyy", "0%"), "" = General
    std::string formula;    // Formula: without "="
    bool formula_text = false;  // the cached result is text
};

// What a reader must find in an action row.
struct Expected {
    std::string text;                 // the action text as written in its cell
    std::string leads;                // the leads cell as written ("" when none)
    bool leads_may_be_empty = false;  // CSV row under a merged lead: the value is only in the top row
    std::string due_text;             // the due cell as written (for a date cell, its display)
    std::optional<Date> due_date;     // the due date a careful reader derives (date cells, clear phrases)
    bool due_is_cell = false;         // a real date or date-time cell: only the date is compared
};

struct GenRow {
    RowKind kind = RowKind::Blank;
    std::vector<GenCell> cells;
    Expected expect;                   // Action rows only
    std::vector<std::string> features; // what this row exercises ("text:short", "heading:aim" ...)
};

struct GenSheet {
    std::string name;
    bool tracker = true;                // false: instructions, contacts, lookup lists
    std::vector<GenRow> rows;           // rows[i] is spreadsheet row i + 1
    std::vector<Range> merges;
};

struct GeneratedTracker {
    std::uint64_t seed = 0;
    FileFormat format = FileFormat::Xlsx;
    std::vector<std::string> features;  // whole-file features, added to every action row's
    std::vector<GenSheet> sheets;       // a CSV has one, named after the file

    std::string file_name() const;      // "layout-<seed>.<ext>"
};

// The text a cell shows (what a CSV export of it holds): dates through their
// format, percentages with "%", booleans TRUE/FALSE, a formula's cached value.
std::string display_text(const GenCell& cell);

// Truth files: one line per row, tab-separated, escaped; lets a regression
// file be checked without the generator that made it.
std::string truth_to_text(const GeneratedTracker& t);
GeneratedTracker truth_from_text(const std::string& text);  // cells are not kept, only kinds and expectations

}  // namespace plancon::gen
