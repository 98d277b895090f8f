// Prints precision and recall of the reconcile scorer and of the spreadsheet
// baselines on a labelled pair set.
//   reconcile_eval [PAIRS.tsv] [--threshold T] [--errors] [--sweep]
// Odd data rows are the tuning half, even rows the held-out half; figures are
// printed for the whole set and for each half.
#include "eval/labelled_pairs.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>

namespace {

void print_row(const char* name, const plancon::eval::PairMetrics& m) {
    std::printf("  %-34s precision %.3f  recall %.3f  (tp %zu fp %zu fn %zu tn %zu)\n", name, m.precision(), m.recall(),
                m.true_pos, m.false_pos, m.false_neg, m.true_neg);
}

}  // namespace

int main(int argc, char** argv) {
    std::string path = PLANCON_SOURCE_DIR "/tests/reconcile/labelled_pairs.tsv";
    double threshold = plancon::ReconcileOptions{}.threshold;
    bool errors = false, sweep = false;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        if (arg == "--threshold" && i + 1 < argc) threshold = std::atof(argv[++i]);
        else if (arg == "--errors") errors = true;
        else if (arg == "--sweep") sweep = true;
        else path = arg;
    }
    try {
        const plancon::Config config = plancon::load_config();
        const auto pairs = plancon::eval::load_labelled_pairs(path);
        std::vector<std::size_t> tune, held_out;
        for (std::size_t k = 0; k < pairs.size(); ++k) (k % 2 == 0 ? tune : held_out).push_back(k);
        std::size_t same = 0;
        for (const auto& p : pairs) same += p.same;
        std::printf("%s: %zu pairs (%zu same, %zu different), threshold %.2f\n", path.c_str(), pairs.size(), same,
                    pairs.size() - same, threshold);
        const struct {
            const char* title;
            const std::vector<std::size_t>* subset;
        } parts[] = {{"whole set", nullptr}, {"tuning half (odd rows)", &tune}, {"held-out half (even rows)", &held_out}};
        for (const auto& part : parts) {
            auto e = plancon::eval::evaluate_pairs(pairs, threshold, config, part.subset ? *part.subset : std::vector<std::size_t>{});
            std::printf("%s:\n", part.title);
            print_row("scorer", e.scorer);
            print_row("baseline: Excel Remove Duplicates", e.excel);
            print_row("baseline: fingerprint key", e.fingerprint);
            if (errors && !part.subset)
                for (const auto* p : e.scorer_errors) {
                    const auto& d = e.details[static_cast<std::size_t>(p - pairs.data())];
                    std::printf("    line %d [%s, labelled %s] score %.2f (words %.2f, containment %.2f, trigrams %.2f%s): %s || %s\n",
                                p->line, p->category.c_str(), p->same ? "same" : "different", d.score, d.words,
                                d.containment, d.trigrams, d.lookalike ? ", look-alike" : "", p->a.c_str(), p->b.c_str());
                }
        }
        if (sweep)
            for (double t = 0.40; t <= 0.951; t += 0.05) {
                auto e = plancon::eval::evaluate_pairs(pairs, t, config, tune);
                std::printf("tuning half at %.2f: precision %.3f recall %.3f\n", t, e.scorer.precision(), e.scorer.recall());
            }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
