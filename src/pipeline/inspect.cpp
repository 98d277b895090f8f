// What `plancon inspect` shows of one file.
#include "plancon/pipeline.hpp"

#include <new>

namespace plancon {

namespace {

// "1-3, 7" from sorted indices (shown 1-based).
std::string ranges_of(const std::vector<std::uint32_t>& sorted, bool as_columns) {
    std::string out;
    std::size_t shown = 0;
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i;
        while (j + 1 < sorted.size() && sorted[j + 1] == sorted[j] + 1) ++j;
        auto name = [&](std::uint32_t v) { return as_columns ? column_name(v) : std::to_string(std::uint64_t(v) + 1); };
        if (!out.empty()) out += ", ";
        out += name(sorted[i]);
        if (j > i) {
            out += '-';
            out += name(sorted[j]);
        }
        i = j + 1;
        if (++shown == 20 && i < sorted.size()) {
            out += ", ...";
            break;
        }
    }
    return out;
}

// What `plancon inspect` prints for a workbook: format, date system, each
// sheet with visibility, used range, counts by cell type, merged ranges,
// hidden rows and columns, and the reader's warnings.
std::string describe_workbook(const Workbook& wb) {
    std::string out = wb.path + ": " + std::string(to_string(wb.format)) + ", " + std::to_string(wb.sheets.size()) +
                      (wb.sheets.size() == 1 ? " sheet" : " sheets");
    if (wb.format == Format::Xlsx || wb.format == Format::Xlsm || wb.format == Format::Xls)
        out += wb.date_system == DateSystem::Excel1904 ? ", 1904 date system" : ", 1900 date system";
    out += "\n";
    for (std::size_t i = 0; i < wb.sheets.size(); ++i) {
        const Sheet& s = wb.sheets[i];
        std::size_t counts[6] = {};
        for (const Cell& c : s.cells) ++counts[static_cast<int>(c.type)];
        auto used = s.used_range();
        out += "  sheet " + std::to_string(i + 1) + " '" + s.name + "' (" + std::string(to_string(s.visibility)) + ")" +
               ": used range " + (used ? range_name(*used) : std::string("none")) + ", " + std::to_string(s.cells.size()) + " cells";
        std::string parts;
        for (CellType t : {CellType::Text, CellType::Number, CellType::DateTime, CellType::Boolean, CellType::Error, CellType::Empty}) {
            std::size_t n = counts[static_cast<int>(t)];
            if (n) parts += (parts.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(to_string(t));
        }
        if (!parts.empty()) out += " (" + parts + ")";
        out += "\n";
        if (!s.merged.empty()) {
            out += "    merged: ";
            for (std::size_t m = 0; m < s.merged.size() && m < 20; ++m) out += (m ? ", " : "") + range_name(s.merged[m]);
            if (s.merged.size() > 20) out += ", ... (" + std::to_string(s.merged.size()) + " in all)";
            out += "\n";
        }
        if (!s.hidden_rows.empty()) out += "    hidden rows: " + ranges_of(s.hidden_rows, false) + "\n";
        if (!s.hidden_cols.empty()) out += "    hidden columns: " + ranges_of(s.hidden_cols, true) + "\n";
    }
    for (const Warning& w : wb.warnings) {
        const std::string place = place_name(w.source);
        out += "  warning: " + (place.empty() ? "" : place + ": ") + escape_control_characters(w.message) + "\n";
    }
    return out;
}

}  // namespace

std::string inspect_file(const std::string& path, const Config& config, const InspectOptions& options) {
    try {
        const Workbook workbook = read_workbook(path, options.read);
        std::string out = describe_workbook(workbook);
        if (options.plan) out += describe_layout(build_plan(workbook, config, options.layout));
        return out;
    } catch (const std::bad_alloc&) {
        throw ReadError(path, "out of memory while reading");
    }
}

}  // namespace plancon
