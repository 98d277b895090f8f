// Small ASCII helpers shared by the normalisation sources. The inputs have
// been through normalise_text, so the words that matter (dates, RAG words,
// aliases) are ASCII; anything else simply does not match.
#pragma once

#include "plancon/normalise.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

namespace plancon::detail {

inline char lower_ascii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }

inline std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower_ascii(c);
    return out;
}

inline std::string_view trim(std::string_view s, std::string_view junk = " \t\r\n") {
    const auto b = s.find_first_not_of(junk);
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(junk);
    return s.substr(b, e - b + 1);
}

inline bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
    return true;
}

// Space-separated words of a one-line string.
inline std::vector<std::string_view> words(std::string_view s) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        const std::size_t b = i;
        while (i < s.size() && s[i] != ' ') ++i;
        if (i > b) out.push_back(s.substr(b, i - b));
    }
    return out;
}

// Reads a template table (one record a line, fields separated by tabs, '#'
// comment lines, blank lines) and calls f(fields, where) for each record,
// where = "FILE:LINE: " for messages. A record with another number of
// fields than `fields` is an error naming the expected form.
template <class F>
void for_each_template_record(const std::filesystem::path& path, const char* what, std::size_t fields,
                              const char* form, F&& f) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw TemplateError(path.string() + ": cannot open the " + what);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        const std::string_view content = trim(line);
        if (content.empty() || content.front() == '#') continue;
        const std::string where = path.string() + ":" + std::to_string(number) + ": ";
        std::vector<std::string_view> parts;
        std::size_t start = 0;
        for (;;) {
            std::size_t tab = line.find('\t', start);
            parts.push_back(trim(std::string_view(line).substr(start, tab == std::string::npos ? std::string::npos : tab - start)));
            if (tab == std::string::npos) break;
            start = tab + 1;
        }
        if (parts.size() != fields) throw TemplateError(where + "expected " + form);
        f(parts, where);
    }
}

}  // namespace plancon::detail
