// Styles (xl/styles.xml): only what a cell's value needs, its number format.
// A cell names a style (s=, an index into cellXfs); the style names a format
// id, spelled out in numFmts for custom formats and left implicit for
// Excel's built-in ones (number_format.hpp knows those). Whether a number
// is a date is decided here once per style, not once per cell. The part is
// small (a few thousand elements): pugixml.
#include "read/number_format.hpp"
#include "read/xlsx_parts.hpp"
#include "read/xml_util.hpp"

#include <unordered_map>

namespace plancon::detail {

std::vector<CellStyle> read_styles(ZipArchive& zip, const std::string& file, const std::string& part, StringPool& pool) {
    std::vector<CellStyle> styles;
    auto bytes = zip.read(part);
    if (!bytes) return styles;
    pugi::xml_document doc;
    load_part(doc, *bytes, file, part);
    pugi::xml_node root = doc.document_element();
    std::unordered_map<unsigned, std::string> custom;
    for_each_named(child_named(root, "numFmts"), "numFmt", [&](const pugi::xml_node& f) {
        custom[attr_named(f, "numFmtId").as_uint()] = attr_named(f, "formatCode").value();
    });
    std::unordered_map<std::string, std::uint32_t> pooled;
    for_each_named(child_named(root, "cellXfs"), "xf", [&](const pugi::xml_node& xf) {
        unsigned id = attr_named(xf, "numFmtId").as_uint();
        auto it = custom.find(id);
        const std::string_view in_file = it != custom.end() ? std::string_view(it->second) : std::string_view();
        const std::string_view code = it != custom.end() ? in_file : builtin_format_code(id);
        CellStyle style;
        style.is_date = shows_moment(classify_format(id, in_file));
        if (code != "General" && !code.empty()) {
            auto [pos, inserted] = pooled.try_emplace(std::string(code), 0);
            if (inserted) pos->second = pool.add(code);
            style.format_id = pos->second;
        }
        styles.push_back(style);
    });
    return styles;
}

}  // namespace plancon::detail
