// The consolidated workbook's layout (templates/workbook_columns.tsv and
// templates/workbook_colours.tsv): which columns each sheet shows, in what
// order, under which headings and how wide; the colours of status cells,
// chart bars and headings. The writer owns what each field means; this file
// owns which names exist, so a mistyped one is refused when the templates
// load, naming its line, not discovered in a half-written workbook.
#include "plancon/config.hpp"
#include "config/template_table.hpp"

#include <algorithm>
#include <cstdlib>

namespace plancon {

const std::vector<WorkbookLayout::SheetFields>& WorkbookLayout::sheets() {
    static const std::vector<SheetFields> known = {
        {"Actions",
         {"code", "priority", "ref", "kind", "action", "outcome", "leads", "due", "due-as-written", "start", "status",
          "status-as-written", "percent-complete", "progress", "measures", "risks", "quality-indicators", "page-ref",
          "services", "sources"},
         // Codes are what every other sheet links to and the Pentana feed is keyed on.
         {"code", "action"}},
        {"Sources", {"file", "sheet", "row", "fate", "reason", "code", "service", "service-from"}, {"file", "sheet", "row", "fate"}},
        {"Findings", {"theme", "strength", "area", "planned-action", "links", "source", "codes"}, {"area", "source"}},
        {"Issues", {"kind", "file", "place", "message"}, {"message"}},
    };
    return known;
}

const std::vector<OutputColumn>& WorkbookLayout::columns_of(std::string_view sheet) const {
    static const std::vector<OutputColumn> none;
    for (const auto& [name, list] : columns)
        if (name == sheet) return list;
    return none;
}

namespace {

using config_detail::line_error;

std::string listed(const std::vector<std::string_view>& names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) out += std::string(i == 0 ? "" : ", ") + std::string(names[i]);
    return out;
}

// "12" or "10-40", each from 1 to 255 (Excel's widest column).
bool parse_width(std::string_view text, double& min, double& max) {
    const std::size_t dash = text.find('-');
    auto number = [](std::string_view t, double& out) {
        if (t.empty() || t.size() > 8) return false;
        std::string s(t);
        char* end = nullptr;
        out = std::strtod(s.c_str(), &end);
        return end == s.c_str() + s.size() && out >= 1 && out <= 255;
    };
    if (dash == std::string_view::npos) {
        if (!number(text, min)) return false;
        max = min;
        return true;
    }
    return number(trim(text.substr(0, dash)), min) && number(trim(text.substr(dash + 1)), max) && min <= max;
}

// "RRGGBB" (a leading "#" allowed), or "-" for none.
bool parse_colour(std::string_view text, std::optional<std::uint32_t>& out) {
    if (text == "-") {
        out.reset();
        return true;
    }
    if (!text.empty() && text.front() == '#') text.remove_prefix(1);
    if (text.size() != 6) return false;
    std::uint32_t value = 0;
    for (char c : text) {
        const int digit = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
        if (digit < 0) return false;
        value = value * 16 + std::uint32_t(digit);
    }
    out = value;
    return true;
}

}  // namespace

WorkbookLayout parse_workbook_columns(std::string_view text, const std::string& name) {
    WorkbookLayout layout;
    for (const auto& known : WorkbookLayout::sheets()) layout.columns.emplace_back(std::string(known.sheet), std::vector<OutputColumn>{});
    config_detail::for_each_record(text, name, 5, "SHEET<TAB>FIELD<TAB>HEADING<TAB>WIDTH<TAB>print|screen",
                                   [&](const std::vector<std::string_view>& f, int line) {
        const auto& sheets = WorkbookLayout::sheets();
        const auto sheet = std::find_if(sheets.begin(), sheets.end(), [&](const auto& s) { return iequals(s.sheet, f[0]); });
        if (sheet == sheets.end()) {
            std::vector<std::string_view> names;
            for (const auto& s : sheets) names.push_back(s.sheet);
            throw line_error(name, line, "no sheet '" + std::string(f[0]) + "' to lay out (sheets: " + listed(names) + ")");
        }
        if (std::find(sheet->fields.begin(), sheet->fields.end(), f[1]) == sheet->fields.end())
            throw line_error(name, line, "the " + std::string(sheet->sheet) + " sheet has no field '" + std::string(f[1]) +
                                             "' (fields: " + listed(sheet->fields) + ")");
        auto& columns = layout.columns[std::size_t(sheet - sheets.begin())].second;
        for (const auto& c : columns)
            if (c.field == f[1])
                throw line_error(name, line, "field '" + c.field + "' is already a column of " + std::string(sheet->sheet));
        if (f[2].empty()) throw line_error(name, line, "empty heading");
        OutputColumn column{std::string(f[1]), std::string(f[2])};
        if (!parse_width(f[3], column.min_width, column.max_width))
            throw line_error(name, line, "width '" + std::string(f[3]) + "' is not a width from 1 to 255 (\"12\") or a range (\"10-40\")");
        if (iequals(f[4], "print")) column.printed = true;
        else if (iequals(f[4], "screen")) column.printed = false;
        else throw line_error(name, line, "'" + std::string(f[4]) + "': say print or screen");
        // A print area is one block of columns: the screen-only ones go last.
        if (column.printed && !columns.empty() && !columns.back().printed)
            throw line_error(name, line, "a printed column after a screen-only one (" + columns.back().field +
                                             "): put screen-only columns last");
        columns.push_back(std::move(column));
    });
    for (std::size_t i = 0; i < layout.columns.size(); ++i) {
        const auto& known = WorkbookLayout::sheets()[i];
        for (std::string_view required : known.required) {
            const auto& columns = layout.columns[i].second;
            if (std::none_of(columns.begin(), columns.end(), [&](const OutputColumn& c) { return c.field == required; }))
                throw TemplateError(name, "the " + std::string(known.sheet) + " sheet needs a column for '" + std::string(required) +
                                              "' (it must show " + listed(known.required) + ")");
        }
    }
    return layout;
}

void parse_workbook_colours(WorkbookLayout& layout, std::string_view text, const std::string& name) {
    config_detail::for_each_record(text, name, 4, "WHAT<TAB>FILL<TAB>FONT<TAB>CHART",
                                   [&](const std::vector<std::string_view>& f, int line) {
        std::optional<std::uint32_t> fill, font, chart;
        const char* parts[] = {"fill", "font", "chart"};
        std::optional<std::uint32_t>* outs[] = {&fill, &font, &chart};
        for (int i = 0; i < 3; ++i)
            if (!parse_colour(f[std::size_t(i + 1)], *outs[i]))
                throw line_error(name, line, std::string(parts[i]) + " colour '" + std::string(f[std::size_t(i + 1)]) +
                                                 "' is not RRGGBB in hex or -");
        auto only_cell = [&](const char* what) {
            if (chart) throw line_error(name, line, std::string(what) + " has no chart colour: write - there");
        };
        if (iequals(f[0], "header")) {
            only_cell("header");
            layout.header_fill = fill;
            layout.header_font = font;
            return;
        }
        if (iequals(f[0], "overdue date")) {
            only_cell("overdue date");
            layout.overdue_fill = fill;
            layout.overdue_font = font;
            return;
        }
        for (std::uint8_t s = 0; s < layout.statuses.size(); ++s) {
            const Status status = Status(s);
            const std::string_view status_name = status == Status::Unknown ? "Not given" : to_string(status);
            if (iequals(status_name, f[0])) {
                layout.statuses[s] = {fill, font, chart};
                return;
            }
        }
        throw line_error(name, line, "'" + std::string(f[0]) +
                                         "' is not a status (Not started, On track, Slippage, Off track, Overdue, Complete, "
                                         "Cancelled, Not given), header or overdue date");
    });
}

}  // namespace plancon
