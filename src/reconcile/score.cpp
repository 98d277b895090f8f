// Text similarity for reconciliation: IDF-weighted words, character
// trigrams, and the look-alike guard. See include/plancon/reconcile.hpp.
#include "plancon/reconcile.hpp"
#include "plancon/text.hpp"
#include "reconcile/text.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <unordered_map>

namespace plancon {
namespace {

using reconcile_detail::is_function_word;
using reconcile_detail::matching_words;

struct Prepared {
    std::string folded;
    std::vector<std::uint32_t> words;  // content word ids, sorted, unique
    std::vector<std::uint64_t> trigrams;  // sorted, unique
};

bool within_one_edit(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (a.size() == b.size()) {
        if (i == a.size()) return true;
        // one substitution, or one transposition of neighbours
        if (a.substr(i + 1) == b.substr(i + 1)) return true;
        return i + 1 < a.size() && a[i] == b[i + 1] && a[i + 1] == b[i] && a.substr(i + 2) == b.substr(i + 2);
    }
    return a.substr(i) == b.substr(i + 1);  // one insertion
}

}  // namespace

struct TextScorer::Impl {
    std::vector<Prepared> texts;
    std::vector<std::string> vocabulary;
    std::vector<double> idf;
    std::vector<std::uint32_t> df;

    double weight(std::uint32_t w) const { return idf[w]; }
};

TextScorer::TextScorer(const std::vector<std::string>& corpus, const Config& config) : impl_(std::make_unique<Impl>()) {
    const reconcile_detail::Abbreviations abbreviations(config);
    std::unordered_map<std::string, std::uint32_t> ids;
    impl_->texts.reserve(corpus.size());
    for (const auto& text : corpus) {
        Prepared p;
        p.folded = fold_for_matching(text);
        std::string joined;  // words without spaces: "three year" meets "threeyear"
        for (auto& w : matching_words(text, abbreviations)) {
            joined += w;
            if (is_function_word(w)) continue;
            auto [it, inserted] = ids.try_emplace(w, static_cast<std::uint32_t>(impl_->vocabulary.size()));
            if (inserted) impl_->vocabulary.push_back(w);
            p.words.push_back(it->second);
        }
        std::sort(p.words.begin(), p.words.end());
        p.words.erase(std::unique(p.words.begin(), p.words.end()), p.words.end());
        const std::string padded = "^" + joined + "$";
        for (std::size_t i = 0; i + 3 <= padded.size(); ++i)
            p.trigrams.push_back(reconcile_detail::fnv1a(std::string_view(padded).substr(i, 3)));
        std::sort(p.trigrams.begin(), p.trigrams.end());
        p.trigrams.erase(std::unique(p.trigrams.begin(), p.trigrams.end()), p.trigrams.end());
        impl_->texts.push_back(std::move(p));
    }
    impl_->df.assign(impl_->vocabulary.size(), 0);
    for (const auto& p : impl_->texts)
        for (auto w : p.words) ++impl_->df[w];
    const double n = static_cast<double>(corpus.size());
    impl_->idf.resize(impl_->df.size());
    for (std::size_t w = 0; w < impl_->df.size(); ++w) impl_->idf[w] = std::log((n + 1) / (impl_->df[w] + 0.5));
}

TextScorer::~TextScorer() = default;
TextScorer::TextScorer(TextScorer&&) noexcept = default;
TextScorer& TextScorer::operator=(TextScorer&&) noexcept = default;

const std::string& TextScorer::folded(std::size_t i) const { return impl_->texts.at(i).folded; }

TextScorer::Detail TextScorer::score(std::size_t i, std::size_t j) const {
    const Impl& m = *impl_;
    const Prepared& a = m.texts.at(i);
    const Prepared& b = m.texts.at(j);
    Detail d;
    if (a.folded == b.folded && !a.folded.empty()) {
        d.score = d.words = d.containment = d.trigrams = 1.0;
        for (auto w : a.words) d.matched_words.push_back(m.vocabulary[w]);
        return d;
    }
    // Exact word matches first, then typo / split-word matches among the rest.
    std::vector<std::uint32_t> only_a, only_b;
    double matched = 0;
    std::set_difference(a.words.begin(), a.words.end(), b.words.begin(), b.words.end(), std::back_inserter(only_a));
    std::set_difference(b.words.begin(), b.words.end(), a.words.begin(), a.words.end(), std::back_inserter(only_b));
    std::vector<std::uint32_t> common;
    std::set_intersection(a.words.begin(), a.words.end(), b.words.begin(), b.words.end(), std::back_inserter(common));
    for (auto w : common) {
        matched += m.weight(w);
        d.matched_words.push_back(m.vocabulary[w]);
    }
    auto fuzzy_pass = [&](std::vector<std::uint32_t>& xs, std::vector<std::uint32_t>& ys) {
        for (auto x = xs.begin(); x != xs.end();) {
            const std::string& xw = m.vocabulary[*x];
            bool found = false;
            if (xw.size() >= 5) {
                for (auto y = ys.begin(); y != ys.end(); ++y) {
                    const std::string& yw = m.vocabulary[*y];
                    // plural "s" was not stripped after "is": "demographcis"
                    const bool close = within_one_edit(xw, yw) ||
                                       (xw.back() == 's' && within_one_edit(std::string_view(xw).substr(0, xw.size() - 1), yw));
                    if (yw.size() >= 5 && close) {
                        matched += (m.weight(*x) + m.weight(*y)) / 2;
                        d.matched_words.push_back(xw + "~" + yw);
                        ys.erase(y);
                        found = true;
                        break;
                    }
                }
            }
            // An abbreviation by truncation: "incl" for "including", "dev" for "development".
            if (!found && xw.size() >= 3) {
                for (auto y = ys.begin(); y != ys.end(); ++y) {
                    const std::string& yw = m.vocabulary[*y];
                    if (yw.size() >= xw.size() + 2 && yw.starts_with(xw)) {
                        matched += m.weight(*x);
                        d.matched_words.push_back(xw + "~" + yw);
                        ys.erase(y);
                        found = true;
                        break;
                    }
                }
            }
            // "biannual" against "bi" + "annual", "managers" against "manag" + "ers":
            // the parts may be any words of the other text, matched or not.
            if (!found) {
                const auto& other = (&xs == &only_a) ? b.words : a.words;
                for (auto y : other) {
                    const std::string& yw = m.vocabulary[y];
                    if (!xw.starts_with(yw) || yw.size() >= xw.size()) continue;
                    for (auto z : other) {
                        const std::string& zw = m.vocabulary[z];
                        const std::string joined = yw + zw;
                        if (joined == xw || joined + "s" == xw || joined == xw + "s") {
                            matched += m.weight(*x);
                            d.matched_words.push_back(xw + "~" + yw + " " + zw);
                            for (auto part : {y, z})
                                if (auto it = std::find(ys.begin(), ys.end(), part); it != ys.end()) ys.erase(it);
                            found = true;
                            break;
                        }
                    }
                    if (found) break;
                }
            }
            x = found ? xs.erase(x) : x + 1;
        }
    };
    // Bounded so a hostile 10,000-word cell cannot make one comparison quadratic.
    constexpr std::size_t kFuzzyLimit = 200;
    if (only_a.size() + only_b.size() <= kFuzzyLimit && a.words.size() <= kFuzzyLimit && b.words.size() <= kFuzzyLimit) {
        fuzzy_pass(only_a, only_b);
        fuzzy_pass(only_b, only_a);
    }

    auto total = [&](const std::vector<std::uint32_t>& ws) {
        double s = 0;
        for (auto w : ws) s += m.weight(w);
        return s;
    };
    const double rest_a = total(only_a), rest_b = total(only_b);
    const double wa = matched + rest_a, wb = matched + rest_b;
    d.words = (wa + wb - matched) > 0 ? matched / (wa + wb - matched) : 0;
    d.containment = std::min(wa, wb) > 0 ? matched / std::min(wa, wb) : 0;

    std::size_t shared = 0;
    for (std::size_t x = 0, y = 0; x < a.trigrams.size() && y < b.trigrams.size();) {
        if (a.trigrams[x] == b.trigrams[y]) ++shared, ++x, ++y;
        else if (a.trigrams[x] < b.trigrams[y]) ++x;
        else ++y;
    }
    d.trigrams = (a.trigrams.empty() || b.trigrams.empty())
                     ? 0
                     : shared / std::sqrt(static_cast<double>(a.trigrams.size()) * b.trigrams.size());

    // Look-alike guard. A word "carries" its side when its weight is at least
    // the mean weight of that side's words (objects such as "budget",
    // "GIRFEC"; not common verbs such as "ensure"). When each side keeps such
    // words of its own, they differ in object however many words they share:
    // the score loses 1.5 x the smaller share of weight held by those words.
    auto carrying_share = [&](const std::vector<std::uint32_t>& rest, const std::vector<std::uint32_t>& all, double side_weight) {
        if (all.empty() || side_weight <= 0) return 0.0;
        double mean = 0;
        for (auto w : all) mean += m.weight(w);
        mean /= static_cast<double>(all.size());
        double s = 0, carrying = 0;
        for (auto w : rest) {
            s += m.weight(w);
            if (m.weight(w) >= mean) carrying += m.weight(w);
        }
        // Every unexplained word counts; one that carries its side counts double.
        return (s + carrying) / side_weight;
    };
    const double guard = std::min(carrying_share(only_a, a.words, wa), carrying_share(only_b, b.words, wb));
    d.lookalike = guard >= 0.10;
    const bool both_sides_differ = !only_a.empty() && !only_b.empty();

    double s = 0.5 * d.words + 0.5 * d.trigrams;
    if (!both_sides_differ && d.containment >= 0.9 && std::min(wa, wb) > 0) {
        // A copy with a dropped trailing clause: the shorter text is all there.
        // Worth less the less there is of it (one shared word proves little).
        const double short_words = static_cast<double>(std::min(a.words.size(), b.words.size()));
        const double support = std::min(1.0, short_words / 3.0);
        s = std::max(s, d.containment * (0.70 + 0.15 * support));
    }
    s -= 1.5 * guard;
    d.score = std::clamp(s, 0.0, 1.0);
    return d;
}

std::vector<std::pair<std::size_t, std::size_t>> TextScorer::candidates(std::size_t words_per_text,
                                                                        std::size_t max_posting) const {
    const Impl& m = *impl_;
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    // Identical folded texts pair with the first of their group only (a star,
    // linear in the group); clustering checks the rest on demand.
    std::unordered_map<std::string_view, std::size_t> first_with_text;
    std::vector<bool> representative(m.texts.size(), false);
    for (std::size_t i = 0; i < m.texts.size(); ++i) {
        if (m.texts[i].folded.empty()) continue;  // a row without words matches nothing
        auto [it, inserted] = first_with_text.try_emplace(m.texts[i].folded, i);
        if (inserted) representative[i] = true;
        else pairs.emplace_back(it->second, i);
    }
    std::vector<std::vector<std::size_t>> postings(m.vocabulary.size());
    for (std::size_t i = 0; i < m.texts.size(); ++i)
        if (representative[i])
            for (auto w : m.texts[i].words) postings[w].push_back(i);
    std::vector<std::pair<std::size_t, std::size_t>> blocked;
    for (std::size_t i = 0; i < m.texts.size(); ++i) {
        if (!representative[i]) continue;
        std::vector<std::uint32_t> keys;
        for (auto w : m.texts[i].words)
            if (postings[w].size() >= 2 && postings[w].size() <= max_posting) keys.push_back(w);
        std::sort(keys.begin(), keys.end(),
                  [&](auto x, auto y) { return postings[x].size() != postings[y].size() ? postings[x].size() < postings[y].size() : x < y; });
        if (keys.size() > words_per_text) keys.resize(words_per_text);
        for (auto w : keys)
            for (auto j : postings[w])
                if (j != i) blocked.emplace_back(std::min(i, j), std::max(i, j));
    }
    std::sort(blocked.begin(), blocked.end());
    blocked.erase(std::unique(blocked.begin(), blocked.end()), blocked.end());
    pairs.insert(pairs.end(), blocked.begin(), blocked.end());
    return pairs;
}

}  // namespace plancon
