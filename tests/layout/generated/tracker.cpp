#include "layout/generated/tracker.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace plancon::gen {

const char* to_string(FileFormat f) {
    switch (f) {
        case FileFormat::Xlsx: return "xlsx";
        case FileFormat::Ods: return "ods";
        case FileFormat::Csv: return "csv";
    }
    return "?";
}

namespace {
constexpr const char* kind_names[] = {"title",   "label",   "blank",       "header", "header-repeat", "heading",
                                      "action",  "guidance", "example",    "placeholder", "footer", "other"};
const char* month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                             "July",    "August",   "September", "October", "November", "December"};
}  // namespace

const char* to_string(RowKind k) { return kind_names[int(k)]; }

std::optional<RowKind> row_kind_from(const std::string& name) {
    for (int i = 0; i < int(std::size(kind_names)); ++i)
        if (name == kind_names[i]) return RowKind(i);
    return std::nullopt;
}

std::string GeneratedTracker::file_name() const {
    return "layout-" + std::to_string(seed) + "." + to_string(format);
}

namespace {

std::string shortest(double v) {
    char buf[64];
    auto r = std::to_chars(buf, buf + sizeof buf, v);
    return std::string(buf, r.ptr);
}

std::string two(unsigned v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02u", v % 100);
    return buf;
}

std::string date_display(double days, const std::string& format) {
    const long whole = long(std::floor(days));
    const Date d = date_of(date_of_serial(whole));
    const long minutes = std::lround((days - double(whole)) * 24 * 60);
    const std::string hhmm = two(unsigned(minutes / 60)) + ":" + two(unsigned(minutes % 60));
    const std::string y = std::to_string(d.year);
    if (format == "d mmmm yyyy") return std::to_string(d.day) + " " + month_names[d.month - 1] + " " + y;
    if (format == "d-mmm-yy")
        return std::to_string(d.day) + "-" + std::string(month_names[d.month - 1]).substr(0, 3) + "-" + two(unsigned(d.year));
    if (format == "mmmm yyyy") return std::string(month_names[d.month - 1]) + " " + y;
    if (format == "dd/mm/yyyy hh:mm") return two(d.day) + "/" + two(d.month) + "/" + y + " " + hhmm;
    if (format == "yyyy-mm-dd hh:mm:ss") return y + "-" + two(d.month) + "-" + two(d.day) + " " + hhmm + ":00";
    return two(d.day) + "/" + two(d.month) + "/" + y;  // dd/mm/yyyy, the default
}

std::string number_display(double v, const std::string& format) {
    if (format == "0%") return std::to_string(std::lround(v * 100)) + "%";
    if (format == "£#,##0") {
        std::string digits = std::to_string(std::llround(v));
        std::string out;
        for (std::size_t i = 0; i < digits.size(); ++i) {
            if (i && (digits.size() - i) % 3 == 0) out += ',';
            out += digits[i];
        }
        return "£" + out;
    }
    return shortest(v);
}

}  // namespace

std::string display_text(const GenCell& c) {
    switch (c.type) {
        case GenCell::Type::Text: return c.text;
        case GenCell::Type::Number: return number_display(c.number, c.format);
        case GenCell::Type::Boolean: return c.number != 0 ? "TRUE" : "FALSE";
        case GenCell::Type::Date:
        case GenCell::Type::DateTime: return date_display(c.number, c.format);
        case GenCell::Type::Formula:
            if (c.formula_text) return c.text;
            if (c.format.find("yy") != std::string::npos) return date_display(c.number, c.format);
            return number_display(c.number, c.format);
    }
    return {};
}

// ---- truth files ------------------------------------------------------------

namespace {

std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\\') out += "\\\\";
        else if (c == '\t') out += "\\t";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else out += c;
    }
    return out;
}

std::string unescape(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '\\' || i + 1 == s.size()) {
            out += s[i];
            continue;
        }
        const char n = s[++i];
        out += n == 't' ? '\t' : n == 'n' ? '\n' : n == 'r' ? '\r' : n;
    }
    return out;
}

std::vector<std::string> split(const std::string& line, char sep) {
    std::vector<std::string> out(1);
    for (char c : line) {
        if (c == sep) out.emplace_back();
        else out.back() += c;
    }
    return out;
}

}  // namespace

std::string truth_to_text(const GeneratedTracker& t) {
    std::ostringstream out;
    out << "plancon-layout-truth\t1\n";
    out << "# row\tN\tKIND\tACTION TEXT\tLEADS\tLEADS MAY BE EMPTY\tDUE AS WRITTEN\tDUE DATE\tDUE IS A DATE CELL\tFEATURES\n";
    out << "seed\t" << t.seed << "\n";
    out << "format\t" << to_string(t.format) << "\n";
    for (const std::string& f : t.features) out << "feature\t" << escape(f) << "\n";
    for (const GenSheet& s : t.sheets) {
        out << "sheet\t" << escape(s.name) << "\t" << (s.tracker ? "tracker" : "other") << "\n";
        for (std::size_t i = 0; i < s.rows.size(); ++i) {
            const GenRow& r = s.rows[i];
            const Expected& e = r.expect;
            std::string features;
            for (const std::string& f : r.features) features += (features.empty() ? "" : ",") + f;
            out << "row\t" << i + 1 << "\t" << to_string(r.kind) << "\t" << escape(e.text) << "\t" << escape(e.leads)
                << "\t" << e.leads_may_be_empty << "\t" << escape(e.due_text) << "\t"
                << (e.due_date ? to_iso(*e.due_date) : "-") << "\t" << e.due_is_cell << "\t" << escape(features)
                << "\n";
        }
    }
    return out.str();
}

GeneratedTracker truth_from_text(const std::string& text) {
    GeneratedTracker t;
    std::istringstream in(text);
    std::string line;
    int n = 0;
    auto fail = [&](const std::string& what) {
        throw std::runtime_error("truth line " + std::to_string(n) + ": " + what);
    };
    while (std::getline(in, line)) {
        ++n;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        const auto f = split(line, '\t');
        if (f[0] == "plancon-layout-truth") continue;
        if (f[0] == "seed" && f.size() == 2) t.seed = std::stoull(f[1]);
        else if (f[0] == "format" && f.size() == 2) {
            if (f[1] == "xlsx") t.format = FileFormat::Xlsx;
            else if (f[1] == "ods") t.format = FileFormat::Ods;
            else if (f[1] == "csv") t.format = FileFormat::Csv;
            else fail("unknown format " + f[1]);
        } else if (f[0] == "feature" && f.size() == 2) t.features.push_back(unescape(f[1]));
        else if (f[0] == "sheet" && f.size() == 3) {
            t.sheets.emplace_back();
            t.sheets.back().name = unescape(f[1]);
            t.sheets.back().tracker = f[2] == "tracker";
        } else if (f[0] == "row" && f.size() == 10) {
            if (t.sheets.empty()) fail("row before any sheet");
            GenSheet& s = t.sheets.back();
            if (std::stoul(f[1]) != s.rows.size() + 1) fail("rows must be numbered 1, 2, 3 ...");
            GenRow r;
            const auto kind = row_kind_from(f[2]);
            if (!kind) fail("unknown row kind " + f[2]);
            r.kind = *kind;
            r.expect.text = unescape(f[3]);
            r.expect.leads = unescape(f[4]);
            r.expect.leads_may_be_empty = f[5] == "1";
            r.expect.due_text = unescape(f[6]);
            if (f[7] != "-") {
                int y = 0;
                unsigned m = 0, d = 0;
                if (std::sscanf(f[7].c_str(), "%d-%u-%u", &y, &m, &d) != 3) fail("bad date " + f[7]);
                r.expect.due_date = Date{y, m, d};
            }
            r.expect.due_is_cell = f[8] == "1";
            if (!f[9].empty())
                for (const std::string& feature : split(unescape(f[9]), ',')) r.features.push_back(feature);
            s.rows.push_back(std::move(r));
        } else {
            fail("cannot read: " + line.substr(0, 60));
        }
    }
    return t;
}

}  // namespace plancon::gen
