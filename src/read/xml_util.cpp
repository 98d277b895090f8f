#include "read/xml_util.hpp"

#include "plancon/read.hpp"

#include <algorithm>

namespace plancon::detail {

void load_part(pugi::xml_document& doc, std::string& bytes, const std::string& file, const std::string& part) {
    // Only the prolog may hold a DOCTYPE; look there rather than in the text.
    std::string_view head(bytes.data(), std::min<std::size_t>(bytes.size(), 4096));
    if (head.find("<!DOCTYPE") != std::string_view::npos || head.find("<!ENTITY") != std::string_view::npos)
        throw ReadError(file, "part " + part + ": declares a DTD, which spreadsheet parts never do (refused)");
    // Every element and attribute has a '<' or a '=' (text may have more: an
    // over-count, never an under-count).
    const std::size_t marks = std::size_t(std::count(bytes.begin(), bytes.end(), '<')) +
                              std::size_t(std::count(bytes.begin(), bytes.end(), '='));
    if (marks > max_tree_nodes)
        throw ReadError(file, "part " + part + ": more than " + std::to_string(max_tree_nodes) +
                                  " XML elements and attributes, far beyond any real spreadsheet's (crafted?); refusing to read");
    pugi::xml_parse_result r = doc.load_buffer_inplace(bytes.data(), bytes.size(), pugi::parse_default | pugi::parse_ws_pcdata_single);
    if (!r)
        throw ReadError(file, "part " + part + ": malformed XML at byte " + std::to_string(r.offset) + " (" + r.description() + ")");
}

std::string_view local_name_of(const pugi::xml_node& node) {
    std::string_view n = node.name();
    auto colon = n.rfind(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

pugi::xml_node child_named(const pugi::xml_node& node, std::string_view local) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local_name_of(c) == local) return c;
    return {};
}

pugi::xml_attribute attr_named(const pugi::xml_node& node, std::string_view local) {
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
        std::string_view n = a.name();
        if (n.substr(0, 6) == "xmlns:") continue;
        auto colon = n.rfind(':');
        if ((colon == std::string_view::npos ? n : n.substr(colon + 1)) == local) return a;
    }
    return {};
}

bool xml_true(std::string_view v) { return v == "1" || v == "true" || v == "on"; }

}  // namespace plancon::detail
