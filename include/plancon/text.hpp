// Text primitives every stage uses: UTF-8 encoding, ASCII helpers, and the
// two Unicode-aware transforms (utf8proc underneath): normalise_text, which
// makes the same words typed in Word, Excel or a PDF export the same bytes,
// and fold_for_matching, the key headers, vocabularies and actions are
// compared on. At the bottom of the house: nothing here knows a spreadsheet.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace plancon {

// ---- UTF-8 -------------------------------------------------------------------

inline constexpr char32_t replacement_character = 0xFFFD;

// Appends one code point as UTF-8; a surrogate or a value beyond U+10FFFF
// becomes U+FFFD.
inline void append_utf8(std::string& out, char32_t cp) {
    if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = replacement_character;
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// UTF-16 surrogate pairs (xlsx "_xD83D_" escapes, BIFF strings, UTF-16 CSV).
inline bool is_high_surrogate(char32_t u) { return u >= 0xD800 && u <= 0xDBFF; }
inline bool is_low_surrogate(char32_t u) { return u >= 0xDC00 && u <= 0xDFFF; }
inline char32_t combine_surrogates(char32_t high, char32_t low) { return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00); }

// ---- ASCII -------------------------------------------------------------------
// The words that steer plancon (dates, RAG words, header words) are ASCII once
// folded; anything else simply does not match these.

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool is_upper(char c) { return c >= 'A' && c <= 'Z'; }
inline char lower_ascii(char c) { return is_upper(c) ? char(c - 'A' + 'a') : c; }
std::string lower_ascii(std::string_view s);
bool iequals(std::string_view a, std::string_view b);  // ASCII case-insensitive
bool starts_with_ci(std::string_view text, std::string_view lower_prefix);

// Without the leading and trailing characters in junk (white space by default).
std::string_view trim(std::string_view s, std::string_view junk = " \t\r\n");
// Space-separated words of a one-line string.
std::vector<std::string_view> split_words(std::string_view s);
// Whether an RFC 4180 field needs quotes: a comma, a quote or a line break.
bool csv_needs_quotes(std::string_view value);
// One RFC 4180 field appended: quoted only when it holds a comma, a quote or
// a line break, quotes doubled.
void append_csv_field(std::string& out, std::string_view value);

// ---- Unicode -----------------------------------------------------------------

// NFKC; curly quotes -> straight; every dash -> "-"; bullets removed from
// line starts; odd spaces -> " "; white space collapsed; lines trimmed; blank
// lines dropped. Invalid UTF-8 becomes U+FFFD.
std::string normalise_text(std::string_view text);

// The key used to match headers and compare texts: normalise_text, then
// case-folded and accents stripped ("Échéance" -> "echeance"), "&" -> "and",
// apostrophes dropped ("children's" -> "childrens"), other punctuation and
// symbols -> space (letters, digits, "%" and "£" kept), white space collapsed
// to single spaces on one line. "Three-year budget planning" and "Three year
// budget planning" fold alike.
std::string fold_for_matching(std::string_view text);

}  // namespace plancon
