// Small ASCII helpers shared by the normalisation sources. The inputs have
// been through normalise_text, so the words that matter (dates, RAG words,
// aliases) are ASCII; anything else simply does not match.
#pragma once

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

}  // namespace plancon::detail
