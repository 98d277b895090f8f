// reconcile() on several threads gives what it gives on one, to the byte.
#include "plancon/reconcile.hpp"
#include "eval/labelled_pairs.hpp"

#include "test_config.hpp"

#include <gtest/gtest.h>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace plancon {
namespace {

using test::test_config;

// Plans as services write them: the labelled pairs' texts (typos, abbreviations,
// look-alikes), each copied into several plans and retyped a little (a word
// left out, one doubled, case changed), with leads, due dates, statuses,
// references and priorities that agree or drift between copies.
std::vector<Plan> retyped_plans(std::size_t actions) {
    std::set<std::string> distinct;
    for (const auto& p : eval::load_labelled_pairs(PLANCON_SOURCE_DIR "/tests/reconcile/labelled_pairs.tsv"))
        distinct.insert(p.a), distinct.insert(p.b);
    const std::vector<std::string> texts(distinct.begin(), distinct.end());
    std::uint64_t state = 2020;
    auto next = [&state] {
        state = state * 6364136223846793005ULL + 1442695040888963407ULL;
        return static_cast<std::uint32_t>(state >> 33);
    };
    const std::vector<std::string> leads{"Head of Service", "CMT", "Chief Social Work Officer", "HR Manager", "Finance"};
    const std::vector<std::string> priorities{"Leadership", "Budget planning", "Workforce", "Partnership working"};
    std::vector<Plan> plans(12);
    for (std::size_t p = 0; p < plans.size(); ++p) {
        plans[p].document.file = "service" + std::to_string(p) + ".xlsx";
        plans[p].document.service = "Service " + std::to_string(p % 5);
        for (std::size_t k = 0; k < priorities.size(); ++k)
            plans[p].priorities.push_back({std::to_string(k + 1), "area", priorities[k], {}, {plans[p].document.file, "Sheet1", 1}});
    }
    for (std::size_t i = 0; i < actions; ++i) {
        std::istringstream in(texts[next() % texts.size()]);
        std::vector<std::string> words;
        for (std::string w; in >> w;) words.push_back(w);
        switch (next() % 4) {
            case 0:
                if (words.size() > 3) words.erase(words.begin() + static_cast<std::ptrdiff_t>(next() % words.size()));
                break;
            case 1: words.push_back(words[next() % words.size()]); break;
            case 2:
                for (auto& w : words) w[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(w[0])));
                break;
            default: break;
        }
        std::string text;
        for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
        Plan& plan = plans[next() % plans.size()];
        Action a;
        a.text_as_written = text;
        a.source = {plan.document.file, "Sheet1", static_cast<std::uint32_t>(i + 2)};
        a.ref = std::to_string(1 + next() % 9);
        a.leads.push_back({leads[next() % leads.size()], "", Lead::Kind::Post});
        if (next() % 3) a.due.date = Date{2020 + static_cast<int>(next() % 3), 1 + next() % 12, 1 + next() % 28};
        a.status = static_cast<Status>(next() % 8);
        if (next() % 2) a.percent_complete = (next() % 5) * 25.0;
        a.priority = static_cast<int>(next() % (priorities.size() + 1)) - 1;
        plan.actions.push_back(std::move(a));
    }
    return plans;
}

// Every field of a reconciliation, scores to the last bit.
std::string everything(const Reconciliation& r) {
    std::ostringstream out;
    auto source = [&](const Provenance& p) { out << p.file << '|' << p.sheet << '|' << p.row << ' '; };
    auto number = [&](double d) {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%a ", d);
        out << buf;
    };
    for (const auto& p : r.priorities) {
        out << "P " << p.code << ' ' << p.ref << ' ' << p.kind << ' ' << p.title << ':';
        for (const auto& m : p.members) out << m.plan << '.' << m.priority << ' ', source(m.source);
        out << '\n';
    }
    for (const auto& a : r.actions) {
        out << "A " << a.code << ' ' << a.priority_code << ' ' << a.canonical.text_as_written << ':';
        for (const auto& l : a.canonical.leads) out << l.name << ';';
        for (const auto& m : a.members) {
            out << "\n  " << m.plan << '.' << m.action << ' ' << m.service << ' ';
            source(m.source);
            number(m.score);
            out << m.explanation;
        }
        for (const auto& s : a.services) out << "\n  service " << s;
        for (const auto& c : a.conflicts) {
            out << "\n  conflict " << c.field << ':';
            for (const auto& v : c.values) out << v.value << ' ', source(v.source);
        }
        out << '\n';
    }
    for (const auto& d : r.possible_duplicates) {
        out << "D ";
        source(d.a), source(d.b);
        out << d.code_a << ' ' << d.code_b << ' ';
        number(d.score);
        for (const auto& w : d.matched_words) out << w << ',';
        out << '|';
        for (const auto& w : d.only_a) out << w << ',';
        out << '|';
        for (const auto& w : d.only_b) out << w << ',';
        out << '|' << d.held_apart << '\n';
    }
    for (const auto& w : r.warnings) out << "W " << to_string(w) << '\n';
    out << "candidate pairs " << r.candidate_pairs << '\n';
    return out.str();
}

TEST(ReconcileThreads, SameResultOnOneTwoAndFiveThreads) {
    // Enough actions that every stage splits into several chunks; five
    // threads cut the work at other places than two.
    const auto plans = retyped_plans(6000);
    Decisions decisions{
        {Decision::Kind::Merge, "service0.xlsx|Sheet1|2", "service1.xlsx|Sheet1|3", "decisions.csv:1"},
        {Decision::Kind::KeepApart, "service2.xlsx|Sheet1|4", "service3.xlsx|Sheet1|5", "decisions.csv:2"},
        {Decision::Kind::Merge, "service4.xlsx|Sheet1|6", "A-NOSUCHCODE", "decisions.csv:3"},
    };
    ReconcileOptions options;
    options.threads = 1;
    const Reconciliation one = reconcile(plans, test_config(), options, decisions);
    // The input exercises what threads touch: merges, conflicts, possible duplicates.
    std::size_t merged = 0, conflicts = 0;
    for (const auto& a : one.actions) merged += a.members.size() > 1, conflicts += a.conflicts.size();
    EXPECT_GT(merged, 500u);
    EXPECT_GT(conflicts, 500u);
    EXPECT_GT(one.possible_duplicates.size(), 50u);
    EXPECT_FALSE(one.warnings.empty());  // the code no action has

    const std::string expected = everything(one);
    for (unsigned threads : {2u, 5u, 0u}) {
        options.threads = threads;
        EXPECT_EQ(everything(reconcile(plans, test_config(), options, decisions)), expected) << threads << " threads";
    }
}

// The scorer alone, as the quality measurements use it: the same scores and
// words whatever the threads that folded the texts; and score_only, which
// clustering uses, scores as score does.
TEST(ReconcileThreads, ScorerFoldsAlikeOnAnyThreads) {
    std::vector<std::string> corpus;
    for (const auto& p : retyped_plans(3000))
        for (const auto& a : p.actions) corpus.push_back(a.text_as_written);
    const TextScorer one(corpus, test_config(), 1);
    const TextScorer three(corpus, test_config(), 3);
    const auto pairs = one.candidates(4, 64);
    ASSERT_EQ(three.candidates(4, 64), pairs);
    ASSERT_GT(pairs.size(), 1000u);
    for (auto [i, j] : pairs) {
        const auto a = one.score(i, j);
        const auto b = three.score(i, j);
        ASSERT_EQ(a.score, b.score) << corpus[i] << " / " << corpus[j];
        ASSERT_EQ(a.matched_words, b.matched_words);
        ASSERT_EQ(a.only_a, b.only_a);
        ASSERT_EQ(a.only_b, b.only_b);
        ASSERT_EQ(a.held_apart, b.held_apart);
        // What clustering uses: the same score, held apart alike, no words built.
        const auto c = three.score_only(i, j);
        ASSERT_EQ(c.score, a.score);
        ASSERT_EQ(c.held_apart.empty(), a.held_apart.empty());
        ASSERT_TRUE(c.matched_words.empty() && c.only_a.empty() && c.only_b.empty());
    }
}

}  // namespace
}  // namespace plancon
