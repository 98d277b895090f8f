#include "plancon/diagnostics.hpp"

namespace plancon {

std::string to_string(const Provenance& p) { return p.file + "|" + p.sheet + "|" + std::to_string(p.row); }

std::string place_name(const Provenance& p) {
    if (p.sheet.empty()) return p.row ? "row " + std::to_string(p.row) : "";
    std::string out = "sheet '" + escape_control_characters(p.sheet) + "'";
    if (p.row) out += " row " + std::to_string(p.row);
    return out;
}

std::string to_string(const Warning& w) {
    const std::string place = place_name(w.source);
    return escape_control_characters(w.source.file) + ": " + (place.empty() ? "" : place + ": ") +
           escape_control_characters(w.message);
}

std::string escape_control_characters(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (byte < 0x20 || byte == 0x7f) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 15];
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace plancon
