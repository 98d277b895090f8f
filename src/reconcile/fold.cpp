// Matching words and codes, on top of the matching key (fold_for_matching,
// text.hpp).
#include "reconcile/text.hpp"

#include "plancon/text.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace plancon::reconcile_detail {
namespace {

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

namespace {

std::vector<std::string> folded_words(std::string_view text) {
    const std::string folded = fold_for_matching(text);
    std::vector<std::string> out;
    for (std::string_view w : split_words(folded)) out.emplace_back(w);
    return out;
}

}  // namespace

Abbreviations::Abbreviations(const Config& config) {
    auto add = [&](std::string_view abbreviation, std::string_view expansion) {
        Entry e{folded_words(abbreviation), folded_words(expansion)};
        if (e.words.empty() || e.expansion.empty() || e.words == e.expansion) return;  // a body kept whole
        entries_.push_back(std::move(e));
    };
    for (const LeadAlias& a : config.leads.entries()) add(a.alias, a.expansion);
    for (const Abbreviation& a : config.abbreviations) add(a.abbreviation, a.expansion);
    // Longest first, so "c and f" is tried before a one-word "c" could be.
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const Entry& x, const Entry& y) { return x.words.size() > y.words.size(); });
}

const std::vector<std::string>* Abbreviations::match(const std::vector<std::string>& words, std::size_t at,
                                                      std::size_t& length) const {
    for (const Entry& e : entries_) {
        if (at + e.words.size() > words.size()) continue;
        bool same = true;
        for (std::size_t k = 0; k < e.words.size() && same; ++k) {
            const std::string& w = words[at + k];
            // The last word may carry a plural "s": "SPGs", "SLAs".
            same = w == e.words[k] ||
                   (k + 1 == e.words.size() && w.size() == e.words[k].size() + 1 && w.back() == 's' &&
                    w.compare(0, e.words[k].size(), e.words[k]) == 0);
        }
        if (same) {
            length = e.words.size();
            return &e.expansion;
        }
    }
    return nullptr;
}

std::vector<std::string> matching_words(std::string_view text, const Abbreviations& abbreviations) {
    const std::vector<std::string> raw = folded_words(text);
    std::vector<std::string> words;
    words.reserve(raw.size() + 4);
    for (std::size_t i = 0; i < raw.size();) {
        std::size_t length = 0;
        if (const auto* expansion = abbreviations.match(raw, i, length)) {
            for (const std::string& w : *expansion) words.push_back(singular(w));
            i += length;
            continue;
        }
        words.push_back(singular(raw[i]));
        ++i;
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

}  // namespace plancon::reconcile_detail
