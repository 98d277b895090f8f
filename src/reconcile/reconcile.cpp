// Reconcile: cluster the same action across plans without chaining, merge
// copies keeping every source and every disagreement, assign stable codes.
#include "plancon/reconcile.hpp"
#include "plancon/text.hpp"
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

// Order that does not depend on the order of the input files.
bool source_less(const Provenance& a, const Provenance& b) {
    return std::tie(a.file, a.sheet, a.row) < std::tie(b.file, b.sheet, b.row);
}

struct Item {
    std::size_t plan = 0, action = 0;
    const Action* action_ptr = nullptr;
    std::string text;            // normalised text, or as written when that is empty
    std::string priority_title;  // folded
    std::vector<std::string> lead_names;  // folded, sorted
    std::string service;
};

std::uint64_t pair_key(std::size_t a, std::size_t b) {
    if (a > b) std::swap(a, b);
    return (static_cast<std::uint64_t>(a) << 32) | static_cast<std::uint64_t>(b);
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
    };

    // Text score plus the documented evidence (ReconcileOptions).
    Scored score(std::size_t i, std::size_t j) const {
        auto d = scorer_.score(i, j);
        Scored s;
        s.score = d.score;
        s.matched_words = std::move(d.matched_words);
        s.explanation = "score %s: words " + format_score(d.words) + ", trigrams " + format_score(d.trigrams) +
                        ", containment " + format_score(d.containment);
        if (d.lookalike) s.explanation += ", look-alike (each side has its own words)";
        const Item& a = items_[i];
        const Item& b = items_[j];
        const Action& x = *a.action_ptr;
        const Action& y = *b.action_ptr;
        std::vector<std::string> shared_leads;
        std::set_intersection(a.lead_names.begin(), a.lead_names.end(), b.lead_names.begin(), b.lead_names.end(),
                              std::back_inserter(shared_leads));
        if (!shared_leads.empty()) s.score += options_.lead_bonus, s.explanation += ", +lead";
        if (!a.priority_title.empty() && a.priority_title == b.priority_title)
            s.score += options_.priority_bonus, s.explanation += ", +priority";
        if (x.due.date && y.due.date && *x.due.date == *y.due.date) s.score += options_.due_bonus, s.explanation += ", +due";
        if (!x.ref.empty() && x.ref == y.ref) s.score += options_.ref_bonus, s.explanation += ", +ref";
        if (!x.ref.empty() && !y.ref.empty() && x.ref != y.ref && x.source.file == y.source.file &&
            x.source.sheet == y.source.sheet)
            s.score -= options_.same_sheet_ref_penalty, s.explanation += ", -different ref on the same sheet";
        s.score = std::clamp(s.score, 0.0, 1.0);
        auto at = s.explanation.find("%s");
        s.explanation.replace(at, 2, format_score(s.score));
        return s;
    }

    double cached(std::size_t i, std::size_t j) {
        auto key = pair_key(i, j);
        auto it = cache_.find(key);
        if (it != cache_.end()) return it->second;
        double s = score(i, j).score;
        cache_.emplace(key, s);
        return s;
    }

    // Clusters as lists of item indices (each sorted), by complete linkage.
    std::vector<std::vector<std::size_t>> run(const std::vector<std::pair<std::size_t, std::size_t>>& candidates,
                                              const std::set<std::uint64_t>& forced,
                                              const std::set<std::uint64_t>& apart, std::vector<Warning>& warnings,
                                              std::vector<std::pair<std::size_t, std::size_t>>* scored_edges) {
        const std::size_t n = items_.size();
        // Rows with the same folded text are checked once, through the first
        // of them: a tracker with thousands of identical rows ("TBC") costs
        // one check per distinct text, not one per pair of rows.
        std::vector<std::size_t> rep(n);
        {
            std::unordered_map<std::string_view, std::size_t> first;
            for (std::size_t i = 0; i < n; ++i)
                rep[i] = scorer_.folded(i).empty() ? i : first.try_emplace(scorer_.folded(i), i).first->second;
        }
        std::set<std::uint64_t> forced_reps;
        for (auto key : forced) forced_reps.insert(pair_key(rep[key >> 32], rep[key & 0xffffffffu]));
        std::vector<std::vector<std::size_t>> apart_of(n);
        for (auto key : apart) {
            apart_of[key >> 32].push_back(key & 0xffffffffu);
            apart_of[key & 0xffffffffu].push_back(key >> 32);
        }
        cluster_.resize(n);
        members_.assign(n, {});
        reps_.assign(n, {});
        for (std::size_t i = 0; i < n; ++i) cluster_[i] = i, members_[i] = {i}, reps_[i] = {rep[i]};
        auto cross_ok = [&](std::size_t c1, std::size_t c2, bool by_decision) {
            const auto& smaller = members_[c1].size() <= members_[c2].size() ? members_[c1] : members_[c2];
            const std::size_t other = members_[c1].size() <= members_[c2].size() ? c2 : c1;
            for (auto x : smaller)
                for (auto y : apart_of[x])
                    if (cluster_[y] == other) return false;
            if (by_decision) return true;
            for (auto x : reps_[c1])
                for (auto y : reps_[c2]) {
                    if (x == y || forced_reps.count(pair_key(x, y))) continue;
                    if (cached(x, y) < options_.threshold) return false;
                }
            return true;
        };
        auto join = [&](std::size_t c1, std::size_t c2) {
            if (members_[c1].size() < members_[c2].size()) std::swap(c1, c2);
            for (auto y : members_[c2]) cluster_[y] = c1;
            members_[c1].insert(members_[c1].end(), members_[c2].begin(), members_[c2].end());
            members_[c2].clear();
            auto& r = reps_[c1];
            r.insert(r.end(), reps_[c2].begin(), reps_[c2].end());
            std::sort(r.begin(), r.end());
            r.erase(std::unique(r.begin(), r.end()), r.end());
            reps_[c2].clear();
        };
        // Decisions first: a merge joins whatever the scores say, but never
        // across a keep-apart.
        for (auto key : forced) {
            std::size_t x = key >> 32, y = key & 0xffffffffu;
            std::size_t c1 = cluster_[x], c2 = cluster_[y];
            if (c1 == c2) continue;
            if (cross_ok(c1, c2, true)) join(c1, c2);
            else
                warnings.push_back({items_[x].action_ptr->source,
                                    "merge with " + to_string(items_[y].action_ptr->source) +
                                        " not applied: a keep-apart decision separates their groups"});
        }
        // Then scored pairs, best first; ties broken by the stable item order.
        std::vector<std::tuple<double, std::size_t, std::size_t>> edges;
        for (auto [i, j] : candidates) {
            double s = cached(i, j);
            if (s >= options_.review_band) edges.emplace_back(s, i, j);
        }
        std::sort(edges.begin(), edges.end(), [](const auto& a, const auto& b) {
            if (std::get<0>(a) != std::get<0>(b)) return std::get<0>(a) > std::get<0>(b);
            return std::tie(std::get<1>(a), std::get<2>(a)) < std::tie(std::get<1>(b), std::get<2>(b));
        });
        for (auto& [s, i, j] : edges) {
            if (scored_edges) scored_edges->emplace_back(i, j);
            if (s < options_.threshold) continue;
            std::size_t c1 = cluster_[i], c2 = cluster_[j];
            if (c1 != c2 && cross_ok(c1, c2, false)) join(c1, c2);
        }
        std::vector<std::vector<std::size_t>> out;
        for (auto& m : members_)
            if (!m.empty()) {
                std::sort(m.begin(), m.end());
                out.push_back(m);
            }
        return out;
    }

private:
    const std::vector<Item>& items_;
    const TextScorer& scorer_;
    const ReconcileOptions& options_;
    std::unordered_map<std::uint64_t, double> cache_;
    std::vector<std::size_t> cluster_;
    std::vector<std::vector<std::size_t>> members_;
    std::vector<std::vector<std::size_t>> reps_;  // distinct texts of each cluster
};

// Codes from hashes; collisions resolved by (text, first source), so the
// result does not depend on input order. keys[i] is the folded text hashed,
// firsts[i] the first source of group i.
std::vector<std::string> assign_codes(const std::string& prefix, std::size_t chars, const std::vector<std::string>& keys,
                                      const std::vector<Provenance>& firsts) {
    std::vector<std::string> codes(keys.size());
    std::map<std::string, std::vector<std::size_t>> by_code;
    for (std::size_t i = 0; i < keys.size(); ++i) by_code[prefix + base32(fnv1a(keys[i]), chars)].push_back(i);
    for (auto& [code, group] : by_code) {
        std::sort(group.begin(), group.end(), [&](std::size_t a, std::size_t b) {
            if (keys[a] != keys[b]) return keys[a] < keys[b];
            return source_less(firsts[a], firsts[b]);
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
    for (const auto& [key, v] : values) c.values.push_back(v);
    out.push_back(std::move(c));
}

std::vector<Conflict> find_conflicts(const std::vector<const Action*>& members) {
    std::vector<Conflict> out;
    std::vector<std::pair<std::string, Conflict::Value>> due, status, leads, percent;
    for (const Action* a : members) {
        if (a->due.date) {
            std::string shown = a->due.as_written.empty() ? to_iso(*a->due.date)
                                                           : a->due.as_written + " (" + to_iso(*a->due.date) + ")";
            due.push_back({to_iso(*a->due.date), {shown, a->source}});
        } else if (!a->due.as_written.empty()) {
            due.push_back({fold_for_matching(a->due.as_written), {a->due.as_written, a->source}});
        }
        std::string st(to_string(a->status));
        if (st.empty()) st = a->status_as_written;
        if (!st.empty()) status.push_back({fold_for_matching(st), {st, a->source}});
        std::vector<std::string> names;
        for (const auto& l : a->leads) names.push_back(l.name.empty() ? l.as_written : l.name);
        if (names.empty() && !a->leads_as_written.empty()) names.push_back(a->leads_as_written);
        if (!names.empty()) {
            std::vector<std::string> keys;
            for (const auto& nm : names) keys.push_back(fold_for_matching(nm));
            std::sort(keys.begin(), keys.end());
            keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
            std::string key, shown;
            for (const auto& k : keys) key += k + ";";
            for (const auto& nm : names) shown += (shown.empty() ? "" : "; ") + nm;
            leads.push_back({key, {shown, a->source}});
        }
        if (a->percent_complete) {
            auto p = format_percent(*a->percent_complete);
            percent.push_back({p, {p, a->source}});
        }
    }
    add_conflict(out, "due", due);
    add_conflict(out, "status", status);
    add_conflict(out, "leads", leads);
    add_conflict(out, "percent_complete", percent);
    return out;
}

}  // namespace

Reconciliation reconcile(const std::vector<Plan>& plans, const Config& config, const ReconcileOptions& options,
                         const Decisions& decisions) {
    Reconciliation result;

    // ---- Priorities: merged by folded title, coded from it ----
    std::map<std::string, std::vector<ReconciledPriority::Member>> priority_groups;
    std::map<std::pair<std::size_t, std::size_t>, std::string> priority_key_of;
    for (std::size_t p = 0; p < plans.size(); ++p)
        for (std::size_t k = 0; k < plans[p].priorities.size(); ++k) {
            const Priority& pr = plans[p].priorities[k];
            std::string key = fold_for_matching(pr.title);
            if (key.empty()) key = fold_for_matching(pr.kind + " " + pr.ref);
            if (key.empty()) continue;
            priority_groups[key].push_back({p, k, pr.source});
            priority_key_of[{p, k}] = key;
        }
    std::vector<std::string> pkeys;
    std::vector<Provenance> pfirsts;
    for (auto& [key, members] : priority_groups) {
        std::sort(members.begin(), members.end(), [](const auto& a, const auto& b) { return source_less(a.source, b.source); });
        pkeys.push_back(key);
        pfirsts.push_back(members.front().source);
    }
    auto pcodes = assign_codes("P-", 6, pkeys, pfirsts);
    std::map<std::string, std::string> priority_code_of_key;
    {
        std::size_t g = 0;
        for (auto& [key, members] : priority_groups) {
            ReconciledPriority rp;
            rp.code = pcodes[g++];
            const Priority& first = plans[members.front().plan].priorities[members.front().priority];
            rp.ref = first.ref;
            rp.kind = first.kind;
            rp.title = first.title;
            rp.members = members;
            priority_code_of_key[key] = rp.code;
            result.priorities.push_back(std::move(rp));
        }
        std::sort(result.priorities.begin(), result.priorities.end(),
                  [](const auto& a, const auto& b) { return source_less(a.members.front().source, b.members.front().source); });
    }

    // ---- Items in an order independent of the order of the plans ----
    std::vector<Item> items;
    for (std::size_t p = 0; p < plans.size(); ++p)
        for (std::size_t k = 0; k < plans[p].actions.size(); ++k) {
            const Action& a = plans[p].actions[k];
            Item it;
            it.plan = p;
            it.action = k;
            it.action_ptr = &a;
            it.text = a.text.empty() ? a.text_as_written : a.text;
            if (a.priority >= 0 && static_cast<std::size_t>(a.priority) < plans[p].priorities.size()) {
                auto found = priority_key_of.find({p, static_cast<std::size_t>(a.priority)});
                if (found != priority_key_of.end()) it.priority_title = found->second;
            }
            for (const auto& l : a.leads) it.lead_names.push_back(fold_lead(l));
            std::sort(it.lead_names.begin(), it.lead_names.end());
            it.lead_names.erase(std::unique(it.lead_names.begin(), it.lead_names.end()), it.lead_names.end());
            it.service = a.service.empty() ? plans[p].document.service : a.service;
            items.push_back(std::move(it));
        }
    std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
        if (source_less(a.action_ptr->source, b.action_ptr->source)) return true;
        if (source_less(b.action_ptr->source, a.action_ptr->source)) return false;
        return a.text < b.text;
    });
    std::vector<std::string> corpus;
    corpus.reserve(items.size());
    for (const auto& it : items) corpus.push_back(it.text);
    TextScorer scorer(corpus, config);
    const auto candidates = scorer.candidates(options.block_words_per_action, options.max_posting);
    result.candidate_pairs = candidates.size();
    Clusterer clusterer(items, scorer, options);

    auto canonical_of = [&](const std::vector<std::size_t>& members) {
        std::size_t best = members.front();
        for (auto m : members)
            if (scorer.folded(m).size() > scorer.folded(best).size()) best = m;  // members sorted: ties keep the first
        return best;
    };
    auto action_codes = [&](const std::vector<std::vector<std::size_t>>& clusters) {
        std::vector<std::string> keys;
        std::vector<Provenance> firsts;
        for (const auto& c : clusters) {
            keys.push_back(scorer.folded(canonical_of(c)));
            firsts.push_back(items[c.front()].action_ptr->source);
        }
        return assign_codes("A-", 8, keys, firsts);
    };

    // ---- Decisions: rows by "file|sheet|row", or codes from a decision-free pass ----
    std::set<std::uint64_t> forced, apart;
    if (!decisions.empty()) {
        std::unordered_map<std::string, std::size_t> by_source;
        for (std::size_t i = 0; i < items.size(); ++i) by_source.emplace(to_string(items[i].action_ptr->source), i);
        std::unordered_map<std::string, std::vector<std::size_t>> by_code;
        bool codes_needed = std::any_of(decisions.begin(), decisions.end(), [&](const Decision& d) {
            return !by_source.count(d.a) || !by_source.count(d.b);
        });
        if (codes_needed) {
            Clusterer first_pass(items, scorer, options);
            std::vector<Warning> ignored;
            auto clusters = first_pass.run(candidates, {}, {}, ignored, nullptr);
            auto codes = action_codes(clusters);
            for (std::size_t c = 0; c < clusters.size(); ++c) by_code[codes[c]] = clusters[c];
        }
        auto resolve = [&](const std::string& name, const Decision& d) -> std::vector<std::size_t> {
            if (auto it = by_source.find(name); it != by_source.end()) return {it->second};
            if (auto it = by_code.find(name); it != by_code.end()) return it->second;
            result.warnings.push_back({{}, d.origin + ": no action named '" + name + "' (expected file|sheet|row or an action code)"});
            return {};
        };
        for (const auto& d : decisions) {
            auto as = resolve(d.a, d);
            auto bs = resolve(d.b, d);
            for (auto x : as)
                for (auto y : bs)
                    if (x != y) (d.kind == Decision::Kind::Merge ? forced : apart).insert(pair_key(x, y));
        }
        for (auto key : apart)
            if (forced.erase(key))
                result.warnings.push_back({items[key >> 32].action_ptr->source,
                                           "both merge and keep-apart given with " +
                                               to_string(items[key & 0xffffffffu].action_ptr->source) + ": kept apart"});
    }

    std::vector<std::pair<std::size_t, std::size_t>> scored_edges;
    auto clusters = clusterer.run(candidates, forced, apart, result.warnings, &scored_edges);
    auto codes = action_codes(clusters);
    std::vector<std::size_t> cluster_index(items.size());
    for (std::size_t c = 0; c < clusters.size(); ++c)
        for (auto m : clusters[c]) cluster_index[m] = c;

    // ---- Merged actions ----
    for (std::size_t c = 0; c < clusters.size(); ++c) {
        const auto& members = clusters[c];
        const std::size_t canon = canonical_of(members);
        ReconciledAction ra;
        ra.code = codes[c];
        ra.canonical = *items[canon].action_ptr;
        std::vector<std::size_t> ordered{canon};
        for (auto m : members)
            if (m != canon) ordered.push_back(m);
        std::set<std::string> services, lead_keys;
        ra.canonical.leads.clear();
        std::vector<const Action*> actions;
        for (auto m : ordered) {
            const Item& it = items[m];
            MemberRef ref;
            ref.plan = it.plan;
            ref.action = it.action;
            ref.source = it.action_ptr->source;
            ref.service = it.service;
            if (m == canon) {
                ref.explanation = "canonical (most complete wording)";
            } else if (forced.count(pair_key(m, canon))) {
                ref.score = clusterer.cached(m, canon);
                ref.explanation = "merged by decision";
            } else {
                auto s = clusterer.score(canon, m);
                ref.score = s.score;
                ref.explanation = s.explanation;
                if (s.score < options.threshold) ref.explanation += "; joined through a merge decision";
            }
            ra.members.push_back(std::move(ref));
            if (!it.service.empty()) services.insert(it.service);
            for (const auto& l : it.action_ptr->leads)
                if (lead_keys.insert(fold_lead(l)).second) ra.canonical.leads.push_back(l);
            actions.push_back(it.action_ptr);
        }
        ra.services.assign(services.begin(), services.end());
        ra.conflicts = find_conflicts(actions);
        for (auto m : ordered) {
            const Item& it = items[m];
            const Action& a = *it.action_ptr;
            if (a.priority < 0) continue;
            auto found = priority_key_of.find({it.plan, static_cast<std::size_t>(a.priority)});
            if (found == priority_key_of.end()) continue;
            ra.priority_code = priority_code_of_key[found->second];
            break;
        }
        result.actions.push_back(std::move(ra));
    }
    std::vector<std::size_t> order(result.actions.size());
    std::iota(order.begin(), order.end(), 0);
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return clusters[a].front() < clusters[b].front(); });
    {
        std::vector<ReconciledAction> sorted;
        sorted.reserve(order.size());
        for (auto k : order) sorted.push_back(std::move(result.actions[k]));
        result.actions = std::move(sorted);
    }

    // ---- Possible duplicates: the best scored pair between two clusters that stayed apart ----
    std::map<std::pair<std::size_t, std::size_t>, std::pair<double, std::pair<std::size_t, std::size_t>>> best;
    for (auto [i, j] : scored_edges) {
        std::size_t ci = cluster_index[i], cj = cluster_index[j];
        if (ci == cj || apart.count(pair_key(i, j))) continue;
        double s = clusterer.cached(i, j);
        auto key = std::minmax(ci, cj);
        auto it = best.find(key);
        if (it == best.end() || s > it->second.first) best[key] = {s, {i, j}};
    }
    for (auto& [clusters_pair, entry] : best) {
        auto [i, j] = entry.second;
        auto s = clusterer.score(i, j);
        PossibleDuplicate pd;
        pd.a = items[i].action_ptr->source;
        pd.b = items[j].action_ptr->source;
        pd.code_a = codes[cluster_index[i]];
        pd.code_b = codes[cluster_index[j]];
        pd.score = s.score;
        pd.matched_words = std::move(s.matched_words);
        result.possible_duplicates.push_back(std::move(pd));
    }
    std::sort(result.possible_duplicates.begin(), result.possible_duplicates.end(), [](const auto& a, const auto& b) {
        if (a.score != b.score) return a.score > b.score;
        return std::tie(a.code_a, a.code_b) < std::tie(b.code_a, b.code_b);
    });
    return result;
}

}  // namespace plancon
