#include "plancon/diagnostics.hpp"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

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

std::optional<std::string> read_small_file(const std::string& path, std::string_view what, std::string& problem,
                                           std::uintmax_t limit) {
    const std::string the = "the " + std::string(what);
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec) {
        problem = "cannot open " + the + ": " + ec.message();
        return std::nullopt;
    }
    if (std::filesystem::is_directory(status)) {
        problem = the + " is a folder, not a file";
        return std::nullopt;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        problem = "cannot open " + the + ": " + std::strerror(errno);
        return std::nullopt;
    }
    // Read in pieces up to the limit: a pipe or a device has no size to ask.
    std::string text;
    char buffer[1 << 16];
    while (in.read(buffer, sizeof buffer) || in.gcount() > 0) {
        text.append(buffer, std::size_t(in.gcount()));
        if (text.size() > limit) {
            problem = the + " is larger than " + std::to_string(limit >> 20) + " MiB; is it the right file?";
            return std::nullopt;
        }
    }
    if (in.bad()) {
        problem = "cannot read " + the + ": " + std::strerror(errno);
        return std::nullopt;
    }
    return text;
}

}  // namespace plancon
