// Measuring the scorer against labelled pairs, beside the spreadsheet baselines.
#include "eval/labelled_pairs.hpp"

#include "plancon/text.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace plancon::eval {

bool same_exactly(std::string_view a, std::string_view b) { return a == b; }

bool same_by_excel_rule(std::string_view a, std::string_view b) {
    // Excel's Remove Duplicates compares cell values case-insensitively and
    // otherwise exactly (spaces, hyphens and quote styles all count).
    return iequals(a, b);
}

bool same_by_word_jaccard(std::string_view a, std::string_view b, double at_least) {
    // Power Query's fuzzy merge: Jaccard similarity of the word sets, case
    // ignored, default threshold 0.8. Words are split at spaces and
    // punctuation (its tokenizer), nothing more: no stemming, no "&"/"and".
    auto words = [](std::string_view t) {
        std::set<std::string> out;
        std::string w;
        for (char c : t) {
            const auto u = static_cast<unsigned char>(c);
            if (std::isalnum(u) || u >= 0x80) w += static_cast<char>(std::tolower(u));
            else if (!w.empty()) out.insert(w), w.clear();
        }
        if (!w.empty()) out.insert(w);
        return out;
    };
    const auto x = words(a), y = words(b);
    std::size_t common = 0;
    for (const auto& w : x) common += y.count(w);
    const std::size_t all = x.size() + y.size() - common;
    return all > 0 && static_cast<double>(common) / static_cast<double>(all) >= at_least;
}

namespace {
double ratio(std::size_t n, std::size_t d) { return d == 0 ? 1.0 : static_cast<double>(n) / static_cast<double>(d); }
}  // namespace

double Tally::merged_recall() const { return ratio(same_merged, same); }
double Tally::merged_or_flagged_recall() const { return ratio(same_merged + same_flagged, same); }
double Tally::merged_precision() const { return ratio(same_merged, same_merged + different_merged); }
double Tally::different_kept_unmerged() const { return ratio(different - different_merged, different); }
void Tally::add(const Tally& t) {
    same += t.same, different += t.different;
    same_merged += t.same_merged, same_flagged += t.same_flagged;
    different_merged += t.different_merged, different_flagged += t.different_flagged;
    exact += t.exact, excel += t.excel, jaccard += t.jaccard;
    exact_wrong += t.exact_wrong, excel_wrong += t.excel_wrong, jaccard_wrong += t.jaccard_wrong;
}

std::vector<PairLabel> load_labelled_pairs(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error(path + ": cannot open");
    std::vector<PairLabel> pairs;
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty() || line[0] == '#' || line.starts_with("label\t")) continue;
        auto fail = [&](const std::string& problem) {
            return std::runtime_error(path + ":" + std::to_string(number) + ": " + problem);
        };
        std::vector<std::string> fields;
        std::stringstream ss(line);
        for (std::string f; std::getline(ss, f, '\t');) fields.push_back(f);
        if (fields.size() != 5)
            throw fail("expected 5 tab-separated fields (label, kind, difficulty, text a, text b), found " +
                       std::to_string(fields.size()));
        PairLabel p;
        if (fields[0] == "same") p.same = true;
        else if (fields[0] != "different") throw fail("label must be 'same' or 'different', not '" + fields[0] + "'");
        p.kind = fields[1];
        p.difficulty = fields[2];
        if (p.difficulty != "easy" && p.difficulty != "medium" && p.difficulty != "hard")
            throw fail("difficulty must be easy, medium or hard, not '" + p.difficulty + "'");
        p.a = fields[3];
        p.b = fields[4];
        if (p.kind.empty() || p.a.empty() || p.b.empty()) throw fail("empty kind or text");
        p.line = number;
        pairs.push_back(std::move(p));
    }
    return pairs;
}

bool held_out(std::size_t index) { return index % 3 == 2; }
bool any_pair(std::size_t) { return true; }
bool tuning_pair(std::size_t index) { return !held_out(index); }

Evaluation evaluate_pairs(const std::vector<PairLabel>& pairs, const Config& config, const ReconcileOptions& options,
                          bool (*keep)(std::size_t)) {
    std::vector<std::string> corpus;
    std::unordered_map<std::string, std::size_t> index;
    auto id_of = [&](const std::string& t) {
        auto [it, inserted] = index.try_emplace(t, corpus.size());
        if (inserted) corpus.push_back(t);
        return it->second;
    };
    std::vector<std::pair<std::size_t, std::size_t>> ids;
    for (const auto& p : pairs) {
        auto a = id_of(p.a);
        ids.emplace_back(a, id_of(p.b));
    }
    const TextScorer scorer(corpus, config);
    Evaluation e;
    e.details.resize(pairs.size());
    e.scores.resize(pairs.size());
    e.bands.resize(pairs.size(), Band::Apart);
    for (std::size_t k = 0; k < pairs.size(); ++k) {
        if (!keep(k)) continue;
        const auto& p = pairs[k];
        e.visited.push_back(k);
        e.details[k] = scorer.score(ids[k].first, ids[k].second);
        const double s = held_below_threshold(e.details[k].score, e.details[k].held_apart, options);
        e.scores[k] = s;
        e.bands[k] = s >= options.threshold ? Band::Merged : s >= options.review_band ? Band::Flagged : Band::Apart;
        Tally t;
        const bool merged = e.bands[k] == Band::Merged, flagged = e.bands[k] == Band::Flagged;
        const bool exact = same_exactly(p.a, p.b), excel = same_by_excel_rule(p.a, p.b),
                   jaccard = same_by_word_jaccard(p.a, p.b);
        if (p.same) {
            t.same = 1, t.same_merged = merged, t.same_flagged = flagged;
            t.exact = exact, t.excel = excel, t.jaccard = jaccard;
        } else {
            t.different = 1, t.different_merged = merged, t.different_flagged = flagged;
            t.exact_wrong = exact, t.excel_wrong = excel, t.jaccard_wrong = jaccard;
        }
        e.all.add(t);
        e.by_kind[p.kind].add(t);
        e.by_difficulty[p.difficulty].add(t);
    }
    return e;
}

}  // namespace plancon::eval
