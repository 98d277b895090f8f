// The consolidated workbook (libxlsxwriter): what the officer filters and
// sends on. Every sheet is written through one SheetOut so Excel's limits
// (32,767 characters a cell, 1,048,576 rows) are enforced in one place and
// whatever they cost is listed on the Issues sheet.
#include "plancon/text.hpp"
#include "plancon/values.hpp"
#include "plancon/write.hpp"

#include "plancon/atomic_file.hpp"

#include "output_common.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

namespace plancon {

namespace {

using write_detail::cut_to_utf16;
using write_detail::excel_serial;
using write_detail::uk_date;
using write_detail::utf16_length;
using write_detail::xml_legal;

constexpr std::size_t cell_limit = 32767;
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
    lxw_format* date;
    lxw_format* percent;
    lxw_format* overdue;
    lxw_format* section;
};

// One worksheet with Excel's limits enforced.
class SheetOut {
public:
    SheetOut(lxw_workbook* book, const char* name, const std::string& path, std::vector<Issue>& issues,
             lxw_row_t max_rows)
        : sheet_(workbook_add_worksheet(book, name)), name_(name), path_(path), issues_(issues), max_rows_(max_rows) {
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
        check(worksheet_write_string(sheet_, row, col, text.c_str(), format));
    }

    void number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format = nullptr) {
        check(worksheet_write_number(sheet_, row, col, value, format));
    }

    void header(lxw_row_t row, const std::vector<std::string>& names, lxw_format* format) {
        for (lxw_col_t col = 0; col < names.size(); ++col) text(row, col, names[col], format);
    }

    void widths(const std::vector<double>& widths, lxw_format* format) {
        for (lxw_col_t col = 0; col < widths.size(); ++col)
            check(worksheet_set_column(sheet_, col, col, widths[col], format));
    }

    void check(lxw_error error) const {
        if (error != LXW_NO_ERROR) throw WriteError(path_, "sheet " + name_ + ": " + lxw_strerror(error));
    }

    // Reports rows that did not fit; call once the sheet is written.
    void finish() {
        if (rows_lost_ > 0)
            issues_.push_back({"rows not written", {{"", name_, 0},
                                                    with_thousands(rows_lost_) + " rows beyond the limit of " +
                                                        with_thousands(max_rows_) + " rows a sheet were not written"}});
    }

private:
    std::string cell_name(lxw_row_t row, lxw_col_t col) const {
        return name_ + "!" + column_name(col) + std::to_string(row + 1);
    }

    lxw_worksheet* sheet_;
    std::string name_;
    const std::string& path_;
    std::vector<Issue>& issues_;
    lxw_row_t max_rows_;
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
        formats_.date = workbook_add_format(book);
        format_set_num_format(formats_.date, "dd/mm/yyyy");
        format_set_align(formats_.date, LXW_ALIGN_VERTICAL_TOP);
        formats_.percent = workbook_add_format(book);
        format_set_num_format(formats_.percent, "0%");
        format_set_align(formats_.percent, LXW_ALIGN_VERTICAL_TOP);
        formats_.overdue = workbook_add_format(book);
        format_set_bg_color(formats_.overdue, 0xFFC7CE);
        format_set_font_color(formats_.overdue, 0x9C0006);

        for (const auto& action : rec.actions)
            for (std::size_t i = 0; i < action.members.size(); ++i)
                homes_[{action.members[i].plan, action.members[i].action}] = {&action, i == 0};
        for (const auto& priority : rec.priorities) {
            priority_by_code_[priority.code] = &priority;
            for (const auto& member : priority.members) priority_homes_[{member.plan, member.priority}] = priority.code;
        }
    }

    void build() {
        // Tab order is creation order; Issues is written last because every
        // other sheet may add to it.
        SheetOut actions(book_, "Actions", path_, issues_, max_rows_);
        SheetOut summary(book_, "Summary", path_, issues_, max_rows_);
        SheetOut sources(book_, "Sources", path_, issues_, max_rows_);
        SheetOut duplicates(book_, "Duplicates", path_, issues_, max_rows_);
        SheetOut appendices(book_, "Appendices", path_, issues_, max_rows_);
        std::unique_ptr<SheetOut> findings;
        bool any_findings = std::any_of(plans_.begin(), plans_.end(), [](const Plan& p) { return !p.findings.empty(); });
        if (any_findings) findings = std::make_unique<SheetOut>(book_, "Findings", path_, issues_, max_rows_);
        SheetOut issues(book_, "Issues", path_, issues_, max_rows_);

        collect_plan_issues();
        write_actions(actions);
        write_summary(summary);
        write_sources(sources);
        write_duplicates(duplicates);
        write_appendices(appendices);
        if (findings) write_findings(*findings);
        write_issues(issues);
        worksheet_activate(actions.get());
    }

private:
    // ---- Actions ----
    void write_actions(SheetOut& out) {
        static const std::vector<std::string> headers = {
            "Code", "Priority", "Action", "Outcome", "Lead(s)", "Due", "Due as written", "Status",
            "% Complete", "Progress", "Measures", "Risks", "Services", "Sources"};
        out.widths({12, 30, 60, 30, 28, 12, 22, 13, 11, 40, 40, 30, 24, 36}, formats_.wrap);
        out.header(0, headers, formats_.header);
        lxw_row_t row = 1;
        for (const auto& action : rec_.actions) {
            if (!out.has_room(row)) continue;
            const Action& a = action.canonical;
            const std::string& code = action.code;
            out.text(row, 0, code, formats_.wrap, a.source);
            out.text(row, 1, priority_label(action.priority_code), formats_.wrap, a.source);
            out.text(row, 2, a.text, formats_.wrap, a.source);
            out.text(row, 3, a.outcome, formats_.wrap, a.source);
            out.text(row, 4, leads_of(a), formats_.wrap, a.source);
            if (a.due.date && showable_in_excel(*a.due.date)) out.number(row, 5, excel_serial(*a.due.date), formats_.date);
            else if (a.due.date)
                issues_.push_back({"date not shown", {a.source, code + ": due date " + to_iso(*a.due.date) +
                                                                    " is outside the dates Excel can show; kept as written only"}});
            out.text(row, 6, a.due.as_written, formats_.wrap, a.source);
            out.text(row, 7, to_string(a.status), formats_.wrap, a.source);
            if (a.percent_complete) out.number(row, 8, *a.percent_complete / 100.0, formats_.percent);
            out.text(row, 9, a.progress, formats_.wrap, a.source);
            out.text(row, 10, a.measures, formats_.wrap, a.source);
            out.text(row, 11, a.risks, formats_.wrap, a.source);
            out.text(row, 12, join(action.services, "\n"), formats_.wrap, a.source);
            std::vector<std::string> sources;
            for (const auto& member : action.members) sources.push_back(to_string(member.source));
            out.text(row, 13, join(sources, "\n"), formats_.wrap, a.source);
            ++row;
        }
        const lxw_row_t last = row > 1 ? row - 1 : 1;
        worksheet_freeze_panes(out.get(), 1, 0);
        out.check(worksheet_autofilter(out.get(), 0, 0, last, lxw_col_t(headers.size() - 1)));

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
        out.check(worksheet_data_validation_range(out.get(), 1, 7, std::max<lxw_row_t>(last, 1000), 7, &validation));

        // Overdue: a due date before the as-of date and not complete or cancelled.
        char formula[160];
        std::snprintf(formula, sizeof formula,
                      "=AND(ISNUMBER($F2),$F2<DATE(%d,%u,%u),$H2<>\"Complete\",$H2<>\"Cancelled\")", as_of_.year,
                      as_of_.month, as_of_.day);
        lxw_conditional_format overdue{};
        overdue.type = LXW_CONDITIONAL_TYPE_FORMULA;
        overdue.value_string = formula;
        overdue.format = formats_.overdue;
        out.check(worksheet_conditional_format_range(out.get(), 1, 0, last, lxw_col_t(headers.size() - 1), &overdue));
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
        out.widths({44, 14, 14, 14, 14, 14, 14, 14, 14, 14}, nullptr);
        out.text(0, 0, "Consolidated improvement plan", formats_.title);
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
                         formats_.header);
            }
        const lxw_col_t total_col = lxw_col_t(columns.size() + 1);
        out.text(row, total_col, "Total", formats_.header);
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

        lxw_chart* chart = workbook_add_chart(book_, LXW_CHART_COLUMN_STACKED);
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
        }
        chart_axis_set_name(chart->y_axis, "Actions");
        out.check(worksheet_insert_chart(out.get(), row + 1, 0, chart));
        out.finish();
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
        out.widths({36, 24, 8, 24, 50, 14, 24, 36}, formats_.wrap);
        // The service each row was given, and where it was read from: an
        // action's own Service column, else its file's (a Service: row, the
        // title, a sheet or file name, the profile, --service).
        out.header(0, {"File", "Sheet", "Row", "Fate", "Reason", "Code", "Service", "Service from"}, formats_.header);
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
                out.number(row, 2, record.source.row);
                out.text(row, 3, fate, formats_.wrap, record.source);
                out.text(row, 4, reason_with_rows(record), formats_.wrap, record.source);
                out.text(row, 5, code, formats_.wrap, record.source);
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
        out.widths({12, 12, 34, 34, 60, 12, 34, 60}, formats_.wrap);
        lxw_row_t row = 0;
        out.text(row++, 0, "Merged copies: each cluster's members side by side with the canonical copy", formats_.section);
        out.header(row++, {"Code", "Role", "Source", "Service", "Text as written", "Score", "Explanation"}, formats_.header);
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
                out.number(row, 5, m.score);
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
            out.number(row, 5, pair.score);
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
        std::vector<double> widths = {30, 30, 20, 8};
        widths.resize(headers.size(), 18);
        out.widths(widths, formats_.wrap);
        out.header(0, headers, formats_.header);
        lxw_row_t row = 1;
        for (const auto& plan : plans_)
            for (const auto& table : plan.appendices) {
                const auto columns = columns_of(table);
                for (const auto& r : table.rows) {
                    if (!out.has_room(row)) continue;
                    out.text(row, 0, table.title, formats_.wrap, r.source);
                    out.text(row, 1, r.source.file, formats_.wrap, r.source);
                    out.text(row, 2, r.source.sheet.empty() ? table.sheet : r.source.sheet, formats_.wrap, r.source);
                    out.number(row, 3, r.source.row);
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
        out.widths({22, 40, 50, 50, 30, 36, 14}, formats_.wrap);
        out.header(0, {"Theme", "Strength", "Area for improvement", "Current/planned action", "Links", "Source", "Linked codes"},
                   formats_.header);
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
        out.widths({20, 36, 28, 90}, formats_.wrap);
        out.header(0, {"Kind", "File", "Place", "Message"}, formats_.header);
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
