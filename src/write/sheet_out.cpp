#include "sheet_out.hpp"

#include "output_common.hpp"
#include "plancon/write.hpp"

#include <algorithm>
#include <iterator>
#include <stdexcept>

namespace plancon::write_detail {

namespace {

constexpr std::size_t cell_limit = 32767;
constexpr std::string_view cut_marker = " [cut: see Issues]";

}  // namespace

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

std::string with_thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

// ---- SheetParts ----

SheetParts::SheetParts(std::string name_, lxw_row_t header_rows_, lxw_row_t max_rows_)
    : name(std::move(name_)), max_rows(std::max<lxw_row_t>(max_rows_, 2)) {
    // A part keeps room for at least one row of data under its headings.
    header_rows = std::min(header_rows_, max_rows - 1);
}

std::size_t SheetParts::part_of(lxw_row_t row) const {
    return row < header_rows ? 0 : (row - header_rows) / capacity();
}

lxw_row_t SheetParts::row_in_part(lxw_row_t row) const {
    return row < header_rows ? row : header_rows + (row - header_rows) % capacity();
}

std::string SheetParts::part_name(std::size_t part) const {
    return part == 0 ? name : name + " (" + std::to_string(part + 1) + ")";
}

std::size_t SheetParts::parts_for(std::uint64_t rows) const {
    if (rows <= max_rows) return 1;
    return std::size_t((rows - header_rows + capacity() - 1) / capacity());
}

std::string SheetParts::link(lxw_row_t row, lxw_col_t col) const {
    return "internal:'" + part_name(part_of(row)) + "'!" + column_name(col) + std::to_string(row_in_part(row) + 1);
}

// ---- LibraryThread ----

LibraryThread::LibraryThread() : thread_([this] { run(); }) {}

LibraryThread::~LibraryThread() {
    {
        std::lock_guard lock(mutex_);
        stop_ = true;
        queue_.clear();
    }
    changed_.notify_all();
    thread_.join();
}

void LibraryThread::post(std::function<void()> call) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.size() < max_queued; });
    queue_.push_back(std::move(call));
    changed_.notify_all();
}

void LibraryThread::sync() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return queue_.empty() && !busy_; });
    if (failure_) std::rethrow_exception(failure_);
}

void LibraryThread::abandon() {
    std::unique_lock lock(mutex_);
    queue_.clear();
    changed_.wait(lock, [&] { return !busy_; });
}

void LibraryThread::run() {
    std::unique_lock lock(mutex_);
    for (;;) {
        changed_.wait(lock, [&] { return stop_ || !queue_.empty(); });
        if (stop_) return;
        std::function<void()> call = std::move(queue_.front());
        queue_.pop_front();
        busy_ = true;
        changed_.notify_all();  // room in the queue
        if (!failure_) {
            lock.unlock();
            try {
                call();
            } catch (...) {
                lock.lock();
                failure_ = std::current_exception();
                lock.unlock();
            }
            call = nullptr;  // the batch it owned is freed off the lock
            lock.lock();
        }
        busy_ = false;
        changed_.notify_all();
    }
}

// ---- SheetOut ----

SheetOut::SheetOut(lxw_workbook* book, LibraryThread& library, SheetParts parts, std::uint64_t expected_rows,
                   bool streams, const std::string& path, std::vector<Issue>& issues, const Formats& formats)
    : library_(library), parts_(std::move(parts)), expected_rows_(expected_rows), streams_(streams), path_(path),
      issues_(issues), formats_(formats), column_format_(formats.wrap) {
    const std::size_t count = parts_.parts_for(expected_rows);
    for (std::size_t k = 0; k < count; ++k) {
        const std::string name = parts_.part_name(k);
        lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
        if (!sheet) throw WriteError(path, "cannot add sheet " + name);
        sheets_.push_back(sheet);
    }
    part_opened_.assign(count, false);
    part_opened_[0] = true;  // the first part's heading rows are its own
    links_.assign(count, 0);
}

void SheetOut::measure_ahead() {
    if (!width_.empty() || !pending_.empty()) throw std::logic_error("sheet " + parts_.name + ": measured after writing");
    measuring_ = true;
}

bool SheetOut::has_room(lxw_row_t row) {
    if (parts_.part_of(row) < sheets_.size()) return true;
    if (!measuring_) ++rows_lost_;
    return false;
}

void SheetOut::text(lxw_row_t row, lxw_col_t col, std::string_view value, lxw_format* format, const Provenance& source) {
    if (value.empty()) return;
    if (measuring_) return measure_ahead_of(row, col, value, format);
    std::string text = fit_for_excel(row, col, value, source);
    measure(row, col, text, format);
    hold({row, col, Pending::Kind::Text, format, 0, std::move(text), {}});
}

void SheetOut::link(lxw_row_t row, lxw_col_t col, const std::string& target, std::string_view value,
                    const Provenance& source) {
    if (value.empty()) return;
    if (measuring_) return measure_ahead_of(row, col, value, formats_.link);
    std::size_t& links = links_[std::min(part_of(row), links_.size() - 1)];
    if (links >= LXW_MAX_NUMBER_URLS) return text(row, col, value, formats_.wrap, source);
    std::string text = fit_for_excel(row, col, value, source);
    ++links;
    measure(row, col, text, formats_.link);
    hold({row, col, Pending::Kind::Link, formats_.link, 0, std::move(text), target});
}

void SheetOut::number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format) {
    if (measuring_) return;
    hold({row, col, Pending::Kind::Number, format, value, {}, {}});
}

void SheetOut::header(lxw_row_t row, const std::vector<std::string>& names, lxw_format* format) {
    for (lxw_col_t col = 0; col < names.size(); ++col) text(row, col, names[col], format);
}

void SheetOut::columns(lxw_row_t row, const std::vector<Column>& columns) {
    columns_ = columns;
    if (measuring_) {
        ahead_.assign(columns.size(), 0);
        return;
    }
    content_.assign(columns.size(), 0);
    for (lxw_col_t col = 0; col < columns.size(); ++col) {
        // A heading wraps at its spaces: its longest word must fit, in bold.
        content_[col] = width_to_hold(text_shape(columns[col].heading).longest_word * bold_factor);
        text(row, col, columns[col].heading, formats_.header);
    }
    header_row_ = row;
}

void SheetOut::widths(const std::vector<double>& widths) {
    columns_.clear();
    for (double w : widths) columns_.push_back({"", w, w});
    content_.assign(widths.size(), 0);
    column_format_ = nullptr;
}

void SheetOut::over_rows(lxw_row_t first, lxw_row_t last, const RangeSetting& setting) {
    if (last < first || measuring_) return;
    library_.sync();
    if (sheets_.size() == 1) return check(setting(sheets_[0], first, last));
    const lxw_row_t headings = parts_.header_rows;
    for (std::size_t k = 0; k < sheets_.size(); ++k) {
        // Part k's data rows, as rows of the whole sheet.
        const std::uint64_t begin = headings + std::uint64_t(k) * (parts_.max_rows - headings);
        const std::uint64_t end = begin + (parts_.max_rows - headings);  // one past
        const std::uint64_t lo = std::max<std::uint64_t>(std::max(first, headings), begin);
        const std::uint64_t hi = std::min<std::uint64_t>(last, end - 1);
        if (lo <= hi) {
            const lxw_row_t from = first < headings ? first : parts_.row_in_part(lxw_row_t(lo));
            check(setting(sheets_[k], from, parts_.row_in_part(lxw_row_t(hi))));
        } else if (k == 0 && first < headings) {
            check(setting(sheets_[0], first, std::min<lxw_row_t>(last, headings - 1)));
        }
    }
}

void SheetOut::repeat_on_parts(lxw_row_t first) {
    if (!measuring_) section_from_ = first;
}

void SheetOut::freeze_panes(lxw_row_t rows, lxw_col_t cols) {
    if (measuring_) return;
    library_.sync();
    for (lxw_worksheet* sheet : sheets_) worksheet_freeze_panes(sheet, rows, cols);
}

void SheetOut::print_ready(const PageSetup& page) {
    library_.sync();
    for (lxw_worksheet* sheet : sheets_) {
        worksheet_set_landscape(sheet);
        worksheet_set_paper(sheet, 9);  // A4
        worksheet_fit_to_pages(sheet, 1, 0);
        // Inches: left, right, top, bottom; the page header and footer sit 0.3 from the edge.
        worksheet_set_margins(sheet, 0.4, 0.4, 0.75, 0.6);
        lxw_header_footer_options edge{};
        edge.margin = 0.3;
        check(worksheet_set_header_opt(sheet, page.header.c_str(), &edge));
        check(worksheet_set_footer_opt(sheet, page.footer.c_str(), &edge));
        if (header_row_ && repeat_header_) check(worksheet_repeat_rows(sheet, *header_row_, *header_row_));
    }
}

void SheetOut::check(lxw_error error) const {
    if (error != LXW_NO_ERROR) throw WriteError(path_, "sheet " + parts_.name + ": " + lxw_strerror(error));
}

void SheetOut::finish() {
    if (measuring_) {  // the measuring pass ends; the writing one follows
        measuring_ = false;
        return;
    }
    if (width_.empty()) decide_widths();
    write_held();
    // A part the rows did not reach still opens with its headings.
    for (std::size_t k = 1; k < sheets_.size(); ++k)
        if (!part_opened_[k]) {
            part_opened_[k] = true;
            library_.post([this, k, headings = heading_cells_] {
                write_row_to(sheets_[k], headings.data(), headings.data() + headings.size());
            });
        }
    if (rows_lost_ > 0)
        issues_.push_back({"rows not written", {{"", parts_.name, 0},
                                                with_thousands(rows_lost_) + " rows beyond the limit of " +
                                                    with_thousands(parts_.max_rows) + " rows a sheet were not written"}});
}

std::string SheetOut::cell_name(lxw_row_t row, lxw_col_t col) const {
    return parts_.part_name(part_of(row)) + "!" + column_name(col) + std::to_string(row_in_part(row) + 1);
}

// The text made legal for XML and cut to Excel's limit for a cell; what
// either cost is listed on Issues.
std::string SheetOut::fit_for_excel(lxw_row_t row, lxw_col_t col, std::string_view value, const Provenance& source) {
    auto legal = xml_legal(value);
    if (!legal.dropped.empty())
        issues_.push_back({"dropped characters",
                           {source, cell_name(row, col) + ": characters XML cannot carry were dropped: " +
                                        join(legal.dropped, ", ")}});
    std::string& text = legal.text;
    // A text of no more bytes than the limit has no more UTF-16 units either.
    if (std::size_t length = text.size() <= cell_limit ? 0 : utf16_length(text); length > cell_limit) {
        text = std::string(cut_to_utf16(text, cell_limit - cut_marker.size())) + std::string(cut_marker);
        issues_.push_back({"cut", {source, cell_name(row, col) + ": " + with_thousands(length) + " characters cut to " +
                                               with_thousands(cell_limit) + " (Excel's limit for one cell)"}});
    }
    return std::move(text);
}

// A wrapped cell widens its column to its longest line (within the column's
// cap), while the widths are still open: the window's cells as they are
// held, the later ones in the measuring pass.
void SheetOut::measure(lxw_row_t row, lxw_col_t col, std::string_view text, const lxw_format* format) {
    if (!width_.empty() || col >= columns_.size() || format == formats_.header || !formats_.wraps(format)) return;
    if (measuring_ && (row < parts_.header_rows + window_rows || col >= ahead_.size())) return;
    double& widest = measuring_ ? ahead_[col] : content_[col];
    // A column at its cap, or a text surely narrower than one already
    // measured, learns nothing (most cells of a long sheet).
    if (widest >= columns_[col].max || width_to_hold(at_most_units(text)) <= widest) return;
    widest = std::max(widest, width_to_hold(text_shape(text).longest_line));
}

void SheetOut::hold(Pending cell) {
    if (width_.empty()) {
        // The window is full: the widths are decided from it and what it holds is written.
        if (streams_ && cell.row >= parts_.header_rows + window_rows) {
            decide_widths();
            write_held();
        }
    } else if (pending_.size() >= batch_cells && cell.row != pending_.back().row) {
        write_held();  // the rows held are complete: a batch for the library thread
    }
    if (written_through_ && cell.row <= *written_through_)
        throw std::logic_error("sheet " + parts_.name + ": row " + std::to_string(cell.row + 1) + " written after row " +
                               std::to_string(*written_through_ + 1));
    pending_.push_back(std::move(cell));
}

// In the measuring pass a text is measured as xml_legal will write it (what
// XML cannot carry dropped or replaced); a text past Excel's cell limit is
// measured before it is cut, which fit_for_excel does when it is written.
void SheetOut::measure_ahead_of(lxw_row_t row, lxw_col_t col, std::string_view value, const lxw_format* format) {
    if (xml_plain(value)) return measure(row, col, value, format);
    measure(row, col, xml_legal(value).text, format);
}

void SheetOut::decide_widths() {
    library_.sync();
    width_.resize(columns_.size());
    for (std::size_t col = 0; col < columns_.size(); ++col)
        width_[col] = std::clamp(std::max(content_[col], col < ahead_.size() ? ahead_[col] : 0.0), columns_[col].min,
                                 columns_[col].max);
    for (lxw_worksheet* sheet : sheets_)
        for (lxw_col_t col = 0; col < width_.size(); ++col)
            check(worksheet_set_column(sheet, col, col, width_[col], column_format_));
    if (width_.empty()) width_.push_back(LXW_DEF_COL_WIDTH);  // a sheet of no columns: decided all the same
}

// Hands the held cells to the library thread in row and column order (of
// two writes to one cell, the later), each part's rows after its headings.
void SheetOut::write_held() {
    if (pending_.empty()) return;
    std::stable_sort(pending_.begin(), pending_.end(), [](const Pending& a, const Pending& b) {
        return a.row != b.row ? a.row < b.row : a.col < b.col;
    });
    // Runs of rows for one part, in order: [part, first cell, end).
    struct Run {
        std::size_t part, first, end;
    };
    std::vector<Run> runs;
    std::vector<Pending> cells;
    cells.reserve(pending_.size());
    for (std::size_t i = 0; i < pending_.size();) {
        const lxw_row_t row = pending_[i].row;
        std::size_t j = i + 1;
        while (j < pending_.size() && pending_[j].row == row) ++j;
        written_through_ = row;
        const std::size_t k = row < parts_.header_rows ? 0 : part_of(row);
        if (row < parts_.header_rows) {
            heading_cells_.insert(heading_cells_.end(), pending_.begin() + std::ptrdiff_t(i), pending_.begin() + std::ptrdiff_t(j));
        } else if (!part_opened_[k]) {  // a part opens with a copy of the headings
            part_opened_[k] = true;
            runs.push_back({k, cells.size(), cells.size() + heading_cells_.size()});
            cells.insert(cells.end(), heading_cells_.begin(), heading_cells_.end());
        }
        // A section's title and headings: what later parts open with.
        if (section_from_ && row >= *section_from_ && row - *section_from_ < parts_.header_rows) {
            if (row == *section_from_) heading_cells_.clear();
            for (std::size_t c = i; c < j; ++c) {
                heading_cells_.push_back(pending_[c]);
                heading_cells_.back().row = row - *section_from_;
            }
        }
        if (runs.empty() || runs.back().part != k) runs.push_back({k, cells.size(), cells.size()});
        std::move(pending_.begin() + std::ptrdiff_t(i), pending_.begin() + std::ptrdiff_t(j), std::back_inserter(cells));
        runs.back().end = cells.size();
        i = j;
    }
    pending_.clear();
    if (!streams_ || pending_.capacity() > 4 * batch_cells) pending_.shrink_to_fit();
    library_.post([this, runs = std::move(runs), cells = std::move(cells)] {
        for (const Run& run : runs) write_row_to(sheets_[run.part], cells.data() + run.first, cells.data() + run.end);
    });
}

// Cells of one or more whole rows, in row and column order, each row as tall
// as its most-wrapped printed cell.
void SheetOut::write_row_to(lxw_worksheet* sheet, const Pending* first, const Pending* last) const {
    for (const Pending* begin = first; begin != last;) {
        const Pending* end = begin;
        std::uint32_t lines = 1;
        for (; end != last && end->row == begin->row; ++end) {
            if (end + 1 != last && end[1].row == end->row && end[1].col == end->col) continue;  // written over
            if (end->kind == Pending::Kind::Number || !formats_.wraps(end->format)) continue;
            const bool managed = end->col < columns_.size();
            if (managed && !columns_[end->col].printed) continue;
            const double width = end->col < width_.size() && managed ? width_[end->col] : LXW_DEF_COL_WIDTH;
            if (!surely_one_line(end->text, width)) lines = std::max(lines, wrapped_lines(text_shape(end->text), width));
        }
        const lxw_row_t row = row_in_part(begin->row);
        if (lines > 1) check(worksheet_set_row(sheet, row, std::min(lines * points_per_line, max_row_points), nullptr));
        for (const Pending* cell = begin; cell != end; ++cell) {
            if (cell + 1 != end && cell[1].col == cell->col) continue;
            switch (cell->kind) {
                case Pending::Kind::Text:
                    check(worksheet_write_string(sheet, row, cell->col, cell->text.c_str(), cell->format));
                    break;
                case Pending::Kind::Link:
                    check(worksheet_write_url_opt(sheet, row, cell->col, cell->target.c_str(), cell->format,
                                                  cell->text.c_str(), nullptr));
                    break;
                case Pending::Kind::Number:
                    check(worksheet_write_number(sheet, row, cell->col, cell->number, cell->format));
                    break;
            }
        }
        begin = end;
    }
}

}  // namespace plancon::write_detail
