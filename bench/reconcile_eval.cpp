// Prints how the reconcile scorer bands labelled pairs (merged / possible
// duplicate / apart), per kind and per difficulty, beside the spreadsheet
// baselines (exact match, Excel's Remove Duplicates, word Jaccard >= 0.8).
//   reconcile_eval [PAIRS.tsv] [--threshold T] [--review-band R] [--errors | --held-out-errors] [--sweep]
// Every third data row is held out (eval::held_out); --sweep looks at the
// tuning rows only; --errors lists the tuning pairs the scorer gets wrong
// (same pairs not merged, different pairs merged), --held-out-errors the
// held-out ones (for the report, not for tuning).
#include "eval/labelled_pairs.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

namespace {

using plancon::eval::Tally;

void print_tally(const char* name, const Tally& t) {
    if (t.same > 0)
        std::printf("  %-22s %4zu same: merged %.3f  merged|flagged %.3f  | exact %.3f  excel %.3f  jaccard %.3f\n", name,
                    t.same, t.merged_recall(), t.merged_or_flagged_recall(), static_cast<double>(t.exact) / t.same,
                    static_cast<double>(t.excel) / t.same, static_cast<double>(t.jaccard) / t.same);
    if (t.different > 0)
        std::printf("  %-22s %4zu different: merged %zu  flagged %zu  never merged %.3f | exact %zu  excel %zu  jaccard %zu\n",
                    name, t.different, t.different_merged, t.different_flagged, t.different_kept_unmerged(),
                    t.exact_wrong, t.excel_wrong, t.jaccard_wrong);
}

void print_part(const char* title, const plancon::eval::Evaluation& e) {
    std::printf("%s: %zu pairs; merged precision %.3f, merged recall %.3f, merged-or-flagged recall %.3f, "
                "look-alikes never merged %.3f\n",
                title, e.visited.size(), e.all.merged_precision(), e.all.merged_recall(),
                e.all.merged_or_flagged_recall(), e.all.different_kept_unmerged());
    const Tally& all = e.all;
    auto baseline = [&](const char* name, std::size_t right, std::size_t wrong) {
        std::printf("  baseline %-24s precision %.3f  recall %.3f\n", name,
                    right + wrong == 0 ? 1.0 : static_cast<double>(right) / static_cast<double>(right + wrong),
                    static_cast<double>(right) / static_cast<double>(all.same));
    };
    baseline("exact match", all.exact, all.exact_wrong);
    baseline("Excel Remove Duplicates", all.excel, all.excel_wrong);
    baseline("word Jaccard >= 0.8", all.jaccard, all.jaccard_wrong);
    for (const auto& [d, t] : e.by_difficulty) print_tally(d.c_str(), t);
    std::printf(" by kind:\n");
    for (const auto& [k, t] : e.by_kind) print_tally(k.c_str(), t);
}

}  // namespace

int main(int argc, char** argv) {
    std::string path = PLANCON_SOURCE_DIR "/tests/reconcile/labelled_pairs.tsv";
    plancon::ReconcileOptions options;
    bool errors = false, held_out_errors = false, sweep = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--threshold" && i + 1 < argc) options.threshold = std::atof(argv[++i]);
        else if (arg == "--review-band" && i + 1 < argc) options.review_band = std::atof(argv[++i]);
        else if (arg == "--errors") errors = true;
        else if (arg == "--held-out-errors") held_out_errors = true;
        else if (arg == "--sweep") sweep = true;
        else path = arg;
    }
    try {
        using namespace plancon::eval;
        const plancon::Config config = plancon::load_config();
        const auto pairs = load_labelled_pairs(path);
        std::printf("%s: %zu pairs, threshold %.2f, review band %.2f\n", path.c_str(), pairs.size(), options.threshold,
                    options.review_band);
        const auto tuning = evaluate_pairs(pairs, config, options, tuning_pair);
        print_part("tuning two-thirds", tuning);
        const auto held = evaluate_pairs(pairs, config, options, held_out);
        print_part("held-out third", held);
        // The scorer's mistakes: on the tuning rows while tuning, on the held-out rows for the report.
        const auto& shown = held_out_errors ? held : tuning;
        if (errors || held_out_errors)
            for (auto k : shown.visited) {
                const auto& p = pairs[k];
                const bool wrong = p.same ? shown.bands[k] != Band::Merged : shown.bands[k] == Band::Merged;
                if (!wrong) continue;
                const auto& d = shown.details[k];
                std::printf("  line %d [%s %s, %s] %s %.2f (words %.2f, containment %.2f, trigrams %.2f%s%s): %s || %s\n",
                            p.line, p.kind.c_str(), p.difficulty.c_str(), p.same ? "same" : "different",
                            shown.bands[k] == Band::Merged ? "merged" : shown.bands[k] == Band::Flagged ? "flagged" : "apart",
                            shown.scores[k], d.words, d.containment, d.trigrams, d.held_apart.empty() ? "" : "; ",
                            d.held_apart.c_str(), p.a.c_str(), p.b.c_str());
            }
        if (sweep) {
            for (double t = 0.60; t <= 0.951; t += 0.025) {
                plancon::ReconcileOptions o = options;
                o.threshold = t;
                const auto e = evaluate_pairs(pairs, config, o, tuning_pair);
                std::printf("tuning at %.3f: merged precision %.3f  merged recall %.3f  easy+medium merged recall %.3f/%.3f\n", t,
                            e.all.merged_precision(), e.all.merged_recall(), e.by_difficulty.count("easy") ? e.by_difficulty.at("easy").merged_recall() : 1.0,
                            e.by_difficulty.count("medium") ? e.by_difficulty.at("medium").merged_recall() : 1.0);
            }
            for (double r = 0.20; r <= 0.601; r += 0.05) {
                plancon::ReconcileOptions o = options;
                o.review_band = r;
                const auto e = evaluate_pairs(pairs, config, o, tuning_pair);
                std::printf("tuning review band %.2f: merged-or-flagged recall %.3f, different pairs flagged %zu of %zu\n", r,
                            e.all.merged_or_flagged_recall(), e.all.different_flagged, e.all.different);
            }
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
