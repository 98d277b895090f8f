// Internal to the reconcile stage: the words a text is compared on.
#pragma once

#include "plancon/config.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct sb_stemmer;

namespace plancon::reconcile_detail {

// Phrases replaced by other phrases, on word sequences: abbreviations
// ("c and f" -> "children and families") and synonyms ("revisit" -> "review").
class PhraseTable {
public:
    void add(std::vector<std::string> phrase, std::vector<std::string> replacement);
    // Longest first, so "c and f" is tried before a one-word "c" could be.
    void finish();
    // The replacement of the phrase starting at words[at], if one does;
    // length is set to the number of words it covers. The last word may carry
    // a plural "s" ("SPGs", "SLAs").
    const std::vector<std::string>* match(const std::vector<std::string>& words, std::size_t at,
                                          std::size_t& length) const;

private:
    struct Entry {
        std::vector<std::string> phrase, replacement;
    };
    std::vector<Entry> entries_;
    std::unordered_map<std::string, std::vector<std::size_t>> by_first_word_;
};

// A text as the scorer compares it.
struct FoldedText {
    std::vector<std::string> words;   // every word, stemmed, abbreviations and synonyms read
    std::vector<std::string> surfaces;  // per word: as folded before stemming (typos are judged on these)
    std::vector<bool> content;        // per word: not a function word
    std::vector<std::string> figures; // numbers and years ("2", "85000", "2019")
};

// Folds texts into words once, with the tables of the configuration:
//  1. figures read alike: "£85,000" / "£85k" -> "85000", "two" -> "2",
//     "10 per cent" / "10%" -> "10 percent", "2007-11" -> "2007 2011";
//  2. fold_for_matching ("&" -> "and", hyphens and punctuation -> spaces;
//     the caller keeps fold_for_matching of the text itself as its key);
//  3. a prefix written apart joined to its word: "co ordinated", "multi
//     agency", "self evaluation", "kick off" -> "coordinated", "multiagency" ...;
//     "-ize"/"-yze" read as "-ise"/"-yse";
//  4. abbreviations expanded (templates/leads.tsv and abbreviations.tsv);
//  5. each word stemmed (Snowball English: "developing", "developed" -> "develop");
//  6. synonyms and spellings read as one word (templates/synonyms.tsv, its
//     phrases stemmed the same way).
class WordFolder {
public:
    explicit WordFolder(const Config& config);
    ~WordFolder();
    WordFolder(const WordFolder&) = delete;
    WordFolder& operator=(const WordFolder&) = delete;

    // key is fold_for_matching(text), which the caller keeps: it is not
    // folded again when reading figures changed nothing.
    FoldedText fold(std::string_view text, std::string_view key);
    // Step 1 to 5 for a phrase of a table (no synonyms).
    std::vector<std::string> stemmed_words(std::string_view phrase);
    const std::vector<std::vector<std::string>>& contrasts() const { return contrasts_; }

private:
    std::vector<std::string> base_words(std::string_view text, std::vector<std::string>* surfaces,
                                        std::optional<std::string_view> key);
    const std::string& stem(const std::string& word);

    sb_stemmer* stemmer_ = nullptr;
    std::unordered_map<std::string, std::string> stems_;
    PhraseTable abbreviations_, synonyms_;
    std::vector<std::vector<std::string>> contrasts_;  // stemmed single words, per set
};

bool is_function_word(std::string_view word);

// 64-bit FNV-1a: stable across platforms and runs, used for codes.
std::uint64_t fnv1a(std::string_view text);
// n characters of a hash in Crockford base-32 (no I, L, O, U).
std::string base32(std::uint64_t value, std::size_t n);

}  // namespace plancon::reconcile_detail
