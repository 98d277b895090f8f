// One sheet's values as CSV or JSON (`plancon convert`).
#include "plancon/sheet_export.hpp"

#include "plancon/text.hpp"

#include <cmath>
#include <cstdio>

namespace plancon {

namespace {

void append_json_string(std::string& out, std::string_view v) {
    out += '"';
    for (unsigned char c : v) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += char(c);
                }
        }
    }
    out += '"';
}

}  // namespace

void write_sheet_csv(std::ostream& os, const Workbook& wb, const Sheet& sheet, std::uint64_t max_fields) {
    auto used = sheet.used_range();
    if (!used) return;
    const std::uint64_t rows = std::uint64_t(used->last.row) + 1, cols = std::uint64_t(used->last.col) + 1;
    if (rows * cols > max_fields)
        throw Error(wb.path, place_name({wb.path, sheet.name, 0}) + ": CSV would need " + std::to_string(rows) +
                                 " rows x " + std::to_string(cols) + " columns (used range " + range_name(*used) +
                                 "); use --to json, which writes only the cells that exist");
    std::string buf;
    buf.reserve(1 << 20);
    auto it = sheet.cells.begin();
    for (std::uint32_t r = 0; r < rows; ++r) {
        std::uint32_t c = 0;
        for (; it != sheet.cells.end() && it->row == r; ++it) {
            if (it->type == CellType::Empty) continue;
            for (; c < it->col; ++c) buf += ',';
            std::size_t mark = buf.size();
            append_display_value(buf, sheet, *it);
            if (csv_needs_quotes(std::string_view(buf).substr(mark))) {
                std::string field = buf.substr(mark);
                buf.resize(mark);
                append_csv_field(buf, field);
            }
        }
        for (; c + 1 < cols; ++c) buf += ',';
        buf += "\r\n";
        if (buf.size() > (1 << 20) - 4096) {
            os.write(buf.data(), std::streamsize(buf.size()));
            buf.clear();
        }
    }
    os.write(buf.data(), std::streamsize(buf.size()));
}

void write_sheet_json(std::ostream& os, const Workbook& wb, const Sheet& sheet) {
    std::string buf = "{\"file\": ";
    append_json_string(buf, wb.path);
    buf += ", \"sheet\": ";
    append_json_string(buf, sheet.name);
    buf += ", \"cells\": [";
    bool first = true;
    for (const Cell& c : sheet.cells) {
        buf += first ? "\n  " : ",\n  ";
        first = false;
        buf += "{\"ref\": \"" + cell_name(c.ref()) + "\", \"row\": " + std::to_string(c.row + 1) +
               ", \"col\": " + std::to_string(c.col + 1) + ", \"type\": \"" + std::string(to_string(c.type)) + "\", \"value\": ";
        switch (c.type) {
            case CellType::Empty: buf += "null"; break;
            case CellType::Number:
                if (std::isfinite(c.number)) append_display_value(buf, sheet, c);
                else buf += "null";
                break;
            case CellType::Boolean: buf += c.number != 0 ? "true" : "false"; break;
            default: append_json_string(buf, display_value(sheet, c));
        }
        if (c.formula_id) {
            buf += ", \"formula\": ";
            append_json_string(buf, sheet.formula(c));
        }
        buf += '}';
        if (buf.size() > (1 << 20)) {
            os.write(buf.data(), std::streamsize(buf.size()));
            buf.clear();
        }
    }
    buf += "\n]}\n";
    os.write(buf.data(), std::streamsize(buf.size()));
}

}  // namespace plancon
