// .ods by hand: a zip (libzip) whose first entry is the uncompressed
// mimetype, then META-INF/manifest.xml and content.xml. Merged ranges are
// table:number-columns-spanned / number-rows-spanned on the top-left cell and
// table:covered-table-cell for every other cell of the range.
#include "layout/generated/writers.hpp"

#include <zip.h>

#include <cmath>
#include <cstdio>
#include <map>
#include <regex>
#include <stdexcept>

namespace plancon::gen {

namespace {

std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

// One line of text. ODF collapses white space, so a run of spaces keeps its
// first one (inside the line) and writes the rest as <text:s text:c="n"/>.
std::string paragraph(const std::string& line) {
    std::string out = "<text:p>";
    for (std::size_t i = 0; i < line.size();) {
        if (line[i] != ' ') {
            out += xml_escape(std::string(1, line[i]));
            ++i;
            continue;
        }
        std::size_t n = 0;
        while (i + n < line.size() && line[i + n] == ' ') ++n;
        const std::size_t literal = (i == 0 || i + n == line.size()) ? 0 : 1;
        if (literal) out += ' ';
        if (n > literal) out += "<text:s text:c=\"" + std::to_string(n - literal) + "\"/>";
        i += n;
    }
    return out + "</text:p>";
}

std::string paragraphs(const std::string& text) {
    std::string out;
    std::size_t start = 0;
    while (true) {
        const std::size_t nl = text.find('\n', start);
        out += paragraph(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
        if (nl == std::string::npos) break;
        start = nl + 1;
    }
    return out;
}

std::string number_text(double v) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.15g", v);
    return buf;
}

std::string iso_date_time(double days, bool with_time) {
    const long whole = long(std::floor(days));
    const Date d = date_of(date_of_serial(whole));
    char buf[40];
    if (!with_time) {
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
    } else {
        const long minutes = std::lround((days - double(whole)) * 24 * 60);
        std::snprintf(buf, sizeof buf, "%04d-%02u-%02uT%02ld:%02ld:00", d.year, d.month, d.day, minutes / 60, minutes % 60);
    }
    return buf;
}

// "IF(D12="","",D12+30)" -> "of:=IF([.D12]="";"";[.D12]+30)"
std::string ods_formula(const std::string& excel) {
    static const std::regex ref(R"(\b([A-Z]{1,3}[0-9]+)\b)");
    std::string f = std::regex_replace(excel, ref, "[.$1]");
    std::string out;
    bool in_string = false;
    for (char c : f) {
        if (c == '"') in_string = !in_string;
        out += (c == ',' && !in_string) ? ';' : c;
    }
    return "of:=" + out;
}

std::string value_attributes(const GenCell& c) {
    switch (c.type) {
        case GenCell::Type::Text: return " office:value-type=\"string\"";
        case GenCell::Type::Boolean:
            return std::string(" office:value-type=\"boolean\" office:boolean-value=\"") + (c.number != 0 ? "true" : "false") + "\"";
        case GenCell::Type::Date: return " office:value-type=\"date\" office:date-value=\"" + iso_date_time(c.number, false) + "\"";
        case GenCell::Type::DateTime: return " office:value-type=\"date\" office:date-value=\"" + iso_date_time(c.number, true) + "\"";
        case GenCell::Type::Number:
        case GenCell::Type::Formula: {
            std::string a;
            if (c.type == GenCell::Type::Formula) a = " table:formula=\"" + xml_escape(ods_formula(c.formula)) + "\"";
            if (c.type == GenCell::Type::Formula && c.formula_text)
                return a + " office:value-type=\"string\" office:string-value=\"" + xml_escape(c.text) + "\"";
            if (c.format.find("yy") != std::string::npos)
                return a + " office:value-type=\"date\" office:date-value=\"" + iso_date_time(c.number, false) + "\"";
            if (c.format == "0%") return a + " office:value-type=\"percentage\" office:value=\"" + number_text(c.number) + "\"";
            if (c.format == "£#,##0")
                return a + " office:value-type=\"currency\" office:currency=\"GBP\" office:value=\"" + number_text(c.number) + "\"";
            return a + " office:value-type=\"float\" office:value=\"" + number_text(c.number) + "\"";
        }
    }
    return {};
}

std::string content_xml(const GeneratedTracker& t) {
    std::string x =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<office:document-content xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
        "xmlns:table=\"urn:oasis:names:tc:opendocument:xmlns:table:1.0\" "
        "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" "
        "xmlns:of=\"urn:oasis:names:tc:opendocument:xmlns:of:1.2\" office:version=\"1.2\">"
        "<office:body><office:spreadsheet>";
    for (const GenSheet& sheet : t.sheets) {
        x += "<table:table table:name=\"" + xml_escape(sheet.name) + "\">";
        std::uint32_t width = 1;
        for (const GenRow& r : sheet.rows)
            for (const GenCell& c : r.cells) width = std::max(width, c.col + 1);
        for (const Range& m : sheet.merges) width = std::max(width, m.last.col + 1);
        x += "<table:table-column table:number-columns-repeated=\"" + std::to_string(width) + "\"/>";
        for (std::uint32_t r = 0; r < sheet.rows.size(); ++r) {
            std::map<std::uint32_t, const GenCell*> cells;
            for (const GenCell& c : sheet.rows[r].cells) cells[c.col] = &c;
            std::uint32_t last = cells.empty() ? 0 : cells.rbegin()->first + 1;
            for (const Range& m : sheet.merges)
                if (m.first.row <= r && r <= m.last.row) last = std::max(last, m.last.col + 1);
            x += "<table:table-row>";
            if (last == 0) x += "<table:table-cell/>";
            for (std::uint32_t col = 0; col < last; ++col) {
                const Range* merge = nullptr;
                for (const Range& m : sheet.merges)
                    if (m.contains({r, col})) merge = &m;
                if (merge && !(merge->first == CellRef{r, col})) {
                    x += "<table:covered-table-cell/>";
                    continue;
                }
                std::string attrs;
                if (merge) {
                    attrs += " table:number-columns-spanned=\"" + std::to_string(merge->last.col - col + 1) + "\"";
                    attrs += " table:number-rows-spanned=\"" + std::to_string(merge->last.row - r + 1) + "\"";
                }
                const auto it = cells.find(col);
                if (it == cells.end()) {
                    x += "<table:table-cell" + attrs + "/>";
                    continue;
                }
                const GenCell& c = *it->second;
                x += "<table:table-cell" + attrs + value_attributes(c) + ">" + paragraphs(display_text(c)) + "</table:table-cell>";
            }
            x += "</table:table-row>";
        }
        x += "</table:table>";
    }
    return x + "</office:spreadsheet></office:body></office:document-content>\n";
}

const char* manifest_xml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<manifest:manifest xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">\n"
    " <manifest:file-entry manifest:full-path=\"/\" manifest:version=\"1.2\" "
    "manifest:media-type=\"application/vnd.oasis.opendocument.spreadsheet\"/>\n"
    " <manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/>\n"
    "</manifest:manifest>\n";

}  // namespace

void write_ods(const GeneratedTracker& t, const std::string& path) {
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    if (!zip) throw std::runtime_error("libzip cannot create " + path);
    const std::string mimetype = "application/vnd.oasis.opendocument.spreadsheet";
    const std::string manifest = manifest_xml;
    const std::string content = content_xml(t);  // the buffers must live until zip_close
    auto add = [&](const char* name, const std::string& data, bool store) {
        zip_source_t* src = zip_source_buffer(zip, data.data(), data.size(), 0);
        if (!src) return false;
        const zip_int64_t index = zip_file_add(zip, name, src, ZIP_FL_ENC_UTF_8);
        if (index < 0) {
            zip_source_free(src);
            return false;
        }
        return zip_set_file_compression(zip, zip_uint64_t(index), store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0) == 0;
    };
    // mimetype first and stored, as ODF requires.
    const bool ok = add("mimetype", mimetype, true) && add("META-INF/manifest.xml", manifest, false) &&
                    add("content.xml", content, false);
    if (!ok) {
        zip_discard(zip);
        throw std::runtime_error("libzip cannot add a part to " + path);
    }
    if (zip_close(zip) != 0) {
        zip_discard(zip);
        throw std::runtime_error("libzip cannot write " + path);
    }
}

}  // namespace plancon::gen
