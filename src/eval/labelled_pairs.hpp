// Measuring the reconcile scorer on labelled pairs of action texts, beside
// what a spreadsheet would do (Excel's Remove Duplicates, a fingerprint key).
// Not part of the library: the plancon_eval target, used by
// bench/reconcile_eval and the quality test in tests/reconcile.
#pragma once

#include "plancon/config.hpp"
#include "plancon/reconcile.hpp"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace plancon::eval {

// Excel's Remove Duplicates (case-insensitive, exact otherwise) and a
// fingerprint key (fold_for_matching equality).
bool same_by_excel_rule(std::string_view a, std::string_view b);
bool same_by_fingerprint(std::string_view a, std::string_view b);

struct PairLabel {
    std::string a, b;
    bool same = false;
    std::string category;
    int line = 0;
};
// Tab-separated: label (same|different), category, text a, text b. Throws
// std::runtime_error "file:line: ...".
std::vector<PairLabel> load_labelled_pairs(const std::string& path);

// Precision / recall of a same/different decision over labelled pairs.
struct PairMetrics {
    std::size_t true_pos = 0, false_pos = 0, false_neg = 0, true_neg = 0;
    double precision() const;
    double recall() const;
};
struct Evaluation {
    PairMetrics scorer, excel, fingerprint;
    std::vector<const PairLabel*> scorer_errors;
    std::vector<TextScorer::Detail> details;  // per pair of the input (empty when not visited)
};
// Scores every pair with IDF weights over all texts in the set; a pair is
// "same" for the scorer when its text score reaches threshold. subset: the
// indices of the pairs to count (empty: all).
Evaluation evaluate_pairs(const std::vector<PairLabel>& pairs, double threshold, const Config& config,
                          const std::vector<std::size_t>& subset = {});

}  // namespace plancon::eval
