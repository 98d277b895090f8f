// How reconcile() grows with the number of actions: 2,500 to 20,000 actions
// made from the labelled pairs' texts (each retyped a little: one word left
// out, a site name added), in 10 plans. Prints wall time, candidate pairs per
// action and the time per action at each size; near-linear growth shows as a
// flat time per action. A benchmark, not a test: run it on a quiet machine.
//   reconcile_scale [MAX_ACTIONS] [THREADS]   (THREADS 0, the default: one per core)
#include "eval/labelled_pairs.hpp"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<plancon::Plan> plans_of(const std::vector<std::string>& texts, std::size_t actions) {
    std::uint64_t state = 12345;
    auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state >> 33);
    };
    std::vector<plancon::Plan> plans(10);
    for (std::size_t p = 0; p < plans.size(); ++p) plans[p].document.file = "plan" + std::to_string(p) + ".xlsx";
    for (std::size_t i = 0; i < actions; ++i) {
        std::istringstream words(texts[next() % texts.size()]);
        std::vector<std::string> w;
        for (std::string x; words >> x;) w.push_back(x);
        if (w.size() > 3) w.erase(w.begin() + static_cast<std::ptrdiff_t>(next() % w.size()));
        std::string text;
        for (const auto& x : w) text += x + " ";
        text += "at site " + std::to_string(next() % 2000);
        auto& plan = plans[i % plans.size()];
        plancon::Action a;
        a.text_as_written = text;
        a.source = {plan.document.file, "Sheet1", static_cast<std::uint32_t>(i + 2)};
        plan.actions.push_back(std::move(a));
    }
    return plans;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t max_actions = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 20000;
    plancon::ReconcileOptions options;
    options.threads = argc > 2 ? static_cast<unsigned>(std::strtoul(argv[2], nullptr, 10)) : 0;
    try {
        const plancon::Config config = plancon::load_config();
        std::set<std::string> distinct;
        for (const auto& p : plancon::eval::load_labelled_pairs(PLANCON_SOURCE_DIR "/tests/reconcile/labelled_pairs.tsv"))
            distinct.insert(p.a), distinct.insert(p.b);
        const std::vector<std::string> texts(distinct.begin(), distinct.end());
        std::printf("%zu distinct texts as material\n", texts.size());
        for (std::size_t n = 2500; n <= max_actions; n *= 2) {
            const auto plans = plans_of(texts, n);
            const auto start = std::chrono::steady_clock::now();
            const auto r = plancon::reconcile(plans, config, options);
            const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
            std::printf("%6zu actions: %7.2f s, %6.1f us per action, %5.1f candidate pairs per action, %zu actions after merging\n",
                        n, seconds, seconds * 1e6 / static_cast<double>(n),
                        static_cast<double>(r.candidate_pairs) / static_cast<double>(n), r.actions.size());
        }
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 1;
    }
    return 0;
}
