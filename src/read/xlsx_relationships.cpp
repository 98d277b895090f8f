// Relationships (_rels/*.rels): how Excel finds every part, so how plancon
// does. Producers write targets relative to the owning part's folder, or
// absolute from the package root (openpyxl), with '\' now and then; both are
// resolved to the part name the zip holds. A .rels part is small: pugixml.
#include "read/xlsx_parts.hpp"
#include "read/xml_util.hpp"

#include <algorithm>

namespace plancon::detail {

namespace {

std::string dir_of(std::string_view part) {
    auto slash = part.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

std::string rels_of(std::string_view part) { return dir_of(part) + "_rels/" + std::string(part.substr(part.rfind('/') + 1)) + ".rels"; }

// Resolve a relationship target against the folder of the part that owns it.
std::string resolve_target(std::string_view owner_dir, std::string_view target) {
    std::string joined = !target.empty() && target[0] == '/' ? std::string(target.substr(1))
                                                                 : std::string(owner_dir) + std::string(target);
    std::replace(joined.begin(), joined.end(), '\\', '/');
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i <= joined.size()) {
        std::size_t j = joined.find('/', i);
        if (j == std::string::npos) j = joined.size();
        std::string seg = joined.substr(i, j - i);
        if (seg == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!seg.empty() && seg != ".") {
            parts.push_back(seg);
        }
        i = j + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

}  // namespace

std::map<std::string, Relationship> read_relationships(ZipArchive& zip, const std::string& file, const std::string& owner) {
    std::map<std::string, Relationship> rels;
    std::string rels_name = rels_of(owner);
    auto bytes = zip.read(rels_name);
    if (!bytes) return rels;
    pugi::xml_document doc;
    load_part(doc, *bytes, file, rels_name);
    pugi::xml_node root = doc.document_element();
    for_each_named(root, "Relationship", [&](const pugi::xml_node& r) {
        Relationship rel;
        rel.type = attr_named(r, "Type").value();
        rel.external = std::string_view(attr_named(r, "TargetMode").value()) == "External";
        rel.target = rel.external ? attr_named(r, "Target").value() : resolve_target(dir_of(owner), attr_named(r, "Target").value());
        rels[attr_named(r, "Id").value()] = std::move(rel);
    });
    return rels;
}

}  // namespace plancon::detail
