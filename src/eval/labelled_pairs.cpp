// Measuring the scorer against labelled pairs, beside the spreadsheet
// baselines (Excel's Remove Duplicates, a fingerprint key).
#include "eval/labelled_pairs.hpp"

#include "plancon/text.hpp"

#include <cctype>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <unordered_map>

namespace plancon::eval {

bool same_by_excel_rule(std::string_view a, std::string_view b) {
    // Excel's Remove Duplicates compares cell values case-insensitively and
    // otherwise exactly (spaces, hyphens and quote styles all count).
    return iequals(a, b);
}

bool same_by_fingerprint(std::string_view a, std::string_view b) { return fold_for_matching(a) == fold_for_matching(b); }

double PairMetrics::precision() const {
    return true_pos + false_pos == 0 ? 1.0 : static_cast<double>(true_pos) / static_cast<double>(true_pos + false_pos);
}
double PairMetrics::recall() const {
    return true_pos + false_neg == 0 ? 1.0 : static_cast<double>(true_pos) / static_cast<double>(true_pos + false_neg);
}

// Tab-separated: label (same|different), category, text a, text b. Lines
// starting with '#' and blank lines are ignored; the first non-comment line
// may be a header starting with "label".
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
        std::vector<std::string> fields;
        std::stringstream ss(line);
        for (std::string f; std::getline(ss, f, '\t');) fields.push_back(f);
        if (fields.size() != 4)
            throw std::runtime_error(path + ":" + std::to_string(number) + ": expected 4 tab-separated fields, found " +
                                     std::to_string(fields.size()));
        PairLabel p;
        if (fields[0] == "same") p.same = true;
        else if (fields[0] != "different")
            throw std::runtime_error(path + ":" + std::to_string(number) + ": label must be 'same' or 'different', not '" +
                                     fields[0] + "'");
        p.category = fields[1];
        p.a = fields[2];
        p.b = fields[3];
        if (p.a.empty() || p.b.empty()) throw std::runtime_error(path + ":" + std::to_string(number) + ": empty text");
        p.line = number;
        pairs.push_back(std::move(p));
    }
    return pairs;
}

Evaluation evaluate_pairs(const std::vector<PairLabel>& pairs, double threshold, const Config& config,
                          const std::vector<std::size_t>& subset) {
    // IDF comes from every distinct text in the whole set, as reconcile()
    // would see all actions of all plans at once.
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
    TextScorer scorer(corpus, config);
    Evaluation e;
    e.details.resize(pairs.size());
    auto count = [](PairMetrics& m, bool truth, bool said) {
        if (truth && said) ++m.true_pos;
        else if (!truth && said) ++m.false_pos;
        else if (truth) ++m.false_neg;
        else ++m.true_neg;
    };
    auto visit = [&](std::size_t k) {
        const auto& p = pairs.at(k);
        e.details[k] = scorer.score(ids[k].first, ids[k].second);
        const bool said = e.details[k].score >= threshold;
        count(e.scorer, p.same, said);
        if (said != p.same) e.scorer_errors.push_back(&p);
        count(e.excel, p.same, same_by_excel_rule(p.a, p.b));
        count(e.fingerprint, p.same, same_by_fingerprint(p.a, p.b));
    };
    if (subset.empty())
        for (std::size_t k = 0; k < pairs.size(); ++k) visit(k);
    else
        for (auto k : subset) visit(k);
    return e;
}

}  // namespace plancon::eval
