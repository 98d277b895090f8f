// The consolidated workbook (libxlsxwriter): what the officer filters and
// sends on. Every sheet is written through one SheetOut (sheet_out.hpp), so
// Excel's limits are enforced in one place, long sheets stream and continue
// on parts, and whatever the limits cost is listed on the Issues sheet.
#include "plancon/text.hpp"
#include "plancon/values.hpp"
#include "plancon/write.hpp"

#include "plancon/atomic_file.hpp"

#include "output_common.hpp"
#include "sheet_out.hpp"
#include "status_list.hpp"
#include "text_fit.hpp"

#include <xlsxwriter.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <tuple>

namespace plancon {

namespace {

using write_detail::excel_serial;
using write_detail::points_per_line;
using write_detail::uk_date;

constexpr std::string_view workbook_title = "Consolidated improvement plan";
// Rows above the data on each part of the Duplicates sheet (a section's title
// and headings), repeated when it continues on "Duplicates (2)".
constexpr lxw_row_t duplicates_heading_rows = 2;

using write_detail::Column;
using write_detail::Formats;
using write_detail::Issue;
using write_detail::PageSetup;
using write_detail::SheetOut;
using write_detail::SheetParts;
using write_detail::join;
using write_detail::with_thousands;

// What one cell of a laid-out sheet holds: the writer's answer for one
// field of one row (templates/workbook_columns.tsv decides where it goes).
struct Cell {
    enum class Kind { Empty, Text, Link, Number } kind = Kind::Empty;
    std::string text, target;  // target: a link's place ("internal:'Sources'!A5")
    double number = 0;
    lxw_format* format = nullptr;
};
Cell text_cell(std::string text, lxw_format* format) { return {Cell::Kind::Text, std::move(text), {}, 0, format}; }
Cell number_cell(double number, lxw_format* format) { return {Cell::Kind::Number, {}, {}, number, format}; }
Cell link_cell(std::string target, std::string text) { return {Cell::Kind::Link, std::move(text), std::move(target), 0, nullptr}; }

void put(SheetOut& out, lxw_row_t row, lxw_col_t col, const Cell& cell, const Provenance& source) {
    switch (cell.kind) {
        case Cell::Kind::Empty: break;
        case Cell::Kind::Text: out.text(row, col, cell.text, cell.format, source); break;
        case Cell::Kind::Link: out.link(row, col, cell.target, cell.text, source); break;
        case Cell::Kind::Number: out.number(row, col, cell.number, cell.format); break;
    }
}

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

// The statuses in the order tables and the chart show them; Unknown last ("Not given").
constexpr std::array statuses_in_order = {Status::NotStarted, Status::OnTrack,  Status::Slippage, Status::OffTrack,
                                          Status::Overdue,    Status::Complete, Status::Cancelled, Status::Unknown};
std::string_view status_heading(Status s) { return s == Status::Unknown ? "Not given" : to_string(s); }

// A column's letter on a laid-out sheet, when the layout shows the field.
std::optional<lxw_col_t> column_of(const std::vector<OutputColumn>& columns, std::string_view field) {
    for (std::size_t i = 0; i < columns.size(); ++i)
        if (columns[i].field == field) return lxw_col_t(i);
    return std::nullopt;
}

std::vector<Column> headed_columns(const std::vector<OutputColumn>& columns) {
    std::vector<Column> out;
    for (const auto& c : columns) out.push_back({c.heading, c.min_width, c.max_width, c.printed});
    return out;
}

// How each field of a sheet is filled from one of its rows; a field the
// layout names that the writer cannot fill is a fault of this program (the
// templates are checked against the same names when they load).
template <class Row>
using Filler = std::function<Cell(const Row&)>;
template <class Row>
std::vector<Filler<Row>> fillers_for(const std::vector<OutputColumn>& columns,
                                     const std::map<std::string_view, Filler<Row>>& known, const std::string& path) {
    std::vector<Filler<Row>> out;
    for (const auto& c : columns) {
        auto it = known.find(c.field);
        if (it == known.end()) throw WriteError(path, "the workbook writer cannot fill the field '" + c.field + "'");
        out.push_back(it->second);
    }
    return out;
}

// A filter on a sheet's header row over rows up to `last` and columns up to `last_col`, on each of its parts.
void autofilter(SheetOut& out, lxw_row_t last, lxw_col_t last_col) {
    out.over_rows(0, last, [&](lxw_worksheet* sheet, lxw_row_t first, lxw_row_t to) {
        return worksheet_autofilter(sheet, first, 0, to, last_col);
    });
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
                    const Reconciliation& rec, const WorkbookLayout& layout, const Date& as_of, lxw_row_t max_rows)
        : book_(book), path_(path), plans_(plans), rec_(rec), layout_(layout), as_of_(as_of), max_rows_(max_rows) {
        // Colours from templates/workbook_colours.tsv; "-" there leaves one unset.
        auto colour = [](lxw_format* f, const std::optional<std::uint32_t>& fill, const std::optional<std::uint32_t>& font) {
            if (fill) format_set_bg_color(f, *fill);
            if (font) format_set_font_color(f, *font);
        };
        // A heading: bold, wrapped, in the layout's heading colours, ruled below.
        auto heading = [&](lxw_format_alignments align) {
            lxw_format* f = workbook_add_format(book);
            format_set_bold(f);
            format_set_text_wrap(f);
            format_set_align(f, align);
            colour(f, layout.header_fill, layout.header_font);
            format_set_bottom(f, LXW_BORDER_THIN);
            return f;
        };
        formats_.header = heading(LXW_ALIGN_VERTICAL_TOP);
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
        formats_.count_header = heading(LXW_ALIGN_RIGHT);  // over counts, right-aligned with them
        formats_.link = workbook_add_format(book);
        format_set_text_wrap(formats_.link);
        format_set_align(formats_.link, LXW_ALIGN_VERTICAL_TOP);
        format_set_underline(formats_.link, LXW_UNDERLINE_SINGLE);
        format_set_font_color(formats_.link, 0x0563C1);
        formats_.overdue = workbook_add_format(book);
        format_set_bold(formats_.overdue);
        colour(formats_.overdue, layout.overdue_fill, layout.overdue_font);
        for (Status s : statuses_in_order) {
            const StatusStyle& style = layout.statuses[std::size_t(s)];
            if (s == Status::Unknown || (!style.fill && !style.font)) continue;
            lxw_format* f = workbook_add_format(book);
            colour(f, style.fill, style.font);
            status_formats_.emplace_back(s, f);
        }

        // Per input action (by plan, then action), kept in vectors: a run of
        // ten thousand trackers has 400,000 of them.
        homes_.resize(plans.size());
        sources_row_.resize(plans.size());
        for (std::size_t p = 0; p < plans.size(); ++p) {
            homes_[p].resize(plans[p].actions.size());
            sources_row_[p].resize(plans[p].actions.size());
        }
        for (const auto& action : rec.actions)
            for (std::size_t i = 0; i < action.members.size(); ++i)
                homes_.at(action.members[i].plan).at(action.members[i].action) = {&action, i == 0};
        for (const auto& priority : rec.priorities) {
            priority_by_code_[priority.code] = &priority;
            for (const auto& member : priority.members) priority_homes_[{member.plan, member.priority}] = priority.code;
        }
        // Where each action's rows will be, for the links between sheets: its
        // row on Actions, its copies' rows on Sources, its cluster on Duplicates
        // (each in the order its writer below writes them).
        // (An action's row on Actions is its index in rec.actions, plus one.)
        lxw_row_t row = 1;
        for (std::size_t p = 0; p < plans.size(); ++p)
            for (const auto& record : plans[p].rows) {
                if (record.fate == RowRecord::Fate::Action && record.index >= 0 &&
                    std::size_t(record.index) < sources_row_[p].size())
                    sources_row_[p][std::size_t(record.index)] = row;
                ++row;
            }
        sources_rows_ = row;
        row = 2;
        cluster_row_.assign(rec.actions.size(), 0);
        for (std::size_t i = 0; i < rec.actions.size(); ++i)
            if (rec.actions[i].members.size() > 1) {
                cluster_row_[i] = row;
                row += lxw_row_t(rec.actions[i].members.size());
            }
        // The possible duplicates and the conflicts follow, each under a blank
        // row, a section title and a heading row (as write_duplicates lays them).
        duplicates_rows_ = std::uint64_t(row) + 3 + rec.possible_duplicates.size() + 3;
        for (const auto& action : rec.actions)
            for (const auto& conflict : action.conflicts) duplicates_rows_ += conflict.values.size();
    }

    void build() {
        // Tab order is creation order; Issues is written last because every
        // other sheet may add to it.
        // A sheet longer than a worksheet holds continues on parts beside it
        // ("Sources (2)"): its rows are counted first so the parts are made in
        // tab order. Summary is laid out by hand and Issues ends with a count
        // of what did not fit.
        std::size_t appendix_rows = 0, finding_rows = 0;
        for (const Plan& plan : plans_) {
            for (const auto& table : plan.appendices) appendix_rows += table.rows.size();
            finding_rows += plan.findings.size();
        }
        // The linked sheets take the parts their links were made with.
        auto sheet_in = [&](const SheetParts& parts, std::uint64_t rows, bool streams = true) {
            return std::make_unique<SheetOut>(book_, library_, parts, rows, streams, path_, issues_, formats_);
        };
        auto sheet = [&](const char* name, std::uint64_t rows, bool streams = true) {
            return sheet_in(SheetParts(name, 1, max_rows_), rows, streams);
        };
        auto actions = sheet_in(actions_parts_, rec_.actions.size() + 1);
        auto summary = sheet("Summary", 0, false);
        std::unique_ptr<SheetOut> changes;
        if (changes_) changes = sheet("Changes", changes_->size() + 1);
        auto sources = sheet_in(sources_parts_, sources_rows_);
        auto duplicates = sheet_in(duplicates_parts_, duplicates_rows_);
        auto appendices = sheet("Appendices", appendix_rows + 1);
        std::unique_ptr<SheetOut> findings;
        if (finding_rows > 0) findings = sheet("Findings", finding_rows + 1);
        auto issues = sheet("Issues", 0, false);  // held whole: writing it may add to it

        // The sheets' rows are written on the library thread, which may still
        // be at them when something here throws: it is stopped before the
        // sheets go.
        try {
            fill(*actions, *summary, changes.get(), *sources, *duplicates, *appendices, findings.get(), *issues);
            library_.sync();
        } catch (...) {
            library_.abandon();
            throw;
        }
    }

private:
    void fill(SheetOut& actions, SheetOut& summary, SheetOut* changes, SheetOut& sources, SheetOut& duplicates,
              SheetOut& appendices, SheetOut* findings, SheetOut& issues) {
        collect_plan_issues();
        write_sheet(actions, &WorkbookBuilder::write_actions);
        write_summary(summary);
        if (changes) write_sheet(*changes, &WorkbookBuilder::write_changes);
        write_sheet(sources, &WorkbookBuilder::write_sources);
        write_sheet(duplicates, &WorkbookBuilder::write_duplicates);
        write_sheet(appendices, &WorkbookBuilder::write_appendices);
        if (findings) write_sheet(*findings, &WorkbookBuilder::write_findings);
        write_issues(issues);
        // Every sheet prints landscape on A4, one page wide, under the plan's
        // title and as-of date, its pages numbered.
        const PageSetup page{"&L&\"-,Bold\"" + page_text(workbook_title) + "&C&A&RAs of " + uk_date(as_of_),
                             "&LConsolidated by plancon&CPage &P of &N"};
        for (SheetOut* sheet : {&actions, &summary, &sources, &duplicates, &appendices, findings, &issues, changes})
            if (sheet) sheet->print_ready(page);
        worksheet_activate(actions.get());
    }

    // A sheet longer than SheetOut's window is filled twice: a measuring pass
    // (its issues dropped: the writing pass raises them again), then the
    // writing one.
    void write_sheet(SheetOut& out, void (WorkbookBuilder::*fill)(SheetOut&)) {
        if (out.longer_than_window()) {
            const std::size_t issues_before = issues_.size();
            out.measure_ahead();
            (this->*fill)(out);
            issues_.resize(issues_before);
        }
        (this->*fill)(out);
    }

    // ---- Actions ----
    void write_actions(SheetOut& out) {
        // Columns as templates/workbook_columns.tsv lays them out; the default's
        // widths are capped so they print one A4 page wide at a readable scale,
        // and Sources (each copy's file|sheet|row) is for the screen only.
        const std::vector<OutputColumn>& columns = layout_.columns_of("Actions");
        out.columns(0, headed_columns(columns));
        const auto fill = fillers_for<ReconciledAction>(columns, action_fields(), path_);
        lxw_row_t row = 1;
        for (const auto& action : rec_.actions) {
            if (!out.has_room(row)) continue;
            for (std::size_t c = 0; c < fill.size(); ++c) put(out, row, lxw_col_t(c), fill[c](action), action.canonical.source);
            ++row;
        }
        const lxw_row_t last = row > 1 ? row - 1 : 1;
        const lxw_col_t last_col = lxw_col_t(columns.size() - 1);
        const auto printed = std::count_if(columns.begin(), columns.end(), [](const OutputColumn& c) { return c.printed; });
        out.freeze_panes(1, 1);  // the header row and the first column (the codes) stay in view
        autofilter(out, last, last_col);
        if (printed > 0)
            out.over_rows(0, last, [&](lxw_worksheet* s, lxw_row_t first, lxw_row_t to) {
                return worksheet_print_area(s, first, 0, to, lxw_col_t(printed - 1));
            });
        const std::optional<lxw_col_t> status_col = column_of(columns, "status"), due_col = column_of(columns, "due");
        // Overdue: a due date before the as-of date and not complete or cancelled
        // (as the Status column reads, so an officer's edit updates it).
        if (due_col && status_col) {
            const std::string due = "$" + column_name(*due_col) + "2", status = "$" + column_name(*status_col) + "2";
            char formula[200];
            std::snprintf(formula, sizeof formula, "=AND(ISNUMBER(%s),%s<DATE(%d,%u,%u),%s<>\"Complete\",%s<>\"Cancelled\")",
                          due.c_str(), due.c_str(), as_of_.year, as_of_.month, as_of_.day, status.c_str(), status.c_str());
            lxw_conditional_format overdue{};
            overdue.type = LXW_CONDITIONAL_TYPE_FORMULA;
            overdue.value_string = formula;
            overdue.format = formats_.overdue;
            out.over_rows(1, last, [&](lxw_worksheet* s, lxw_row_t first, lxw_row_t to) {
                return worksheet_conditional_format_range(s, first, *due_col, to, *due_col, &overdue);
            });
        }
        if (status_col) status_formatting(out, *status_col, last);
        out.finish();
    }

    // What each field of the Actions sheet shows of a reconciled action.
    std::map<std::string_view, Filler<ReconciledAction>> action_fields() {
        auto text = [this](std::string value) { return text_cell(std::move(value), formats_.wrap); };
        using A = ReconciledAction;
        return {
            // The code links to where its copies are listed: the cluster on
            // Duplicates when several were merged, else its row on Sources.
            {"code", [this, text](const A& action) {
                 if (const lxw_row_t cluster = cluster_row_[std::size_t(&action - rec_.actions.data())])
                     return link_cell(duplicates_parts_.link(cluster), action.code);
                 const MemberRef& first = action.members.front();
                 if (const lxw_row_t home = sources_row_.at(first.plan).at(first.action))
                     return link_cell(sources_parts_.link(home), action.code);
                 return text(action.code);
             }},
            {"priority", [this, text](const A& action) { return text(priority_label(action.priority_code)); }},
            {"ref", [text](const A& action) { return text(action.canonical.ref); }},
            {"kind", [text](const A& action) { return text(action.canonical.kind); }},
            {"action", [text](const A& action) { return text(action.canonical.text); }},
            {"outcome", [text](const A& action) { return text(action.canonical.outcome); }},
            {"leads", [text](const A& action) { return text(leads_of(action.canonical)); }},
            {"due", [this](const A& action) { return date_cell(action.canonical.due.date, action, "due"); }},
            {"due-as-written", [text](const A& action) { return text(action.canonical.due.as_written); }},
            {"start", [this](const A& action) { return date_cell(action.canonical.start, action, "start"); }},
            {"status", [text](const A& action) { return text(std::string(to_string(action.canonical.status))); }},
            {"status-as-written", [text](const A& action) { return text(action.canonical.status_as_written); }},
            {"percent-complete", [this](const A& action) {
                 const auto& percent = action.canonical.percent_complete;
                 return percent ? number_cell(*percent / 100.0, formats_.percent) : Cell{};
             }},
            {"progress", [text](const A& action) { return text(action.canonical.progress); }},
            {"measures", [text](const A& action) { return text(action.canonical.measures); }},
            {"risks", [text](const A& action) { return text(action.canonical.risks); }},
            {"quality-indicators", [text](const A& action) { return text(action.canonical.quality_indicators); }},
            {"page-ref", [text](const A& action) { return text(action.canonical.page_ref); }},
            {"services", [text](const A& action) { return text(join(action.services, "\n")); }},
            {"sources", [text](const A& action) {
                 std::vector<std::string> sources;
                 for (const auto& member : action.members) sources.push_back(to_string(member.source));
                 return text(join(sources, "\n"));
             }},
        };
    }

    // A date cell, or nothing (and an issue) for a date Excel cannot show.
    Cell date_cell(const std::optional<Date>& date, const ReconciledAction& action, const char* which) {
        if (!date) return {};
        if (showable_in_excel(*date)) return number_cell(excel_serial(*date), formats_.date);
        issues_.push_back({"date not shown", {action.canonical.source, action.code + ": " + which + " date " + to_iso(*date) +
                                                                   " is outside the dates Excel can show; kept as written only"}});
        return {};
    }

    // The Status column: the vocabulary as a drop-down, each status its colour.
    void status_formatting(SheetOut& out, lxw_col_t status_col, lxw_row_t last) {
        // The status vocabulary as a drop-down, so an officer's edits stay readable.
        const lxw_row_t editable = std::max<lxw_row_t>(last, 1000);
        out.over_rows(1, editable, [&](lxw_worksheet* s, lxw_row_t first, lxw_row_t to) {
            return write_detail::status_drop_down(s, first, to, status_col);
        });

        // Each status its colour, as the officer edits it too.
        for (const auto& [status, format] : status_formats_) {
            std::string quoted_status = "\"" + std::string(to_string(status)) + "\"";
            lxw_conditional_format rag{};
            rag.type = LXW_CONDITIONAL_TYPE_CELL;
            rag.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
            rag.value_string = quoted_status.data();
            rag.format = format;
            out.over_rows(1, editable, [&](lxw_worksheet* s, lxw_row_t first, lxw_row_t to) {
                return worksheet_conditional_format_range(s, first, status_col, to, status_col, &rag);
            });
        }
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
        std::size_t warnings = rec_.warnings.size(), skipped = 0;
        for (const auto& plan : plans_) {
            warnings += plan.warnings.size();
            skipped += rows_with_fate(plan, RowRecord::Fate::Skipped);
        }
        const std::vector<std::pair<std::string, std::size_t>> figures = {
            {"Input files", plans_.size()},
            {"Priorities", rec_.priorities.size()},
            {"Actions (after merging duplicates)", rec_.actions.size()},
            {"Actions merged from several copies", merged},
            {"Possible duplicates to review", rec_.possible_duplicates.size()},
            {"Overdue (due before the as-of date, not complete or cancelled)", overdue},
            {"Due next quarter (" + next.label + ": " + uk_date(next.first) + " to " + uk_date(next.last) + ")",
             due_next},
            {"Warnings (listed on Issues)", warnings},
            {"Input rows skipped, each with its reason (Sources, Issues)", skipped},
        };
        lxw_row_t row = 2;
        for (const auto& [label, count] : figures) {
            out.text(row, 0, label);
            out.number(row, 1, double(count));
            ++row;
        }
        if (changes_) row = write_change_counts(out, row);

        // Counts by service x status (an action with several services counts
        // under each) and by priority x status, in the same status columns.
        std::map<std::string, StatusCounts> by_service;
        std::map<std::string, StatusCounts> by_priority_code;
        std::array<bool, statuses_in_order.size()> used{};
        for (const auto& action : rec_.actions) {
            const std::size_t k = status_index(action.canonical.status);
            used[k] = true;
            std::vector<std::string> services = action.services;
            if (services.empty()) services.push_back("(no service)");
            for (const auto& service : services) ++by_service[service][k];
            ++by_priority_code[action.priority_code][k];
        }
        ++row;
        out.text(row++, 0, "Actions by service and status", formats_.section);
        if (by_service.empty()) {
            out.text(row, 0, "No actions.");
            out.finish();
            return;
        }
        std::vector<std::size_t> columns;
        for (std::size_t k = 0; k < statuses_in_order.size(); ++k)
            if (used[k]) columns.push_back(k);
        const lxw_row_t table_top = row;
        row = status_table(out, row, "Service", {by_service.begin(), by_service.end()}, columns);
        const lxw_row_t first_data = table_top + 1, last_data = row - 1;
        if (last_data < first_data) {
            out.finish();
            return;
        }
        // Priorities in the order reconciliation found them; actions under none last.
        std::vector<std::pair<std::string, StatusCounts>> by_priority;
        for (const auto& priority : rec_.priorities)
            if (auto it = by_priority_code.find(priority.code); it != by_priority_code.end())
                by_priority.emplace_back(priority_label(priority.code), it->second);
        for (const auto& [code, counts] : by_priority_code)
            if (!priority_by_code_.count(code)) by_priority.emplace_back(code.empty() ? "(no priority)" : code, counts);

        // Bars, not columns: a service's name reads whole beside its bar. Each
        // status in its colour, the legend below; the chart starts a page of its
        // own when it would not fit under the figures.
        library_.sync();  // the workbook is used here directly
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
            fill.color = bar_colour(statuses_in_order[columns[c]]);
            chart_series_set_fill(series, &fill);
        }
        chart_axis_set_name(chart->x_axis, "Actions");
        chart_axis_set_reverse(chart->y_axis);  // services top to bottom, as in the table
        chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
        const std::size_t bars = last_data - first_data + 1;
        lxw_chart_options size{};
        size.x_scale = 1.6;  // 768 pixels of the default 480
        size.y_scale = std::min(2.2, (160.0 + 28.0 * double(bars)) / 288.0);  // title, axis and legend, then a bar each (less and LibreOffice drops every other name)
        const lxw_row_t chart_row = row + 1;
        const double chart_points = 288 * size.y_scale * 0.75, above_points = double(chart_row) * points_per_line;
        // A landscape A4 page's printable height: 8.27 in less 1.35 in of
        // margins, 498 points, less 3% for rounding. The sheet is scaled to fit
        // the page's width, but by how much depends on the application's font
        // (LibreOffice with Carlito prints the Summary at about 100%; Excel's
        // 7 pixels a unit work out at about 85%): the chart must fit at the
        // least room either gives.
        constexpr double page_points = 498 * 0.97;
        std::vector<lxw_row_t> breaks;
        if (above_points + chart_points > page_points) breaks.push_back(chart_row);
        // A little below the row a break starts the page at: LibreOffice would
        // draw the chart's top edge at the foot of the page before.
        if (!breaks.empty()) size.y_offset = 4;
        out.check(worksheet_insert_chart_opt(out.get(), chart_row, 0, chart, &size));

        // Under the chart (rows of the default height there), the priorities'
        // table: from a page of its own when the chart shares the first page
        // with the figures, else right under the chart on its page.
        row = chart_row + lxw_row_t(std::ceil(chart_points / points_per_line)) + 1;
        if (out.has_room(row)) {
            out.text(row, 0, "Actions by priority and status", formats_.section);
            if (breaks.empty()) breaks.push_back(row);
        }
        status_table(out, row + 1, "Priority", by_priority, columns);
        if (!breaks.empty()) {
            breaks.push_back(0);  // the list's end
            out.check(worksheet_set_h_pagebreaks(out.get(), breaks.data()));
        }
        out.finish();
    }

    using StatusCounts = std::array<std::size_t, statuses_in_order.size()>;
    static std::size_t status_index(Status s) {
        return std::size_t(std::find(statuses_in_order.begin(), statuses_in_order.end(), s) - statuses_in_order.begin());
    }

    // A table of counts: a heading row (`what`, the statuses of `columns`,
    // Total), then a row a label. Returns the row after it.
    lxw_row_t status_table(SheetOut& out, lxw_row_t row, const std::string& what,
                           const std::vector<std::pair<std::string, StatusCounts>>& rows,
                           const std::vector<std::size_t>& columns) {
        if (!out.has_room(row)) return row;
        out.text(row, 0, what, formats_.header);
        for (std::size_t c = 0; c < columns.size(); ++c)
            out.text(row, lxw_col_t(c + 1), std::string(status_heading(statuses_in_order[columns[c]])), formats_.count_header);
        const lxw_col_t total_col = lxw_col_t(columns.size() + 1);
        out.text(row, total_col, "Total", formats_.count_header);
        ++row;
        for (const auto& [label, counts] : rows) {
            if (!out.has_room(row)) continue;
            out.text(row, 0, label, formats_.wrap);
            std::size_t total = 0;
            for (std::size_t c = 0; c < columns.size(); ++c) {
                out.number(row, lxw_col_t(c + 1), double(counts[columns[c]]), formats_.count);
                total += counts[columns[c]];
            }
            out.number(row, total_col, double(total), formats_.count);
            ++row;
        }
        return row;
    }

    // A status's bars on the chart: its chart colour, grey when it has none.
    lxw_color_t bar_colour(Status s) const { return layout_.statuses[std::size_t(s)].chart.value_or(0x7F7F7F); }

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
        const std::vector<OutputColumn>& columns = layout_.columns_of("Sources");
        out.columns(0, headed_columns(columns));
        const auto fill = fillers_for<SourceRow>(columns, source_fields(), path_);
        lxw_row_t row = 1;
        for (std::size_t p = 0; p < plans_.size(); ++p) {
            for (const auto& record : plans_[p].rows) {
                if (!out.has_room(row)) continue;
                const SourceRow source{p, record};
                for (std::size_t c = 0; c < fill.size(); ++c) put(out, row, lxw_col_t(c), fill[c](source), record.source);
                ++row;
            }
        }
        out.freeze_panes(1, 0);
        autofilter(out, row > 1 ? row - 1 : 1, lxw_col_t(columns.size() - 1));
        out.finish();
    }

    // One input row as the Sources sheet lists it.
    struct SourceRow {
        std::size_t plan;
        const RowRecord& record;
    };

    // The reconciled action an input action went into (nothing for one not reconciled).
    const ActionHome* home_of(std::size_t plan, std::size_t action) const {
        if (plan >= homes_.size() || action >= homes_[plan].size() || !homes_[plan][action].action) return nullptr;
        return &homes_[plan][action];
    }

    // The code a row became (an action's or a priority's) and its fate,
    // "merged into CODE" for a copy merged into another.
    std::pair<std::string, std::string> fate_and_code(const SourceRow& r) const {
        std::string fate(to_string(r.record.fate)), code;
        if (r.record.fate == RowRecord::Fate::Action && r.record.index >= 0) {
            if (const ActionHome* home = home_of(r.plan, std::size_t(r.record.index))) {
                code = home->action->code;
                if (!home->canonical) fate = "merged into " + code;
            }
        } else if (r.record.fate == RowRecord::Fate::Priority && r.record.index >= 0) {
            auto it = priority_homes_.find({r.plan, std::size_t(r.record.index)});
            if (it != priority_homes_.end()) code = it->second;
        }
        return {fate, code};
    }

    std::map<std::string_view, Filler<SourceRow>> source_fields() {
        auto text = [this](std::string value) { return text_cell(std::move(value), formats_.wrap); };
        return {
            {"file", [text](const SourceRow& r) { return text(r.record.source.file); }},
            {"sheet", [text](const SourceRow& r) { return text(r.record.source.sheet); }},
            {"row", [this](const SourceRow& r) { return number_cell(r.record.source.row, formats_.count); }},
            {"fate", [this, text](const SourceRow& r) { return text(fate_and_code(r).first); }},
            {"reason", [text](const SourceRow& r) { return text(reason_with_rows(r.record)); }},
            // An action's code links back to its row on Actions.
            {"code", [this, text](const SourceRow& r) {
                 const ActionHome* home = r.record.fate == RowRecord::Fate::Action && r.record.index >= 0
                                              ? home_of(r.plan, std::size_t(r.record.index))
                                              : nullptr;
                 if (home)
                     return link_cell(actions_parts_.link(lxw_row_t(home->action - rec_.actions.data()) + 1),
                                      home->action->code);
                 return text(fate_and_code(r).second);
             }},
            {"service", [this, text](const SourceRow& r) { return text(service_of(plans_[r.plan], r.record).first); }},
            {"service-from", [this, text](const SourceRow& r) { return text(service_of(plans_[r.plan], r.record).second); }},
        };
    }

    // ---- Duplicates ----
    // The input action at a possible duplicate's source: only those sources
    // are looked for, in one pass over the actions.
    const Action* action_at(const Provenance& source) {
        if (action_by_source_.empty() && !rec_.possible_duplicates.empty()) {
            for (const auto& pair : rec_.possible_duplicates) {
                action_by_source_.emplace(pair.a, nullptr);
                action_by_source_.emplace(pair.b, nullptr);
            }
            for (const auto& plan : plans_)
                for (const auto& action : plan.actions)
                    if (auto it = action_by_source_.find(action.source); it != action_by_source_.end() && !it->second)
                        it->second = &action;
        }
        auto it = action_by_source_.find(source);
        return it == action_by_source_.end() ? nullptr : it->second;
    }

    void write_duplicates(SheetOut& out) {
        lxw_row_t row = 0;
        out.text(row++, 0, "Merged copies: each cluster's members side by side with the canonical copy", formats_.section);
        // The later sections' headings share these columns: each is as wide as the widest content.
        out.columns(row++, {{"Code", 14, 14},
                            {"Role", 10, 11},
                            {"Source", 14, 40},
                            {"Service", 14, 40},
                            {"Text as written", 20, 42},
                            {"Score", 7, 7},
                            {"Explanation", 16, 30},
                            {"", 10, 42},
                            {"", 10, 12}});
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
        out.repeat_on_parts(row);  // a part that opens in this section opens with its title and headings
        if (out.has_room(row)) out.text(row, 0, "Possible duplicates, not merged: check and record a decision", formats_.section);
        ++row;
        if (out.has_room(row))
            out.header(row, {"Code A", "Code B", "Source A", "Source B", "Text A", "Score", "Words matched and differing", "Text B",
                             "Decision"},
                       formats_.header);
        ++row;
        const lxw_row_t first_pair = row;
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
            // Why it is only possible: what matched, what each side has alone, what held it apart.
            std::string words = "matched: " + join(pair.matched_words, " ");
            if (!pair.only_a.empty()) words += "\nonly in A: " + join(pair.only_a, " ");
            if (!pair.only_b.empty()) words += "\nonly in B: " + join(pair.only_b, " ");
            if (!pair.held_apart.empty()) words += "\nnot merged: " + pair.held_apart;
            out.text(row, 6, words, formats_.wrap, pair.a);
            if (b) out.text(row, 7, b->text, formats_.wrap, pair.a);
            ++row;
        }
        // The officer's decision on each pair, read back by --decisions.
        out.over_rows(first_pair, row - 1, [](lxw_worksheet* s, lxw_row_t first, lxw_row_t to) {
            return write_detail::decision_drop_down(s, first, to, 8);
        });

        ++row;
        out.repeat_on_parts(row);
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
                    out.text(row, 2, r.source.sheet.empty() ? table.sheet : r.source.sheet.str(), formats_.wrap, r.source);
                    out.number(row, 3, r.source.row, formats_.count);
                    for (std::size_t i = 0; i < r.values.size() && i < columns.size(); ++i)
                        if (columns[i] < max_union) out.text(row, lxw_col_t(fixed + columns[i]), r.values[i], formats_.wrap, r.source);
                    ++row;
                }
            }
        out.freeze_panes(1, 0);
        if (row > 1) autofilter(out, row - 1, lxw_col_t(headers.size() - 1));
        out.finish();
    }

    // ---- Findings ----
    void write_findings(SheetOut& out) {
        const std::vector<OutputColumn>& columns = layout_.columns_of("Findings");
        out.columns(0, headed_columns(columns));
        const auto fill = fillers_for<FindingRow>(columns, finding_fields(), path_);
        lxw_row_t row = 1;
        for (std::size_t p = 0; p < plans_.size(); ++p)
            for (const auto& finding : plans_[p].findings) {
                if (!out.has_room(row)) continue;
                const FindingRow r{p, finding};
                for (std::size_t c = 0; c < fill.size(); ++c) put(out, row, lxw_col_t(c), fill[c](r), finding.source);
                ++row;
            }
        out.freeze_panes(1, 0);
        if (row > 1) autofilter(out, row - 1, lxw_col_t(columns.size() - 1));
        out.finish();
    }

    struct FindingRow {
        std::size_t plan;
        const Finding& finding;
    };

    std::map<std::string_view, Filler<FindingRow>> finding_fields() {
        auto text = [this](std::string value) { return text_cell(std::move(value), formats_.wrap); };
        return {
            {"theme", [text](const FindingRow& r) { return text(r.finding.theme); }},
            {"strength", [text](const FindingRow& r) { return text(r.finding.strength); }},
            {"area", [text](const FindingRow& r) { return text(r.finding.text); }},
            {"planned-action", [text](const FindingRow& r) { return text(r.finding.planned_action); }},
            {"links", [text](const FindingRow& r) {
                 std::vector<std::string> links;
                 for (const auto& link : r.finding.links) links.push_back(link.target);
                 return text(join(links, "\n"));
             }},
            {"source", [text](const FindingRow& r) { return text(to_string(r.finding.source)); }},
            // The codes the links name, each once.
            {"codes", [this, text](const FindingRow& r) {
                 std::vector<std::string> codes;
                 for (const auto& link : r.finding.links) {
                     std::string code = linked_code(r.plan, link.target);
                     if (!code.empty() && std::find(codes.begin(), codes.end(), code) == codes.end()) codes.push_back(code);
                 }
                 return text(join(codes, "\n"));
             }},
        };
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
            if (const ActionHome* home = home_of(plan_index, i)) return home->action->code;
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

    // ---- Changes (with a register) ----
    // A committee reads what was completed, what slipped, what is new and what
    // went; every other change follows. "Slipped": a due date moved later.
    static std::string change_group(const RegisterChange& c) {
        if (c.change == "completed") return "Completed";
        if (c.slipped()) return "Slipped";
        if (c.change == "new") return "New";
        if (c.change == "removed") return "Removed";
        return "Other changes";
    }
    static constexpr std::array change_groups = {"Completed", "Slipped", "New", "Removed", "Other changes"};

    void write_changes(SheetOut& out) {
        out.columns(0, {{"Group", 10, 14}, {"Code", 11, 11}, {"Action", 24, 42}, {"Change", 9, 10}, {"Field", 7, 8},
                        {"Before", 10, 30}, {"After", 10, 30}, {"Source", 14, 36}});
        lxw_row_t row = 1;
        for (const char* group : change_groups)
            for (const RegisterChange& c : *changes_) {
                if (change_group(c) != group || !out.has_room(row)) continue;
                const std::vector<std::string> cells = {group, c.code, c.action, c.change, c.field, c.before, c.after, c.source};
                for (lxw_col_t col = 0; col < cells.size(); ++col) out.text(row, col, cells[col], formats_.wrap);
                ++row;
            }
        if (row == 1) out.text(row, 0, "No changes since the run before.");
        out.freeze_panes(1, 0);
        autofilter(out, row > 1 ? row - 1 : 1, 7);
        out.finish();
    }

    // The Changes sheet's groups counted on the Summary, under its figures.
    lxw_row_t write_change_counts(SheetOut& out, lxw_row_t row) {
        for (const char* group : change_groups) {
            const auto count = std::count_if(changes_->begin(), changes_->end(),
                                             [&](const RegisterChange& c) { return change_group(c) == group; });
            out.text(row, 0, std::string("Changes since the run before: ") + group);
            out.number(row++, 1, double(count));
        }
        return row;
    }

    // One row an issue, its warning in the parts stderr shows it in
    // (to_string(Warning): "FILE: sheet 'Plan' row 4: message").
    void write_issues(SheetOut& out) {
        const std::vector<OutputColumn>& columns = layout_.columns_of("Issues");
        out.columns(0, headed_columns(columns));
        auto text = [this](std::string value) { return text_cell(std::move(value), formats_.wrap); };
        const auto fill = fillers_for<Issue>(columns, {
            {"kind", [text](const Issue& issue) { return text(issue.kind); }},
            {"file", [text](const Issue& issue) { return text(issue.warning.source.file); }},
            {"place", [text](const Issue& issue) { return text(place_name(issue.warning.source)); }},
            {"message", [text](const Issue& issue) { return text(issue.warning.message); }},
        }, path_);
        const lxw_col_t message_col = *column_of(columns, "message");  // required by the layout
        // Writing may add issues (a message cut to fit); those are written too
        // while there is room, so iterate by index.
        lxw_row_t row = 1;
        for (std::size_t i = 0; i < issues_.size(); ++i) {
            if (row + 1 == max_rows_ && issues_.size() - i > 1) {
                out.text(row, 0, "rows not written");
                out.text(row, message_col, with_thousands(issues_.size() - i) + " more issues did not fit on this sheet");
                break;
            }
            const Issue issue = issues_[i];  // a copy: writing may grow issues_
            for (std::size_t c = 0; c < fill.size(); ++c) put(out, row, lxw_col_t(c), fill[c](issue), {});
            ++row;
        }
        out.freeze_panes(1, 0);
        autofilter(out, row > 1 ? row - 1 : 1, lxw_col_t(columns.size() - 1));
        out.finish();
    }

    lxw_workbook* book_;
    const std::string& path_;
    const std::vector<Plan>& plans_;
    const Reconciliation& rec_;
    const WorkbookLayout& layout_;
    Date as_of_;
    lxw_row_t max_rows_;
    Formats formats_{};
    std::vector<Issue> issues_;
    write_detail::LibraryThread library_;
    std::vector<std::vector<ActionHome>> homes_;  // [plan][action]
    std::map<std::pair<std::size_t, std::size_t>, std::string> priority_homes_;
    std::map<std::string, const ReconciledPriority*> priority_by_code_;
    struct SourceOrder {
        bool operator()(const Provenance& a, const Provenance& b) const {
            return std::tie(a.file, a.sheet, a.row) < std::tie(b.file, b.sheet, b.row);
        }
    };
    std::map<Provenance, const Action*, SourceOrder> action_by_source_;  // the possible duplicates', on first use
    std::vector<std::pair<Status, lxw_format*>> status_formats_;  // the statuses the layout colours
    // Where the linked sheets' rows land (a sheet too long for one worksheet continues on parts).
    SheetParts actions_parts_{"Actions", 1, max_rows_}, sources_parts_{"Sources", 1, max_rows_},
        duplicates_parts_{"Duplicates", duplicates_heading_rows, max_rows_};
    std::uint64_t sources_rows_ = 0, duplicates_rows_ = 0;
    std::vector<lxw_row_t> cluster_row_;                 // per reconciled action: its cluster on Duplicates, or 0
    std::vector<std::vector<lxw_row_t>> sources_row_;    // [plan][action]: its row on Sources, or 0
public:
    const std::vector<RegisterChange>* changes_ = nullptr;  // with a register: the Changes sheet
};

// The document's created time: fixed, so the same input gives the same bytes.
// 1 January 1980 (the earliest ZIP time) when SOURCE_DATE_EPOCH is unset,
// since libxlsxwriter reads 0 as "now".
std::time_t created_time() {
    auto fixed = write_detail::source_date_epoch();
    return fixed && *fixed > 0 ? *fixed : std::time_t(315532800);
}

}  // namespace

void write_consolidated_workbook(StagedFile& file, const std::vector<Plan>& plans, const Reconciliation& reconciliation,
                                 const WorkbookLayout& layout, const WorkbookOptions& options) {
    const Date as_of = write_detail::resolve_as_of(options.as_of);
    const std::string& path = file.path();
    // Constant memory: libxlsxwriter writes each row as the next begins, with
    // its strings inline, instead of holding every cell and a shared-string
    // table for the whole workbook (on 1,000 trackers, 40% of the writer's
    // time and a third of the peak memory).
    // Its row files go beside the output (a folder known to be writable),
    // not to the system's temporary folder.
    lxw_workbook_options streaming{};
    streaming.constant_memory = LXW_TRUE;
    std::string beside = std::filesystem::path(file.temp_path()).parent_path().string();
    if (beside.empty()) beside = ".";
    streaming.tmpdir = beside.data();
    lxw_workbook* book = workbook_new_opt(file.temp_path().c_str(), &streaming);
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
        WorkbookBuilder builder(book, path, plans, reconciliation, layout, as_of, max_rows);
        builder.changes_ = options.changes;
        builder.build();
    } catch (...) {
        lxw_workbook_free(book);
        throw;
    }
    if (lxw_error e = workbook_close(book); e != LXW_NO_ERROR) throw WriteError(path, lxw_strerror(e));
}

void write_consolidated_workbook(const std::string& path, const std::vector<Plan>& plans,
                                 const Reconciliation& reconciliation, const WorkbookLayout& layout,
                                 const WorkbookOptions& options) {
    StagedFile file(path);
    write_consolidated_workbook(file, plans, reconciliation, layout, options);
    file.commit();
}

}  // namespace plancon
