// CSV as Excel's "CSV UTF-8" writes it: RFC 4180 quoting, CRLF, every record
// as wide as the sheet, values as displayed; a merged range keeps its value
// in the top-left cell only.
#include "layout/generated/writers.hpp"

#include <fstream>
#include <stdexcept>

namespace plancon::gen {

namespace {
std::string field(const std::string& v) {
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}
}  // namespace

void write_csv(const GeneratedTracker& t, const std::string& path) {
    if (t.sheets.size() != 1) throw std::runtime_error("a CSV holds one sheet");
    const GenSheet& sheet = t.sheets[0];
    std::uint32_t width = 1;
    for (const GenRow& r : sheet.rows)
        for (const GenCell& c : r.cells) width = std::max(width, c.col + 1);
    std::string out = t.seed % 3 == 0 ? "\xEF\xBB\xBF" : "";  // a third with the BOM Excel writes
    for (const GenRow& r : sheet.rows) {
        std::vector<std::string> values(width);
        for (const GenCell& c : r.cells) values[c.col] = display_text(c);
        for (std::uint32_t i = 0; i < width; ++i) out += (i ? "," : "") + field(values[i]);
        out += "\r\n";
    }
    std::ofstream f(path, std::ios::binary);
    f << out;
    if (!f.flush()) throw std::runtime_error("cannot write " + path);
}

}  // namespace plancon::gen
