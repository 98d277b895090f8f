// Text dumps of a plan: stable and readable, for tests, reviews and
// `plancon inspect --plan`.
#include "plancon/layout.hpp"

#include <cstdio>
#include <map>
#include <sstream>

namespace plancon {

namespace {

// One line per value: new lines inside a cell shown as " / ".
std::string one_line(std::string_view s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\r') continue;
        if (s[i] == '\n') out += " / ";
        else out += s[i];
    }
    return out;
}

void field(std::ostringstream& out, std::string_view name, std::string_view value) {
    if (!value.empty()) out << "      " << name << ": " << one_line(value) << "\n";
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", v);
    return buf;
}

std::string score(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

// The tables found, their columns and the priorities; with `why`, also the
// evidence behind each decision (for `plancon inspect --plan`).
void layout_part(std::ostringstream& out, const Plan& plan, bool why) {
    std::string sheet;
    for (const TableLayout& t : plan.tables) {
        if (t.sheet != sheet) {
            out << "sheet \"" << t.sheet << "\"\n";
            sheet = t.sheet;
        }
        out << "  table (" << t.kind << ") header row " << t.header_row;
        if (why && t.header_rows > 1) out << " (with row " << t.header_row - 1 << " above it)";
        if (!t.title.empty()) out << ", title \"" << one_line(t.title) << "\"";
        out << "\n";
        if (why) {
            out << "    " << (t.kind == "actions" ? "items: " + t.item_kind + "s; " : "") << t.why;
            if (t.score > 0) out << " (header score " << score(t.score) << ")";
            out << "\n";
            if (t.candidates.size() > 1) {
                out << "    header candidates:";
                for (const TableLayout::Candidate& c : t.candidates)
                    out << " row " << c.row << " " << score(c.score) << " (" << c.verdict << ");";
                out << "\n";
            }
        }
        for (const TableLayout::Column& c : t.columns) {
            out << "    " << column_name(c.col) << " \"" << one_line(c.header) << "\" -> "
                << (c.field.empty() ? "(kept as extra)" : c.field);
            if (why && !c.evidence.empty()) out << "  [" << c.evidence << "]";
            out << "\n";
        }
        if (!t.repeated_header_rows.empty()) {
            out << "    header repeated at rows";
            for (std::uint32_t r : t.repeated_header_rows) out << " " << r;
            out << "\n";
        }
    }
    out << "priorities: " << plan.priorities.size() << "\n";
    for (std::size_t i = 0; i < plan.priorities.size(); ++i) {
        const Priority& p = plan.priorities[i];
        out << "  P" << i << " " << p.kind << (p.ref.empty() ? "" : " " + p.ref) << ": " << one_line(p.title) << "  ["
            << p.source.sheet << " row " << p.source.row << "]\n";
        for (const std::string& point : p.points) out << "      - " << one_line(point) << "\n";
    }
}

// What became of every row: one line per record (a run of blank or skipped
// rows is one line), then the rows counted by fate.
void rows_part(std::ostringstream& out, const Plan& plan) {
    out << "rows: " << rows_covered(plan) << "\n";
    std::map<std::string, std::size_t> counts;
    std::string sheet;
    for (const RowRecord& r : plan.rows) {
        if (r.source.sheet != sheet) {
            out << "  sheet \"" << r.source.sheet << "\"\n";
            sheet = r.source.sheet;
        }
        out << "    " << row_label(r) << " " << to_string(r.fate);
        if (r.index >= 0) out << " " << r.index;
        if (!r.reason.empty()) out << " (" << r.reason << ")";
        out << "\n";
        counts[std::string(to_string(r.fate))] += r.row_count;
    }
    out << "counts:";
    for (const auto& [fate, n] : counts) out << " " << fate << "=" << n;
    out << "\n";
}

}  // namespace

std::string describe_layout(const Plan& plan) {
    std::ostringstream out;
    out << "file: " << plan.document.file << "\n";
    if (!plan.document.title.empty()) out << "title: " << one_line(plan.document.title) << "\n";
    if (!plan.document.service.empty())
        out << "service: " << plan.document.service << " (from " << plan.document.service_source << ")\n";
    layout_part(out, plan, true);
    rows_part(out, plan);
    return out.str();
}

std::string describe_layout(const Workbook& workbook, const Config& config, const LayoutOptions& options) {
    return describe_layout(build_plan(workbook, config, options));
}

std::string dump_plan(const Plan& plan) {
    std::ostringstream out;
    out << "file: " << plan.document.file << "\n";
    if (!plan.document.title.empty()) out << "title: " << one_line(plan.document.title) << "\n";
    if (!plan.document.service.empty()) out << "service: " << plan.document.service << "\n";
    layout_part(out, plan, false);

    out << "actions: " << plan.actions.size() << "\n";
    for (std::size_t i = 0; i < plan.actions.size(); ++i) {
        const Action& a = plan.actions[i];
        out << "  A" << i << " [" << a.source.sheet << " row " << a.source.row << "]";
        if (!a.ref.empty()) out << " ref " << a.ref;
        if (a.priority >= 0) out << " under P" << a.priority;
        out << "\n";
        field(out, "action", a.text_as_written);
        field(out, "outcome", a.outcome);
        field(out, "leads", a.leads_as_written);
        field(out, "due", a.due.as_written);
        field(out, "status", a.status_as_written);
        if (a.percent_complete) field(out, "percent complete", number(*a.percent_complete));
        field(out, "progress", a.progress);
        field(out, "measures", a.measures);
        field(out, "risks", a.risks);
        field(out, "quality indicators", a.quality_indicators);
        field(out, "page ref", a.page_ref);
        field(out, "service", a.service);
        for (const auto& [header, value] : a.extra) field(out, "extra \"" + header + "\"", value);
        for (const FilledFrom& f : a.filled_from) out << "      (" << f.field << " filled from " << f.cell << ")\n";
    }
    out << "findings: " << plan.findings.size() << "\n";
    for (std::size_t i = 0; i < plan.findings.size(); ++i) {
        const Finding& f = plan.findings[i];
        out << "  F" << i << " [" << f.source.sheet << " row " << f.source.row << "]";
        if (!f.theme.empty()) out << " theme " << f.theme;
        out << "\n";
        field(out, "strength", f.strength);
        field(out, "area for improvement", f.text);
        field(out, "planned action", f.planned_action);
        for (const Link& l : f.links) out << "      link: " << l.target << " (\"" << one_line(l.as_written) << "\")\n";
    }
    out << "appendices: " << plan.appendices.size() << "\n";
    for (std::size_t i = 0; i < plan.appendices.size(); ++i) {
        const AppendixTable& t = plan.appendices[i];
        out << "  T" << i << " [" << t.sheet << "] " << one_line(t.title) << "\n";
        out << "      headers:";
        for (const std::string& h : t.headers) out << " | " << one_line(h);
        out << "\n";
        for (const AppendixTable::Row& r : t.rows) {
            out << "      row " << r.source.row << ":";
            for (const std::string& v : r.values) out << " | " << one_line(v);
            out << "\n";
        }
    }
    rows_part(out, plan);
    out << "warnings: " << plan.warnings.size() << "\n";
    for (const Warning& w : plan.warnings)
        out << "  " << (w.source.sheet.empty() ? "" : w.source.sheet + " ") << (w.source.row ? "row " + std::to_string(w.source.row) + ": " : "")
            << w.message << "\n";
    return out.str();
}

}  // namespace plancon
