// Excel escapes characters XML cannot carry (control characters, lone
// surrogates) as _xHHHH_, and a literal "_x" that would read as one as
// _x005F_x. Every string in a package may hold them: shared strings, inline
// strings, formula results. Decoded left to right without rescanning the
// output, so _x005F_x0041_ is the text "_x0041_", not "A"; a pair of
// escaped surrogates is one character, a lone one U+FFFD.
#include "plancon/text.hpp"
#include "read/xlsx_parts.hpp"

namespace plancon::detail {

void decode_ooxml_escapes(std::string& s) {
    if (s.find("_x") == std::string::npos) return;
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    auto unit_at = [&](std::size_t i) -> long {
        if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
        long v = 0;
        for (std::size_t k = i + 2; k < i + 6; ++k) {
            int d = hex(s[k]);
            if (d < 0) return -1;
            v = v * 16 + d;
        }
        return v;
    };
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        long u = unit_at(i);
        if (u < 0) {
            out += s[i++];
            continue;
        }
        i += 7;
        char32_t cp = char32_t(u);
        if (is_high_surrogate(cp) && unit_at(i) >= 0 && is_low_surrogate(char32_t(unit_at(i)))) {
            cp = combine_surrogates(cp, char32_t(unit_at(i)));
            i += 7;
        }
        append_utf8(out, cp);  // a lone surrogate becomes U+FFFD
    }
    s.swap(out);
}

}  // namespace plancon::detail
