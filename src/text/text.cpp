// Text primitives: the ASCII helpers, and normalisation and folding through
// utf8proc (the same words typed in Word, Excel or a PDF export come out as
// the same bytes).
#include "plancon/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <memory>
#include <type_traits>

namespace plancon {

namespace {

constexpr char32_t replacement_char = replacement_character;

// Invalid sequences become U+FFFD, one per bad byte, so utf8proc_map (which
// refuses invalid input) always gets valid UTF-8.
std::string repair_utf8(std::string_view in) {
    std::string out;
    out.reserve(in.size());
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(in.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(in.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        const auto n = utf8proc_iterate(p, left, &cp);
        if (n <= 0 || cp < 0) {
            append_utf8(out, replacement_char);
            ++p;
            --left;
            continue;
        }
        out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(n));
        p += n;
        left -= n;
    }
    return out;
}

std::string utf8proc_transform(std::string_view valid_utf8, int options) {
    utf8proc_uint8_t* mapped = nullptr;
    const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(valid_utf8.data()),
                                static_cast<utf8proc_ssize_t>(valid_utf8.size()), &mapped,
                                static_cast<utf8proc_option_t>(options));
    std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
    if (n < 0) return std::string(valid_utf8);  // cannot happen on repaired input; keep the text
    return std::string(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(n));
}

std::u32string decode(std::string_view valid_utf8) {
    std::u32string out;
    out.reserve(valid_utf8.size());
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(valid_utf8.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(valid_utf8.size());
    while (left > 0) {
        utf8proc_int32_t cp = 0;
        auto n = utf8proc_iterate(p, left, &cp);
        if (n <= 0 || cp < 0) {
            cp = static_cast<utf8proc_int32_t>(replacement_char);
            n = 1;
        }
        out.push_back(static_cast<char32_t>(cp));
        p += n;
        left -= n;
    }
    return out;
}

bool is_quote_single(char32_t c) { return c == 0x2018 || c == 0x2019 || c == 0x201A || c == 0x201B || c == 0x2032 || c == 0x0060 || c == 0x00B4; }
bool is_quote_double(char32_t c) { return c == 0x201C || c == 0x201D || c == 0x201E || c == 0x201F || c == 0x2033 || c == 0x00AB || c == 0x00BB; }
bool is_dash(char32_t c) {
    return (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFE58 || c == 0xFE63 || c == 0xFF0D;
}
bool is_line_break(char32_t c) { return c == '\n' || c == '\v' || c == '\f' || c == 0x2028 || c == 0x2029 || c == 0x85; }
bool is_invisible(char32_t c) { return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0xAD; }
// Bullets a word processor or a PDF export puts at a line start (the
// private-use ones come from the Symbol and Wingdings fonts).
bool is_bullet(char32_t c) {
    switch (c) {
        case 0x2022: case 0x25E6: case 0x25AA: case 0x00B7: case 0x2023: case 0x2043: case 0x25CF:
        case 0x25CB: case 0x25A0: case 0x25A1: case 0x25BA: case 0x27A2: case 0x2219: case 0x25AB:
        case 0xF0B7: case 0xF0A7: case 0xF076: case 0xF0D8: case 0xF0FC:
            return true;
        default:
            return false;
    }
}

bool is_space(char32_t c) {
    if (c == ' ' || c == '\t' || c == '\r') return true;
    if (c < 0x80) return false;  // U+0020 is the only ASCII space separator (Zs)
    const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
    return cat == UTF8PROC_CATEGORY_ZS;
}

// One line of code points (or of ASCII bytes): bullets off the start,
// spaces collapsed, trimmed.
template <class Char>
void finish_line(std::basic_string_view<Char> line, std::string& out) {
    std::size_t i = 0;
    auto skip_spaces = [&] {
        while (i < line.size() && line[i] == ' ') ++i;
    };
    skip_spaces();
    // Bullets (possibly several: "- • text"), but "-5" or "*note" keep their sign.
    for (;;) {
        if (i >= line.size()) break;
        const char32_t c = line[i];
        const bool ascii_bullet = (c == '-' || c == '*') && (i + 1 >= line.size() || line[i + 1] == ' ');
        if (!is_bullet(c) && !ascii_bullet) break;
        ++i;
        skip_spaces();
    }
    std::string text;
    bool pending_space = false;
    for (; i < line.size(); ++i) {
        if (line[i] == ' ') {
            pending_space = true;
            continue;
        }
        if (pending_space && !text.empty()) text.push_back(' ');
        pending_space = false;
        if constexpr (std::is_same_v<Char, char>) text.push_back(line[i]);
        else append_utf8(text, line[i]);
    }
    if (text.empty()) return;
    if (!out.empty()) out.push_back('\n');
    out += text;
}

}  // namespace

std::string lower_ascii(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = lower_ascii(c);
    return out;
}

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (lower_ascii(a[i]) != lower_ascii(b[i])) return false;
    return true;
}

bool starts_with_ci(std::string_view text, std::string_view lower_prefix) {
    return text.size() >= lower_prefix.size() && iequals(text.substr(0, lower_prefix.size()), lower_prefix);
}

std::string_view trim(std::string_view s, std::string_view junk) {
    const auto b = s.find_first_not_of(junk);
    if (b == std::string_view::npos) return {};
    const auto e = s.find_last_not_of(junk);
    return s.substr(b, e - b + 1);
}

std::vector<std::string_view> split_words(std::string_view s) {
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

bool csv_needs_quotes(std::string_view value) { return value.find_first_of(",\"\r\n") != std::string_view::npos; }

void append_csv_field(std::string& out, std::string_view value) {
    if (!csv_needs_quotes(value)) {
        out += value;
        return;
    }
    out += '"';
    for (char c : value) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
}

namespace {

bool is_ascii(std::string_view s) {
    return std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// normalise_text's mapping, on code points, or on the bytes of ASCII text
// (ASCII is its own NFKC, and most cells of most trackers are ASCII: no
// decoding, and is_space answers without utf8proc).
template <class Char>
std::string normalise_mapped(std::basic_string_view<Char> cps) {
    std::basic_string<Char> mapped;
    mapped.reserve(cps.size());
    for (std::size_t i = 0; i < cps.size(); ++i) {
        char32_t c = cps[i];
        if (c == '\r') {
            mapped.push_back('\n');
            if (i + 1 < cps.size() && cps[i + 1] == '\n') ++i;
            continue;
        }
        if (is_line_break(c)) c = '\n';
        else if (is_invisible(c)) continue;
        else if (is_quote_single(c)) c = '\'';
        else if (is_quote_double(c)) c = '"';
        else if (is_space(c)) c = ' ';
        else if (is_dash(c)) c = '-';
        else if (c < 0x20 || (c >= 0x7F && c < 0xA0)) continue;  // other control characters
        mapped.push_back(Char(c));
    }
    std::string out;
    out.reserve(mapped.size());
    std::size_t start = 0;
    while (start <= mapped.size()) {
        std::size_t end = mapped.find(Char('\n'), start);
        if (end == mapped.npos) end = mapped.size();
        finish_line(std::basic_string_view<Char>(mapped).substr(start, end - start), out);
        start = end + 1;
    }
    return out;
}

// Printable ASCII on one line, single-spaced, trimmed and not opening with a
// bullet ("- ", "* "): normalise_text would give it back unchanged (most
// cells are such), so it is copied without mapping it.
bool already_normal(std::string_view t) {
    if (t.empty()) return true;
    if (t.front() == ' ' || t.back() == ' ') return false;
    if ((t.front() == '-' || t.front() == '*') && (t.size() == 1 || t[1] == ' ')) return false;
    char previous = 0;
    for (const char c : t) {
        if (c < 0x20 || c > 0x7E || c == '`' || (c == ' ' && previous == ' ')) return false;
        previous = c;
    }
    return true;
}

}  // namespace

std::string normalise_text(std::string_view text) {
    if (already_normal(text)) return std::string(text);
    if (is_ascii(text)) return normalise_mapped(text);
    const std::u32string cps =
        decode(utf8proc_transform(repair_utf8(text), UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT));
    return normalise_mapped(std::u32string_view(cps));
}

std::string fold_for_matching(std::string_view text) {
    const std::string normalised = normalise_text(text);
    if (is_ascii(normalised)) {
        // The same as below for ASCII, without utf8proc: case folded, letters,
        // digits and "%" kept, "&" read as "and", apostrophes dropped, the rest
        // separating words.
        std::string out;
        out.reserve(normalised.size());
        bool pending_space = false;
        auto emit = [&](std::string_view s) {
            if (pending_space && !out.empty()) out.push_back(' ');
            pending_space = false;
            out += s;
        };
        for (const char c : normalised) {
            if (c == '&') {
                pending_space = true;
                emit("and");
                pending_space = true;
            } else if (c == '\'') {
                continue;
            } else if (is_alpha(c) || is_digit(c) || c == '%') {
                const char lower = lower_ascii(c);
                emit(std::string_view(&lower, 1));
            } else {
                pending_space = true;
            }
        }
        return out;
    }
    const std::string folded = utf8proc_transform(normalised,
                                                  UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK);
    std::string out;
    out.reserve(folded.size());
    bool pending_space = false;
    auto emit = [&](std::string_view s) {
        if (pending_space && !out.empty()) out.push_back(' ');
        pending_space = false;
        out += s;
    };
    for (const char32_t c : decode(folded)) {
        if (c == '&') {
            pending_space = true;
            emit("and");
            pending_space = true;
            continue;
        }
        // An apostrophe joins ("children's" stays one word); other punctuation separates.
        if (c == '\'') continue;
        const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
        const bool keep = cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LL || cat == UTF8PROC_CATEGORY_LT ||
                          cat == UTF8PROC_CATEGORY_LM || cat == UTF8PROC_CATEGORY_LO || cat == UTF8PROC_CATEGORY_ND ||
                          cat == UTF8PROC_CATEGORY_NL || cat == UTF8PROC_CATEGORY_NO || cat == UTF8PROC_CATEGORY_MN ||
                          cat == UTF8PROC_CATEGORY_MC || c == replacement_char || c == 0xA3 || c == '%';
        if (!keep) {
            pending_space = true;
            continue;
        }
        std::string one;
        append_utf8(one, c);
        emit(one);
    }
    return out;
}

}  // namespace plancon
