// A run's reconciled actions matched to the register's codes: exact source
// rows first, then the reconciler's scorer against earlier wordings, pairs
// taken best first; new codes for the rest; merges and splits noticed.
#include "match.hpp"

#include "plancon/text.hpp"

#include <algorithm>
#include <filesystem>
#include <map>
#include <unordered_map>

namespace plancon::register_detail {

namespace {

// Above every text score: a shared source row beats any wording, and a
// returned template's code beats both.
constexpr double exact_source_score = 2.0;
constexpr double return_code_score = 3.0;

struct Pair {
    double score = 0;
    std::size_t action = 0;
    std::size_t known = 0;
    bool strong = false;  // a shared source row, or a text score at the reconciler's threshold
};

const std::string& member_text(const std::vector<Plan>& plans, const MemberRef& m) {
    return plans[m.plan].actions[m.action].text;
}

// A returned template: a plan whose reference column holds register codes.
std::vector<bool> returned_templates(const std::vector<Plan>& plans) {
    std::vector<bool> out(plans.size(), false);
    for (std::size_t p = 0; p < plans.size(); ++p)
        out[p] = std::any_of(plans[p].actions.begin(), plans[p].actions.end(),
                             [](const Action& a) { return looks_like_action_code(a.ref); });
    return out;
}

// A returned template's rows map to their actions by code, exactly; a code
// the register does not know is a warning, and the row a new action.
void return_code_pairs(const MatchInput& in, const std::vector<bool>& returned,
                       std::map<std::pair<std::size_t, std::size_t>, Pair>& pairs, std::vector<Warning>& warnings) {
    std::map<std::string, std::size_t> by_code;
    for (std::size_t k = 0; k < in.known.size(); ++k) by_code[in.known[k].code] = k;
    for (std::size_t a = 0; a < in.reconciliation.actions.size(); ++a)
        for (const MemberRef& m : in.reconciliation.actions[a].members) {
            if (!returned[m.plan]) continue;
            const std::string& code = in.plans[m.plan].actions[m.action].ref;
            if (code.empty()) continue;
            const auto k = by_code.find(code);
            if (k == by_code.end()) {
                warnings.push_back({m.source, "code " + code + " is not in the register; read as a new action"});
                continue;
            }
            pairs[{a, k->second}] = {return_code_score, a, k->second, true};
        }
}

std::string joined_services(const ReconciledAction& a) {
    std::string out;
    for (const std::string& s : a.services) out += (out.empty() ? "" : "; ") + s;
    return out;
}

double evidence(const ReconciledAction& action, const KnownAction& known, const RegisterOptions& options) {
    double bonus = 0;
    if (!known.services.empty() && joined_services(action) == known.services) bonus += options.service_bonus;
    for (const Lead& lead : action.canonical.leads)
        if (std::find(known.leads.begin(), known.leads.end(), lead.name) != known.leads.end()) {
            bonus += options.lead_bonus;
            break;
        }
    return bonus;
}

// Pairs of (action, known code) that share a recorded source row.
void exact_source_pairs(const MatchInput& in, const std::vector<bool>& returned,
                        std::map<std::pair<std::size_t, std::size_t>, Pair>& pairs) {
    std::map<KnownSource, std::size_t> by_source;
    for (const KnownSource& s : in.sources) by_source[s] = s.known;  // the last recorded wins
    for (std::size_t a = 0; a < in.reconciliation.actions.size(); ++a)
        for (const MemberRef& m : in.reconciliation.actions[a].members) {
            if (returned[m.plan]) continue;  // by code only
            const KnownSource key{file_name_of(m.source.file), m.source.sheet, m.source.row,
                                  fold_for_matching(member_text(in.plans, m)), 0};
            const auto found = by_source.find(key);
            if (found == by_source.end()) continue;
            Pair& p = pairs[{a, found->second}];
            // More shared rows, a little stronger (a merge keeps the code most of its rows had).
            p = {std::max(p.score, exact_source_score) + 1e-3, a, found->second, true};
        }
}

double unguarded_score(const TextScorer::Detail& d) { return 0.5 * d.words + 0.5 * d.trigrams; }

bool in_place(const MatchInput& in, std::size_t action, const KnownAction& known) {
    for (const MemberRef& m : in.reconciliation.actions[action].members) {
        const Action& copy = in.plans[m.plan].actions[m.action];
        for (const std::string& place : places_of(m.source.file, m.source.sheet, m.source.row, copy.ref))
            if (known.places.count(place)) return true;
    }
    return false;
}

// Pairs scored by the reconciler's TextScorer: every wording of each action
// against every earlier wording of each known code, candidates by blocking
// (never all pairs) plus every identical folded text.
void text_pairs(const MatchInput& in, const std::vector<bool>& returned, const Config& config,
                const RegisterOptions& options, double merge_threshold,
                std::map<std::pair<std::size_t, std::size_t>, Pair>& pairs) {
    std::vector<std::string> corpus;
    std::vector<std::size_t> owner;  // action index, or known index for corpus[i >= action_texts]
    for (std::size_t a = 0; a < in.reconciliation.actions.size(); ++a) {
        std::vector<std::string> texts;
        for (const MemberRef& m : in.reconciliation.actions[a].members)
            if (!returned[m.plan]) texts.push_back(member_text(in.plans, m));  // a return's rows: by code only
        std::sort(texts.begin(), texts.end());
        texts.erase(std::unique(texts.begin(), texts.end()), texts.end());
        for (std::string& t : texts) {
            corpus.push_back(std::move(t));
            owner.push_back(a);
        }
    }
    const std::size_t action_texts = corpus.size();
    for (std::size_t k = 0; k < in.known.size(); ++k)
        for (const std::string& w : in.known[k].wordings) {
            corpus.push_back(w);
            owner.push_back(k);
        }
    if (action_texts == 0 || corpus.size() == action_texts) return;
    const TextScorer scorer(corpus, config);
    const ReconcileOptions blocking;
    auto candidates = scorer.candidates(blocking.block_words_per_action, blocking.max_posting);
    std::unordered_map<std::string, std::vector<std::size_t>> by_folded;
    for (std::size_t i = 0; i < action_texts; ++i) by_folded[scorer.folded(i)].push_back(i);
    for (std::size_t j = action_texts; j < corpus.size(); ++j)
        if (auto it = by_folded.find(scorer.folded(j)); it != by_folded.end())
            for (std::size_t i : it->second) candidates.emplace_back(i, j);
    for (auto [i, j] : candidates) {
        if (i >= action_texts || j < action_texts) continue;  // both of this run, or both known
        const std::size_t a = owner[i], k = owner[j];
        const TextScorer::Detail detail = scorer.score(i, j);
        // Words the organisation says never mean the same (templates/contrasts.tsv:
        // child / adult), or other figures, make another action, however alike.
        if (detail.held_apart.starts_with("differ in") || detail.held_apart.starts_with("figures differ")) continue;
        double text = detail.score;
        // A copy in the very place the code's copy sat last time (same file
        // name and sheet, same row or reference) is reworded rather than
        // replaced: the look-alike guard, which keeps apart different objects
        // in different places, does not apply ("kinship care" / "kinship carers").
        if (text < unguarded_score(detail) && in_place(in, a, in.known[k]))
            text = unguarded_score(detail);
        const double score = text + evidence(in.reconciliation.actions[a], in.known[k], options);
        if (score < options.match_threshold) continue;
        Pair& p = pairs[{a, k}];
        if (p.score >= score) continue;
        p = {score, a, k, p.strong || text >= merge_threshold};
    }
}

std::string new_code(const std::string& base, const std::set<std::string>& taken, const std::set<std::string>& used) {
    std::string code = base;
    for (int n = 2; taken.count(code) || used.count(code); ++n) code = base + "-" + std::to_string(n);
    return code;
}

}  // namespace

std::string file_name_of(const std::string& path) { return std::filesystem::path(path).filename().string(); }

std::vector<std::string> places_of(const std::string& file, const std::string& sheet, std::uint32_t row,
                                   const std::string& ref) {
    const std::string at = file_name_of(file) + "|" + sheet + "|";
    std::vector<std::string> places = {at + std::to_string(row)};
    if (!ref.empty()) places.push_back(at + "ref " + ref);
    return places;
}

MatchResult match_actions(const MatchInput& in, const Config& config, const RegisterOptions& options,
                          double merge_threshold) {
    MatchResult result;
    const std::vector<bool> returned = returned_templates(in.plans);
    std::map<std::pair<std::size_t, std::size_t>, Pair> by_pair;
    return_code_pairs(in, returned, by_pair, result.warnings);
    exact_source_pairs(in, returned, by_pair);
    text_pairs(in, returned, config, options, merge_threshold, by_pair);
    std::vector<Pair> pairs;
    for (const auto& [key, p] : by_pair) pairs.push_back(p);
    // Best first; ties by code, then by the action's place (sorted by first source): never by input order.
    std::sort(pairs.begin(), pairs.end(), [&](const Pair& x, const Pair& y) {
        if (x.score != y.score) return x.score > y.score;
        if (x.known != y.known) return in.known[x.known].code < in.known[y.known].code;
        return x.action < y.action;
    });

    const std::size_t n = in.reconciliation.actions.size();
    result.codes.assign(n, "");
    std::vector<int> holder(in.known.size(), -1);  // the action that took each known code
    for (const Pair& p : pairs) {
        if (!result.codes[p.action].empty() || holder[p.known] >= 0) continue;
        result.codes[p.action] = in.known[p.known].code;
        holder[p.known] = int(p.action);
    }
    std::set<std::string> used(result.codes.begin(), result.codes.end());
    std::vector<bool> is_new(n, false);
    for (std::size_t a = 0; a < n; ++a) {
        if (!result.codes[a].empty()) continue;
        result.codes[a] = new_code(in.reconciliation.actions[a].code, in.taken, used);
        used.insert(result.codes[a]);
        is_new[a] = true;
    }

    // A known code no action took whose rows (or words) are now another
    // action's was merged into it; a new action drawn from a code another
    // action kept was split from it. Strong pairs only, best first.
    std::vector<bool> merged(in.known.size(), false), split(n, false);
    for (const Pair& p : pairs) {
        if (!p.strong) continue;
        if (holder[p.known] < 0 && in.known[p.known].in_last_run && !merged[p.known]) {
            merged[p.known] = true;
            result.lineage.push_back({"merged", in.known[p.known].code, result.codes[p.action]});
        } else if (is_new[p.action] && holder[p.known] >= 0 && !split[p.action]) {
            split[p.action] = true;
            result.lineage.push_back({"split", result.codes[p.action], in.known[p.known].code});
        }
    }
    return result;
}

}  // namespace plancon::register_detail
