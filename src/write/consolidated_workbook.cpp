// The consolidated workbook (libxlsxwriter): what the officer filters and
// sends on. Every sheet is written through one SheetOut so Excel's limits
// (32,767 characters a cell, 1,048,576 rows) are enforced in one place and
// whatever they cost is listed on the Issues sheet.
#include "plancon/text.hpp"
#include "plancon/values.hpp"
#include "plancon/write.hpp"

#include "plancon/atomic_file.hpp"

#include "output_common.hpp"
#include "text_fit.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>

namespace plancon {

namespace {

using write_detail::cut_to_utf16;
using write_detail::excel_serial;
using write_detail::max_row_points;
using write_detail::points_per_line;
using write_detail::text_shape;
using write_detail::TextShape;
using write_detail::wrapped_lines;
using write_detail::uk_date;
using write_detail::utf16_length;
using write_detail::xml_legal;

constexpr std::size_t cell_limit = 32767;
constexpr std::string_view workbook_title = "Consolidated improvement plan";
constexpr std::string_view cut_marker = " [cut: see Issues]";

// A line of the Issues sheet: a warning from any stage, or one the writer
// raises, under a kind to filter on ("warning", "skipped rows", "cut", ...).
struct Issue {
    std::string kind;
    Warning warning;
};

std::string with_thousands(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

std::string column_name(lxw_col_t col) {
    std::string name;
    for (unsigned c = col + 1; c > 0; c = (c - 1) / 26) name.insert(name.begin(), char('A' + (c - 1) % 26));
    return name;
}

std::string join(const std::vector<std::string>& parts, std::string_view separator) {
    std::string out;
    for (const auto& part : parts) {
        if (!out.empty()) out += separator;
        out += part;
    }
    return out;
}

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
};

// What every printed page carries (Excel's header and footer codes: &A the
// sheet's name, &P the page, &N the pages).
struct PageSetup {
    std::string header, footer;
};

// One worksheet with Excel's limits enforced.
class SheetOut {
public:
    SheetOut(lxw_workbook* book, const char* name, const std::string& path, std::vector<Issue>& issues,
             lxw_row_t max_rows, const Formats& formats)
        : sheet_(workbook_add_worksheet(book, name)), name_(name), path_(path), issues_(issues), max_rows_(max_rows),
          formats_(formats) {
        if (!sheet_) throw WriteError(path, std::string("cannot add sheet ") + name);
    }

    lxw_worksheet* get() const { return sheet_; }
    const std::string& name() const { return name_; }

    // Whether row `row` can be written; a row beyond Excel's limit is counted, not written.
    bool has_room(lxw_row_t row) {
        if (row < max_rows_) return true;
        ++rows_lost_;
        return false;
    }

    // `source`: the input the value came from, named by any issue writing it raises.
    void text(lxw_row_t row, lxw_col_t col, std::string_view value, lxw_format* format = nullptr,
              const Provenance& source = {}) {
        if (value.empty()) return;
        const std::string text = fit_for_excel(row, col, value, source);
        check(worksheet_write_string(sheet_, row, col, text.c_str(), format));
        measure(row, col, text, format);
    }

    // A cell that links to a place in the workbook ("internal:Sources!A5");
    // plain text once the sheet holds as many links as Excel allows.
    void link(lxw_row_t row, lxw_col_t col, const std::string& target, std::string_view value,
              const Provenance& source = {}) {
        if (value.empty()) return;
        if (links_ >= LXW_MAX_NUMBER_URLS) return text(row, col, value, formats_.wrap, source);
        const std::string text = fit_for_excel(row, col, value, source);
        check(worksheet_write_url_opt(sheet_, row, col, target.c_str(), formats_.link, text.c_str(), nullptr));
        ++links_;
        measure(row, col, text, formats_.link);
    }

    void number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format = nullptr) {
        check(worksheet_write_number(sheet_, row, col, value, format));
    }

    void header(lxw_row_t row, const std::vector<std::string>& names, lxw_format* format) {
        for (lxw_col_t col = 0; col < names.size(); ++col) text(row, col, names[col], format);
    }

    // The sheet's columns: headings written on row `row` (the row repeated on
    // every printed page), widths decided by content when the sheet is finished.
    void columns(lxw_row_t row, const std::vector<Column>& columns) {
        columns_ = columns;
        content_.assign(columns.size(), 0);
        for (lxw_col_t col = 0; col < columns.size(); ++col) {
            // A heading wraps at its spaces: its longest word must fit (bold: a unit more).
            content_[col] = text_shape(columns[col].heading).longest_word + 2;
            text(row, col, columns[col].heading, formats_.header);
        }
        header_row_ = row;
    }

    // A sheet of sections under headings of their own (Duplicates) repeats none on its pages.
    void repeat_header(bool repeat) { repeat_header_ = repeat; }

    // Fixed widths, for a sheet laid out by hand (Summary).
    void widths(const std::vector<double>& widths) {
        columns_.clear();
        for (double w : widths) columns_.push_back({"", w, w});
        content_.assign(widths.size(), 0);
        column_format_ = nullptr;
    }

    // Landscape A4, one page wide (as many pages down as it takes), the
    // header row on every page, the plan's title and as-of date above, page
    // numbers below.
    void print_ready(const PageSetup& page) {
        worksheet_set_landscape(sheet_);
        worksheet_set_paper(sheet_, 9);  // A4
        worksheet_fit_to_pages(sheet_, 1, 0);
        // Inches: left, right, top, bottom; the page header and footer sit 0.3 from the edge.
        worksheet_set_margins(sheet_, 0.4, 0.4, 0.75, 0.6);
        lxw_header_footer_options edge{};
        edge.margin = 0.3;
        check(worksheet_set_header_opt(sheet_, page.header.c_str(), &edge));
        check(worksheet_set_footer_opt(sheet_, page.footer.c_str(), &edge));
        if (header_row_ && repeat_header_) check(worksheet_repeat_rows(sheet_, *header_row_, *header_row_));
    }

    void check(lxw_error error) const {
        if (error != LXW_NO_ERROR) throw WriteError(path_, "sheet " + name_ + ": " + lxw_strerror(error));
    }

    // Sets column widths and the heights of rows whose text wraps, and
    // reports rows that did not fit; call once the sheet is written.
    void finish() {
        std::vector<double> width(columns_.size());
        for (std::size_t col = 0; col < columns_.size(); ++col)
            width[col] = std::clamp(content_[col], columns_[col].min, columns_[col].max);
        for (lxw_col_t col = 0; col < width.size(); ++col)
            check(worksheet_set_column(sheet_, col, col, width[col], column_format_));
        // Each row as tall as its most-wrapped cell; one line needs no setting.
        std::sort(wrapped_.begin(), wrapped_.end(),
                  [](const Wrapped& a, const Wrapped& b) { return a.row < b.row; });
        for (std::size_t i = 0; i < wrapped_.size();) {
            const lxw_row_t row = wrapped_[i].row;
            std::uint32_t lines = 1;
            for (; i < wrapped_.size() && wrapped_[i].row == row; ++i) {
                const double w = wrapped_[i].col < width.size() ? width[wrapped_[i].col] : LXW_DEF_COL_WIDTH;
                lines = std::max(lines, wrapped_lines(wrapped_[i].shape, w));
            }
            if (lines > 1) check(worksheet_set_row(sheet_, row, std::min(lines * points_per_line, max_row_points), nullptr));
        }
        wrapped_.clear();
        if (rows_lost_ > 0)
            issues_.push_back({"rows not written", {{"", name_, 0},
                                                    with_thousands(rows_lost_) + " rows beyond the limit of " +
                                                        with_thousands(max_rows_) + " rows a sheet were not written"}});
    }

private:
    std::string cell_name(lxw_row_t row, lxw_col_t col) const {
        return name_ + "!" + column_name(col) + std::to_string(row + 1);
    }

    // The text made legal for XML and cut to Excel's limit for a cell; what
    // either cost is listed on Issues.
    std::string fit_for_excel(lxw_row_t row, lxw_col_t col, std::string_view value, const Provenance& source) {
        auto legal = xml_legal(value);
        if (!legal.dropped.empty())
            issues_.push_back({"dropped characters",
                               {source, cell_name(row, col) + ": characters XML cannot carry were dropped: " +
                                            join(legal.dropped, ", ")}});
        std::string& text = legal.text;
        if (std::size_t length = utf16_length(text); length > cell_limit) {
            text = std::string(cut_to_utf16(text, cell_limit - cut_marker.size())) + std::string(cut_marker);
            issues_.push_back({"cut", {source, cell_name(row, col) + ": " + with_thousands(length) + " characters cut to " +
                                                   with_thousands(cell_limit) + " (Excel's limit for one cell)"}});
        }
        return std::move(text);
    }

    // A wrapped cell widens its column to its longest line (within the
    // column's cap) and is kept to size its row once widths are known. Only
    // a text that could need a second line at the column's narrowest is kept.
    void measure(lxw_row_t row, lxw_col_t col, std::string_view text, const lxw_format* format) {
        if (!formats_.wraps(format)) return;
        TextShape shape = text_shape(text);
        const bool managed = col < columns_.size();
        if (managed && format != formats_.header)
            content_[col] = std::max(content_[col], double(shape.longest_line) + 1);
        const double narrowest = managed ? columns_[col].min : LXW_DEF_COL_WIDTH;
        if (wrapped_lines(shape, narrowest) > 1) wrapped_.push_back({row, col, std::move(shape)});
    }

    struct Wrapped {
        lxw_row_t row;
        lxw_col_t col;
        TextShape shape;
    };

    lxw_worksheet* sheet_;
    std::string name_;
    const std::string& path_;
    std::vector<Issue>& issues_;
    lxw_row_t max_rows_;
    const Formats& formats_;
    std::vector<Column> columns_;
    std::vector<double> content_;  // width each column's content asks for
    std::vector<Wrapped> wrapped_;
    lxw_format* column_format_ = formats_.wrap;  // a blank cell's format, for what an officer types in
    std::optional<lxw_row_t> header_row_;
    bool repeat_header_ = true;
    std::size_t links_ = 0;
    std::size_t rows_lost_ = 0;
};

// Excel shows dates from 1 March 1900 (earlier serials meet its fictitious
// 29 February 1900) to 31 December 9999.
bool showable_in_excel(const Date& d) { return d >= Date{1900, 3, 1} && d <= Date{9999, 12, 31}; }

bool is_closed(Status s) { return s == Status::Complete || s == Status::Cancelled; }

bool is_overdue(const Action& a, const Date& as_of) {
    return a.due.date && *a.due.date < as_of && !is_closed(a.status);
}

// The financial quarter (April-June, July-September, ...) after the one holding `day`.
struct Quarter {
    Date first, last;
    std::string label;  // "Q3 2019/20"
};
Quarter next_financial_quarter(const Date& day) {
    int year = day.year;
    unsigned month = day.month;
    do {
        if (++month > 12) { month = 1; ++year; }
    } while ((month - 1) % 3 != 0);
    Quarter q;
    q.first = Date{year, month, 1};
    q.last = last_day_of_month(year, month + 2);  // the quarter starts in month 1, 4, 7 or 10
    int fy = month >= 4 ? year : year - 1;
    unsigned number = (month + 8) % 12 / 3 + 1;
    char label[32];
    std::snprintf(label, sizeof label, "Q%u %d/%02d", number, fy, (fy + 1) % 100);
    q.label = label;
    return q;
}

// Which reconciled action each (plan, action) became, and whether it is the canonical copy.
struct ActionHome {
    const ReconciledAction* action = nullptr;
    bool canonical = false;
};

// Status cells coloured as the RAG words of templates/status.tsv read
// (Red -> Off track, Amber -> Slippage, Green -> On track, Blue -> Complete);
// Overdue is red too, Cancelled grey, Not started left plain.
struct StatusColour {
    Status status;
    lxw_color_t fill, font;
};
constexpr std::array<StatusColour, 6> status_colours = {{
    {Status::OffTrack, 0xFFC7CE, 0x9C0006},
    {Status::Overdue, 0xFFC7CE, 0x9C0006},
    {Status::Slippage, 0xFFEB9C, 0x9C5700},
    {Status::OnTrack, 0xC6EFCE, 0x006100},
    {Status::Complete, 0xBDD7EE, 0x1F3864},
    {Status::Cancelled, 0xEDEDED, 0x595959},
}};

// "internal:'Sources'!A5": a link to a cell of another sheet.
std::string link_to(std::string_view sheet, lxw_row_t row, lxw_col_t col = 0) {
    return "internal:'" + std::string(sheet) + "'!" + column_name(col) + std::to_string(row + 1);
}

// A page header's text: Excel reads "&" as the start of a code.
std::string page_text(std::string_view text) {
    std::string out;
    for (char c : text) out += c == '&' ? std::string("&&") : std::string(1, c);
    return out;
}

class WorkbookBuilder {
public:
    WorkbookBuilder(lxw_workbook* book, const std::string& path, const std::vector<Plan>& plans,
                    const Reconciliation& rec, const Date& as_of, lxw_row_t max_rows)
        : book_(book), path_(path), plans_(plans), rec_(rec), as_of_(as_of), max_rows_(max_rows) {
        formats_.header = workbook_add_format(book);
        format_set_bold(formats_.header);
        format_set_text_wrap(formats_.header);
        format_set_align(formats_.header, LXW_ALIGN_VERTICAL_TOP);
        format_set_bg_color(formats_.header, 0xD9E1F2);
        format_set_bottom(formats_.header, LXW_BORDER_THIN);
        formats_.title = workbook_add_format(book);
        format_set_bold(formats_.title);
        format_set_font_size(formats_.title, 14);
        formats_.section = workbook_add_format(book);
        format_set_bold(formats_.section);
        formats_.wrap = workbook_add_format(book);
        format_set_text_wrap(formats_.wrap);
        format_set_align(formats_.wrap, LXW_ALIGN_VERTICAL_TOP);
        // Number cells sit at the top of their row, beside wrapped text.
        auto number = [&](const char* num_format) {
            lxw_format* f = workbook_add_format(book);
            format_set_num_format(f, num_format);
            format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
            return f;
        };
        formats_.date = number("dd/mm/yyyy");
        formats_.percent = number("0%");
        formats_.score = number("0.00");
        formats_.count = number("0");
        formats_.count_header = workbook_add_format(book);
        format_set_bold(formats_.count_header);
        format_set_text_wrap(formats_.count_header);
        format_set_align(formats_.count_header, LXW_ALIGN_RIGHT);
        format_set_bg_color(formats_.count_header, 0xD9E1F2);
        format_set_bottom(formats_.count_header, LXW_BORDER_THIN);
        formats_.link = workbook_add_format(book);
        format_set_text_wrap(formats_.link);
        format_set_align(formats_.link, LXW_ALIGN_VERTICAL_TOP);
        format_set_underline(formats_.link, LXW_UNDERLINE_SINGLE);
        format_set_font_color(formats_.link, 0x0563C1);
        formats_.overdue = workbook_add_format(book);
        format_set_bold(formats_.overdue);
        format_set_bg_color(formats_.overdue, 0xFFC7CE);
        format_set_font_color(formats_.overdue, 0x9C0006);
        for (const auto& colour : status_colours) {
            lxw_format* f = workbook_add_format(book);
            format_set_bg_color(f, colour.fill);
            format_set_font_color(f, colour.font);
            status_formats_.push_back(f);
        }

        for (const auto& action : rec.actions)
            for (std::size_t i = 0; i < action.members.size(); ++i)
                homes_[{action.members[i].plan, action.members[i].action}] = {&action, i == 0};
        for (const auto& priority : rec.priorities) {
            priority_by_code_[priority.code] = &priority;
            for (const auto& member : priority.members) priority_homes_[{member.plan, member.priority}] = priority.code;
        }
        // Where each action's rows will be, for the links between sheets: its
        // row on Actions, its copies' rows on Sources, its cluster on Duplicates
        // (each in the order its writer below writes them).
        for (std::size_t i = 0; i < rec.actions.size() && i + 1 < max_rows; ++i)
            actions_row_[rec.actions[i].code] = lxw_row_t(i + 1);
        lxw_row_t row = 1;
        for (std::size_t p = 0; p < plans.size(); ++p)
            for (const auto& record : plans[p].rows) {
                if (row >= max_rows) break;
                if (record.fate == RowRecord::Fate::Action && record.index >= 0)
                    sources_row_[{p, std::size_t(record.index)}] = row;
                ++row;
            }
        row = 2;
        for (const auto& action : rec.actions)
            if (action.members.size() > 1) {
                if (row < max_rows) duplicates_row_[action.code] = row;
                row += lxw_row_t(action.members.size());
            }
    }

    void build() {
        // Tab order is creation order; Issues is written last because every
        // other sheet may add to it.
        SheetOut actions(book_, "Actions", path_, issues_, max_rows_, formats_);
        SheetOut summary(book_, "Summary", path_, issues_, max_rows_, formats_);
        SheetOut sources(book_, "Sources", path_, issues_, max_rows_, formats_);
        SheetOut duplicates(book_, "Duplicates", path_, issues_, max_rows_, formats_);
        SheetOut appendices(book_, "Appendices", path_, issues_, max_rows_, formats_);
        std::unique_ptr<SheetOut> findings;
        bool any_findings = std::any_of(plans_.begin(), plans_.end(), [](const Plan& p) { return !p.findings.empty(); });
        if (any_findings) findings = std::make_unique<SheetOut>(book_, "Findings", path_, issues_, max_rows_, formats_);
        SheetOut issues(book_, "Issues", path_, issues_, max_rows_, formats_);

        collect_plan_issues();
        write_actions(actions);
        write_summary(summary);
        write_sources(sources);
        write_duplicates(duplicates);
        write_appendices(appendices);
        if (findings) write_findings(*findings);
        write_issues(issues);
        // Every sheet prints landscape on A4, one page wide, under the plan's
        // title and as-of date, its pages numbered.
        const PageSetup page{"&L&\"-,Bold\"" + page_text(workbook_title) + "&C&A&RAs of " + uk_date(as_of_),
                             "&LConsolidated by plancon&CPage &P of &N"};
        for (SheetOut* sheet : {&actions, &summary, &sources, &duplicates, &appendices, findings.get(), &issues})
            if (sheet) sheet->print_ready(page);
        worksheet_activate(actions.get());
    }

private:
    // ---- Actions ----
    void write_actions(SheetOut& out) {
        // Widths capped so the columns print one A4 page wide at a readable
        // scale. Sources (each copy's file|sheet|row) is for the screen: the
        // print stops before it, and the Sources sheet prints every row.
        out.columns(0, {{"Code", 11, 11},
                        {"Priority", 12, 22},
                        {"Action", 24, 42},
                        {"Outcome", 10, 22},
                        {"Lead(s)", 10, 20},
                        {"Due", 11, 11},
                        {"Due as written", 10, 16},
                        {"Status", 10, 10},
                        {"% Complete", 9, 9},
                        {"Progress", 10, 22},
                        {"Measures", 10, 22},
                        {"Risks", 10, 20},
                        {"Services", 10, 16},
                        {"Sources", 12, 80}});
        constexpr lxw_col_t last_col = 13, sources_col = 13, status_col = 7, due_col = 5;
        lxw_row_t row = 1;
        for (const auto& action : rec_.actions) {
            if (!out.has_room(row)) continue;
            const Action& a = action.canonical;
            const std::string& code = action.code;
            // The code links to where its copies are listed: the cluster on
            // Duplicates when several were merged, else its row on Sources.
            const auto cluster = duplicates_row_.find(code);
            const auto home = sources_row_.find({action.members.front().plan, action.members.front().action});
            if (cluster != duplicates_row_.end()) out.link(row, 0, link_to("Duplicates", cluster->second), code, a.source);
            else if (home != sources_row_.end()) out.link(row, 0, link_to("Sources", home->second), code, a.source);
            else out.text(row, 0, code, formats_.wrap, a.source);
            out.text(row, 1, priority_label(action.priority_code), formats_.wrap, a.source);
            out.text(row, 2, a.text, formats_.wrap, a.source);
            out.text(row, 3, a.outcome, formats_.wrap, a.source);
            out.text(row, 4, leads_of(a), formats_.wrap, a.source);
            if (a.due.date && showable_in_excel(*a.due.date)) out.number(row, due_col, excel_serial(*a.due.date), formats_.date);
            else if (a.due.date)
                issues_.push_back({"date not shown", {a.source, code + ": due date " + to_iso(*a.due.date) +
                                                                    " is outside the dates Excel can show; kept as written only"}});
            out.text(row, 6, a.due.as_written, formats_.wrap, a.source);
            out.text(row, status_col, to_string(a.status), formats_.wrap, a.source);
            if (a.percent_complete) out.number(row, 8, *a.percent_complete / 100.0, formats_.percent);
            out.text(row, 9, a.progress, formats_.wrap, a.source);
            out.text(row, 10, a.measures, formats_.wrap, a.source);
            out.text(row, 11, a.risks, formats_.wrap, a.source);
            out.text(row, 12, join(action.services, "\n"), formats_.wrap, a.source);
            std::vector<std::string> sources;
            for (const auto& member : action.members) sources.push_back(to_string(member.source));
            out.text(row, sources_col, join(sources, "\n"), formats_.wrap, a.source);
            ++row;
        }
        const lxw_row_t last = row > 1 ? row - 1 : 1;
        worksheet_freeze_panes(out.get(), 1, 1);  // the header row and the codes stay in view
        out.check(worksheet_autofilter(out.get(), 0, 0, last, last_col));
        out.check(worksheet_print_area(out.get(), 0, 0, last, sources_col - 1));

        // The status vocabulary as a drop-down, so an officer's edits stay readable.
        std::vector<std::string> vocabulary;
        for (Status s : {Status::NotStarted, Status::OnTrack, Status::Slippage, Status::OffTrack, Status::Overdue,
                         Status::Complete, Status::Cancelled})
            vocabulary.emplace_back(to_string(s));
        std::vector<char*> list;
        for (auto& word : vocabulary) list.push_back(word.data());
        list.push_back(nullptr);
        lxw_data_validation validation{};
        validation.validate = LXW_VALIDATION_TYPE_LIST;
        validation.value_list = list.data();
        validation.ignore_blank = LXW_VALIDATION_ON;
        std::string error_title = "Status", error_message = "Choose a status from the list.";
        validation.error_title = error_title.data();
        validation.error_message = error_message.data();
        const lxw_row_t editable = std::max<lxw_row_t>(last, 1000);
        out.check(worksheet_data_validation_range(out.get(), 1, status_col, editable, status_col, &validation));

        // Overdue: a due date before the as-of date and not complete or cancelled.
        char formula[160];
        std::snprintf(formula, sizeof formula,
                      "=AND(ISNUMBER($F2),$F2<DATE(%d,%u,%u),$H2<>\"Complete\",$H2<>\"Cancelled\")", as_of_.year,
                      as_of_.month, as_of_.day);
        lxw_conditional_format overdue{};
        overdue.type = LXW_CONDITIONAL_TYPE_FORMULA;
        overdue.value_string = formula;
        overdue.format = formats_.overdue;
        out.check(worksheet_conditional_format_range(out.get(), 1, due_col, last, due_col, &overdue));

        // Each status its colour, as the officer edits it too.
        for (std::size_t i = 0; i < status_colours.size(); ++i) {
            std::string quoted_status = "\"" + std::string(to_string(status_colours[i].status)) + "\"";
            lxw_conditional_format rag{};
            rag.type = LXW_CONDITIONAL_TYPE_CELL;
            rag.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
            rag.value_string = quoted_status.data();
            rag.format = status_formats_[i];
            out.check(worksheet_conditional_format_range(out.get(), 1, status_col, editable, status_col, &rag));
        }
        out.finish();
    }

    std::string priority_label(const std::string& code) const {
        if (code.empty()) return {};
        auto it = priority_by_code_.find(code);
        if (it == priority_by_code_.end()) return code;
        const ReconciledPriority& p = *it->second;
        std::string label = code;
        if (!p.ref.empty()) label += " " + p.ref;
        if (!p.title.empty()) label += " " + p.title;
        return label;
    }

    static std::string leads_of(const Action& a) {
        std::vector<std::string> names;
        for (const auto& lead : a.leads) names.push_back(lead.name);
        return names.empty() ? a.leads_as_written : join(names, "\n");
    }

    // ---- Summary ----
    void write_summary(SheetOut& out) {
        // Column A holds the figures' labels and the services; B on the counts.
        out.widths({64, 12, 12, 12, 12, 12, 12, 12, 12, 12});
        out.text(0, 0, workbook_title, formats_.title);
        out.text(1, 0, "As of");
        out.number(1, 1, excel_serial(as_of_), formats_.date);

        std::size_t overdue = 0, due_next = 0;
        const Quarter next = next_financial_quarter(as_of_);
        for (const auto& action : rec_.actions) {
            const Action& a = action.canonical;
            if (is_overdue(a, as_of_)) ++overdue;
            if (a.due.date && *a.due.date >= next.first && *a.due.date <= next.last) ++due_next;
        }
        std::size_t merged = 0;
        for (const auto& action : rec_.actions) merged += action.members.size() > 1;
        const std::vector<std::pair<std::string, std::size_t>> figures = {
            {"Input files", plans_.size()},
            {"Priorities", rec_.priorities.size()},
            {"Actions (after merging duplicates)", rec_.actions.size()},
            {"Actions merged from several copies", merged},
            {"Possible duplicates to review", rec_.possible_duplicates.size()},
            {"Overdue (due before the as-of date, not complete or cancelled)", overdue},
            {"Due next quarter (" + next.label + ": " + uk_date(next.first) + " to " + uk_date(next.last) + ")",
             due_next},
        };
        lxw_row_t row = 2;
        for (const auto& [label, count] : figures) {
            out.text(row, 0, label);
            out.number(row, 1, double(count));
            ++row;
        }

        // Counts by service x status; an action with several services counts under each.
        ++row;
        out.text(row++, 0, "Actions by service and status", formats_.section);
        constexpr std::array statuses = {Status::NotStarted, Status::OnTrack,  Status::Slippage, Status::OffTrack,
                                         Status::Overdue,    Status::Complete, Status::Cancelled, Status::Unknown};
        std::map<std::string, std::array<std::size_t, statuses.size()>> counts;
        std::array<bool, statuses.size()> used{};
        for (const auto& action : rec_.actions) {
            std::size_t k = std::size_t(std::find(statuses.begin(), statuses.end(), action.canonical.status) - statuses.begin());
            used[k] = true;
            std::vector<std::string> services = action.services;
            if (services.empty()) services.push_back("(no service)");
            for (const auto& service : services) ++counts[service][k];
        }
        if (counts.empty()) {
            out.text(row, 0, "No actions.");
            out.finish();
            return;
        }
        const lxw_row_t table_top = row;
        out.text(row, 0, "Service", formats_.header);
        std::vector<std::size_t> columns;
        for (std::size_t k = 0; k < statuses.size(); ++k)
            if (used[k]) {
                columns.push_back(k);
                out.text(row, lxw_col_t(columns.size()), statuses[k] == Status::Unknown ? "Not given" : to_string(statuses[k]),
                         formats_.count_header);
            }
        const lxw_col_t total_col = lxw_col_t(columns.size() + 1);
        out.text(row, total_col, "Total", formats_.count_header);
        ++row;
        for (const auto& [service, by_status] : counts) {
            if (!out.has_room(row)) continue;
            out.text(row, 0, service);
            std::size_t total = 0;
            for (std::size_t c = 0; c < columns.size(); ++c) {
                out.number(row, lxw_col_t(c + 1), double(by_status[columns[c]]));
                total += by_status[columns[c]];
            }
            out.number(row, total_col, double(total));
            ++row;
        }
        const lxw_row_t first_data = table_top + 1, last_data = row - 1;
        if (last_data < first_data) {
            out.finish();
            return;
        }

        // Bars, not columns: a service's name reads whole beside its bar. Each
        // status in its colour, the legend below; the chart starts a page of its
        // own when it would not fit under the figures.
        lxw_chart* chart = workbook_add_chart(book_, LXW_CHART_BAR_STACKED);
        if (!chart) throw WriteError(path_, "cannot add a chart");
        chart_title_set_name(chart, "Actions by service and status");
        const std::string categories = "=Summary!$A$" + std::to_string(first_data + 1) + ":$A$" + std::to_string(last_data + 1);
        for (std::size_t c = 0; c < columns.size(); ++c) {
            const std::string col = column_name(lxw_col_t(c + 1));
            const std::string values = "=Summary!$" + col + "$" + std::to_string(first_data + 1) + ":$" + col + "$" +
                                       std::to_string(last_data + 1);
            lxw_chart_series* series = chart_add_series(chart, categories.c_str(), values.c_str());
            if (!series) throw WriteError(path_, "cannot add a chart series");
            const std::string name = "=Summary!$" + col + "$" + std::to_string(table_top + 1);
            chart_series_set_name(series, name.c_str());
            lxw_chart_fill fill{};
            fill.color = bar_colour(statuses[columns[c]]);
            chart_series_set_fill(series, &fill);
        }
        chart_axis_set_name(chart->x_axis, "Actions");
        chart_axis_set_reverse(chart->y_axis);  // services top to bottom, as in the table
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        const std::size_t bars = last_data - first_data + 1;
        lxw_chart_options size{};
        size.x_scale = 1.6;  // 768 pixels of the default 480
        size.y_scale = std::min(2.2, (160.0 + 28.0 * double(bars)) / 288.0);
        const lxw_row_t chart_row = row + 1;
        const double chart_points = 288 * size.y_scale * 0.75, above_points = double(chart_row) * points_per_line;
        // A landscape A4 page's printable height (8.27 in less 1.35 in of margins:
        // 498 points) at the scale that fits the Summary's width (about 90%), less a margin.
        constexpr double page_points = 520;
        if (above_points + chart_points > page_points) {
            lxw_row_t breaks[] = {chart_row, 0};
            out.check(worksheet_set_h_pagebreaks(out.get(), breaks));
        }
        out.check(worksheet_insert_chart_opt(out.get(), chart_row, 0, chart, &size));
        out.finish();
    }

    // A status's colour on the chart: the strong shade of its cell colour.
    static lxw_color_t bar_colour(Status s) {
        switch (s) {
            case Status::OnTrack: return 0x70AD47;
            case Status::Slippage: return 0xFFC000;
            case Status::OffTrack: return 0xC00000;
            case Status::Overdue: return 0xFF5050;
            case Status::Complete: return 0x4472C4;
            case Status::Cancelled: return 0xA5A5A5;
            case Status::NotStarted: return 0xD9D9D9;
            case Status::Unknown: break;
        }
        return 0x7F7F7F;
    }

    // A run of blank or skipped rows is one line: its reason says which rows
    // ("rows 7-9: no action text in this row").
    static std::string reason_with_rows(const RowRecord& record) {
        if (record.row_count == 1) return record.reason;
        return "rows " + row_label(record) + (record.reason.empty() ? "" : ": " + record.reason);
    }

    // ---- Sources ----
    // A row's service and where it came from: the document's, unless the
    // row is an action whose own Service column named another.
    static std::pair<std::string, std::string> service_of(const Plan& plan, const RowRecord& record) {
        const SourceDocument& doc = plan.document;
        if (record.fate == RowRecord::Fate::Action && record.index >= 0 && std::size_t(record.index) < plan.actions.size()) {
            const std::string& own = plan.actions[std::size_t(record.index)].service;
            if (!own.empty() && own != doc.service) return {own, "its Service column"};
        }
        return {doc.service, doc.service_source};
    }

    void write_sources(SheetOut& out) {
        // The service each row was given, and where it was read from: an
        // action's own Service column, else its file's (a Service: row, the
        // title, a sheet or file name, the profile, --service).
        out.columns(0, {{"File", 16, 60},
                        {"Sheet", 10, 28},
                        {"Row", 6, 6},
                        {"Fate", 10, 22},
                        {"Reason", 16, 40},
                        {"Code", 11, 11},
                        {"Service", 10, 24},
                        {"Service from", 10, 24}});
        lxw_row_t row = 1;
        for (std::size_t p = 0; p < plans_.size(); ++p) {
            for (const auto& record : plans_[p].rows) {
                if (!out.has_room(row)) continue;
                std::string fate(to_string(record.fate)), code;
                if (record.fate == RowRecord::Fate::Action && record.index >= 0) {
                    auto it = homes_.find({p, std::size_t(record.index)});
                    if (it != homes_.end()) {
                        code = it->second.action->code;
                        if (!it->second.canonical) fate = "merged into " + code;
                    }
                } else if (record.fate == RowRecord::Fate::Priority && record.index >= 0) {
                    auto it = priority_homes_.find({p, std::size_t(record.index)});
                    if (it != priority_homes_.end()) code = it->second;
                }
                out.text(row, 0, record.source.file, formats_.wrap, record.source);
                out.text(row, 1, record.source.sheet, formats_.wrap, record.source);
                out.number(row, 2, record.source.row, formats_.count);
                out.text(row, 3, fate, formats_.wrap, record.source);
                out.text(row, 4, reason_with_rows(record), formats_.wrap, record.source);
                // An action's code links back to its row on Actions.
                const auto on_actions = actions_row_.find(code);
                if (on_actions != actions_row_.end()) out.link(row, 5, link_to("Actions", on_actions->second), code, record.source);
                else out.text(row, 5, code, formats_.wrap, record.source);
                const auto [service, service_from] = service_of(plans_[p], record);
                out.text(row, 6, service, formats_.wrap, record.source);
                out.text(row, 7, service_from, formats_.wrap, record.source);
                ++row;
            }
        }
        worksheet_freeze_panes(out.get(), 1, 0);
        out.check(worksheet_autofilter(out.get(), 0, 0, row > 1 ? row - 1 : 1, 7));
        out.finish();
    }

    // ---- Duplicates ----
    const Action* action_at(const Provenance& source) {
        if (action_by_source_.empty())
            for (const auto& plan : plans_)
                for (const auto& action : plan.actions) action_by_source_.emplace(to_string(action.source), &action);
        auto it = action_by_source_.find(to_string(source));
        return it == action_by_source_.end() ? nullptr : it->second;
    }

    void write_duplicates(SheetOut& out) {
        lxw_row_t row = 0;
        out.text(row++, 0, "Merged copies: each cluster's members side by side with the canonical copy", formats_.section);
        // The later sections' headings share these columns: each is as wide as the widest content.
        out.columns(row++, {{"Code", 11, 11},
                            {"Role", 10, 11},
                            {"Source", 14, 40},
                            {"Service", 14, 40},
                            {"Text as written", 20, 42},
                            {"Score", 7, 7},
                            {"Explanation", 16, 30},
                            {"", 10, 42}});
        out.repeat_header(false);
        for (const auto& action : rec_.actions) {
            if (action.members.size() < 2) continue;
            for (std::size_t i = 0; i < action.members.size(); ++i) {
                if (!out.has_room(row)) continue;
                const MemberRef& m = action.members[i];
                const Action& copy = plans_.at(m.plan).actions.at(m.action);
                out.text(row, 0, action.code, formats_.wrap, m.source);
                out.text(row, 1, i == 0 ? "canonical" : "merged", formats_.wrap, m.source);
                out.text(row, 2, to_string(m.source), formats_.wrap, m.source);
                out.text(row, 3, m.service, formats_.wrap, m.source);
                out.text(row, 4, copy.text_as_written.empty() ? copy.text : copy.text_as_written, formats_.wrap, m.source);
                out.number(row, 5, m.score, formats_.score);
                out.text(row, 6, m.explanation, formats_.wrap, m.source);
                ++row;
            }
        }

        ++row;
        if (out.has_room(row)) out.text(row, 0, "Possible duplicates, not merged: check and record a decision", formats_.section);
        ++row;
        if (out.has_room(row))
            out.header(row, {"Code A", "Code B", "Source A", "Source B", "Text A", "Score", "Matched words", "Text B"},
                       formats_.header);
        ++row;
        for (const auto& pair : rec_.possible_duplicates) {
            if (!out.has_room(row)) continue;
            const Action* a = action_at(pair.a);
            const Action* b = action_at(pair.b);
            out.text(row, 0, pair.code_a, formats_.wrap, pair.a);
            out.text(row, 1, pair.code_b, formats_.wrap, pair.a);
            out.text(row, 2, to_string(pair.a), formats_.wrap, pair.a);
            out.text(row, 3, to_string(pair.b), formats_.wrap, pair.a);
            if (a) out.text(row, 4, a->text, formats_.wrap, pair.a);
            out.number(row, 5, pair.score, formats_.score);
            out.text(row, 6, join(pair.matched_words, " "), formats_.wrap, pair.a);
            if (b) out.text(row, 7, b->text, formats_.wrap, pair.a);
            ++row;
        }

        ++row;
        if (out.has_room(row)) out.text(row, 0, "Conflicts: copies of one action that disagree", formats_.section);
        ++row;
        if (out.has_room(row)) out.header(row, {"Code", "Field", "Source", "Value"}, formats_.header);
        ++row;
        for (const auto& action : rec_.actions)
            for (const auto& conflict : action.conflicts)
                for (const auto& value : conflict.values) {
                    if (!out.has_room(row)) continue;
                    out.text(row, 0, action.code, formats_.wrap, value.source);
                    out.text(row, 1, conflict.field, formats_.wrap, value.source);
                    out.text(row, 2, to_string(value.source), formats_.wrap, value.source);
                    out.text(row, 3, value.value, formats_.wrap, value.source);
                    ++row;
                }
        out.finish();
    }

    // ---- Appendices ----
    void write_appendices(SheetOut& out) {
        // Columns are the union of header names in order of first appearance;
        // a name repeated within one table gets a column per repetition.
        std::vector<std::string> union_names;
        std::map<std::pair<std::string, std::size_t>, std::size_t> column_of;
        auto columns_of = [&](const AppendixTable& table) {
            std::vector<std::size_t> columns;
            std::map<std::string, std::size_t> seen;
            for (const auto& header : table.headers) {
                auto key = std::make_pair(header, seen[header]++);
                auto [it, added] = column_of.emplace(key, union_names.size());
                if (added) union_names.push_back(header);
                columns.push_back(it->second);
            }
            return columns;
        };
        for (const auto& plan : plans_)
            for (const auto& table : plan.appendices) columns_of(table);

        constexpr std::size_t fixed = 4;
        const std::size_t max_union = LXW_COL_MAX - fixed;
        if (union_names.size() > max_union)
            issues_.push_back({"columns not written", {{"", "Appendices", 0},
                                                       with_thousands(union_names.size() - max_union) +
                                                           " appendix columns beyond Excel's limit of 16,384 columns were not written"}});
        std::vector<std::string> headers = {"Appendix", "File", "Sheet", "Row"};
        for (std::size_t i = 0; i < union_names.size() && i < max_union; ++i) headers.push_back(union_names[i]);
        std::vector<Column> columns = {{"Appendix", 14, 26}, {"File", 16, 26}, {"Sheet", 10, 16}, {"Row", 6, 6}};
        for (std::size_t i = fixed; i < headers.size(); ++i) columns.push_back({headers[i], 8, 18});
        out.columns(0, columns);
        lxw_row_t row = 1;
        for (const auto& plan : plans_)
            for (const auto& table : plan.appendices) {
                const auto columns = columns_of(table);
                for (const auto& r : table.rows) {
                    if (!out.has_room(row)) continue;
                    out.text(row, 0, table.title, formats_.wrap, r.source);
                    out.text(row, 1, r.source.file, formats_.wrap, r.source);
                    out.text(row, 2, r.source.sheet.empty() ? table.sheet : r.source.sheet, formats_.wrap, r.source);
                    out.number(row, 3, r.source.row, formats_.count);
                    for (std::size_t i = 0; i < r.values.size() && i < columns.size(); ++i)
                        if (columns[i] < max_union) out.text(row, lxw_col_t(fixed + columns[i]), r.values[i], formats_.wrap, r.source);
                    ++row;
                }
            }
        worksheet_freeze_panes(out.get(), 1, 0);
        if (row > 1) out.check(worksheet_autofilter(out.get(), 0, 0, row - 1, lxw_col_t(headers.size() - 1)));
        out.finish();
    }

    // ---- Findings ----
    void write_findings(SheetOut& out) {
        out.columns(0, {{"Theme", 12, 18},
                        {"Strength", 16, 36},
                        {"Area for improvement", 16, 40},
                        {"Current/planned action", 16, 40},
                        {"Links", 12, 24},
                        {"Source", 14, 28},
                        {"Linked codes", 11, 11}});
        lxw_row_t row = 1;
        for (std::size_t p = 0; p < plans_.size(); ++p)
            for (const auto& finding : plans_[p].findings) {
                if (!out.has_room(row)) continue;
                std::vector<std::string> links, codes;
                for (const auto& link : finding.links) {
                    links.push_back(link.target);
                    std::string code = linked_code(p, link.target);
                    if (!code.empty() && std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
                }
                out.text(row, 6, join(codes, "\n"), formats_.wrap, finding.source);
                out.text(row, 0, finding.theme, formats_.wrap, finding.source);
                out.text(row, 1, finding.strength, formats_.wrap, finding.source);
                out.text(row, 2, finding.text, formats_.wrap, finding.source);
                out.text(row, 3, finding.planned_action, formats_.wrap, finding.source);
                out.text(row, 4, join(links, "\n"), formats_.wrap, finding.source);
                out.text(row, 5, to_string(finding.source), formats_.wrap, finding.source);
                ++row;
            }
        worksheet_freeze_panes(out.get(), 1, 0);
        if (row > 1) out.check(worksheet_autofilter(out.get(), 0, 0, row - 1, 6));
        out.finish();
    }

    // The code a finding's link points at, within the finding's own plan:
    // "Improvement Action 4" names the priority of that kind and reference,
    // "2.3" an action or priority with that reference.
    std::string linked_code(std::size_t plan_index, const std::string& target) const {
        const std::string wanted = lower_ascii(target);
        const Plan& plan = plans_[plan_index];
        for (std::size_t i = 0; i < plan.priorities.size(); ++i) {
            const Priority& p = plan.priorities[i];
            if (p.ref.empty() || (wanted != lower_ascii(p.kind + " " + p.ref) && wanted != lower_ascii(p.ref))) continue;
            auto it = priority_homes_.find({plan_index, i});
            if (it != priority_homes_.end()) return it->second;
        }
        for (std::size_t i = 0; i < plan.actions.size(); ++i) {
            if (plan.actions[i].ref.empty() || lower_ascii(plan.actions[i].ref) != wanted) continue;
            auto it = homes_.find({plan_index, i});
            if (it != homes_.end()) return it->second.action->code;
        }
        return {};
    }

    // ---- Issues ----
    void collect_plan_issues() {
        for (const auto& plan : plans_) {
            for (const auto& warning : plan.warnings) issues_.push_back({"warning", warning});
            for (const auto& record : plan.rows)
                if (record.fate == RowRecord::Fate::Skipped)
                    issues_.push_back({record.row_count > 1 ? "skipped rows" : "skipped row",
                                       {record.source, reason_with_rows(record)}});
        }
        for (const auto& warning : rec_.warnings) issues_.push_back({"reconcile", warning});
        // What each reconciled action lacks, named by its code at its canonical copy.
        for (const auto& action : rec_.actions) {
            const Action& a = action.canonical;
            auto lacks = [&](const char* kind, const std::string& what) {
                issues_.push_back({kind, {a.source, action.code + ": " + what}});
            };
            switch (a.due.kind) {
                case Due::Kind::Date: break;
                case Due::Kind::None: lacks("no due date", "nothing written as a due date"); break;
                case Due::Kind::Unreadable: lacks("unread date", "due date not understood: \"" + a.due.as_written + "\""); break;
                case Due::Kind::Immediate:
                case Due::Kind::Ongoing: lacks("no due date", "\"" + a.due.as_written + "\" gives no date"); break;
            }
            if (a.leads.empty() && a.leads_as_written.empty()) lacks("no lead", "no lead named");
        }
    }

    // One row an issue, its warning in the parts stderr shows it in
    // (to_string(Warning): "FILE: sheet 'Plan' row 4: message").
    void write_issues(SheetOut& out) {
        out.columns(0, {{"Kind", 10, 18}, {"File", 16, 36}, {"Place", 12, 26}, {"Message", 30, 80}});
        // Writing may add issues (a message cut to fit); those are written too
        // while there is room, so iterate by index.
        lxw_row_t row = 1;
        for (std::size_t i = 0; i < issues_.size(); ++i) {
            if (row + 1 == max_rows_ && issues_.size() - i > 1) {
                out.text(row, 0, "rows not written");
                out.text(row, 3, with_thousands(issues_.size() - i) + " more issues did not fit on this sheet");
                break;
            }
            const Issue issue = issues_[i];  // a copy: writing may grow issues_
            out.text(row, 0, issue.kind, formats_.wrap);
            out.text(row, 1, issue.warning.source.file, formats_.wrap);
            out.text(row, 2, place_name(issue.warning.source), formats_.wrap);
            out.text(row, 3, issue.warning.message, formats_.wrap);
            ++row;
        }
        worksheet_freeze_panes(out.get(), 1, 0);
        out.check(worksheet_autofilter(out.get(), 0, 0, row > 1 ? row - 1 : 1, 3));
        out.finish();
    }

    lxw_workbook* book_;
    const std::string& path_;
    const std::vector<Plan>& plans_;
    const Reconciliation& rec_;
    Date as_of_;
    lxw_row_t max_rows_;
    Formats formats_{};
    std::vector<Issue> issues_;
    std::map<std::pair<std::size_t, std::size_t>, ActionHome> homes_;
    std::map<std::pair<std::size_t, std::size_t>, std::string> priority_homes_;
    std::map<std::string, const ReconciledPriority*> priority_by_code_;
    std::map<std::string, const Action*> action_by_source_;  // filled on first use
    std::vector<lxw_format*> status_formats_;                 // one per status_colours entry
    std::map<std::string, lxw_row_t> actions_row_, duplicates_row_;  // by action code
    std::map<std::pair<std::size_t, std::size_t>, lxw_row_t> sources_row_;  // by (plan, action)
};

// The document's created time: fixed, so the same input gives the same bytes.
// 1 January 1980 (the earliest ZIP time) when SOURCE_DATE_EPOCH is unset,
// since libxlsxwriter reads 0 as "now".
std::time_t created_time() {
    auto fixed = write_detail::source_date_epoch();
    return fixed && *fixed > 0 ? *fixed : std::time_t(315532800);
}

}  // namespace

void write_consolidated_workbook(StagedFile& file, const std::vector<Plan>& plans,
                                 const Reconciliation& reconciliation, const WorkbookOptions& options) {
    const Date as_of = write_detail::resolve_as_of(options.as_of);
    const std::string& path = file.path();
    lxw_workbook* book = workbook_new(file.temp_path().c_str());
    if (!book) throw WriteError(path, "cannot start the workbook");
    try {
        lxw_doc_properties properties{};
        std::string title = "Consolidated improvement plan", generator = "plancon " PLANCON_VERSION;
        properties.title = title.data();
        properties.comments = generator.data();
        properties.created = created_time();
        if (lxw_error e = workbook_set_properties(book, &properties); e != LXW_NO_ERROR)
            throw WriteError(path, lxw_strerror(e));
        const lxw_row_t max_rows = std::clamp<lxw_row_t>(options.max_rows_per_sheet, 2, LXW_ROW_MAX);
        WorkbookBuilder(book, path, plans, reconciliation, as_of, max_rows).build();
    } catch (...) {
        lxw_workbook_free(book);
        throw;
    }
    if (lxw_error e = workbook_close(book); e != LXW_NO_ERROR) throw WriteError(path, lxw_strerror(e));
}

void write_consolidated_workbook(const std::string& path, const std::vector<Plan>& plans,
                                 const Reconciliation& reconciliation, const WorkbookOptions& options) {
    StagedFile file(path);
    write_consolidated_workbook(file, plans, reconciliation, options);
    file.commit();
}

}  // namespace plancon
