// Matching-key folding. Kept inside the reconcile stage so matching does not
// depend on how the normalise stage chooses to present text.
#include "plancon/reconcile.hpp"
#include "reconcile/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <utility>

namespace plancon {
namespace {

bool is_apostrophe(utf8proc_int32_t c) { return c == '\'' || c == 0x2019 || c == 0x2018 || c == 0x201B || c == 0x02BC || c == 0x0060; }

void append_utf8(std::string& out, utf8proc_int32_t c) {
    utf8proc_uint8_t buf[4];
    auto n = utf8proc_encode_char(c, buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<std::size_t>(n));
}

// NFKC + case fold + accents stripped. Invalid UTF-8 falls back to ASCII
// lower-casing with every non-ASCII byte read as a separator.
std::string unicode_fold(std::string_view text) {
    utf8proc_uint8_t* mapped = nullptr;
    auto len = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()),
                            static_cast<utf8proc_ssize_t>(text.size()), &mapped,
                            static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE |
                                                           UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK));
    if (len < 0) {
        std::string out;
        out.reserve(text.size());
        for (unsigned char c : text) out.push_back(c < 0x80 ? static_cast<char>(std::tolower(c)) : ' ');
        return out;
    }
    std::string out(reinterpret_cast<const char*>(mapped), static_cast<std::size_t>(len));
    std::free(mapped);
    return out;
}

}  // namespace

std::string fold_for_matching(std::string_view text) {
    const std::string folded = unicode_fold(text);
    std::string out;
    out.reserve(folded.size() + 8);
    auto space = [&out] {
        if (!out.empty() && out.back() != ' ') out.push_back(' ');
    };
    const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(folded.data());
    utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(folded.size());
    while (left > 0) {
        utf8proc_int32_t c = 0;
        auto n = utf8proc_iterate(p, left, &c);
        if (n <= 0) {  // cannot happen after utf8proc_map, but never loop forever
            ++p;
            --left;
            space();
            continue;
        }
        p += n;
        left -= n;
        if (is_apostrophe(c)) continue;  // "child's" / "child’s" -> "childs"
        if (c == '&') {
            space();
            out += "and ";
            continue;
        }
        auto cat = utf8proc_category(c);
        bool word_char = (cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO) ||
                         (cat >= UTF8PROC_CATEGORY_ND && cat <= UTF8PROC_CATEGORY_NO);
        if (word_char) append_utf8(out, c);
        else space();
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

bool same_by_excel_rule(std::string_view a, std::string_view b) {
    // Excel's Remove Duplicates compares cell values case-insensitively and
    // otherwise exactly (spaces, hyphens and quote styles all count).
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

bool same_by_fingerprint(std::string_view a, std::string_view b) { return fold_for_matching(a) == fold_for_matching(b); }

namespace reconcile_detail {
namespace {

// Abbreviations from the domain glossary, expanded on both sides so "LAC"
// meets "looked after children". Keys are folded single words.
constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kAbbreviations{{
    {"cmt", "council management team"},
    {"dcc", "dundee city council"},
    {"ics", "integrated childrens services"},
    {"gig", "girfec implementation group"},
    {"cpc", "child protection committee"},
    {"cog", "chief officers group"},
    {"jmg", "joint management group"},
    {"spg", "strategic planning group"},
    {"spgs", "strategic planning groups"},
    {"lac", "looked after children"},
    {"dhscp", "dundee health and social care partnership"},
    {"cswo", "chief social work officer"},
    {"hr", "human resources"},
    {"cpd", "continuous professional development"},
    {"psif", "public service improvement framework"},
    {"sla", "service level agreement"},
}};

constexpr std::array<std::string_view, 64> kFunctionWords{{
    "a",    "an",   "and",   "the",  "of",   "to",    "in",    "for",  "on",    "at",    "by",
    "with", "from", "as",    "is",   "are",  "be",    "been",  "was",  "were",  "it",    "its",
    "that", "this", "these", "those","which","who",   "what",  "when", "where", "our",   "we",
    "will", "their","they",  "them", "or",   "so",    "into",  "within","across","through","all",
    "any",  "such", "more",  "than", "can",  "has",   "have",  "should","would", "us",    "up",
    "out",  "about","over",  "upon", "e",    "g",     "eg",    "ie",   "etc"}};

std::string singular(std::string w) {
    if (w.size() > 4 && w.ends_with("ies")) return w.substr(0, w.size() - 3) + "y";
    if (w.size() > 3 && w.back() == 's' && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
        w.pop_back();
    return w;
}

}  // namespace

bool is_function_word(std::string_view word) {
    return std::find(kFunctionWords.begin(), kFunctionWords.end(), word) != kFunctionWords.end();
}

std::vector<std::string> matching_words(std::string_view text) {
    const std::string folded = fold_for_matching(text);
    std::vector<std::string> raw;
    for (std::size_t i = 0; i < folded.size();) {
        auto j = folded.find(' ', i);
        if (j == std::string::npos) j = folded.size();
        raw.emplace_back(folded.substr(i, j - i));
        i = j + 1;
    }
    std::vector<std::string> words;
    words.reserve(raw.size() + 4);
    auto push_phrase = [&words](std::string_view phrase) {
        for (std::size_t i = 0; i < phrase.size();) {
            auto j = phrase.find(' ', i);
            if (j == std::string_view::npos) j = phrase.size();
            words.push_back(singular(std::string(phrase.substr(i, j - i))));
            i = j + 1;
        }
    };
    for (std::size_t i = 0; i < raw.size(); ++i) {
        // "C&F" folds to "c and f".
        if (raw[i] == "c" && i + 2 < raw.size() && raw[i + 1] == "and" && raw[i + 2] == "f") {
            push_phrase("children and families");
            i += 2;
            continue;
        }
        auto it = std::find_if(kAbbreviations.begin(), kAbbreviations.end(),
                               [&](const auto& entry) { return entry.first == raw[i]; });
        if (it != kAbbreviations.end()) push_phrase(it->second);
        else words.push_back(singular(raw[i]));
    }
    return words;
}

std::uint64_t fnv1a(std::string_view text) {
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : text) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

std::string base32(std::uint64_t value, std::size_t n) {
    static constexpr std::string_view kAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";  // Crockford
    std::string out;
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(kAlphabet[value & 31]);
        value >>= 5;
    }
    return out;
}

}  // namespace reconcile_detail
}  // namespace plancon
