// pugixml helpers shared by the zip-based readers: namespace-prefix-blind
// lookups, and loading a part with DTDs refused and errors that name the part.
#pragma once

#include <pugixml.hpp>

#include <cstddef>
#include <string>
#include <string_view>

namespace plancon::detail {

// The most elements plus attributes a part parsed into a tree may hold. A
// tree node costs 40-64 bytes however short its text: 200 MiB of "<a/>" in
// xl/workbook.xml once took 3.5 GB. Real workbook, relationship and style
// parts hold a few thousand; a styles.xml bloated by years of copy and paste
// a few hundred thousand.
inline constexpr std::size_t max_tree_nodes = 2'000'000;

// Parse a part in place. Throws ReadError(file, "part NAME: ...") when it is
// not well-formed, declares a DTD (entity expansion is never done) or holds
// more than max_tree_nodes elements and attributes.
void load_part(pugi::xml_document& doc, std::string& bytes, const std::string& file, const std::string& part);

std::string_view local_name_of(const pugi::xml_node& node);
// First child element whose local name is `local` (any prefix).
pugi::xml_node child_named(const pugi::xml_node& node, std::string_view local);
// Attribute by local name (any prefix), empty attribute when absent.
pugi::xml_attribute attr_named(const pugi::xml_node& node, std::string_view local);

// Calls f(child) for each child element with local name `local`.
template <class F>
void for_each_named(const pugi::xml_node& node, std::string_view local, F&& f) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local_name_of(c) == local) f(c);
}

// "1", "true", "on" -> true (OOXML's xsd:boolean and ODF's usage).
bool xml_true(std::string_view v);

}  // namespace plancon::detail
