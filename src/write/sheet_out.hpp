// One sheet of the consolidated workbook as the writer fills it: Excel's
// limits (32,767 characters a cell, 1,048,576 rows a sheet) enforced in one
// place, whatever they cost listed as issues, columns as wide as their
// content needs and rows as tall as their most-wrapped cell.
//
// Memory is bounded by a window of rows, not by the sheet: the first rows
// are held until the window fills (or the sheet ends), the column widths are
// decided, and from then on each row is written as the next one begins. A
// sheet longer than the window is first filled once in a measuring pass
// that writes nothing (measure_ahead), so its widths still come from every
// row: the workbook is the same as if the whole sheet had been held.
//
// A sheet longer than a worksheet holds continues on parts "Sources (2)",
// "Sources (3)"..., each repeating the rows above the data (title and
// headings); SheetParts says where any row lands before it is written, so
// links to it can be made first.
#pragma once

#include "plancon/diagnostics.hpp"
#include "plancon/grid.hpp"  // column_name

#include "text_fit.hpp"

#include <xlsxwriter.h>

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancon::write_detail {

// A line of the Issues sheet: a warning from any stage, or one the writer
// raises, under a kind to filter on ("warning", "skipped rows", "cut", ...).
struct Issue {
    std::string kind;
    Warning warning;
};

struct Formats {
    lxw_format* header;
    lxw_format* title;
    lxw_format* wrap;
    lxw_format* link;     // a hyperlink to another sheet's row, wrapped
    lxw_format* date;
    lxw_format* percent;
    lxw_format* score;    // a similarity score, 0.00
    lxw_format* count;    // a whole number
    lxw_format* count_header;  // a heading over counts, right-aligned with them
    lxw_format* overdue;
    lxw_format* section;

    // Formats whose text wraps: their cells decide column widths and row heights.
    bool wraps(const lxw_format* f) const { return f && (f == header || f == wrap || f == link); }
};

// A column: its heading and the widths it may take, in Excel's units (the
// width of "0"): as wide as its longest line needs, within [min, max].
struct Column {
    std::string heading;
    double min = 8, max = 30;
    // A screen-only column (left out of the print) does not make its rows
    // taller: its cells wrap within the height the printed cells need.
    bool printed = true;
};

// What every printed page carries (Excel's header and footer codes: &A the
// sheet's name, &P the page, &N the pages).
struct PageSetup {
    std::string header, footer;
};

std::string with_thousands(std::size_t n);  // 1234567 -> "1,234,567"
std::string join(const std::vector<std::string>& parts, std::string_view separator);

// How a sheet's rows are spread over worksheets of `max_rows` rows: rows
// 0..header_rows-1 (title, headings) open every part; the rest follow on.
struct SheetParts {
    std::string name;
    lxw_row_t header_rows = 1;
    lxw_row_t max_rows = LXW_ROW_MAX;

    SheetParts(std::string name, lxw_row_t header_rows, lxw_row_t max_rows);
    // The part row `row` lands on (0: the first), and its row there.
    std::size_t part_of(lxw_row_t row) const;
    lxw_row_t row_in_part(lxw_row_t row) const;
    // "Sources", "Sources (2)", ...
    std::string part_name(std::size_t part) const;
    // Parts a sheet of `rows` rows takes (at least one).
    std::size_t parts_for(std::uint64_t rows) const;
    // "internal:'Sources (2)'!A5": a link to the cell at `row` of the sheet.
    std::string link(lxw_row_t row, lxw_col_t col = 0) const;

private:
    lxw_row_t capacity() const { return max_rows - header_rows; }
};

// The one thread that makes a workbook's row-writing calls to
// libxlsxwriter (formatting each cell's XML and storing it), in the order
// they are posted, while the writer prepares the next rows on its own
// thread. Any other call to the library is made after sync().
class LibraryThread {
public:
    LibraryThread();
    ~LibraryThread();  // drops what has not run yet and stops
    LibraryThread(const LibraryThread&) = delete;
    LibraryThread& operator=(const LibraryThread&) = delete;

    // Runs `call` after everything posted before it (waiting while a few
    // batches are queued, so memory stays bounded). After one throws, the
    // rest are skipped and sync() rethrows.
    void post(std::function<void()> call);
    // Waits until everything posted has run; rethrows the first failure.
    void sync();
    // Drops what has not run yet and waits for the call running (when the
    // writer gives up: nothing posted may outlive what it writes to).
    void abandon();

private:
    void run();
    static constexpr std::size_t max_queued = 8;
    std::mutex mutex_;
    std::condition_variable changed_;
    std::deque<std::function<void()>> queue_;
    bool busy_ = false, stop_ = false;
    std::exception_ptr failure_;
    std::thread thread_;
};

class SheetOut {
public:
    // Rows held before the widths are decided and rows start to stream.
    static constexpr lxw_row_t window_rows = 4096;
    // Cells handed to the library thread at a time, once streaming.
    static constexpr std::size_t batch_cells = 4096;

    // The sheet and its parts, `expected_rows` rows in all (known before
    // writing, so the parts sit together in the tab order). `streams`: rows
    // are written top to bottom (a sheet laid out by hand, as Summary is,
    // may write them in any order and is held whole).
    SheetOut(lxw_workbook* book, LibraryThread& library, SheetParts parts, std::uint64_t expected_rows, bool streams,
             const std::string& path, std::vector<Issue>& issues, const Formats& formats);

    // The first part: for what only a sheet laid out by hand does (charts,
    // page breaks) and for making the sheet the active one. Waits for the
    // library thread first, so the caller may use the worksheet directly.
    lxw_worksheet* get() {
        library_.sync();
        return sheets_.front();
    }

    // Whether the sheet is longer than the window (so the writer fills it
    // twice: a measuring pass, then the writing one).
    bool longer_than_window() const { return expected_rows_ > parts_.header_rows + window_rows; }
    // Starts the measuring pass: until finish(), cells only widen their
    // columns (those past the window; the window's own are measured as they
    // are held), and nothing is written, counted or set.
    void measure_ahead();

    // Whether row `row` can be written; a row beyond the parts made for the
    // sheet is counted, not written (finish() lists how many).
    bool has_room(lxw_row_t row);

    // `source`: the input the value came from, named by any issue writing it raises.
    void text(lxw_row_t row, lxw_col_t col, std::string_view value, lxw_format* format = nullptr,
              const Provenance& source = {});
    // A cell that links to a place in the workbook ("internal:Sources!A5");
    // plain text once the sheet holds as many links as Excel allows.
    void link(lxw_row_t row, lxw_col_t col, const std::string& target, std::string_view value,
              const Provenance& source = {});
    void number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format = nullptr);
    void header(lxw_row_t row, const std::vector<std::string>& names, lxw_format* format);

    // The sheet's columns: headings written on row `row` (the row repeated on
    // every printed page), widths decided by content.
    void columns(lxw_row_t row, const std::vector<Column>& columns);
    // A sheet of sections under headings of their own (Duplicates) repeats none on its pages.
    void repeat_header(bool repeat) { repeat_header_ = repeat; }
    // A section starts at row `first` with its title and headings (as many
    // rows as the sheet's own): the parts after it open with those instead.
    void repeat_on_parts(lxw_row_t first);
    // Fixed widths, for a sheet laid out by hand (Summary).
    void widths(const std::vector<double>& widths);

    // Settings over rows first..last of the sheet, made on each part those
    // rows reach (with that part's row numbers; a range that starts in the
    // heading rows starts there on every part).
    using RangeSetting = std::function<lxw_error(lxw_worksheet*, lxw_row_t first, lxw_row_t last)>;
    void over_rows(lxw_row_t first, lxw_row_t last, const RangeSetting& setting);
    // The rows above `rows` and the columns left of `cols` stay in view on every part.
    void freeze_panes(lxw_row_t rows, lxw_col_t cols);
    // Landscape A4, one page wide (as many pages down as it takes), the
    // header row on every page, the plan's title and as-of date above, page
    // numbers below.
    void print_ready(const PageSetup& page);

    void check(lxw_error error) const;

    // Writes what is still held and reports rows that did not fit; call once
    // the sheet is written.
    void finish();

private:
    struct Pending {
        lxw_row_t row;
        lxw_col_t col;
        enum class Kind : std::uint8_t { Text, Link, Number } kind;
        lxw_format* format;
        double number;
        std::string text, target;
    };

    // Where a row goes: on a sheet of one part, where it is (a sheet laid
    // out by hand writes where it likes; has_room() is what keeps the rest
    // within the limit).
    std::size_t part_of(lxw_row_t row) const { return sheets_.size() > 1 ? parts_.part_of(row) : 0; }
    lxw_row_t row_in_part(lxw_row_t row) const { return sheets_.size() > 1 ? parts_.row_in_part(row) : row; }
    std::string cell_name(lxw_row_t row, lxw_col_t col) const;
    std::string fit_for_excel(lxw_row_t row, lxw_col_t col, std::string_view value, const Provenance& source);
    void measure(lxw_row_t row, lxw_col_t col, std::string_view text, const lxw_format* format);
    void measure_ahead_of(lxw_row_t row, lxw_col_t col, std::string_view value, const lxw_format* format);
    void hold(Pending cell);
    void decide_widths();
    void write_held();
    void write_row_to(lxw_worksheet* sheet, const Pending* first, const Pending* last) const;

    LibraryThread& library_;
    SheetParts parts_;
    std::vector<lxw_worksheet*> sheets_;
    std::uint64_t expected_rows_;
    bool streams_;
    bool measuring_ = false;
    const std::string& path_;
    std::vector<Issue>& issues_;
    const Formats& formats_;
    std::vector<Column> columns_;
    std::vector<double> content_;  // width each column's content asks for
    std::vector<double> ahead_;    // the same, from the measuring pass
    std::vector<double> width_;    // the widths decided (empty until then)
    // Cells not yet written: every cell until the widths are decided, then
    // the row being filled.
    std::vector<Pending> pending_;
    std::vector<Pending> heading_cells_;  // rows above the data, repeated on each part
    std::vector<bool> part_opened_;       // its heading rows written
    std::optional<lxw_row_t> section_from_;  // the latest section's title row (repeat_on_parts)
    std::optional<lxw_row_t> written_through_;  // the last row written, once streaming
    lxw_format* column_format_;  // a blank cell's format, for what an officer types in
    std::optional<lxw_row_t> header_row_;
    bool repeat_header_ = true;
    std::vector<std::size_t> links_;  // links on each part (Excel allows 65,530 a worksheet)
    std::size_t rows_lost_ = 0;
};

}  // namespace plancon::write_detail
