// Reconcile: find the same action carried by several plans (or twice by one
// plan), merge the copies without losing anything, and give every action and
// priority a stable code.
//
// How two actions are compared (src/reconcile/fold.cpp, score.cpp):
//  * Each text is folded once into words (reconcile_detail::WordFolder):
//    figures read alike ("£85,000" / "£85k" / "85000", "two" / "2", "10%" /
//    "10 per cent", "2007-11" / "2007 2011"); the matching key (Unicode NFKC +
//    case fold, accents and apostrophes dropped, "&" read as "and", hyphens and
//    punctuation read as spaces); a prefix written apart joined to its word
//    ("co ordinated", "multi agency", "self evaluation"); "-ize" read "-ise";
//    abbreviations expanded (templates/leads.tsv and abbreviations.tsv: C&F,
//    LAC, ICS, CPP, CLPL, comms, incl ...); Snowball English stems
//    ("developing" / "develop"); synonyms and spellings read as one word
//    (templates/synonyms.tsv: revisit / review, workforce / staff, programme /
//    program). Function words ("the", "to", "and", ...) are left out of the
//    word set; a word written twice counts twice.
//  * Each word weighs its inverse document frequency over all actions being
//    reconciled, log((N+1)/(df+0.5)): rare words count more. Words match
//    exactly, within one edit as written or as stems (length >= 5: typos), as
//    a truncation ("dev" / "development") or shorthand keeping consonants
//    ("svcs", "assmt"), the first word as its noun ("Submit" / "Submission"),
//    or as two words run together ("biannual" / "bi annual").
//  * words      = IDF-weighted Jaccard of the matched words;
//    containment= matched weight / weight of the lighter side;
//    trigrams   = cosine of character trigram sets of the words run together
//                 (so "Three year" / "Three-year" / "threeyear" agree).
//  * text score = 0.5 words + 0.5 trigrams. When at most one side has words
//    of its own and containment >= 0.9 (a copy with a dropped trailing clause),
//    the score is at least containment x (0.70 + 0.15 x min(1, words on the
//    shorter side / 3)).
//  * Look-alike guard: for each side, the share of its weight held by words
//    the other side lacks, counted twice when a word weighs at least the
//    side's mean (an object such as "budget" or "GIRFEC", not "ensure"). The
//    score loses 1.5 x the smaller of the two shares: zero when one side is
//    contained in the other, large when each side has its own object
//    ("Integrated approach to budget planning" vs "Three year budget
//    planning"). Detail::lookalike is set when that share is >= 0.10.
//  * Held apart (Detail::held_apart): the pair may be flagged for review,
//    never merged (score at most threshold - held_apart_margin), when its sides
//    use different words of one set of templates/contrasts.tsv ("child" /
//    "adult", "one" / "all", "plan" / "results"), carry different figures or
//    years, each have content words the other lacks (unless the only such word
//    on each side is its first, the verb), or agree on under 20 % of their
//    weighted words.
//  * Supporting evidence (ReconcileOptions) adds or removes a little: a shared
//    lead, the same priority title, the same derived due date, the same
//    reference add; two rows of one sheet with different references subtract.
//    Differing due dates or statuses are not evidence against: copies drift,
//    and the drift is reported as a Conflict.
//
// Clusters never chain: an action joins a cluster only when its score with
// every member is at or above the threshold (complete linkage), unless a
// decision says otherwise. A keep-apart decision is never overridden.
//
// Codes (stable whatever the order of the input files):
//  * Priority: "P-" + 6 base-32 characters of a 64-bit FNV-1a hash of the
//    priority's folded title (its kind and reference when it has no title).
//    Priorities with the same folded title merge.
//  * Action:   "A-" + 8 base-32 characters of the FNV-1a hash of the
//    canonical member's folded text.
//  * On a collision (two different texts, same characters) the clusters are
//    ordered by folded text, then by their first source (file, sheet, row),
//    and the second and later get "-2", "-3", ... appended. Everything that
//    decides a code is independent of input order. A code changes only when
//    the canonical wording of its cluster changes (a longer copy arrives).
// Canonical member: the longest folded text; ties go to the member that comes
// first by (file, sheet, row) — not by input order.
#pragma once

#include "plancon/model.hpp"
#include "plancon/config.hpp"

#include <cstddef>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace plancon {

struct ReconcileOptions {
    // Scores are in [0, 1]. Merge at or above threshold; report pairs in
    // [review_band, threshold) as possible duplicates. Defaults tuned on the
    // tuning two-thirds of tests/reconcile/labelled_pairs.tsv (see
    // tests/reconcile/README.md): merged precision is 1 on it from 0.60 to
    // 0.95 and merged recall flat from 0.60 to 0.775; 0.75 sits below that
    // plateau's top; 0.40 is where lowering the band stops finding copies.
    // Three bands: merged (score >= threshold), possible duplicate shown on
    // the Duplicates sheet ([review_band, threshold)), apart (below). A pair
    // whose text holds it apart (TextScorer::Detail::held_apart: a contrast,
    // differing figures, words on each side the other lacks, too few words in
    // common) scores at most threshold - held_apart_margin: flagged, never merged.
    double threshold = 0.75;
    double review_band = 0.40;
    double held_apart_margin = 0.01;

    // Evidence beyond the text.
    double lead_bonus = 0.04;       // at least one lead name in common
    double priority_bonus = 0.03;   // same folded priority title
    double due_bonus = 0.02;        // same derived due date
    double ref_bonus = 0.03;        // same non-empty reference
    double same_sheet_ref_penalty = 0.10;  // same file+sheet, different non-empty refs

    // Blocking: each action is indexed under its rarest words; a word shared
    // by more than max_posting actions is too common to block on.
    std::size_t block_words_per_action = 4;
    std::size_t max_posting = 64;

    // Threads for folding the texts, scoring the candidate pairs and merging
    // the clusters (0: one per core). Each piece of work writes its own slot
    // and the slots are read in a fixed order: the result is the same, byte
    // for byte, for any count.
    unsigned threads = 0;
};

// One explicit decision by an officer, as read from a decisions file.
struct Decision {
    enum class Kind : unsigned char { Merge, KeepApart };
    Kind kind = Kind::Merge;
    std::string a;  // "file|sheet|row" or a reconciled action code "A-..."
    std::string b;
    std::string origin;  // "decisions.csv:4", for messages
};
using Decisions = std::vector<Decision>;

// what() is "FILE: line N: problem".
struct DecisionError : Error {
    using Error::Error;
};

// CSV lines "merge,A,B" or "keep-apart,A,B"; blank lines and lines starting
// with '#' are ignored; fields may be double-quoted. Throws DecisionError.
Decisions load_decisions(const std::string& path);
Decisions parse_decisions(const std::string& text, const std::string& origin_name);

struct MemberRef {
    std::size_t plan = 0;    // index into the input plans
    std::size_t action = 0;  // index into plans[plan].actions
    Provenance source;
    SharedText service;      // shared: a few services name a run's every member
    double score = 1.0;      // with the canonical member (1 for itself)
    // "canonical (most complete wording)", "score 0.86: words 0.81, trigrams 0.90,
    // containment 1.00, +lead", "merged by decision", or a score followed by
    // "; joined through a merge decision" when only a decision brought it in.
    SharedText explanation;  // shared: most members' explanations repeat word for word
};

struct Conflict {
    std::string field;  // "due", "status", "leads", "percent_complete"
    struct Value {
        SharedText value;  // shared: copies mostly drift to a few values
        Provenance source;
    };
    std::vector<Value> values;  // every member that has a value, in member order
};

struct ReconciledAction {
    std::string code;
    std::string priority_code;   // "" when no member has a priority
    Action canonical;            // the most complete wording, leads unioned
    std::vector<MemberRef> members;  // canonical first, then by (file, sheet, row)
    std::vector<std::string> services;  // distinct, sorted
    std::vector<Conflict> conflicts;
};

struct ReconciledPriority {
    std::string code;
    std::string ref;    // of the first member
    std::string kind;
    std::string title;  // of the first member by (file, sheet, row)
    struct Member {
        std::size_t plan = 0;
        std::size_t priority = 0;
        Provenance source;
    };
    std::vector<Member> members;
};

struct PossibleDuplicate {
    Provenance a;
    Provenance b;
    std::string code_a;
    std::string code_b;
    double score = 0;
    std::vector<std::string> matched_words;  // folded content words in common ("a~b": a typo, truncation or split word)
    std::vector<std::string> only_a, only_b;  // content words one side has and the other lacks
    std::string held_apart;                   // why it was not merged when its text alone says it may be
};

struct Reconciliation {
    std::vector<ReconciledPriority> priorities;  // sorted by first source
    std::vector<ReconciledAction> actions;       // sorted by first source
    std::vector<PossibleDuplicate> possible_duplicates;  // highest score first
    std::vector<Warning> warnings;
    std::size_t candidate_pairs = 0;  // pairs the blocking stage let through
};

// Abbreviations, synonyms and contrasts come from the configuration
// (templates/leads.tsv, abbreviations.tsv, synonyms.tsv, contrasts.tsv).
Reconciliation reconcile(const std::vector<Plan>& plans, const Config& config, const ReconcileOptions& options = {},
                         const Decisions& decisions = {});

// ---- Building blocks, public so they can be measured and tested ----

// A pair's score with its text held below the threshold when the text says
// it may at most be a possible duplicate (Detail::held_apart).
double held_below_threshold(double score, const std::string& held_apart, const ReconcileOptions& options);

// The matching key is fold_for_matching (text.hpp). How the scorer fares on
// labelled pairs: src/eval (the plancon_eval target) and bench/reconcile_eval.

// Scores texts against each other with IDF weights from one corpus.
class TextScorer {
public:
    // The texts are folded on `threads` threads (0: one per core); the
    // scorer is the same for any count.
    TextScorer(const std::vector<std::string>& corpus, const Config& config, unsigned threads = 0);
    ~TextScorer();
    TextScorer(TextScorer&&) noexcept;
    TextScorer& operator=(TextScorer&&) noexcept;

    struct Detail {
        double score = 0;       // final text score in [0, 1]
        double words = 0;       // IDF-weighted Jaccard
        double containment = 0; // IDF-weighted containment of the shorter side
        double trigrams = 0;    // trigram cosine
        bool lookalike = false; // guard fired: each side has its own rare word
        std::vector<std::string> matched_words;
        std::vector<std::string> only_a, only_b;  // content words (stems) the other side lacks
        // Non-empty when the pair may at most be flagged for review, never
        // merged: "differ in child / adult" (templates/contrasts.tsv), "figures
        // differ: 2 / 3", "each side has words the other lacks", "too few words agree".
        std::string held_apart;
    };
    // i, j index the corpus given to the constructor.
    Detail score(std::size_t i, std::size_t j) const;
    // The same score, words, trigrams and containment for clustering, which
    // reads no words: matched_words, only_a and only_b are left empty, and
    // held_apart is "held apart" instead of its reason (empty when score's is).
    Detail score_only(std::size_t i, std::size_t j) const;
    // Candidate pairs (i < j) by blocking on rare words; never all pairs.
    std::vector<std::pair<std::size_t, std::size_t>> candidates(std::size_t words_per_text,
                                                                std::size_t max_posting) const;
    const std::string& folded(std::size_t i) const;

    struct Impl;
private:
    std::unique_ptr<Impl> impl_;
};

}  // namespace plancon
