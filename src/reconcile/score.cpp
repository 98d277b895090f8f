// Text similarity for reconciliation: IDF-weighted words, character
// trigrams, and the look-alike guard. See include/plancon/reconcile.hpp.
#include "plancon/reconcile.hpp"
#include "plancon/text.hpp"
#include "reconcile/parallel.hpp"
#include "reconcile/text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <numeric>
#include <optional>
#include <unordered_map>

namespace plancon {
namespace {

struct Prepared {
    std::string folded;
    // Content word ids, sorted, unique; a word written twice is two words
    // ("plan" and "plan#2"), so "Test Plan" / "Test Results" differ on both sides.
    std::vector<std::uint32_t> words;
    std::vector<std::string> surfaces;      // per entry of words: the word before stemming
    std::uint32_t first_word = 0;           // the first content word (usually the verb); words.empty(): none
    std::vector<std::uint32_t> all_words;   // every word (function words too), sorted, repeats kept: for contrasts
    std::vector<std::string> figures;       // sorted, unique
    std::vector<std::uint64_t> trigrams;    // sorted, unique
};

// Below this IDF-weighted word agreement, trigrams or containment alone
// cannot make a merge ("Incident Response Test Plan" inside a long,
// unrelated risk).
constexpr double kWordsToCarry = 0.20;

bool consonant_shorthand(std::string_view short_form, std::string_view word) {
    if (short_form.size() < 3 || short_form.front() != word.front() || short_form.back() != word.back()) return false;
    for (char c : short_form.substr(1))
        if (std::string_view("aeiou").find(c) != std::string_view::npos || !std::isalpha(static_cast<unsigned char>(c)))
            return false;
    std::size_t at = 0;
    for (char c : word)
        if (at < short_form.size() && c == short_form[at]) ++at;
    return at == short_form.size();
}

bool within_one_edit(std::string_view a, std::string_view b) {
    if (a.size() > b.size()) std::swap(a, b);
    if (b.size() - a.size() > 1) return false;
    // Compared letter by letter: most pairs differ early, and this runs for
    // every two unmatched words of every candidate pair.
    std::size_t i = 0;
    while (i < a.size() && a[i] == b[i]) ++i;
    if (i == a.size()) return true;  // the same, or one letter added at the end
    if (a.size() == b.size()) {
        std::size_t end = a.size();  // the letters from end on agree
        while (end > i + 1 && a[end - 1] == b[end - 1]) --end;
        if (end == i + 1) return true;  // one substitution
        return end == i + 2 && a[i] == b[i + 1] && a[i + 1] == b[i];  // one transposition of neighbours
    }
    for (std::size_t k = i; k < a.size(); ++k)  // one insertion
        if (a[k] != b[k + 1]) return false;
    return true;
}

// Whether first + second is word, word with a plural "s", or word + "s"
// ("bi" + "annual" / "biannual"), without building first + second. The
// caller knows word starts with first.
bool joins_into(std::string_view word, std::string_view first, std::string_view second) {
    const std::string_view rest = word.substr(first.size());
    if (rest == second) return true;
    if (rest.size() == second.size() + 1 && rest.back() == 's' && rest.starts_with(second)) return true;
    return second.size() == rest.size() + 1 && second.back() == 's' && second.starts_with(rest);
}

// A text folded, before its words are numbered: made on any thread.
struct FoldedForScoring {
    reconcile_detail::FoldedText folded;
    // Per word: "" for a function word or a content word's first use; "plan#2"
    // for the second "plan" (see Prepared::words).
    std::vector<std::string> repeat_names;
    std::vector<std::uint64_t> trigrams;  // sorted, unique
};

FoldedForScoring fold_for_scoring(reconcile_detail::WordFolder& folder, std::string_view text, std::string_view key) {
    FoldedForScoring out;
    out.folded = folder.fold(text, key);
    const reconcile_detail::FoldedText& f = out.folded;
    out.repeat_names.resize(f.words.size());
    std::unordered_map<std::string_view, int> times;
    std::size_t joined_size = 0;
    for (std::size_t k = 0; k < f.words.size(); ++k) {
        joined_size += f.words[k].size();
        if (!f.content[k]) continue;
        const int n = ++times[f.words[k]];
        if (n > 1) out.repeat_names[k] = f.words[k] + "#" + std::to_string(n);
    }
    std::string padded;  // words without spaces: "three year" meets "threeyear"
    padded.reserve(joined_size + 2);
    padded += '^';
    for (const std::string& w : f.words) padded += w;
    padded += '$';
    out.trigrams.reserve(padded.size());
    for (std::size_t i = 0; i + 3 <= padded.size(); ++i)
        out.trigrams.push_back(reconcile_detail::fnv1a(std::string_view(padded).substr(i, 3)));
    std::sort(out.trigrams.begin(), out.trigrams.end());
    out.trigrams.erase(std::unique(out.trigrams.begin(), out.trigrams.end()), out.trigrams.end());
    return out;
}

// Texts below this many per thread are folded on one: a thread and its
// WordFolder cost more than they would save.
constexpr std::size_t kTextsPerThread = 256;

}  // namespace

struct TextScorer::Impl {
    std::vector<Prepared> texts;            // one per distinct matching key (each empty key its own)
    std::vector<std::uint32_t> prepared_of;  // per corpus entry: its entry of texts
    std::vector<std::string> vocabulary;
    std::vector<std::uint32_t> stem_size;  // per word: its length without a repeat's "#2"
    std::vector<double> idf;
    std::vector<std::uint32_t> df;
    std::vector<std::vector<std::uint32_t>> contrasts;  // word ids of each set of templates/contrasts.tsv

    double weight(std::uint32_t w) const { return idf[w]; }
    const Prepared& text(std::size_t i) const { return texts[prepared_of.at(i)]; }
};

// Folding is the costly part and independent per text: matching keys and
// folded words are made on a few threads into slots of their own. Word ids
// are then given on this thread in corpus order, as one thread would.
TextScorer::TextScorer(const std::vector<std::string>& corpus, const Config& config, unsigned threads)
    : impl_(std::make_unique<Impl>()) {
    using reconcile_detail::for_chunks;
    using reconcile_detail::thread_count;
    Impl& m = *impl_;
    const unsigned workers = thread_count(threads, corpus.size(), kTextsPerThread);

    // A text copied byte for byte into many trackers gets its matching key once.
    std::vector<std::size_t> same_bytes(corpus.size());  // per entry: the first entry written alike
    std::vector<std::size_t> distinct_bytes;
    {
        std::unordered_map<std::string_view, std::size_t> first;
        first.reserve(corpus.size());
        for (std::size_t i = 0; i < corpus.size(); ++i) {
            auto [it, inserted] = first.try_emplace(corpus[i], i);
            same_bytes[i] = it->second;
            if (inserted) distinct_bytes.push_back(i);
        }
    }
    std::vector<std::string> keys(corpus.size());  // filled at distinct_bytes only
    for_chunks(distinct_bytes.size(), thread_count(workers, distinct_bytes.size(), kTextsPerThread),
               [&](std::size_t begin, std::size_t end) {
                   for (std::size_t k = begin; k < end; ++k) keys[distinct_bytes[k]] = fold_for_matching(corpus[distinct_bytes[k]]);
               });
    auto key_of = [&](std::size_t i) -> std::string& { return keys[same_bytes[i]]; };

    // Each text is folded once; a text given twice (the same key) is prepared once.
    std::vector<std::size_t> first_of_slot;  // per distinct text: its first corpus entry
    m.prepared_of.resize(corpus.size());
    {
        std::unordered_map<std::string_view, std::uint32_t> seen;
        seen.reserve(corpus.size());
        for (std::size_t i = 0; i < corpus.size(); ++i) {
            const auto slot = static_cast<std::uint32_t>(first_of_slot.size());
            if (!key_of(i).empty()) {
                auto [it, inserted] = seen.try_emplace(key_of(i), slot);
                if (!inserted) {
                    m.prepared_of[i] = it->second;
                    continue;
                }
            }
            m.prepared_of[i] = slot;
            first_of_slot.push_back(i);
        }
    }

    // The distinct texts in a few contiguous chunks, one per thread. Each
    // chunk numbers its words in order of first use; the chunks' numbers are
    // then made one numbering on this thread, chunk after chunk, which gives
    // every word the id one thread numbering text after text would.
    const std::size_t slots = first_of_slot.size();
    const unsigned chunks = thread_count(workers, slots, kTextsPerThread);
    auto chunk_begin = [&](std::size_t c) { return slots * c / chunks; };
    struct ChunkWords {
        std::unordered_map<std::string, std::uint32_t> ids;
        std::vector<const std::string*> words;  // by chunk id: the word (a key of ids)
        std::vector<std::uint32_t> global;      // by chunk id: the scorer's id
        std::uint32_t id_of(const std::string& w) {
            auto [it, inserted] = ids.try_emplace(w, static_cast<std::uint32_t>(words.size()));
            if (inserted) words.push_back(&it->first);
            return it->second;
        }
    };
    std::vector<ChunkWords> chunk_words(chunks);
    std::vector<std::vector<std::pair<std::uint32_t, std::string>>> contents(slots);  // per text: content word id, surface
    std::vector<FoldedForScoring> folded(slots);
    m.texts.resize(slots);
    for_chunks(chunks, chunks, [&](std::size_t first_chunk, std::size_t end_chunk) {
        for (std::size_t c = first_chunk; c < end_chunk; ++c) {
            reconcile_detail::WordFolder folder(config);  // its stem cache is its thread's own
            ChunkWords& local = chunk_words[c];
            for (std::size_t k = chunk_begin(c); k < chunk_begin(c + 1); ++k) {
                folded[k] = fold_for_scoring(folder, corpus[first_of_slot[k]], key_of(first_of_slot[k]));
                reconcile_detail::FoldedText& f = folded[k].folded;
                Prepared& p = m.texts[k];
                p.all_words.reserve(f.words.size());
                for (std::size_t w = 0; w < f.words.size(); ++w) {
                    p.all_words.push_back(local.id_of(f.words[w]));
                    if (!f.content[w]) continue;
                    const std::string& name = folded[k].repeat_names[w];
                    contents[k].emplace_back(local.id_of(name.empty() ? f.words[w] : name), std::move(f.surfaces[w]));
                }
            }
        }
    });

    // Ids in order of first use: the contrasts' words, then each distinct
    // text's words in corpus order. Ids order the words a pair shows.
    std::unordered_map<std::string, std::uint32_t> ids;
    auto id_of = [&](const std::string& w) {
        auto [it, inserted] = ids.try_emplace(w, static_cast<std::uint32_t>(m.vocabulary.size()));
        if (inserted) m.vocabulary.push_back(w);
        return it->second;
    };
    {
        reconcile_detail::WordFolder folder(config);
        for (const auto& set : folder.contrasts()) {
            std::vector<std::uint32_t> members;
            for (const auto& w : set) members.push_back(id_of(w));
            m.contrasts.push_back(std::move(members));
        }
    }
    for (ChunkWords& local : chunk_words) {
        local.global.reserve(local.words.size());
        for (const std::string* w : local.words) local.global.push_back(id_of(*w));
    }

    for_chunks(chunks, chunks, [&](std::size_t first_chunk, std::size_t end_chunk) {
        for (std::size_t c = first_chunk; c < end_chunk; ++c) {
            const std::vector<std::uint32_t>& global = chunk_words[c].global;
            for (std::size_t k = chunk_begin(c); k < chunk_begin(c + 1); ++k) {
                Prepared& p = m.texts[k];
                auto& content = contents[k];
                for (auto& w : p.all_words) w = global[w];
                for (auto& entry : content) entry.first = global[entry.first];
                // A non-empty key belongs to this slot alone; empty ones are shared (and stay empty).
                if (!key_of(first_of_slot[k]).empty()) p.folded = std::move(key_of(first_of_slot[k]));
                p.figures = std::move(folded[k].folded.figures);
                p.trigrams = std::move(folded[k].trigrams);
                if (!content.empty()) p.first_word = content.front().first;
                std::sort(content.begin(), content.end());
                for (auto& [id, surface] : content) {
                    if (!p.words.empty() && p.words.back() == id) continue;
                    p.words.push_back(id);
                    p.surfaces.push_back(std::move(surface));
                }
                std::sort(p.all_words.begin(), p.all_words.end());
                // Freed here, on the threads, not one by one after them.
                folded[k] = FoldedForScoring{};
                std::vector<std::pair<std::uint32_t, std::string>>().swap(content);
            }
            chunk_words[c] = ChunkWords{};
        }
    });

    m.df.assign(m.vocabulary.size(), 0);
    for (auto slot : m.prepared_of)
        for (auto w : m.texts[slot].words) ++m.df[w];
    m.stem_size.reserve(m.vocabulary.size());
    for (const std::string& w : m.vocabulary) m.stem_size.push_back(static_cast<std::uint32_t>(std::min(w.find('#'), w.size())));
    const double n = static_cast<double>(corpus.size());
    m.idf.resize(m.df.size());
    for (std::size_t w = 0; w < m.df.size(); ++w) m.idf[w] = std::log((n + 1) / (m.df[w] + 0.5));
}

TextScorer::~TextScorer() = default;
TextScorer::TextScorer(TextScorer&&) noexcept = default;
TextScorer& TextScorer::operator=(TextScorer&&) noexcept = default;

const std::string& TextScorer::folded(std::size_t i) const { return impl_->text(i).folded; }

// With show_words false, nothing is built that only a reader sees: no words
// listed, held_apart a fixed word instead of its reason (see score_only).
static TextScorer::Detail score_pair(const TextScorer::Impl& m, std::size_t i, std::size_t j, bool show_words) {
    using Detail = TextScorer::Detail;
    const Prepared& a = m.text(i);
    const Prepared& b = m.text(j);
    Detail d;
    // A word written twice is held as "plan#2"; shown as "plan".
    auto shown = [&](std::uint32_t w) { return m.vocabulary[w].substr(0, m.stem_size[w]); };
    if (a.folded == b.folded && !a.folded.empty()) {
        d.score = d.words = d.containment = d.trigrams = 1.0;
        if (show_words)
            for (auto w : a.words) d.matched_words.push_back(shown(w));
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
        if (show_words) d.matched_words.push_back(shown(w));
    }
    // Typos and shorthand are judged on the words as written (before
    // stemming): "comunity" is one edit from "community", though their stems differ.
    auto surface = [](const Prepared& p, std::uint32_t w) -> const std::string& {
        return p.surfaces[static_cast<std::size_t>(std::lower_bound(p.words.begin(), p.words.end(), w) - p.words.begin())];
    };
    auto stem_of = [&](std::uint32_t w) { return std::string_view(m.vocabulary[w]).substr(0, m.stem_size[w]); };
    auto fuzzy_pass = [&](std::vector<std::uint32_t>& xs, std::vector<std::uint32_t>& ys) {
        const Prepared& px = (&xs == &only_a) ? a : b;
        const Prepared& py = (&xs == &only_a) ? b : a;
        for (auto x = xs.begin(); x != xs.end();) {
            const std::string& xw = surface(px, *x);
            bool found = false;
            if (xw.size() >= 5) {
                for (auto y = ys.begin(); y != ys.end(); ++y) {
                    const std::string& yw = surface(py, *y);
                    // plural "s" was not stripped after "is": "demographcis"; or the
                    // stems are one edit apart ("communiti" / "communitei")
                    auto close = [&] {
                        return within_one_edit(xw, yw) ||
                               (xw.back() == 's' && within_one_edit(std::string_view(xw).substr(0, xw.size() - 1), yw)) ||
                               within_one_edit(stem_of(*x), stem_of(*y));
                    };
                    if (yw.size() >= 5 && close()) {
                        matched += (m.weight(*x) + m.weight(*y)) / 2;
                        if (show_words) d.matched_words.push_back(xw + "~" + yw);
                        ys.erase(y);
                        found = true;
                        break;
                    }
                }
            }
            // The verb as a noun: "Submit" / "Submission of", "Include" / "Inclusion
            // of" (stems "submit" / "submiss"): each side's first word, 5 letters alike.
            if (!found && *x == px.first_word) {
                const std::string_view xs_stem = stem_of(*x);
                for (auto y = ys.begin(); y != ys.end(); ++y) {
                    const std::string_view ys_stem = stem_of(*y);
                    if (*y != py.first_word || xs_stem.size() < 5 || ys_stem.size() < 5 ||
                        xs_stem.substr(0, 5) != ys_stem.substr(0, 5))
                        continue;
                    matched += (m.weight(*x) + m.weight(*y)) / 2;
                    if (show_words) d.matched_words.push_back(xw + "~" + surface(py, *y));
                    ys.erase(y);
                    found = true;
                    break;
                }
            }
            // Shorthand: a truncation ("dev" for "development"), or the
            // consonants kept ("svcs", "assmt", "mgmt": the first letter, then
            // no vowel, each letter in order in the long word, same last letter).
            if (!found && xw.size() >= 3) {
                for (auto y = ys.begin(); y != ys.end(); ++y) {
                    const std::string& yw = surface(py, *y);
                    const bool plural = xw.size() > 3 && xw.back() == 's';
                    auto shorthand = [&] {
                        return consonant_shorthand(xw, yw) || consonant_shorthand(xw, stem_of(*y)) ||
                               (plural && consonant_shorthand(std::string_view(xw).substr(0, xw.size() - 1), stem_of(*y)));
                    };
                    if (yw.size() >= xw.size() + 2 && (yw.starts_with(xw) || shorthand())) {
                        matched += m.weight(*x);
                        if (show_words) d.matched_words.push_back(xw + "~" + yw);
                        ys.erase(y);
                        found = true;
                        break;
                    }
                }
            }
            // "biannual" against "bi" + "annual", "managers" against "manag" + "ers":
            // the parts may be any words of the other text, matched or not.
            if (!found) {
                const auto& other = py.all_words;  // function words too: "dayto" is "day" + "to"
                const std::string& xw = m.vocabulary[*x];
                for (auto y : other) {
                    const std::string& yw = m.vocabulary[y];
                    if (!xw.starts_with(yw) || yw.size() >= xw.size()) continue;
                    for (auto z : other) {
                        const std::string& zw = m.vocabulary[z];
                        if (joins_into(xw, yw, zw)) {
                            matched += m.weight(*x);
                            if (show_words) d.matched_words.push_back(xw + "~" + yw + " " + zw);
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

    // Officers vary the verb ("Develop" / "Build", "Promote" / "Encourage"):
    // when each side's only word of its own is its first one, the objects
    // agree: the pair is scored on its words, not held apart as a look-alike.
    const bool only_verbs_differ = only_a.size() == 1 && only_b.size() == 1 && only_a.front() == a.first_word &&
                                   only_b.front() == b.first_word;
    double s = 0.5 * d.words + 0.5 * d.trigrams;
    const double short_words = static_cast<double>(std::min(a.words.size(), b.words.size()));
    if (!both_sides_differ && d.containment >= 0.9 && std::min(wa, wb) > 0) {
        // A copy with a dropped trailing clause: the shorter text is all there.
        // Worth less the less there is of it (one shared word proves little).
        const double support = std::min(1.0, short_words / 3.0);
        s = std::max(s, d.containment * (0.70 + 0.15 * support));
    }
    if (!only_verbs_differ) s -= 1.5 * guard;
    d.score = std::clamp(s, 0.0, 1.0);

    if (show_words) {
        for (auto w : only_a) d.only_a.push_back(shown(w));
        for (auto w : only_b) d.only_b.push_back(shown(w));
    }
    // Only whether the pair is held apart counts when no one reads why.
    auto hold_apart = [&](auto&& reason) {
        if (show_words) d.held_apart = reason();
        else d.held_apart = "held apart";
    };

    // Why a pair may be flagged at most, never merged (see held_apart in reconcile.hpp).
    // A word of a contrast set one side writes more often than the other
    // ("Contingency Plan Test Plan" has a "plan" of its own).
    auto first_own = [](const std::vector<std::uint32_t>& x, const std::vector<std::uint32_t>& y,
                        const std::vector<std::uint32_t>& set) -> std::optional<std::uint32_t> {
        auto times = [](const std::vector<std::uint32_t>& v, std::uint32_t w) {
            auto [from, to] = std::equal_range(v.begin(), v.end(), w);
            return to - from;
        };
        for (auto w : set)
            if (times(x, w) > times(y, w)) return w;
        return std::nullopt;
    };
    for (const auto& set : m.contrasts) {
        auto xa = first_own(a.all_words, b.all_words, set);
        auto xb = first_own(b.all_words, a.all_words, set);
        if (xa && xb) {
            hold_apart([&] { return "differ in " + m.vocabulary[*xa] + " / " + m.vocabulary[*xb]; });
            break;
        }
    }
    if (d.held_apart.empty() && !a.figures.empty() && !b.figures.empty()) {
        std::vector<std::string> fa, fb;
        std::set_difference(a.figures.begin(), a.figures.end(), b.figures.begin(), b.figures.end(), std::back_inserter(fa));
        std::set_difference(b.figures.begin(), b.figures.end(), a.figures.begin(), a.figures.end(), std::back_inserter(fb));
        if (!fa.empty() && !fb.empty()) hold_apart([&] { return "figures differ: " + fa.front() + " / " + fb.front(); });
    }
    if (d.held_apart.empty() && both_sides_differ && !only_verbs_differ)
        hold_apart([] { return std::string("each side has words the other lacks"); });
    if (d.words < kWordsToCarry) {
        // Containment alone gave this score ("Design" inside a long finding
        // about "designation"): it falls back to what the words and trigrams say.
        d.score = std::min(d.score, std::clamp(0.5 * d.words + 0.5 * d.trigrams - 1.5 * guard, 0.0, 1.0));
        if (d.held_apart.empty())
            hold_apart([&] { return "too few words agree (" + std::to_string(static_cast<int>(d.words * 100 + 0.5)) + "%)"; });
    }
    return d;
}

TextScorer::Detail TextScorer::score(std::size_t i, std::size_t j) const { return score_pair(*impl_, i, j, true); }

TextScorer::Detail TextScorer::score_only(std::size_t i, std::size_t j) const { return score_pair(*impl_, i, j, false); }

std::vector<std::pair<std::size_t, std::size_t>> TextScorer::candidates(std::size_t words_per_text,
                                                                        std::size_t max_posting) const {
    const Impl& m = *impl_;
    std::vector<std::pair<std::size_t, std::size_t>> pairs;
    // Identical folded texts pair with the first of their group only (a star,
    // linear in the group); clustering checks the rest on demand.
    const std::size_t n = m.prepared_of.size();
    constexpr std::size_t kNone = static_cast<std::size_t>(-1);
    std::vector<std::size_t> first_with_text(m.texts.size(), kNone);  // per distinct text
    std::vector<bool> representative(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        if (m.text(i).folded.empty()) continue;  // a row without words matches nothing
        std::size_t& first = first_with_text[m.prepared_of[i]];
        if (first == kNone) first = i, representative[i] = true;
        else pairs.emplace_back(first, i);
    }
    std::vector<std::vector<std::size_t>> postings(m.vocabulary.size());
    for (std::size_t i = 0; i < n; ++i)
        if (representative[i])
            for (auto w : m.text(i).words) postings[w].push_back(i);
    std::vector<std::pair<std::size_t, std::size_t>> blocked;
    std::vector<std::uint32_t> keys;
    for (std::size_t i = 0; i < n; ++i) {
        if (!representative[i]) continue;
        keys.clear();
        for (auto w : m.text(i).words)
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
