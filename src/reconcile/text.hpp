// Internal to the reconcile stage: the words a text is compared on.
#pragma once

#include "plancon/config.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace plancon::reconcile_detail {

// The abbreviations of templates/leads.tsv and templates/abbreviations.tsv,
// as folded words: "C&F" is "c and f" -> "children and families".
class Abbreviations {
public:
    Abbreviations() = default;
    explicit Abbreviations(const Config& config);
    // The expansion of the abbreviation starting at words[at], if one does;
    // length is set to the number of words it covers.
    const std::vector<std::string>* match(const std::vector<std::string>& words, std::size_t at,
                                          std::size_t& length) const;

private:
    struct Entry {
        std::vector<std::string> words, expansion;
    };
    std::vector<Entry> entries_;
};

// Folded words with abbreviations expanded ("lac" -> "looked after
// children", "c and f" -> "children and families") and plural "s" dropped.
// Function words are kept here; is_function_word() tells them apart.
std::vector<std::string> matching_words(std::string_view text, const Abbreviations& abbreviations);
bool is_function_word(std::string_view word);

// 64-bit FNV-1a: stable across platforms and runs, used for codes.
std::uint64_t fnv1a(std::string_view text);
// n characters of a hash in Crockford base-32 (no I, L, O, U).
std::string base32(std::uint64_t value, std::size_t n);

}  // namespace plancon::reconcile_detail
