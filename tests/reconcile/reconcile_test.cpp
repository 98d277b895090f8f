#include "plancon/reconcile.hpp"
#include "eval/labelled_pairs.hpp"

#include "test_config.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <map>
#include <set>
#include <string>

namespace plancon {
namespace {

using test::test_config;

Action make_action(const std::string& file, std::uint32_t row, const std::string& text) {
    Action a;
    a.text_as_written = text;
    a.source = {file, "Sheet1", row};
    return a;
}

Plan make_plan(const std::string& file, const std::string& service, const std::vector<std::string>& texts) {
    Plan p;
    p.document.file = file;
    p.document.service = service;
    std::uint32_t row = 2;
    for (const auto& t : texts) p.actions.push_back(make_action(file, row++, t));
    return p;
}

// Filler rows so IDF weights look like a real tracker, not a two-row toy.
Plan seed_002_filler() {
    return make_plan("od_strategy.xlsx", "Social Work",
                     {"Continually assess and reaffirm our vision, values and aims",
                      "Provide people with opportunities for personal development and training",
                      "Work to further develop career pathways", "Reduce the unnecessary use of custody",
                      "Establish a Joint Equipment Store", "Review Service Level Agreements",
                      "Support the work of the Community Justice Authority",
                      "Implement a revised public reporting framework",
                      "Strengthen our involvement in community planning processes",
                      "Develop effective teamwork with the right skills and authority"});
}

const ReconciledAction* find_with(const Reconciliation& r, const Provenance& p) {
    for (const auto& a : r.actions)
        for (const auto& m : a.members)
            if (m.source == p) return &a;
    return nullptr;
}

// ---- Measured quality on the labelled set ----

using eval::Tally;

// The targets of issue 14 on the held-out third of the labelled set (every
// third row; thresholds were tuned on the other two thirds only).
TEST(ReconcileQuality, HeldOutTargetsHold) {
    const auto pairs = eval::load_labelled_pairs(PLANCON_SOURCE_DIR "/tests/reconcile/labelled_pairs.tsv");
    ASSERT_GE(pairs.size(), 600u);
    const auto e = eval::evaluate_pairs(pairs, test_config(), ReconcileOptions{}, eval::held_out);
    ASSERT_GE(e.visited.size(), 200u);
    std::printf("held-out: merged precision %.3f, merged recall %.3f, merged-or-flagged recall %.3f, "
                "look-alikes never merged %.3f\n",
                e.all.merged_precision(), e.all.merged_recall(), e.all.merged_or_flagged_recall(),
                e.all.different_kept_unmerged());
    EXPECT_GE(e.all.merged_precision(), 0.99);
    for (const char* difficulty : {"easy", "medium"}) {
        ASSERT_TRUE(e.by_difficulty.count(difficulty)) << difficulty;
        EXPECT_GE(e.by_difficulty.at(difficulty).merged_recall(), 0.90) << difficulty;
    }
    EXPECT_GE(e.all.merged_or_flagged_recall(), 0.97);
    Tally lookalikes;
    for (const auto& [kind, t] : e.by_kind)
        if (kind.starts_with("lookalike")) lookalikes.add(t);
    ASSERT_GE(lookalikes.different, 50u);
    EXPECT_GE(lookalikes.different_kept_unmerged(), 0.99);
    // Each baseline merges fewer true pairs than the scorer.
    EXPECT_GT(e.all.same_merged, e.all.jaccard);
    EXPECT_GT(e.all.jaccard, e.all.excel);
}

TEST(ReconcileQuality, LookalikeBudgetActionsStayApart) {
    auto plan = seed_002_filler();
    plan.actions.push_back(make_action("od_strategy.xlsx", 50,
                                       "Three year budget planning allowing for a more strategic approach to delivering on service priorities."));
    plan.actions.push_back(make_action("od_strategy.xlsx", 51, "Integrated approach to budget planning across the Council."));
    Plan corporate = make_plan("corporate.xlsx", "Chief Executive's Services",
                               {"Three-year budget planning allowing for a more strategic approach to delivering on service priorities"});
    auto r = reconcile({plan, corporate}, test_config());
    const auto* three_year = find_with(r, {"od_strategy.xlsx", "Sheet1", 50});
    const auto* integrated = find_with(r, {"od_strategy.xlsx", "Sheet1", 51});
    ASSERT_TRUE(three_year && integrated);
    EXPECT_NE(three_year, integrated);
    EXPECT_EQ(three_year, find_with(r, {"corporate.xlsx", "Sheet1", 2}));
    EXPECT_EQ(three_year->services, (std::vector<std::string>{"Chief Executive's Services", "Social Work"}));
}

// ---- Blocking ----

std::vector<Plan> synthetic_plans(std::size_t actions, std::uint64_t seed) {
    // Zipf-like words over a 4000-word vocabulary, 6-11 words per action.
    std::uint64_t state = seed;
    auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state >> 33);
    };
    std::vector<Plan> plans(10);
    for (std::size_t p = 0; p < plans.size(); ++p) plans[p].document.file = "plan" + std::to_string(p) + ".xlsx";
    for (std::size_t i = 0; i < actions; ++i) {
        std::string text;
        const auto words = 6 + next() % 6;
        for (std::uint32_t w = 0; w < words; ++w) {
            const double u = (next() % 1000000) / 1000000.0;
            const auto rank = static_cast<std::uint32_t>(std::pow(4000.0, u));  // log-uniform rank
            text += "w" + std::to_string(rank) + "x ";
        }
        auto& plan = plans[i % plans.size()];
        plan.actions.push_back(make_action(plan.document.file, static_cast<std::uint32_t>(i + 2), text));
    }
    return plans;
}

TEST(ReconcileBlocking, CandidatePairsGrowNearLinearly) {
    ReconcileOptions options;
    std::vector<std::string> small_corpus, large_corpus;
    for (const auto& p : synthetic_plans(10000, 7))
        for (const auto& a : p.actions) small_corpus.push_back(a.text_as_written);
    for (const auto& p : synthetic_plans(20000, 7))
        for (const auto& a : p.actions) large_corpus.push_back(a.text_as_written);
    const auto small = TextScorer(small_corpus, test_config()).candidates(options.block_words_per_action, options.max_posting).size();
    const auto large = TextScorer(large_corpus, test_config()).candidates(options.block_words_per_action, options.max_posting).size();
    std::printf("candidate pairs: %zu for 10000 actions, %zu for 20000\n", small, large);
    // Never more than words_per_action * max_posting per action; all pairs would be 2e8.
    EXPECT_LE(large, 20000u * options.block_words_per_action * options.max_posting);
    EXPECT_LE(large, 20000u * 100u);
    EXPECT_GT(large, 0u);
    EXPECT_LT(static_cast<double>(large) / static_cast<double>(small), 2.6);
}

TEST(ReconcileBlocking, FullReconcileOnTwentyThousandActionsUsesBlocking) {
    auto plans = synthetic_plans(20000, 11);
    // Plant a retyped duplicate to be found among them.
    plans[0].actions.push_back(make_action("plan0.xlsx", 90001, "Three year budget planning w7x w19x"));
    plans[3].actions.push_back(make_action("plan3.xlsx", 90002, "Three-year Budget Planning w7x w19x"));
    auto r = reconcile(plans, test_config());
    EXPECT_LE(r.candidate_pairs, 20002u * 100u);
    const auto* a = find_with(r, {"plan0.xlsx", "Sheet1", 90001});
    ASSERT_NE(a, nullptr);
    EXPECT_EQ(a, find_with(r, {"plan3.xlsx", "Sheet1", 90002}));
}

// ---- Clusters do not chain ----

TEST(ReconcileClusters, SimilarityDoesNotChain) {
    auto plan = seed_002_filler();
    const std::string a = "Develop a joint Older People's Strategy which demonstrates a whole systems approach";
    const std::string c = "Prepare joint strategies for other main service areas and carers";
    plan.actions.push_back(make_action("od_strategy.xlsx", 60, a));
    plan.actions.push_back(make_action("od_strategy.xlsx", 61, c));
    Plan other = make_plan("tracker.xlsx", "Social Work", {a + " and " + c});
    auto r = reconcile({plan, other}, test_config());
    const auto* ra = find_with(r, {"od_strategy.xlsx", "Sheet1", 60});
    const auto* rc = find_with(r, {"od_strategy.xlsx", "Sheet1", 61});
    const auto* rb = find_with(r, {"tracker.xlsx", "Sheet1", 2});
    ASSERT_TRUE(ra && rb && rc);
    EXPECT_NE(ra, rc) << "A~B and B~C must not put A with C";
    EXPECT_TRUE(rb == ra || rb == rc);
    // The one left out is reported for review, not lost; its score with B is
    // above the threshold, so only complete linkage kept it out.
    ASSERT_FALSE(r.possible_duplicates.empty());
    const auto& pd = r.possible_duplicates.front();
    EXPECT_GE(pd.score, ReconcileOptions{}.threshold);
    EXPECT_TRUE(pd.a.file == "tracker.xlsx" || pd.b.file == "tracker.xlsx");
    EXPECT_FALSE(pd.matched_words.empty());
}

TEST(ReconcileClusters, RepeatsInsideOneStrategyMerge) {
    // Seed 002: the same sentence in sections 4(b) and 6(b) of one document.
    auto plan = seed_002_filler();
    plan.actions.push_back(make_action("od_strategy.xlsx", 70, "Further develop user involvement in determining outcomes"));
    plan.actions.push_back(make_action("od_strategy.xlsx", 90, "Further develop user involvement in determining outcomes"));
    plan.actions.push_back(make_action("od_strategy.xlsx", 91,
                                       "Involve communities and service users in determining outcomes and quality indicators "
                                       "through full implementation of our user involvement strategy"));
    auto r = reconcile({plan}, test_config());
    const auto* first = find_with(r, {"od_strategy.xlsx", "Sheet1", 70});
    ASSERT_NE(first, nullptr);
    EXPECT_EQ(first, find_with(r, {"od_strategy.xlsx", "Sheet1", 90}));
    EXPECT_NE(first, find_with(r, {"od_strategy.xlsx", "Sheet1", 91}));
    EXPECT_EQ(first->members.size(), 2u);
}

// ---- Decisions ----

TEST(ReconcileDecisions, KeepApartAndMergeOverrideTheScorer) {
    auto plan = seed_002_filler();
    plan.actions.push_back(make_action("od_strategy.xlsx", 70, "Complete a workforce plan"));
    plan.actions.push_back(make_action("od_strategy.xlsx", 71, "Complete a Workforce Plan"));
    plan.actions.push_back(make_action("od_strategy.xlsx", 72, "Establish a Joint Equipment Store"));  // dup of filler row
    auto decisions = parse_decisions(
        "# officer review, Q2 2019/20\n"
        "keep-apart,od_strategy.xlsx|Sheet1|70,od_strategy.xlsx|Sheet1|71\n"
        "merge, \"od_strategy.xlsx|Sheet1|2\" ,od_strategy.xlsx|Sheet1|4\n",
        "decisions.csv");
    ASSERT_EQ(decisions.size(), 2u);
    auto without = reconcile({plan}, test_config());
    EXPECT_EQ(find_with(without, {"od_strategy.xlsx", "Sheet1", 70}), find_with(without, {"od_strategy.xlsx", "Sheet1", 71}));
    EXPECT_NE(find_with(without, {"od_strategy.xlsx", "Sheet1", 2}), find_with(without, {"od_strategy.xlsx", "Sheet1", 4}));

    auto with = reconcile({plan}, test_config(), {}, decisions);
    EXPECT_NE(find_with(with, {"od_strategy.xlsx", "Sheet1", 70}), find_with(with, {"od_strategy.xlsx", "Sheet1", 71}));
    const auto* merged = find_with(with, {"od_strategy.xlsx", "Sheet1", 2});
    ASSERT_NE(merged, nullptr);
    EXPECT_EQ(merged, find_with(with, {"od_strategy.xlsx", "Sheet1", 4}));
    bool by_decision = std::any_of(merged->members.begin(), merged->members.end(),
                                   [](const MemberRef& m) { return m.explanation == "merged by decision"; });
    EXPECT_TRUE(by_decision);
    // A split pair is decided: it is not reported again as a possible duplicate.
    for (const auto& pd : with.possible_duplicates)
        EXPECT_FALSE(pd.a.row == 70 && pd.b.row == 71);
    EXPECT_TRUE(with.warnings.empty());
}

TEST(ReconcileDecisions, ActionCodesNameWholeClusters) {
    auto plan = seed_002_filler();
    plan.actions.push_back(make_action("od_strategy.xlsx", 70, "Complete a workforce plan"));
    Plan other = make_plan("tracker.xlsx", "HR", {"Complete a Workforce Plan"});
    auto first = reconcile({plan, other}, test_config());
    const auto* workforce = find_with(first, {"tracker.xlsx", "Sheet1", 2});
    const auto* store = find_with(first, {"od_strategy.xlsx", "Sheet1", 6});
    ASSERT_TRUE(workforce && store);
    ASSERT_EQ(workforce->members.size(), 2u);
    auto merged = reconcile({plan, other}, test_config(), {}, parse_decisions("merge," + workforce->code + "," + store->code + "\n", "d.csv"));
    const auto* all = find_with(merged, {"od_strategy.xlsx", "Sheet1", 6});
    ASSERT_NE(all, nullptr);
    EXPECT_EQ(all->members.size(), 3u);
}

TEST(ReconcileDecisions, BadFilesGiveFileLineErrors) {
    auto message = [](const std::string& text) {
        try {
            parse_decisions(text, "decisions.csv");
        } catch (const DecisionError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(message("merge,a|s|1,b|s|2\njoin,a|s|1,b|s|2\n"),
              "decisions.csv: line 2: unknown decision 'join' (expected merge or keep-apart)");
    EXPECT_EQ(message("\n\nkeep-apart,a|s|1\n"), "decisions.csv: line 3: expected 3 fields (merge|keep-apart,A,B), found 2");
    EXPECT_EQ(message("merge,\"a|s|1,b|s|2\n"), "decisions.csv: line 1: unterminated quoted field");
    EXPECT_EQ(message("merge,a|s|1,a|s|1\n"), "decisions.csv: line 1: a row cannot be paired with itself ('a|s|1')");
    EXPECT_THROW(load_decisions("/nonexistent/decisions.csv"), DecisionError);

    auto r = reconcile({seed_002_filler()}, test_config(), {}, parse_decisions("merge,nowhere|x|1,od_strategy.xlsx|Sheet1|2\n", "d.csv"));
    ASSERT_EQ(r.warnings.size(), 1u);
    EXPECT_EQ(r.warnings[0].message, "d.csv:1: no action named 'nowhere|x|1' (expected file|sheet|row or an action code)");
}

// ---- Codes ----

std::vector<Plan> three_services() {
    Plan cf = make_plan("children_families.xlsx", "Children & Families",
                        {"Three year budget planning allowing for a more strategic approach to delivering on service priorities.",
                         "Integrated approach to budget planning across the Council.", "Review, clarify and communicate the GIRFEC Model for Dundee."});
    cf.priorities.push_back({"5", "improvement action", "Better alignment and transparency between financial and strategic planning", {}, {"children_families.xlsx", "Sheet1", 1}});
    for (auto& a : cf.actions) a.priority = 0;
    Plan corp = make_plan("corporate.xlsx", "Chief Executive's Services",
                          {"Three-year budget planning allowing for a more strategic approach to delivering on service priorities",
                           "Review, clarify & communicate the GIRFEC model for Dundee"});
    corp.priorities.push_back({"IA5", "improvement action", "Better Alignment and Transparency between Financial and Strategic Planning", {}, {"corporate.xlsx", "Sheet1", 1}});
    corp.actions[0].priority = 0;
    Plan sw = seed_002_filler();
    sw.actions.push_back(make_action("od_strategy.xlsx", 40, "Review Service Level Agreements"));  // repeat of row 7
    return {cf, corp, sw};
}

std::map<std::string, std::set<std::string>> code_map(const Reconciliation& r) {
    std::map<std::string, std::set<std::string>> out;
    for (const auto& a : r.actions)
        for (const auto& m : a.members) out[a.code + " " + a.canonical.text_as_written + " " + a.priority_code].insert(to_string(m.source));
    for (const auto& p : r.priorities)
        for (const auto& m : p.members) out[p.code + " " + p.title].insert(to_string(m.source));
    return out;
}

TEST(ReconcileCodes, StableUnderFileOrderAndUnique) {
    auto plans = three_services();
    const auto reference = reconcile(plans, test_config());
    const auto expected = code_map(reference);
    std::vector<std::size_t> order{0, 1, 2};
    int permutations = 0;
    do {
        std::vector<Plan> permuted;
        for (auto k : order) permuted.push_back(plans[k]);
        EXPECT_EQ(code_map(reconcile(permuted, test_config())), expected);
        ++permutations;
    } while (std::next_permutation(order.begin(), order.end()));
    EXPECT_EQ(permutations, 6);

    std::set<std::string> codes;
    for (const auto& a : reference.actions) {
        EXPECT_TRUE(codes.insert(a.code).second) << a.code;
        EXPECT_EQ(a.code.size(), 10u);  // "A-" + 8
        EXPECT_LE(a.code.size(), 16u);  // fits a Pentana code
    }
    // Priorities with the same folded title merged, and actions hang under them.
    ASSERT_EQ(reference.priorities.size(), 1u);
    EXPECT_EQ(reference.priorities[0].members.size(), 2u);
    const auto* budget = find_with(reference, {"corporate.xlsx", "Sheet1", 2});
    ASSERT_NE(budget, nullptr);
    EXPECT_EQ(budget->priority_code, reference.priorities[0].code);
    EXPECT_EQ(budget->members.size(), 2u);
}

TEST(ReconcileCodes, CollidingTextsGetDistinctDeterministicCodes) {
    // Two rows with the same text kept apart by decision share a hash.
    Plan plan = make_plan("a.xlsx", "X", {"Complete a workforce plan", "Complete a workforce plan", "Reduce the unnecessary use of custody"});
    auto d = parse_decisions("keep-apart,a.xlsx|Sheet1|2,a.xlsx|Sheet1|3\n", "d.csv");
    auto r = reconcile({plan}, test_config(), {}, d);
    const auto* first = find_with(r, {"a.xlsx", "Sheet1", 2});
    const auto* second = find_with(r, {"a.xlsx", "Sheet1", 3});
    ASSERT_TRUE(first && second);
    ASSERT_NE(first, second);
    EXPECT_EQ(second->code, first->code + "-2");
}

// ---- Merging keeps everything ----

TEST(ReconcileMerge, ConflictsAreKeptSideBySide) {
    auto plans = three_services();
    Action& cf = plans[0].actions[0];
    cf.due.kind = Due::Kind::Date;
    cf.due.as_written = "Immediate & Continuous";
    cf.due.kind = Due::Kind::Ongoing;
    cf.status = Status::OnTrack;
    cf.leads = {{"Council Management Team", "CMT", Lead::Kind::Body}, {"Dundee Partnership Management Group", "", Lead::Kind::Body}};
    cf.percent_complete = 40;
    Action& corp = plans[1].actions[0];
    corp.due.kind = Due::Kind::Date;
    corp.due.as_written = "March 2020";
    corp.due.date = Date{2020, 3, 31};
    corp.status = Status::Slippage;
    corp.leads = {{"council management team", "Council Management Team", Lead::Kind::Body}};
    corp.percent_complete = 40;
    auto r = reconcile(plans, test_config());
    const auto* merged = find_with(r, {"corporate.xlsx", "Sheet1", 2});
    ASSERT_NE(merged, nullptr);
    ASSERT_EQ(merged->members.size(), 2u);
    // Canonical: the longer wording (it ends with a full stop; folded lengths tie,
    // so the first by file name wins).
    EXPECT_EQ(merged->canonical.source.file, "children_families.xlsx");
    EXPECT_EQ(merged->members[0].explanation, "canonical (most complete wording)");
    EXPECT_NE(merged->members[1].explanation.str().find("score"), std::string::npos);
    // Leads unioned, deduplicated by name.
    ASSERT_EQ(merged->canonical.leads.size(), 2u);
    std::map<std::string, const Conflict*> by_field;
    for (const auto& c : merged->conflicts) by_field[c.field] = &c;
    ASSERT_TRUE(by_field.count("due"));
    ASSERT_TRUE(by_field.count("status"));
    ASSERT_TRUE(by_field.count("leads"));
    EXPECT_FALSE(by_field.count("percent_complete"));  // both say 40
    const auto& due = *by_field["due"];
    ASSERT_EQ(due.values.size(), 2u);
    EXPECT_EQ(due.values[0].value, "Immediate & Continuous");
    EXPECT_EQ(due.values[0].source.file, "children_families.xlsx");
    EXPECT_EQ(due.values[1].value, "March 2020 (2020-03-31)");
    EXPECT_EQ(due.values[1].source.file, "corporate.xlsx");
    EXPECT_EQ(by_field["status"]->values[0].value, "On track");
    EXPECT_EQ(by_field["status"]->values[1].value, "Slippage");
}

TEST(ReconcileMerge, AgreeingCopiesHaveNoConflicts) {
    auto plans = three_services();
    for (auto* a : {&plans[0].actions[2], &plans[1].actions[1]}) {
        a->status = Status::Complete;
        a->leads = {{"Chief Education Officer", "", Lead::Kind::Post}};
    }
    auto r = reconcile(plans, test_config());
    const auto* girfec = find_with(r, {"corporate.xlsx", "Sheet1", 3});
    ASSERT_NE(girfec, nullptr);
    EXPECT_EQ(girfec->members.size(), 2u);
    EXPECT_TRUE(girfec->conflicts.empty());
    EXPECT_EQ(girfec->canonical.leads.size(), 1u);
}

}  // namespace
}  // namespace plancon

namespace plancon {
namespace {

using test::test_config;

// ---- Hostile input stays bounded ----

// Regression: the scorer's abbreviations were a compiled-in copy of part of
// templates/leads.tsv, so an alias an organisation added never reached it.
TEST(ReconcileAbbreviations, AnAliasAddedToTheLeadTableReachesTheScorer) {
    const std::string abbreviated = "Extend the HBRS outreach programme to every locality";
    const std::string written_out = "Extend the Housing Benefit Review Service outreach programme to every locality";
    Plan a = make_plan("housing.xlsx", "Housing", {abbreviated});
    Plan b = make_plan("corporate.xlsx", "Corporate", {written_out});
    EXPECT_EQ(reconcile({a, b}, test_config()).actions.size(), 2u) << "HBRS means nothing yet";
    Config with_alias = test_config();
    with_alias.leads = parse_lead_aliases("HBRS\tHousing Benefit Review Service\tbody\n", "leads.tsv");
    const Reconciliation r = reconcile({a, b}, with_alias);
    ASSERT_EQ(r.actions.size(), 1u) << "the alias makes the two wordings one action";
    EXPECT_EQ(r.actions[0].members.size(), 2u);
}

// ---- Issue 14: actions as officers retype them ----

// The acceptance files' last possible duplicate (0.61 before): now one action,
// so its due-date conflict is shown.
TEST(ReconcileRetyped, ChildrenAndFamiliesPlanMergesAndShowsItsDueConflict) {
    Plan a = make_plan("children_families.xlsx", "Children and Families",
                       {"One Children & Families Service Plan which communicates a shared vision and sets out the "
                        "allocation of financial resources to meet the commitments within the Plan."});
    Plan b = make_plan("corporate.xlsx", "Corporate",
                       {"One Children and Families Service Plan, communicating a shared vision and setting out the "
                        "allocation of financial resources to meet the commitments within the Plan"});
    for (auto [plan, written, date] : {std::tuple{&a, "March 2020", Date{2020, 3, 31}}, std::tuple{&b, "June 2020", Date{2020, 6, 30}}}) {
        Due& due = plan->actions[0].due;
        due.kind = Due::Kind::Date;
        due.as_written = written;
        due.date = date;
    }
    const Reconciliation r = reconcile({seed_002_filler(), a, b}, test_config());
    const auto* merged = find_with(r, {"corporate.xlsx", "Sheet1", 2});
    ASSERT_NE(merged, nullptr);
    ASSERT_EQ(merged->members.size(), 2u);
    ASSERT_EQ(merged->conflicts.size(), 1u);
    EXPECT_EQ(merged->conflicts[0].field, "due");
}

// The kinds the issue lists, each as one pair another service typed.
TEST(ReconcileRetyped, AbbreviationsSynonymsInflectionsNumbersAndSpellingsMerge) {
    const std::vector<std::pair<std::string, std::string>> copies = {
        {"Clear communications with all staff in terms of the valued contribution they make to the achievement of key "
         "strategic priorities",
         "Clear communication with all staff on the valued contribution they make to achieving key strategic priorities"},
        {"Developing co-ordinated multi-agency approaches to the identification and assessment of need",
         "Develop coordinated multi agency approaches to identifying and assessing need"},
        {"continually revisit our vision to ensure it is fit for purpose",
         "Continually review our vision to ensure it remains fit for purpose"},
        {"Amalgamate the two family support teams into one locality team",
         "Merge the two family support teams into one locality team"},
        {"Secure £85,000 of funding for the family support pilot", "Secure £85k funding for family support pilot"},
        {"Recruit a Corporate Planning Manager on a two-year fixed-term contract",
         "Recruit Corporate Planning Manager on 2 year fixed term contract"},
        {"Develop a programme of learning and organisational development",
         "Develop a program of learning and organizational development"},
        {"Provide career-long professional learning for all staff on the revised child protection procedures",
         "Provide CLPL for all staff on revised CP procedures"},
    };
    for (const auto& [x, y] : copies) {
        const Reconciliation r =
            reconcile({seed_002_filler(), make_plan("a.xlsx", "A", {x}), make_plan("b.xlsx", "B", {y})}, test_config());
        const auto* merged = find_with(r, {"a.xlsx", "Sheet1", 2});
        ASSERT_NE(merged, nullptr);
        EXPECT_EQ(merged->members.size(), 2u) << x << " || " << y;
    }
}

// Look-alikes: flagged at most, never merged, and the Duplicates sheet is
// told why (what each side has alone, what held them apart).
TEST(ReconcileRetyped, LookalikesAreFlaggedNeverMerged) {
    struct Case {
        std::string a, b, held_apart;
    };
    const std::vector<Case> cases = {
        {"Child Protection Committee to identify strategic priorities, develop an improvement plan and put in place "
         "robust systems for reporting and revision of priorities based on learning from quality assurance",
         "Adult Support and Protection Committee to identify strategic priorities, develop an improvement plan and put "
         "in place robust systems for reporting and revision of priorities based on learning from quality assurance",
         "differ in child / adult"},
        {"Develop a locality based model of family support in one locality",
         "Develop a locality based model of family support in all localities", "differ in 1 / all"},
        {"Contingency Plan Test Plan", "Contingency Plan Test Results", "differ in plan / result"},
        {"Establish Corporate Planning Manager (ICS) post - 2 year fixed term",
         "Establish Corporate Planning Manager (ICS) post - 3 year fixed term", "figures differ: 2 / 3"},
        {"Publish the 2019 annual performance report", "Publish the 2020 annual performance report",
         "figures differ: 2019 / 2020"},
    };
    for (const auto& c : cases) {
        const Reconciliation r = reconcile(
            {seed_002_filler(), make_plan("a.xlsx", "A", {c.a}), make_plan("b.xlsx", "B", {c.b})}, test_config());
        const auto* a = find_with(r, {"a.xlsx", "Sheet1", 2});
        ASSERT_NE(a, nullptr);
        EXPECT_EQ(a->members.size(), 1u) << c.a << " || " << c.b;
        // Flagged when the text scores in the review band, with the reason.
        for (const auto& pair : r.possible_duplicates) {
            EXPECT_EQ(pair.held_apart, c.held_apart);
            EXPECT_LT(pair.score, ReconcileOptions{}.threshold);
        }
        const TextScorer scorer({c.a, c.b, "Review Service Level Agreements"}, test_config());
        EXPECT_EQ(scorer.score(0, 1).held_apart, c.held_apart);
    }
}

// Each text is folded once, and the folding reads figures, "&", hyphens and
// spellings alike.
TEST(ReconcileRetyped, FiguresAndSpellingsFoldAlike) {
    const std::vector<std::string> corpus = {"Save £250,000 through the review of transport",
                                             "Save £250k through the transport review",
                                             "Save £0.25m through the review of transport",
                                             "Hold a kick-off meeting for the multi agency self evaluation",
                                             "Hold a kickoff meeting for the multi-agency self-evaluation",
                                             // hostile: too many digits for a sum, and a sum too large
                                             "Save £" + std::string(400, '9') + "k on 999,999,999,999bn",
                                             "Save £" + std::string(400, '9') + "k on 999,999,999,999bn"};
    const TextScorer scorer(corpus, test_config());
    EXPECT_EQ(scorer.score(5, 6).score, 1.0);
    EXPECT_TRUE(scorer.score(0, 1).held_apart.empty()) << scorer.score(0, 1).held_apart;
    EXPECT_TRUE(scorer.score(0, 2).held_apart.empty()) << scorer.score(0, 2).held_apart;
    EXPECT_GE(scorer.score(3, 4).score, 0.95);
}

TEST(ReconcileHostile, ThousandsOfIdenticalRowsAndHugeCells) {
    Plan plan;
    plan.document.file = "big.xlsx";
    for (std::uint32_t r = 0; r < 5000; ++r) plan.actions.push_back(make_action("big.xlsx", r + 2, "TBC"));
    std::string huge_a, huge_b;
    for (int w = 0; w < 30000; ++w) {
        huge_a += "word" + std::to_string(w % 7919) + " ";
        huge_b += "word" + std::to_string((w * 7) % 7919) + " ";
    }
    plan.actions.push_back(make_action("big.xlsx", 9000, huge_a));
    plan.actions.push_back(make_action("big.xlsx", 9001, huge_b));
    auto r = reconcile({plan}, test_config());
    const auto* tbc = find_with(r, {"big.xlsx", "Sheet1", 2});
    ASSERT_NE(tbc, nullptr);
    EXPECT_EQ(tbc->members.size(), 5000u);
    EXPECT_LE(r.candidate_pairs, 5000u + 10u);
}

TEST(ReconcileHostile, RowsWithoutWordsNeverMerge) {
    Plan plan = make_plan("blank.xlsx", "X", {"", " - ", "", "Complete a workforce plan"});
    auto r = reconcile({plan}, test_config());
    EXPECT_EQ(r.actions.size(), 4u);
    EXPECT_EQ(r.candidate_pairs, 0u);
}

}  // namespace
}  // namespace plancon

TEST(ReconcileBaselines, WhatEachBaselineJoins) {
    EXPECT_FALSE(plancon::eval::same_exactly("Three Year Budget", "three year budget"));
    EXPECT_TRUE(plancon::eval::same_by_excel_rule("Three Year Budget", "three year budget"));
    EXPECT_FALSE(plancon::eval::same_by_excel_rule("Bi-annual EFQM case study", "bi annual efqm case-study"));
    // 4 words of 5 in common: Jaccard 0.8, Power Query's default.
    EXPECT_TRUE(plancon::eval::same_by_word_jaccard("Review the budget plan now", "review the budget plan"));
    EXPECT_FALSE(plancon::eval::same_by_word_jaccard("Review the budget plan", "Revisit the budget plan"));
}

// Regression: a folder given as the decisions file was read as no decisions
// at all, and a file that could not be opened did not say why.
TEST(ReconcileDecisions, AFolderOrAMissingFileSaysWhat) {
    auto problem = [](const std::string& path) {
        try {
            plancon::load_decisions(path);
        } catch (const plancon::DecisionError& e) {
            EXPECT_EQ(e.file(), path);
            return e.problem();
        }
        return std::string("no error");
    };
    EXPECT_EQ(problem(PLANCON_SOURCE_DIR), "the decisions file is a folder, not a file");
    EXPECT_EQ(problem("/nonexistent/decisions.csv"), "cannot open the decisions file: No such file or directory");
}
