// Measuring the reconcile scorer on labelled pairs of action texts, beside
// what a spreadsheet would do (exact match, Excel's Remove Duplicates, Power
// Query's fuzzy merge at its default word Jaccard of 0.8). Not part of the
// library: the plancon_eval target, used by bench/reconcile_eval and the
// quality test in tests/reconcile.
#pragma once

#include "plancon/config.hpp"
#include "plancon/reconcile.hpp"

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace plancon::eval {

// The baselines: the texts equal byte for byte; equal but for case (Excel's
// Remove Duplicates); word-set Jaccard >= 0.8 on lower-cased words (Power
// Query's fuzzy merge default similarity threshold).
bool same_exactly(std::string_view a, std::string_view b);
bool same_by_excel_rule(std::string_view a, std::string_view b);
bool same_by_word_jaccard(std::string_view a, std::string_view b, double at_least = 0.8);

struct PairLabel {
    std::string a, b;
    bool same = false;
    std::string kind;        // "abbreviation", "lookalike-number", ...
    std::string difficulty;  // "easy", "medium", "hard"
    int line = 0;
};
// Tab-separated: label (same|different), kind, difficulty (easy|medium|hard),
// text a, text b. Throws std::runtime_error "file:line: ...".
std::vector<PairLabel> load_labelled_pairs(const std::string& path);

// The fixed split: every third data row (the 3rd, 6th, ...) is held out;
// tuning looks at the other two thirds only.
bool held_out(std::size_t index);

enum class Band { Merged, Flagged, Apart };

// Counts for one group of pairs.
struct Tally {
    std::size_t same = 0, different = 0;
    std::size_t same_merged = 0, same_flagged = 0;            // same pairs by band (flagged: review band only)
    std::size_t different_merged = 0, different_flagged = 0;  // different pairs by band
    std::size_t exact = 0, excel = 0, jaccard = 0;            // same pairs each baseline joins
    std::size_t exact_wrong = 0, excel_wrong = 0, jaccard_wrong = 0;  // different pairs each baseline joins
    double merged_recall() const;
    double merged_or_flagged_recall() const;
    double merged_precision() const;  // same merged / all merged
    double different_kept_unmerged() const;
    void add(const Tally& t);
};

struct Evaluation {
    Tally all;
    std::map<std::string, Tally> by_kind, by_difficulty;
    std::vector<std::size_t> visited;     // indices of the pairs counted
    std::vector<TextScorer::Detail> details;  // per pair of the input (empty when not visited)
    std::vector<double> scores;               // per pair: the score banded (held_below_threshold applied)
    std::vector<Band> bands;
};
// Scores the pairs with IDF weights over all texts in the set (as reconcile()
// sees all actions at once) and counts those for which `keep(index)` holds
// (any_pair, tuning_pair, held_out).
Evaluation evaluate_pairs(const std::vector<PairLabel>& pairs, const Config& config, const ReconcileOptions& options,
                          bool (*keep)(std::size_t));

bool any_pair(std::size_t);
bool tuning_pair(std::size_t);

}  // namespace plancon::eval
