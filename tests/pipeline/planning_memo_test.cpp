// A PlanningMemo kept from workbook to workbook (as each thread of
// `plancon consolidate` keeps one) gives exactly the plans fresh planning
// gives, whatever order the workbooks come in and whatever the memo met
// before; a memo made for one configuration is refused with another.
#include "plancon/pipeline.hpp"
#include "plancon/values.hpp"

#include "layout/sheet_builder.hpp"
#include "test_config.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <numeric>
#include <random>
#include <sstream>
#include <stdexcept>

using namespace plancon;
using plancon::test::SheetBuilder;
using plancon::test::test_config;

namespace {

// Everything planning derives: the layout and rows (dump_plan, describe_layout
// with its evidence and scores), and what normalise makes of each action.
std::string everything(const Plan& plan) {
    std::ostringstream out;
    out << dump_plan(plan) << describe_layout(plan);
    for (const Action& a : plan.actions) {
        out << "text: " << a.text << "\nservice: " << a.service << "\ndue: " << to_string(a.due.kind) << " "
            << (a.due.date ? to_iso(*a.due.date) : "-") << " " << (a.due.review ? to_iso(*a.due.review) : "-") << " "
            << a.due.recurrence << " (" << a.due.basis << ")\nstart: " << (a.start ? to_iso(*a.start) : "-")
            << "\nstatus: " << to_string(a.status) << " " << a.percent_complete.value_or(-1) << "\nleads:";
        for (const Lead& l : a.leads) out << " [" << l.name << " | " << l.as_written << " | " << to_string(l.kind) << "]";
        out << "\nlinks:";
        for (const Link& l : a.links) out << " [" << l.target << " | " << l.as_written << "]";
        out << "\n";
    }
    for (const Finding& f : plan.findings)
        for (const Link& l : f.links) out << "finding link: " << l.target << "\n";
    for (const Warning& w : plan.warnings) out << to_string(w) << "\n";
    return out.str();
}

// Two task lists showing "Draft the plan" indented under a group in one and
// unindented in the other: an indent is a cell's, not its text's, so a memo
// must not carry it from one workbook to the next ("Design" heads the first
// list's task, and is a task itself in the second).
std::vector<Workbook> indented_tasks() {
    std::vector<Workbook> out(2);
    for (std::size_t k = 0; k < 2; ++k) {
        const std::string indent = k == 0 ? "    " : "";
        out[k].path = k == 0 ? "indented.xlsx" : "flat.xlsx";
        SheetBuilder(out[k], "Tasks")
            .row(1, {"Task", "Owner", "Due Date"})
            .row(2, {"Design"})
            .row(3, {indent + "Draft the plan", "J. Smith"})
            .date(3, 2, 2020, 6, 30)
            .row(4, {indent + "Consult on the plan", "J. Smith"})
            .date(4, 2, 2020, 7, 31)
            .done();
    }
    return out;
}

// The fixtures and the real trackers of the corpus: layouts of every kind,
// sharing many header words, leads and dates.
const std::vector<Workbook>& workbooks() {
    static const std::vector<Workbook> books = [] {
        std::vector<std::string> inputs{PLANCON_FIXTURES_DIR};
        if (std::filesystem::is_directory(std::filesystem::path(PLANCON_CORPUS_DIR) / "trackers"))
            inputs.push_back((std::filesystem::path(PLANCON_CORPUS_DIR) / "trackers").string());
        std::vector<Workbook> out = indented_tasks();
        for (const std::string& file : find_inputs(inputs)) {
            try {
                out.push_back(read_workbook(file));
            } catch (const ReadError&) {
                // An unreadable file plans nothing either way.
            }
        }
        return out;
    }();
    return books;
}

std::vector<std::string> fresh_plans(const Config& config) {
    std::vector<std::string> out;
    for (const Workbook& wb : workbooks()) out.push_back(everything(plan_workbook(wb, config)));
    return out;
}

// The orders a memo meets the workbooks in: forwards, backwards, shuffled.
std::vector<std::vector<std::size_t>> orders(std::size_t n) {
    std::vector<std::size_t> forwards(n);
    std::iota(forwards.begin(), forwards.end(), 0);
    std::vector<std::size_t> backwards(forwards.rbegin(), forwards.rend());
    std::vector<std::size_t> shuffled = forwards;
    std::shuffle(shuffled.begin(), shuffled.end(), std::mt19937(20200215));
    return {forwards, backwards, shuffled};
}

// A configuration that reads leads differently: no alias is expanded.
Config without_aliases() {
    Config config = test_config();
    config.leads = LeadAliases{};
    return config;
}

}  // namespace

TEST(PlanningMemo, SharedAcrossWorkbooksInAnyOrderGivesFreshPlans) {
    ASSERT_GE(workbooks().size(), 15u);
    const std::vector<std::string> fresh = fresh_plans(test_config());
    // The task lists do read differently: the first a group of two tasks, the second three tasks.
    ASSERT_NE(fresh[0], fresh[1]);
    EXPECT_EQ(plan_workbook(workbooks()[0], test_config()).actions.size(), 2u);
    EXPECT_EQ(plan_workbook(workbooks()[1], test_config()).actions.size(), 3u);
    PlanningMemo memo(test_config());  // one memo for every pass: each pass meets texts the others left in it
    for (const auto& order : orders(workbooks().size()))
        for (std::size_t i : order)
            EXPECT_EQ(everything(plan_workbook(workbooks()[i], test_config(), {}, &memo)), fresh[i])
                << workbooks()[i].path;
}

TEST(PlanningMemo, AnswersForItsOwnConfigurationOnly) {
    const Config other = without_aliases();
    const std::vector<std::string> fresh = fresh_plans(test_config());
    const std::vector<std::string> fresh_other = fresh_plans(other);
    // The configurations do read some of these workbooks differently, so a
    // memo answering for the wrong one would show.
    std::size_t differ = 0;
    for (std::size_t i = 0; i < fresh.size(); ++i) differ += fresh[i] != fresh_other[i];
    EXPECT_GE(differ, 1u);

    PlanningMemo memo(test_config());
    PlanningMemo memo_other(other);
    for (std::size_t i = 0; i < workbooks().size(); ++i) {
        // Alternating, each memo sees the texts the other just read.
        EXPECT_EQ(everything(plan_workbook(workbooks()[i], test_config(), {}, &memo)), fresh[i]) << workbooks()[i].path;
        EXPECT_EQ(everything(plan_workbook(workbooks()[i], other, {}, &memo_other)), fresh_other[i]) << workbooks()[i].path;
    }
    // A memo made for one configuration is refused with another, by each stage.
    EXPECT_THROW(plan_workbook(workbooks().front(), other, {}, &memo), std::invalid_argument);
    LayoutOptions layout;
    layout.memo = &memo.layout;
    EXPECT_THROW(build_plan(workbooks().front(), other, layout), std::invalid_argument);
    Plan plan = build_plan(workbooks().front(), other);
    NormaliseOptions normalise;
    normalise.memo = &memo.values;
    EXPECT_THROW(normalise_plan(plan, other, normalise), std::invalid_argument);
}
