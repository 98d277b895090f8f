#include "plancon/normalise.hpp"
#include "test_config.hpp"

#include <gtest/gtest.h>

namespace plancon {
namespace {

using test::test_config;

std::vector<std::string> targets(const std::vector<Link>& links) {
    std::vector<std::string> out;
    for (const Link& l : links) out.push_back(l.target);
    return out;
}

using V = std::vector<std::string>;

TEST(Links, Seed000CurrentPlannedActionCells) {
    EXPECT_EQ(targets(find_links("Linked to Improvement Actions 4 and 5")), (V{"Improvement Action 4", "Improvement Action 5"}));
    EXPECT_EQ(targets(find_links("Identified as a priority: Improvement Action 2 (see Appendix 1b for Improvement Action Plan)")),
              (V{"Improvement Action 2"}));
    EXPECT_EQ(targets(find_links("Linked to Improvement Action 1, 2 and 3 The Improvement Actions in relation to co-location")),
              (V{"Improvement Action 1", "Improvement Action 2", "Improvement Action 3"}));
    EXPECT_EQ(targets(find_links("Improvement Actions 2 and 3 address this from both a top down and bottom up approach.")),
              (V{"Improvement Action 2", "Improvement Action 3"}));
    EXPECT_EQ(targets(find_links("Improvement action 4 is concerned with a place based approach")), (V{"Improvement Action 4"}));
    EXPECT_EQ(targets(find_links("Links to Improvement Action 4. The details ... Improvement Action 4 aims to ensure")),
              (V{"Improvement Action 4"}));
    EXPECT_EQ(targets(find_links("Consistent, transparent communication is a common theme across all agreed Improvement Actions. Improvement Action 5 is concerned")),
              (V{"Improvement Action 5"}));
    const auto links = find_links("Linked to Improvement Actions 4 and 5");
    ASSERT_EQ(links.size(), 2u);
    EXPECT_EQ(links[1].as_written, "Improvement Actions 4 and 5");
}

TEST(Links, Ranges) {
    EXPECT_EQ(targets(find_links("Improvement Actions 1-3")), (V{"Improvement Action 1", "Improvement Action 2", "Improvement Action 3"}));
    EXPECT_EQ(targets(find_links("Improvement Actions 4 to 5 and 7")),
              (V{"Improvement Action 4", "Improvement Action 5", "Improvement Action 7"}));
    EXPECT_EQ(targets(find_links("Improvement Action 5-3")), (V{"Improvement Action 5"})) << "a backwards range is not expanded";
    EXPECT_EQ(targets(find_links("Improvement Action 1-999")), (V{"Improvement Action 1"})) << "nor a huge one";
}

TEST(Links, NumberedReferences) {
    EXPECT_EQ(targets(find_links("as above (see 2.3)")), (V{"2.3"}));
    EXPECT_EQ(targets(find_links("See section 4.1 and see para 3.2.1.")), (V{"4.1", "3.2.1"}));
    EXPECT_TRUE(find_links("see Appendix 1b").empty());
    EXPECT_TRUE(find_links("we will see 3rd sector partners").empty());
    EXPECT_TRUE(find_links("No links here").empty());
    EXPECT_TRUE(find_links("Improvement Action Plan").empty());
}

Action action(std::string ref, std::string text, std::string leads, std::string due, std::string status = {}) {
    Action a;
    a.ref = std::move(ref);
    a.text_as_written = std::move(text);
    a.leads_as_written = std::move(leads);
    a.due.as_written = std::move(due);
    a.status_as_written = std::move(status);
    a.source = {"seed.xlsx", "Plan", 7};
    return a;
}

TEST(NormalisePlan, FillsEveryDerivedFieldAndWarns) {
    Plan plan;
    plan.actions.push_back(action("4.5", "Examine how the Chief Officers Group and the Joint Management Group can use Balanced Scorecards\u2026",
                                  "JMG/COG/ CPC/ ICS Strategy and Performance Team", "December 2016 and six monthly thereafter", "Green"));
    plan.actions.push_back(action("IA2", "\u2022 Prioritise time for support to staff", "",
                                  "Establish a standard and agree a process ... within next three months"));
    plan.actions.push_back(action("IA4", "Enhance strategy & performance team links (see 2.3)",
                                  "Children & Families Management Team Ensure clear links with Learning & Organisational Development and CBSS.",
                                  "Linked to Improvement Action 1. Review process to begin immediately", "100%"));
    Action dated = action("R1", "Dated", "CMT", "");
    dated.due.kind = Due::Kind::Date;
    dated.due.date = Date{2020, 3, 31};
    dated.service = "Own service";
    plan.actions.push_back(dated);

    plan.document.service = "Children & Families";
    normalise_plan(plan, test_config());

    const Action& a = plan.actions[0];
    EXPECT_EQ(a.text, "Examine how the Chief Officers Group and the Joint Management Group can use Balanced Scorecards...");
    ASSERT_EQ(a.leads.size(), 4u);
    EXPECT_EQ(a.leads[3].name, "Integrated Children's Services Strategy and Performance Team");
    EXPECT_EQ(a.due.kind, Due::Kind::Date);
    EXPECT_EQ(to_iso(*a.due.date), "2016-12-31");
    EXPECT_EQ(a.due.recurrence, "six monthly");
    EXPECT_EQ(a.status, Status::OnTrack);
    EXPECT_EQ(a.service, "Children & Families");

    const Action& b = plan.actions[1];
    EXPECT_EQ(b.text, "Prioritise time for support to staff");
    EXPECT_TRUE(b.leads.empty());
    EXPECT_EQ(b.due.kind, Due::Kind::Unreadable);
    EXPECT_EQ(b.status, Status::Unknown);

    const Action& c = plan.actions[2];
    EXPECT_EQ(c.percent_complete, 100.0);
    EXPECT_EQ(c.status, Status::Complete);
    EXPECT_EQ(targets(c.links), (V{"2.3"}));
    ASSERT_EQ(c.leads.size(), 1u);

    const Action& d = plan.actions[3];
    EXPECT_EQ(d.due.kind, Due::Kind::Date) << "a date cell stays a date";
    EXPECT_EQ(d.due.basis, "date cell");
    EXPECT_EQ(d.due.as_written, "2020-03-31");
    EXPECT_EQ(d.service, "Own service") << "a service already set is kept";

    std::vector<std::string> messages;
    for (const Warning& w : plan.warnings) {
        EXPECT_EQ(w.source, (Provenance{"seed.xlsx", "Plan", 7}));
        messages.push_back(w.message);
    }
    ASSERT_EQ(messages.size(), 4u) << testing::PrintToString(messages);
    EXPECT_EQ(messages[0], "action IA2: no lead");
    EXPECT_NE(messages[1].find("action IA2: due date not read: \"Establish a standard"), std::string::npos) << messages[1];
    EXPECT_EQ(messages[2], "action IA4: words in the lead cell are not a lead: \"Ensure clear links with Learning & Organisational Development and CBSS\"");
    EXPECT_NE(messages[3].find("action IA4: due date not read"), std::string::npos) << messages[3];
}

TEST(NormalisePlan, FindingsGetLinksFromTheirPlannedAction) {
    Plan plan;
    Finding f;
    f.planned_action = "Identified as a priority: Improvement Action 2 (see Appendix 1b for Improvement Action Plan)";
    plan.findings.push_back(f);
    normalise_plan(plan, test_config());
    EXPECT_EQ(targets(plan.findings[0].links), (V{"Improvement Action 2"}));
    normalise_plan(plan, test_config());
    EXPECT_EQ(plan.findings[0].links.size(), 1u) << "running twice adds nothing";
}

// Regression: a start date was read as a due date, so "April 2020" started
// on 30 April; a period starts on its first day.
TEST(NormalisePlan, AStartDateIsThePeriodsFirstDay) {
    Plan plan;
    for (const char* start : {"April 2020", "2019/20"}) {
        Action a = action("1", "Publish the plan", "CMT", "March 2021");
        a.start_as_written = start;
        plan.actions.push_back(a);
    }
    normalise_plan(plan, test_config());
    EXPECT_EQ(plan.actions[0].start, (Date{2020, 4, 1}));
    EXPECT_EQ(plan.actions[1].start, (Date{2019, 4, 1}));
    EXPECT_EQ(plan.actions[0].due.date, (Date{2021, 3, 31}));
}

}  // namespace
}  // namespace plancon
