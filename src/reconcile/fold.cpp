// The words a text is compared on (text.hpp): figures, folding, joined
// prefixes, abbreviations, Snowball stems, synonyms.
#include "reconcile/text.hpp"

#include "plancon/text.hpp"

#include <libstemmer.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdlib>
#include <initializer_list>
#include <optional>
#include <string>
#include <tuple>
#include <stdexcept>
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

// Number words as figures: "two years" meets "2 year".
constexpr std::array<std::pair<std::string_view, std::string_view>, 30> kNumberWords{{
    {"one", "1"},      {"two", "2"},        {"three", "3"},     {"four", "4"},      {"five", "5"},
    {"six", "6"},      {"seven", "7"},      {"eight", "8"},     {"nine", "9"},      {"ten", "10"},
    {"eleven", "11"},  {"twelve", "12"},    {"fifteen", "15"},  {"twenty", "20"},   {"thirty", "30"},
    {"fifty", "50"},   {"hundred", "100"},  {"first", "1"},     {"second", "2"},    {"third", "3"},
    {"fourth", "4"},   {"fifth", "5"},      {"1st", "1"},       {"2nd", "2"},       {"3rd", "3"},
    {"4th", "4"},      {"5th", "5"},        {"single", "1"},    {"both", "2"},      {"half", "50 percent"}}};

// Prefixes officers write joined, hyphenated or apart: "co-ordinated",
// "coordinated", "co ordinated" are one word.
constexpr std::array<std::string_view, 16> kJoinedPrefixes{
    {"co", "multi", "self", "cross", "pre", "re", "non", "inter", "sub", "bi", "web", "kick", "follow", "life", "well",
     "decision"}};

bool is_digits(std::string_view w) {
    return !w.empty() && std::all_of(w.begin(), w.end(), [](unsigned char c) { return std::isdigit(c); });
}

// Step 1 on the text as written: thousands separators, "£85k", "£1.2m",
// "per cent" and "%".
std::string read_figures(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 8);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        // "85,000": the comma of a thousands separator goes.
        if (c == ',' && !out.empty() && std::isdigit(static_cast<unsigned char>(out.back()))) {
            const std::string_view next = text.substr(i + 1, 3);
            if (next.size() == 3 && is_digits(next) &&
                (i + 4 >= text.size() || !std::isdigit(static_cast<unsigned char>(text[i + 4]))))
                continue;
        }
        if (std::isdigit(static_cast<unsigned char>(c))) {
            // A figure with a multiplier: "85k", "1.2m", "2bn", "1.5 million".
            std::size_t j = i;
            while (j < text.size() && (std::isdigit(static_cast<unsigned char>(text[j])) || text[j] == ',')) ++j;
            std::size_t k = j;
            if (k + 1 < text.size() && text[k] == '.' && std::isdigit(static_cast<unsigned char>(text[k + 1]))) {
                ++k;
                while (k < text.size() && std::isdigit(static_cast<unsigned char>(text[k]))) ++k;
            }
            std::size_t m = k;
            while (m < text.size() && text[m] == ' ') ++m;
            auto word_at = [&](std::size_t at, std::string_view w) {
                if (text.size() - at < w.size()) return false;
                for (std::size_t q = 0; q < w.size(); ++q)
                    if (std::tolower(static_cast<unsigned char>(text[at + q])) != w[q]) return false;
                const std::size_t end = at + w.size();
                return end == text.size() || !std::isalnum(static_cast<unsigned char>(text[end]));
            };
            double multiplier = 0;
            std::size_t after = 0;
            for (auto [w, f, adjacent] : std::initializer_list<std::tuple<std::string_view, double, bool>>{
                     {"k", 1e3, true}, {"m", 1e6, true}, {"bn", 1e9, true}, {"thousand", 1e3, false},
                     {"million", 1e6, false}, {"billion", 1e9, false}}) {
                const std::size_t at = adjacent ? k : m;
                if (word_at(at, w)) {
                    multiplier = f, after = at + w.size();
                    break;
                }
            }
            std::string digits;
            for (std::size_t q = i; q < k; ++q)
                if (text[q] != ',') digits += text[q];
            // A sum as a council writes one; a run of 13 or more digits is left as written.
            if (multiplier > 0 && digits.size() <= 12) {
                const double value = std::strtod(digits.c_str(), nullptr) * multiplier;
                if (value < 1e15) {
                    out += std::to_string(static_cast<long long>(value + 0.5));
                    i = after - 1;
                    continue;
                }
            }
        }
        if (c == '%') {
            out += " percent ";
            continue;
        }
        out += c;
    }
    return out;
}

// The words of a text already folded for matching.
std::vector<std::string> split_matching_key(std::string_view folded) {
    std::vector<std::string> out;
    for (std::string_view w : split_words(folded)) {
        // "£" is kept by folding: a sum is its figure.
        std::string word(w);
        for (std::string_view pound : {std::string_view("\xC2\xA3")})
            for (std::size_t at; (at = word.find(pound)) != std::string::npos;) word.erase(at, pound.size());
        if (!word.empty()) out.push_back(std::move(word));
    }
    return out;
}

std::vector<std::string> split_folded(std::string_view text) { return split_matching_key(fold_for_matching(text)); }

// "organization" -> "organisation", "analyze" -> "analyse": one spelling
// before stemming (Snowball stems the two apart).
std::string british(std::string w) {
    if (w.size() < 6) return w;
    for (std::size_t at = 2; at + 2 <= w.size(); ++at)
        if ((w[at] == 'z') && (w[at - 1] == 'i' || w[at - 1] == 'y') && at + 1 < w.size() &&
            (w[at + 1] == 'e' || w[at + 1] == 'i' || w[at + 1] == 'a')) {
            w[at] = 's';
            break;
        }
    return w;
}

}  // namespace

bool is_function_word(std::string_view word) {
    return std::find(kFunctionWords.begin(), kFunctionWords.end(), word) != kFunctionWords.end();
}

void PhraseTable::add(std::vector<std::string> phrase, std::vector<std::string> replacement) {
    if (phrase.empty() || replacement.empty() || phrase == replacement) return;  // a body kept whole
    entries_.push_back({std::move(phrase), std::move(replacement)});
}

void PhraseTable::finish() {
    std::stable_sort(entries_.begin(), entries_.end(),
                     [](const Entry& x, const Entry& y) { return x.phrase.size() > y.phrase.size(); });
    by_first_word_.clear();
    for (std::size_t k = 0; k < entries_.size(); ++k) {
        const std::string& first = entries_[k].phrase.front();
        by_first_word_[first].push_back(k);
        if (entries_[k].phrase.size() == 1) by_first_word_[first + "s"].push_back(k);
    }
}

const std::vector<std::string>* PhraseTable::match(const std::vector<std::string>& words, std::size_t at,
                                                    std::size_t& length) const {
    auto found = by_first_word_.find(words[at]);
    if (found == by_first_word_.end()) return nullptr;
    for (std::size_t k : found->second) {
        const Entry& e = entries_[k];
        if (at + e.phrase.size() > words.size()) continue;
        bool same = true;
        for (std::size_t q = 0; q < e.phrase.size() && same; ++q) {
            const std::string& w = words[at + q];
            same = w == e.phrase[q] || (q + 1 == e.phrase.size() && w.size() == e.phrase[q].size() + 1 &&
                                        w.back() == 's' && w.compare(0, e.phrase[q].size(), e.phrase[q]) == 0);
        }
        if (same) {
            length = e.phrase.size();
            return &e.replacement;
        }
    }
    return nullptr;
}

WordFolder::WordFolder(const Config& config) : stemmer_(sb_stemmer_new("english", nullptr)) {
    if (!stemmer_) throw std::runtime_error("the Snowball English stemmer is not available");
    for (const LeadAlias& a : config.leads.entries())
        abbreviations_.add(split_folded(read_figures(a.alias)), split_folded(read_figures(a.expansion)));
    for (const Abbreviation& a : config.abbreviations)
        abbreviations_.add(split_folded(read_figures(a.abbreviation)), split_folded(read_figures(a.expansion)));
    abbreviations_.finish();
    for (const Synonym& s : config.synonyms) synonyms_.add(stemmed_words(s.words), stemmed_words(s.same_as));
    synonyms_.finish();
    for (const auto& set : config.contrasts) {
        std::vector<std::string> members;
        for (const std::string& m : set)
            for (std::string& w : stemmed_words(m)) members.push_back(std::move(w));
        contrasts_.push_back(std::move(members));
    }
}

WordFolder::~WordFolder() { sb_stemmer_delete(stemmer_); }

const std::string& WordFolder::stem(const std::string& word) {
    auto [it, inserted] = stems_.try_emplace(word);
    if (inserted) {
        const std::string spelled = british(word);
        const sb_symbol* s = sb_stemmer_stem(stemmer_, reinterpret_cast<const sb_symbol*>(spelled.data()),
                                             static_cast<int>(spelled.size()));
        it->second = s ? std::string(reinterpret_cast<const char*>(s), static_cast<std::size_t>(sb_stemmer_length(stemmer_)))
                       : spelled;
    }
    return it->second;
}

std::vector<std::string> WordFolder::base_words(std::string_view text, std::vector<std::string>* surfaces,
                                                std::optional<std::string_view> key) {
    const std::string figures_read = read_figures(text);
    // Folding is the costly part: the caller's key serves when no figure was rewritten.
    std::vector<std::string> raw =
        key && figures_read == text ? split_matching_key(*key) : split_folded(figures_read);
    // Number words as figures; a year range's short end as a year ("2007-11").
    for (std::size_t i = 0; i < raw.size(); ++i) {
        for (auto [word, figure] : kNumberWords)
            if (raw[i] == word) {
                raw[i] = std::string(figure);
                break;
            }
        if (i > 0 && raw[i].size() == 2 && is_digits(raw[i]) && raw[i - 1].size() == 4 && is_digits(raw[i - 1]) &&
            (raw[i - 1].starts_with("19") || raw[i - 1].starts_with("20")))
            raw[i] = raw[i - 1].substr(0, 2) + raw[i];
        if (raw[i] == "per" && i + 1 < raw.size() && raw[i + 1] == "cent") raw[i] = "", raw[i + 1] = "percent";
    }
    std::vector<std::string> joined;
    joined.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i].empty()) continue;
        if (i + 1 < raw.size() && !raw[i + 1].empty() && !is_digits(raw[i + 1]) &&
            std::find(kJoinedPrefixes.begin(), kJoinedPrefixes.end(), raw[i]) != kJoinedPrefixes.end()) {
            joined.push_back(raw[i] + raw[i + 1]);
            ++i;
            continue;
        }
        joined.push_back(std::move(raw[i]));
    }
    std::vector<std::string> words;
    words.reserve(joined.size() + 4);
    for (std::size_t i = 0; i < joined.size();) {
        std::size_t length = 0;
        if (const auto* expansion = abbreviations_.match(joined, i, length)) {
            for (const std::string& w : *expansion) {
                words.push_back(stem(w));
                if (surfaces) surfaces->push_back(w);
            }
            i += length;
            continue;
        }
        words.push_back(stem(joined[i]));
        if (surfaces) surfaces->push_back(joined[i]);
        ++i;
    }
    return words;
}

std::vector<std::string> WordFolder::stemmed_words(std::string_view phrase) {
    return base_words(phrase, nullptr, std::nullopt);
}

FoldedText WordFolder::fold(std::string_view text, std::string_view key) {
    FoldedText out;
    std::vector<std::string> surfaces;
    const std::vector<std::string> stems = base_words(text, &surfaces, key);
    for (std::size_t i = 0; i < stems.size();) {
        std::size_t length = 0;
        if (const auto* same_as = synonyms_.match(stems, i, length)) {
            out.words.insert(out.words.end(), same_as->begin(), same_as->end());
            // A word for a word keeps its own surface, so a typo of it is still
            // seen as one ("delivery" / "deliver", though "deliver" reads as "provide").
            if (length == same_as->size()) out.surfaces.insert(out.surfaces.end(), surfaces.begin() + i, surfaces.begin() + i + length);
            else out.surfaces.insert(out.surfaces.end(), same_as->begin(), same_as->end());
            i += length;
            continue;
        }
        out.words.push_back(stems[i]);
        out.surfaces.push_back(surfaces[i]);
        ++i;
    }
    out.content.reserve(out.words.size());
    for (const std::string& w : out.words) {
        out.content.push_back(!is_function_word(w));
        if (is_digits(w)) out.figures.push_back(w);
    }
    std::sort(out.figures.begin(), out.figures.end());
    out.figures.erase(std::unique(out.figures.begin(), out.figures.end()), out.figures.end());
    return out;
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
