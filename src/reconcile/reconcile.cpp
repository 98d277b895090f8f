// Reconcile: cluster the same action across plans without chaining, merge
// copies keeping every source and every disagreement, assign stable codes.
//
// reconcile() runs these steps, each a function below:
//   reconcile_priorities  priorities merged by folded title, coded
//   collect_items         the actions in an order independent of input order
//   resolve_decisions     the officer's decisions as pairs of items
//   Clusterer::run        complete-linkage clusters: decisions, then scored pairs
//   merge_cluster         one reconciled action per cluster, conflicts listed
//   possible_duplicates   the best pair between clusters that stayed apart
#include "plancon/reconcile.hpp"
#include "plancon/text.hpp"
#include "reconcile/parallel.hpp"
#include "reconcile/text.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

namespace plancon {
namespace {

using reconcile_detail::base32;
using reconcile_detail::fnv1a;
using reconcile_detail::for_chunks;
using reconcile_detail::thread_count;

// Pairs scored, and actions collected or clusters merged, below this many per
// thread stay on one thread: starting one costs more than they take.
constexpr std::size_t kPairsPerThread = 512;
constexpr std::size_t kClustersPerThread = 256;
constexpr std::size_t kActionsPerThread = 256;

// Order that does not depend on the order of the input files.
bool source_less(const Provenance& a, const Provenance& b) {
    return std::tie(a.file, a.sheet, a.row) < std::tie(b.file, b.sheet, b.row);
}

struct Item {
    std::size_t plan = 0, action = 0;
    const Action* action_ptr = nullptr;
    const std::string* text = nullptr;  // the action's normalised text, or as written when that is empty
    std::string priority_title;  // folded
    std::vector<std::string> lead_keys;   // per lead of the action: its name folded (fold_lead)
    std::vector<std::string> lead_names;  // lead_keys sorted, unique
    SharedText service;  // one per distinct service, shared by its members
};

// One unordered pair of item indices as one number: the smaller index in the
// high 32 bits.
using PairKey = std::uint64_t;
PairKey pair_key(std::size_t a, std::size_t b) {
    if (a > b) std::swap(a, b);
    return (static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint64_t>(b);
}
std::size_t first_of(PairKey key) { return static_cast<std::size_t>(key >> 32); }
std::size_t second_of(PairKey key) { return static_cast<std::size_t>(key & 0xffffffffu); }

// Pairs of items the officer's decisions merge or keep apart.
struct DecidedPairs {
    std::set<PairKey> merge;
    std::set<PairKey> keep_apart;
};

// Whether two sorted lists have an element in common.
bool share_any(const std::vector<std::string>& a, const std::vector<std::string>& b) {
    for (auto x = a.begin(), y = b.begin(); x != a.end() && y != b.end();) {
        if (*x == *y) return true;
        if (*x < *y) ++x;
        else ++y;
    }
    return false;
}

std::string format_score(double s) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.2f", s);
    return buf;
}

class Clusterer {
public:
    Clusterer(const std::vector<Item>& items, const TextScorer& scorer, const ReconcileOptions& options)
        : items_(items), scorer_(scorer), options_(options) {}

    struct Scored {
        double score = 0;
        std::string explanation;
        std::vector<std::string> matched_words;
        std::vector<std::string> only_a, only_b;
        std::string held_apart;
    };

    // Text score plus the documented evidence (ReconcileOptions).
    Scored score(std::size_t i, std::size_t j) const {
        auto d = scorer_.score(i, j);
        Scored s;
        s.matched_words = std::move(d.matched_words);
        s.explanation = "score %s: words " + format_score(d.words) + ", trigrams " + format_score(d.trigrams) +
                        ", containment " + format_score(d.containment);
        if (d.lookalike) s.explanation += ", look-alike (each side has its own words)";
        s.only_a = std::move(d.only_a);
        s.only_b = std::move(d.only_b);
        s.held_apart = std::move(d.held_apart);
        s.score = with_evidence(i, j, d.score, s.held_apart, &s.explanation);
        if (!s.held_apart.empty()) s.explanation += ", never merged: " + s.held_apart;
        auto at = s.explanation.find("%s");
        s.explanation.replace(at, 2, format_score(s.score));
        return s;
    }

    // score(i, j).score, without the words and explanation nobody reads
    // while clustering.
    double score_value(std::size_t i, std::size_t j) const {
        const auto d = scorer_.score_only(i, j);
        return with_evidence(i, j, d.score, d.held_apart, nullptr);
    }

    double cached(std::size_t i, std::size_t j) {
        auto key = pair_key(i, j);
        auto it = cache_.find(key);
        if (it != cache_.end()) return it->second;
        double s = score_value(i, j);
        cache_.emplace(key, s);
        return s;
    }

    // The same score without keeping it: safe on several threads at once
    // while nothing calls cached().
    double cached_or_scored(std::size_t i, std::size_t j) const {
        auto it = cache_.find(pair_key(i, j));
        return it != cache_.end() ? it->second : score_value(i, j);
    }

    // Clusters as lists of item indices (each sorted), by complete linkage:
    // merge decisions first, then candidate pairs best first. The pairs
    // scored at or above the review band go to scored_edges when given.
    std::vector<std::vector<std::size_t>> run(const std::vector<std::pair<std::size_t, std::size_t>>& candidates,
                                              const DecidedPairs& decided, std::vector<Warning>& warnings,
                                              std::vector<std::pair<std::size_t, std::size_t>>* scored_edges) {
        start(decided);
        apply_merge_decisions(decided, warnings);
        join_scored_pairs(candidates, scored_edges);
        std::vector<std::vector<std::size_t>> out;
        for (auto& m : members_)
            if (!m.empty()) {
                std::sort(m.begin(), m.end());
                out.push_back(m);
            }
        return out;
    }

private:
    // A text score with the evidence beyond the text, each piece named in
    // *explanation when given; held below the threshold when held_apart says so.
    double with_evidence(std::size_t i, std::size_t j, double text_score, const std::string& held_apart,
                         std::string* explanation) const {
        auto note = [&](const char* what) {
            if (explanation) *explanation += what;
        };
        double s = text_score;
        const Item& a = items_[i];
        const Item& b = items_[j];
        const Action& x = *a.action_ptr;
        const Action& y = *b.action_ptr;
        if (share_any(a.lead_names, b.lead_names)) s += options_.lead_bonus, note(", +lead");
        if (!a.priority_title.empty() && a.priority_title == b.priority_title)
            s += options_.priority_bonus, note(", +priority");
        if (x.due.date && y.due.date && *x.due.date == *y.due.date) s += options_.due_bonus, note(", +due");
        if (!x.ref.empty() && x.ref == y.ref) s += options_.ref_bonus, note(", +ref");
        if (!x.ref.empty() && !y.ref.empty() && x.ref != y.ref && x.source.file == y.source.file &&
            x.source.sheet == y.source.sheet)
            s -= options_.same_sheet_ref_penalty, note(", -different ref on the same sheet");
        return std::clamp(held_below_threshold(s, held_apart, options_), 0.0, 1.0);
    }

    // One cluster per item. Rows with the same folded text are checked once,
    // through the first of them: a tracker with thousands of identical rows
    // ("TBC") costs one check per distinct text, not one per pair of rows.
    void start(const DecidedPairs& decided) {
        const std::size_t n = items_.size();
        first_with_text_.assign(n, 0);
        {
            std::unordered_map<std::string_view, std::size_t> first;
            for (std::size_t i = 0; i < n; ++i)
                first_with_text_[i] =
                    scorer_.folded(i).empty() ? i : first.try_emplace(scorer_.folded(i), i).first->second;
        }
        merged_texts_.clear();
        for (auto key : decided.merge)
            merged_texts_.insert(pair_key(first_with_text_[first_of(key)], first_with_text_[second_of(key)]));
        kept_apart_from_.assign(n, {});
        for (auto key : decided.keep_apart) {
            kept_apart_from_[first_of(key)].push_back(second_of(key));
            kept_apart_from_[second_of(key)].push_back(first_of(key));
        }
        cluster_.resize(n);
        members_.assign(n, {});
        distinct_texts_.assign(n, {});
        for (std::size_t i = 0; i < n; ++i)
            cluster_[i] = i, members_[i] = {i}, distinct_texts_[i] = {first_with_text_[i]};
    }

    // Whether clusters c1 and c2 may become one: never across a keep-apart;
    // unless a decision joins them, every pair of their distinct texts must
    // reach the threshold (or have been merged by a decision).
    bool can_join(std::size_t c1, std::size_t c2, bool by_decision) {
        const auto& smaller = members_[c1].size() <= members_[c2].size() ? members_[c1] : members_[c2];
        const std::size_t other = members_[c1].size() <= members_[c2].size() ? c2 : c1;
        for (auto x : smaller)
            for (auto y : kept_apart_from_[x])
                if (cluster_[y] == other) return false;
        if (by_decision) return true;
        for (auto x : distinct_texts_[c1])
            for (auto y : distinct_texts_[c2]) {
                if (x == y || merged_texts_.count(pair_key(x, y))) continue;
                if (cached(x, y) < options_.threshold) return false;
            }
        return true;
    }

    void join(std::size_t c1, std::size_t c2) {
        if (members_[c1].size() < members_[c2].size()) std::swap(c1, c2);
        for (auto y : members_[c2]) cluster_[y] = c1;
        members_[c1].insert(members_[c1].end(), members_[c2].begin(), members_[c2].end());
        members_[c2].clear();
        // Both lists are sorted: merged in linear time.
        auto& texts = distinct_texts_[c1];
        const auto middle = static_cast<std::ptrdiff_t>(texts.size());
        texts.insert(texts.end(), distinct_texts_[c2].begin(), distinct_texts_[c2].end());
        std::inplace_merge(texts.begin(), texts.begin() + middle, texts.end());
        texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
        distinct_texts_[c2].clear();
    }

    // A merge decision joins whatever the scores say, but never across a keep-apart.
    void apply_merge_decisions(const DecidedPairs& decided, std::vector<Warning>& warnings) {
        for (auto key : decided.merge) {
            const std::size_t x = first_of(key), y = second_of(key);
            const std::size_t c1 = cluster_[x], c2 = cluster_[y];
            if (c1 == c2) continue;
            if (can_join(c1, c2, true)) join(c1, c2);
            else
                warnings.push_back({items_[x].action_ptr->source,
                                    "merge with " + to_string(items_[y].action_ptr->source) +
                                        " not applied: a keep-apart decision separates their groups"});
        }
    }

    // Scored pairs, best first; ties broken by the stable item order.
    void join_scored_pairs(const std::vector<std::pair<std::size_t, std::size_t>>& candidates,
                           std::vector<std::pair<std::size_t, std::size_t>>* scored_edges) {
        // Every candidate is scored; independent pairs, so on a few threads,
        // each score to its own slot, kept in candidate order.
        std::vector<double> scores(candidates.size());
        for_chunks(candidates.size(), thread_count(options_.threads, candidates.size(), kPairsPerThread),
                   [&](std::size_t begin, std::size_t end) {
                       for (std::size_t k = begin; k < end; ++k)
                           scores[k] = cached_or_scored(candidates[k].first, candidates[k].second);
                   });
        cache_.reserve(cache_.size() + candidates.size());
        std::vector<std::tuple<double, std::size_t, std::size_t>> edges;
        for (std::size_t k = 0; k < candidates.size(); ++k) {
            const auto [i, j] = candidates[k];
            cache_.emplace(pair_key(i, j), scores[k]);
            if (scores[k] >= options_.review_band) edges.emplace_back(scores[k], i, j);
        }
        std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
            if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) > std::get<0>(b);
            return std::tie(std::get<1>(a), std::get<2>(a)) < std::tie(std::get<1>(b), std::get<2>(b));
        });
        for (auto& [s, i, j] : edges) {
            if (scored_edges) scored_edges->emplace_back(i, j);
            if (s < options_.threshold) continue;
            std::size_t c1 = cluster_[i], c2 = cluster_[j];
            if (c1 != c2 && can_join(c1, c2, false)) join(c1, c2);
        }
    }

    const std::vector<Item>& items_;
    const TextScorer& scorer_;
    const ReconcileOptions& options_;
    std::unordered_map<PairKey, double> cache_;
    std::vector<std::size_t> first_with_text_;  // per item: the first item with its folded text
    std::set<PairKey> merged_texts_;            // decided merges, between first_with_text_ items
    std::vector<std::vector<std::size_t>> kept_apart_from_;  // per item: items a decision keeps apart
    std::vector<std::size_t> cluster_;                  // per item: its cluster
    std::vector<std::vector<std::size_t>> members_;     // per cluster: its items
    std::vector<std::vector<std::size_t>> distinct_texts_;  // per cluster: first_with_text_ of its items, unique
};

// Codes from hashes; collisions resolved by (text, first source), so the
// result does not depend on input order. hashed_texts[i] is the folded text
// hashed for group i, first_sources[i] its first source.
std::vector<std::string> assign_codes(const std::string& prefix, std::size_t chars,
                                      const std::vector<std::string>& hashed_texts,
                                      const std::vector<Provenance>& first_sources) {
    std::vector<std::string> codes(hashed_texts.size());
    std::map<std::string, std::vector<std::size_t>> by_code;
    for (std::size_t i = 0; i < hashed_texts.size(); ++i)
        by_code[prefix + base32(fnv1a(hashed_texts[i]), chars)].push_back(i);
    for (auto& [code, group] : by_code) {
        std::sort(group.begin(), group.end(), [&](std::size_t a, std::size_t b) {
            if (hashed_texts[a] != hashed_texts[b]) return hashed_texts[a] < hashed_texts[b];
            return source_less(first_sources[a], first_sources[b]);
        });
        for (std::size_t k = 0; k < group.size(); ++k)
            codes[group[k]] = k == 0 ? code : code + "-" + std::to_string(k + 1);
    }
    return codes;
}

std::string fold_lead(const Lead& l) { return fold_for_matching(l.name.empty() ? l.as_written : l.name); }

std::string format_percent(double p) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", p);
    return buf;
}

// The disagreements among members for one field: (comparison key, shown value).
void add_conflict(std::vector<Conflict>& out, const std::string& field,
                  const std::vector<std::pair<std::string, Conflict::Value>>& values) {
    std::set<std::string> distinct;
    for (const auto& [key, v] : values) distinct.insert(key);
    if (distinct.size() < 2) return;
    Conflict c;
    c.field = field;
    c.values.reserve(values.size());  // exactly: a cluster's conflicts are most of a large run's result
    for (const auto& [key, v] : values) c.values.push_back(v);
    out.push_back(std::move(c));
}

// The values are kept in `pool`: a cluster's copies mostly agree, and many
// clusters share a status or a due date.
std::vector<Conflict> find_conflicts(const std::vector<const Item*>& members, SharedTextPool& pool) {
    std::vector<Conflict> out;
    std::vector<std::pair<std::string, Conflict::Value>> due, status, leads, percent;
    for (const Item* item : members) {
        const Action* a = item->action_ptr;
        if (a->due.date) {
            std::string shown = a->due.as_written.empty() ? to_iso(*a->due.date)
                                                           : a->due.as_written + " (" + to_iso(*a->due.date) + ")";
            due.push_back({to_iso(*a->due.date), {pool(shown), a->source}});
        } else if (!a->due.as_written.empty()) {
            due.push_back({fold_for_matching(a->due.as_written), {pool(a->due.as_written), a->source}});
        }
        std::string st(to_string(a->status));
        if (st.empty()) st = a->status_as_written;
        if (!st.empty()) status.push_back({fold_for_matching(st), {pool(st), a->source}});
        std::vector<std::string> names;
        for (const auto& l : a->leads) names.push_back(l.name.empty() ? l.as_written : l.name);
        if (names.empty() && !a->leads_as_written.empty()) names.push_back(a->leads_as_written);
        if (!names.empty()) {
            // The leads' names as folded for the item already (sorted, unique).
            const std::vector<std::string> keys =
                a->leads.empty() ? std::vector<std::string>{fold_for_matching(a->leads_as_written)} : item->lead_names;
            std::string key, shown;
            for (const auto& k : keys) key += k + ";";
            for (const auto& nm : names) shown += (shown.empty() ? "" : "; ") + nm;
            leads.push_back({key, {pool(shown), a->source}});
        }
        if (a->percent_complete) {
            auto p = format_percent(*a->percent_complete);
            percent.push_back({p, {pool(p), a->source}});
        }
    }
    add_conflict(out, "due", due);
    add_conflict(out, "status", status);
    add_conflict(out, "leads", leads);
    add_conflict(out, "percent_complete", percent);
    return out;
}

// Which merged priority each (plan, priority) joined.
struct PriorityIndex {
    std::map<std::pair<std::size_t, std::size_t>, std::string> title_of;  // folded title, the group's key
    std::map<std::string, std::string> code_of_title;

    // The folded title of plan `plan`'s priority number `priority`; null when
    // it has none (no priority, or one without a title or reference).
    const std::string* title(std::size_t plan, int priority) const {
        if (priority < 0) return nullptr;
        auto found = title_of.find({plan, static_cast<std::size_t>(priority)});
        return found == title_of.end() ? nullptr : &found->second;
    }
};

// Priorities with the same folded title (or kind and reference, when untitled)
// merge; each group is coded from that key. Written to `out` sorted by first source.
PriorityIndex reconcile_priorities(const std::vector<Plan>& plans, std::vector<ReconciledPriority>& out) {
    PriorityIndex index;
    std::map<std::string, std::vector<ReconciledPriority::Member>> groups;
    std::unordered_map<std::string_view, std::string> folded_titles;  // trackers repeat their headings: each folded once
    for (std::size_t p = 0; p < plans.size(); ++p)
        for (std::size_t k = 0; k < plans[p].priorities.size(); ++k) {
            const Priority& pr = plans[p].priorities[k];
            auto [folded, first] = folded_titles.try_emplace(pr.title);
            if (first) folded->second = fold_for_matching(pr.title);
            std::string key = folded->second;
            if (key.empty()) key = fold_for_matching(pr.kind + " " + pr.ref);
            if (key.empty()) continue;
            groups[key].push_back({p, k, pr.source});
            index.title_of[{p, k}] = key;
        }
    std::vector<std::string> titles;
    std::vector<Provenance> first_sources;
    for (auto& [key, members] : groups) {
        std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return source_less(a.source, b.source); });
        titles.push_back(key);
        first_sources.push_back(members.front().source);
    }
    const auto codes = assign_codes("P-", 6, titles, first_sources);
    std::size_t g = 0;
    for (auto& [key, members] : groups) {
        ReconciledPriority rp;
        rp.code = codes[g++];
        const Priority& first = plans[members.front().plan].priorities[members.front().priority];
        rp.ref = first.ref;
        rp.kind = first.kind;
        rp.title = first.title;
        rp.members = members;
        index.code_of_title[key] = rp.code;
        out.push_back(std::move(rp));
    }
    std::sort(out.begin(), out.end(),
              [](const auto& a, const auto& b) { return source_less(a.members.front().source, b.members.front().source); });
    return index;
}

// Every action as an item, in an order independent of the order of the plans.
std::vector<Item> collect_items(const std::vector<Plan>& plans, const PriorityIndex& priorities, unsigned threads) {
    std::vector<std::pair<std::size_t, std::size_t>> actions;  // (plan, action)
    for (std::size_t p = 0; p < plans.size(); ++p)
        for (std::size_t k = 0; k < plans[p].actions.size(); ++k) actions.emplace_back(p, k);
    // Each item made in its own slot (folding the lead names is the cost).
    std::vector<Item> unsorted(actions.size());
    for_chunks(actions.size(), thread_count(threads, actions.size(), kActionsPerThread),
               [&](std::size_t begin, std::size_t end) {
                   SharedTextPool services;
                   for (std::size_t n = begin; n < end; ++n) {
                       const auto [p, k] = actions[n];
                       const Action& a = plans[p].actions[k];
                       Item& it = unsorted[n];
                       it.plan = p;
                       it.action = k;
                       it.action_ptr = &a;
                       it.text = a.text.empty() ? &a.text_as_written : &a.text;
                       if (const std::string* title = priorities.title(p, a.priority)) it.priority_title = *title;
                       for (const auto& l : a.leads) it.lead_keys.push_back(fold_lead(l));
                       it.lead_names = it.lead_keys;
                       std::sort(it.lead_names.begin(), it.lead_names.end());
                       it.lead_names.erase(std::unique(it.lead_names.begin(), it.lead_names.end()), it.lead_names.end());
                       it.service = services(a.service.empty() ? plans[p].document.service : a.service);
                   }
               });
    // Sorted as indices, so the items themselves move once; by source_less,
    // with each file and sheet name compared once, as its rank among them all.
    auto ranks = [&](auto name_of) {
        std::unordered_map<std::string_view, std::size_t> rank;  // a thousand trackers: a thousand names
        for (const Item& it : unsorted) rank.emplace(name_of(it.action_ptr->source), 0);
        std::vector<std::string_view> sorted;
        sorted.reserve(rank.size());
        for (const auto& entry : rank) sorted.push_back(entry.first);
        std::sort(sorted.begin(), sorted.end());
        for (std::size_t r = 0; r < sorted.size(); ++r) rank[sorted[r]] = r;
        std::vector<std::size_t> out;
        out.reserve(unsorted.size());
        for (const Item& it : unsorted) out.push_back(rank[name_of(it.action_ptr->source)]);
        return out;
    };
    const auto file_rank = ranks([](const Provenance& p) -> std::string_view { return p.file; });
    const auto sheet_rank = ranks([](const Provenance& p) -> std::string_view { return p.sheet; });
    std::vector<std::size_t> order(unsorted.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
        const auto rx = std::tie(file_rank[x], sheet_rank[x], unsorted[x].action_ptr->source.row);
        const auto ry = std::tie(file_rank[y], sheet_rank[y], unsorted[y].action_ptr->source.row);
        if (rx != ry) return rx < ry;
        return *unsorted[x].text < *unsorted[y].text;
    });
    std::vector<Item> items;
    items.reserve(order.size());
    for (auto k : order) items.push_back(std::move(unsorted[k]));
    return items;
}

// The canonical member: the longest folded text; members are sorted, so a tie keeps the first.
std::size_t canonical_of(const std::vector<std::size_t>& members, const TextScorer& scorer) {
    std::size_t best = members.front();
    for (auto m : members)
        if (scorer.folded(m).size() > scorer.folded(best).size()) best = m;
    return best;
}

std::vector<std::string> action_codes(const std::vector<std::vector<std::size_t>>& clusters,
                                      const std::vector<Item>& items, const TextScorer& scorer) {
    std::vector<std::string> texts;
    std::vector<Provenance> first_sources;
    for (const auto& c : clusters) {
        texts.push_back(scorer.folded(canonical_of(c, scorer)));
        first_sources.push_back(items[c.front()].action_ptr->source);
    }
    return assign_codes("A-", 8, texts, first_sources);
}

// Decisions name rows "file|sheet|row" or actions by code; codes come from a
// decision-free pass, run only when some name is not a row. A name that
// matches nothing, and a pair both merged and kept apart, become warnings.
DecidedPairs resolve_decisions(const Decisions& decisions, const std::vector<Item>& items, const TextScorer& scorer,
                               const std::vector<std::pair<std::size_t, std::size_t>>& candidates,
                               const ReconcileOptions& options, std::vector<Warning>& warnings) {
    DecidedPairs decided;
    if (decisions.empty()) return decided;
    std::unordered_map<std::string, std::size_t> by_source;
    for (std::size_t i = 0; i < items.size(); ++i) by_source.emplace(to_string(items[i].action_ptr->source), i);
    std::unordered_map<std::string, std::vector<std::size_t>> by_code;
    const bool codes_needed = std::any_of(decisions.begin(), decisions.end(), [&](const Decision& d) {
        return !by_source.count(d.a) || !by_source.count(d.b);
    });
    if (codes_needed) {
        Clusterer first_pass(items, scorer, options);
        std::vector<Warning> ignored;
        auto clusters = first_pass.run(candidates, {}, ignored, nullptr);
        auto codes = action_codes(clusters, items, scorer);
        for (std::size_t c = 0; c < clusters.size(); ++c) by_code[codes[c]] = clusters[c];
    }
    auto resolve = [&](const std::string& name, const Decision& d) -> std::vector<std::size_t> {
        if (auto it = by_source.find(name); it != by_source.end()) return {it->second};
        if (auto it = by_code.find(name); it != by_code.end()) return it->second;
        warnings.push_back({{}, d.origin + ": no action named '" + name + "' (expected file|sheet|row or an action code)"});
        return {};
    };
    for (const auto& d : decisions) {
        auto as = resolve(d.a, d);
        auto bs = resolve(d.b, d);
        for (auto x : as)
            for (auto y : bs)
                if (x != y) (d.kind == Decision::Kind::Merge ? decided.merge : decided.keep_apart).insert(pair_key(x, y));
    }
    for (auto key : decided.keep_apart)
        if (decided.merge.erase(key))
            warnings.push_back({items[first_of(key)].action_ptr->source,
                                "both merge and keep-apart given with " +
                                    to_string(items[second_of(key)].action_ptr->source) + ": kept apart"});
    return decided;
}

// One cluster's members in the order they are shown, canonical first, each
// scored against the canonical copy. Needs the scorer; merge_cluster does not.
struct ScoredCluster {
    std::vector<std::size_t> ordered;  // item indices, canonical first
    std::vector<MemberRef> members;    // one per ordered item
};

ScoredCluster score_cluster(const std::vector<std::size_t>& members, const std::vector<Item>& items,
                            const TextScorer& scorer, const Clusterer& clusterer, const DecidedPairs& decided,
                            const ReconcileOptions& options, SharedTextPool& pool) {
    const std::size_t canon = canonical_of(members, scorer);
    ScoredCluster out;
    out.ordered.reserve(members.size());
    out.ordered.push_back(canon);
    for (auto m : members)
        if (m != canon) out.ordered.push_back(m);
    out.members.reserve(members.size());  // exactly: ten thousand trackers hold 400,000 members
    for (auto m : out.ordered) {
        const Item& it = items[m];
        MemberRef ref;
        ref.plan = it.plan;
        ref.action = it.action;
        ref.source = it.action_ptr->source;
        ref.service = it.service;
        if (m == canon) {
            ref.explanation = pool("canonical (most complete wording)");
        } else if (decided.merge.count(pair_key(m, canon))) {
            ref.score = clusterer.cached_or_scored(m, canon);
            ref.explanation = pool("merged by decision");
        } else {
            auto s = clusterer.score(canon, m);
            ref.score = s.score;
            if (s.score < options.threshold) s.explanation += "; joined through a merge decision";
            ref.explanation = pool(s.explanation);
        }
        out.members.push_back(std::move(ref));
    }
    return out;
}

// One scored cluster as a reconciled action: the canonical copy's wording
// with every member's leads, the services, the conflicts, and the first
// priority a member has.
ReconciledAction merge_cluster(ScoredCluster&& scored, const std::string& code, const std::vector<Item>& items,
                               const PriorityIndex& priorities, SharedTextPool& pool) {
    ReconciledAction ra;
    ra.code = code;
    ra.canonical = *items[scored.ordered.front()].action_ptr;
    ra.canonical.leads.clear();
    std::set<std::string> services, lead_keys;
    std::vector<const Item*> members_in_order;
    members_in_order.reserve(scored.ordered.size());
    for (auto m : scored.ordered) {
        const Item& it = items[m];
        if (!it.service.empty()) services.insert(it.service);
        for (std::size_t l = 0; l < it.lead_keys.size(); ++l)
            if (lead_keys.insert(it.lead_keys[l]).second) ra.canonical.leads.push_back(it.action_ptr->leads[l]);
        members_in_order.push_back(&it);
    }
    ra.canonical.leads.shrink_to_fit();
    ra.members = std::move(scored.members);
    ra.services.assign(services.begin(), services.end());
    ra.conflicts = find_conflicts(members_in_order, pool);
    for (auto m : scored.ordered)
        if (const std::string* title = priorities.title(items[m].plan, items[m].action_ptr->priority)) {
            ra.priority_code = priorities.code_of_title.at(*title);
            break;
        }
    return ra;
}

// For each two clusters that stayed apart (and are not kept apart by a
// decision), their best scored pair; highest score first.
std::vector<PossibleDuplicate> possible_duplicates(const std::vector<std::pair<std::size_t, std::size_t>>& scored_edges,
                                                   const std::vector<std::size_t>& cluster_of,
                                                   const std::vector<std::string>& codes, const std::vector<Item>& items,
                                                   Clusterer& clusterer, const DecidedPairs& decided) {
    std::map<std::pair<std::size_t, std::size_t>, std::pair<double, std::pair<std::size_t, std::size_t>>> best;
    for (auto [i, j] : scored_edges) {
        std::size_t ci = cluster_of[i], cj = cluster_of[j];
        if (ci == cj || decided.keep_apart.count(pair_key(i, j))) continue;
        double s = clusterer.cached(i, j);
        auto key = std::minmax(ci, cj);
        auto it = best.find(key);
        if (it == best.end() || s > it->second.first) best[key] = {s, {i, j}};
    }
    std::vector<PossibleDuplicate> out;
    for (auto& [clusters_pair, entry] : best) {
        auto [i, j] = entry.second;
        auto s = clusterer.score(i, j);
        PossibleDuplicate pd;
        pd.a = items[i].action_ptr->source;
        pd.b = items[j].action_ptr->source;
        pd.code_a = codes[cluster_of[i]];
        pd.code_b = codes[cluster_of[j]];
        pd.score = s.score;
        pd.matched_words = std::move(s.matched_words);
        pd.only_a = std::move(s.only_a);
        pd.only_b = std::move(s.only_b);
        pd.held_apart = std::move(s.held_apart);
        out.push_back(std::move(pd));
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
        if (a.score != b.score) return a.score > b.score;
        return std::tie(a.code_a, a.code_b) < std::tie(b.code_a, b.code_b);
    });
    return out;
}

}  // namespace

double held_below_threshold(double score, const std::string& held_apart, const ReconcileOptions& options) {
    return held_apart.empty() ? score : std::min(score, options.threshold - options.held_apart_margin);
}

Reconciliation reconcile(const std::vector<Plan>& plans, const Config& config, const ReconcileOptions& options,
                         const Decisions& decisions) {
    Reconciliation result;
    const PriorityIndex priorities = reconcile_priorities(plans, result.priorities);
    const std::vector<Item> items = collect_items(plans, priorities, options.threads);

    // The texts are copied for the scorer and dropped once it has folded them
    // (ten thousand trackers: 400,000 texts, 50 MB).
    auto scorer = std::make_unique<const TextScorer>([&] {
        std::vector<std::string> corpus;
        corpus.reserve(items.size());
        for (const auto& it : items) corpus.push_back(*it.text);
        return TextScorer(corpus, config, options.threads);
    }());
    auto candidates = scorer->candidates(options.block_words_per_action, options.max_posting);
    result.candidate_pairs = candidates.size();

    const DecidedPairs decided = resolve_decisions(decisions, items, *scorer, candidates, options, result.warnings);
    auto clusterer = std::make_unique<Clusterer>(items, *scorer, options);
    std::vector<std::pair<std::size_t, std::size_t>> scored_edges;
    auto clusters = clusterer->run(candidates, decided, result.warnings, &scored_edges);
    const auto codes = action_codes(clusters, items, *scorer);
    std::vector<std::size_t> cluster_of(items.size());
    for (std::size_t c = 0; c < clusters.size(); ++c)
        for (auto m : clusters[c]) cluster_of[m] = c;
    result.possible_duplicates = possible_duplicates(scored_edges, cluster_of, codes, items, *clusterer, decided);

    // Actions sorted by their first item, the order of first sources.
    std::vector<std::size_t> order(clusters.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return clusters[a].front() < clusters[b].front(); });
    // Clusters are scored and merged independently: on a few threads, each
    // to its own slot. The members are scored first, so the scorer and the
    // clustering's working set are gone before the canonical copies and the
    // conflicts are made (with the exact reservations in score_cluster and
    // add_conflict, ten thousand trackers' peak fell from 1,266 to 1,055 MiB;
    // README.md, Performance).
    const unsigned merge_threads = thread_count(options.threads, order.size(), kClustersPerThread);
    std::vector<ScoredCluster> scored(order.size());
    for_chunks(order.size(), merge_threads, [&](std::size_t begin, std::size_t end) {
        SharedTextPool explanations;
        for (std::size_t k = begin; k < end; ++k)
            scored[k] = score_cluster(clusters[order[k]], items, *scorer, *clusterer, decided, options, explanations);
    });
    clusterer.reset();
    scorer.reset();
    std::vector<std::pair<std::size_t, std::size_t>>().swap(candidates);
    std::vector<std::pair<std::size_t, std::size_t>>().swap(scored_edges);
    std::vector<std::vector<std::size_t>>().swap(clusters);
    std::vector<std::size_t>().swap(cluster_of);

    result.actions.resize(order.size());
    for_chunks(order.size(), merge_threads, [&](std::size_t begin, std::size_t end) {
        SharedTextPool values;
        for (std::size_t k = begin; k < end; ++k)
            result.actions[k] = merge_cluster(std::move(scored[k]), codes[order[k]], items, priorities, values);
    });
    return result;
}

}  // namespace plancon
