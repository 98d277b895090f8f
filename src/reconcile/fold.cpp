// Matching words, codes and the spreadsheet baselines, on top of the
// normalise stage's matching key (fold_for_matching).
#include "plancon/normalise.hpp"
#include "plancon/reconcile.hpp"
#include "reconcile/text.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <utility>

namespace plancon {

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
