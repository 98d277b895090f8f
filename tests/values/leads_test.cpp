// Every lead cell in the seeds' plan tables, split, expanded and classified.
#include "plancon/values.hpp"
#include "values/seed_cells.hpp"

#include "test_config.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace plancon {
namespace {

using test::test_config;

using K = Lead::Kind;

struct Expected {
    std::string name;
    K kind;
    std::string as_written;  // "" = same as name
};

struct LeadCase {
    const char* source;
    std::string cell;
    std::vector<Expected> leads;
    std::vector<std::string> notes;
};

void PrintTo(const LeadCase& c, std::ostream* os) { *os << c.source << ": \"" << c.cell << "\""; }

class SeedLeadCell : public testing::TestWithParam<LeadCase> {};

TEST_P(SeedLeadCell, SplitsExpandsAndClassifies) {
    const LeadCase& c = GetParam();
    const LeadCell cell = read_lead_cell(c.cell, test_config().leads);
    std::vector<std::string> got;
    for (const Lead& l : cell.leads) got.push_back(l.name + " [" + std::string(to_string(l.kind)) + "] <" + l.as_written + ">");
    std::vector<std::string> want;
    for (const Expected& e : c.leads)
        want.push_back(e.name + " [" + std::string(to_string(e.kind)) + "] <" + (e.as_written.empty() ? e.name : e.as_written) + ">");
    EXPECT_EQ(got, want);
    EXPECT_EQ(cell.notes, c.notes);
    EXPECT_EQ(split_leads(c.cell, test_config().leads), cell.leads);
}

const LeadCase seed_cells[] = {
    // seed 000 Appendix 1b "Lead" (cells flattened to one line by the text export)
    {"000 IA1", "Chief Education Officer Chief Social Work Officer",
     {{"Chief Education Officer", K::Post, ""}, {"Chief Social Work Officer", K::Post, ""}}, {}},
    {"000 IA1 as a two-line cell", "Chief Education Officer\nChief Social Work Officer",
     {{"Chief Education Officer", K::Post, ""}, {"Chief Social Work Officer", K::Post, ""}}, {}},
    {"000 IA2", "Children & Families Management Team Ensure clear links with Learning & Organisational Development and CBSS.",
     {{"Children & Families Management Team", K::Body, ""}},
     {"Ensure clear links with Learning & Organisational Development and CBSS"}},
    {"000 IA3", "Chief Executive Officers across the Council. Managers in Children & Families Service",
     {{"Chief Executive Officers across the Council", K::Post, ""}, {"Managers in Children & Families Service", K::Post, ""}}, {}},
    {"000 IA4", "Children & Families Senior Management Team Strategy & Performance Team Learning & Organisational Development",
     {{"Children & Families Senior Management Team", K::Body, ""},
      {"Strategy & Performance Team", K::Body, ""},
      {"Learning & Organisational Development", K::Body, ""}},
     {}},
    {"000 IA4 second row", "", {}, {}},
    {"000 IA5 page 2", "Glyn Lloyd", {{"Glyn Lloyd", K::Person, ""}}, {}},
    {"000 IA5", "Council Management Team Dundee Partnership Management Group Council's Leadership Team",
     {{"Council Management Team", K::Body, ""}, {"Dundee Partnership Management Group", K::Body, ""}, {"Council's Leadership Team", K::Body, ""}},
     {}},
    // seed 001 Appendix 1 "Lead(s)"
    {"001 1.1", "ICS Strategy and Performance Team",
     {{"Integrated Children's Services Strategy and Performance Team", K::Body, "ICS Strategy and Performance Team"}}, {}},
    {"001 2.1", "Tayside GIRFEC Group (Procedures Sub Group) GIG L&WD sub group GIG Scrutiny Group Single Agency Scrutiny Activity",
     {{"Tayside GIRFEC Group (Procedures Sub Group)", K::Body, ""},
      {"GIRFEC Implementation Group Learning and Workforce Development sub group", K::Body, "GIG L&WD sub group"},
      {"GIRFEC Implementation Group Scrutiny Group", K::Body, "GIG Scrutiny Group"},
      {"Single Agency Scrutiny Activity", K::Body, ""}},
     {}},
    {"001 2.2", "GIG Learning and Quality Assurance Sub Group Individual operational managers in DCC C&F Service and Tayside Health Board using agreed Audit Tool",
     {{"GIRFEC Implementation Group Learning and Quality Assurance Sub Group", K::Body, "GIG Learning and Quality Assurance Sub Group"},
      {"Individual operational managers in Dundee City Council Children & Families Service", K::Post,
       "Individual operational managers in DCC C&F Service"},
      {"Tayside Health Board", K::Body, ""}},
     {"using agreed Audit Tool"}},
    {"001 2.3", "GIG Learning and Workforce Development Sub Group DCC Learning and Organisational Development Service Tayside Health Board Learning and Organisational Development Individual practitioner/ manager input",
     {{"GIRFEC Implementation Group Learning and Workforce Development Sub Group", K::Body, "GIG Learning and Workforce Development Sub Group"},
      {"Dundee City Council Learning and Organisational Development Service", K::Body, "DCC Learning and Organisational Development Service"},
      {"Tayside Health Board", K::Body, ""},
      {"Learning & Organisational Development", K::Body, "Learning and Organisational Development"},
      {"Individual practitioner", K::Post, ""},
      {"manager input", K::Post, ""}},
     {}},
    {"001 3.1", "ICS Strategy and Performance Team Clear link to Protecting People Self Evaluation Reference Group",
     {{"Integrated Children's Services Strategy and Performance Team", K::Body, "ICS Strategy and Performance Team"}},
     {"Clear link to Protecting People Self Evaluation Reference Group"}},
    {"001 4.1", "Dundee Partnership Co-ordinating Group/JMG/ COG/ SPGs/GIG/ Service Management Teams",
     {{"Dundee Partnership Co-ordinating Group", K::Body, ""},
      {"Joint Management Group", K::Body, "JMG"},
      {"Chief Officers Group", K::Body, "COG"},
      {"Strategic Planning Groups", K::Body, "SPGs"},
      {"GIRFEC Implementation Group", K::Body, "GIG"},
      {"Service Management Teams", K::Body, ""}},
     {}},
    {"001 4.3", "CPC", {{"Child Protection Committee", K::Body, "CPC"}}, {}},
    {"001 4.4", "LAC SPG/ICS Strategy and Performance Team/ operational managers and practitioners",
     {{"Looked After Children Strategic Planning Group", K::Body, "LAC SPG"},
      {"Integrated Children's Services Strategy and Performance Team", K::Body, "ICS Strategy and Performance Team"},
      {"operational managers", K::Post, ""},
      {"practitioners", K::Post, ""}},
     {}},
    {"001 4.5", "JMG/COG/ CPC/ ICS Strategy and Performance Team",
     {{"Joint Management Group", K::Body, "JMG"},
      {"Chief Officers Group", K::Body, "COG"},
      {"Child Protection Committee", K::Body, "CPC"},
      {"Integrated Children's Services Strategy and Performance Team", K::Body, "ICS Strategy and Performance Team"}},
     {}},
    // seed 003 signature block: one post, the "and" is inside its title
    {"003 signature", "Head of Integrated Children's Services and Criminal Justice/ Chief Social Work Officer",
     {{"Head of Integrated Children's Services and Criminal Justice", K::Post, ""}, {"Chief Social Work Officer", K::Post, ""}}, {}},
    // seed 004 7.6: a post with its remit in brackets
    {"004 7.6", "Corporate Planning Manager (Integrated Children's Services)",
     {{"Corporate Planning Manager (Integrated Children's Services)", K::Post, ""}}, {}},
};
INSTANTIATE_TEST_SUITE_P(Seeds, SeedLeadCell, testing::ValuesIn(seed_cells));

// The table above must hold every lead cell of the seeds' plan tables.
TEST(LeadCells, EverySeedLeadCellIsInTheTable) {
    if (!std::filesystem::is_directory(test::seeds_dir())) GTEST_SKIP() << "seeds not found at " << test::seeds_dir();
    std::vector<std::string> cells = test::seed_column("000", "Lead");
    const auto leads = test::seed_column("001", "Lead(s)");
    cells.insert(cells.end(), leads.begin(), leads.end());
    EXPECT_GE(cells.size(), 15u);
    // A PDF export artefact (seed 000, a page footer torn across the columns), not a lead cell.
    const std::string artefact = "h: to achieve a mea";
    for (const std::string& cell : cells) {
        if (cell == artefact) continue;
        const bool listed = std::any_of(std::begin(seed_cells), std::end(seed_cells),
                                        [&](const LeadCase& c) { return c.cell == cell; });
        EXPECT_TRUE(listed) << "seed lead cell missing from the table: \"" << cell << "\"";
    }
}

const LeadCase other_cells[] = {
    {"DOMAIN aliases", "CMT; C&F, DCC",
     {{"Council Management Team", K::Body, "CMT"}, {"Children & Families", K::Body, "C&F"}, {"Dundee City Council", K::Body, "DCC"}}, {}},
    {"DOMAIN aliases", "CSWO and DHSCP",
     {{"Chief Social Work Officer", K::Post, "CSWO"}, {"Dundee Health & Social Care Partnership", K::Body, "DHSCP"}}, {}},
    {"people", "J Smith and K Brown", {{"J Smith", K::Person, ""}, {"K Brown", K::Person, ""}}, {}},
    {"people", "Jane Smith, Head of Service", {{"Jane Smith", K::Person, ""}, {"Head of Service", K::Post, ""}}, {}},
    {"and inside a body", "Children and Families Management Team",
     {{"Children & Families Management Team", K::Body, "Children and Families Management Team"}}, {}},
    {"bullets", "\u2022 Service Manager\n\u2022 Team Leader", {{"Service Manager", K::Post, ""}, {"Team Leader", K::Post, ""}}, {}},
    {"no lead", "TBC", {}, {"TBC"}},
    {"no lead", "N/A", {}, {"N/A"}},
};
INSTANTIATE_TEST_SUITE_P(Others, SeedLeadCell, testing::ValuesIn(other_cells));

TEST(LeadKind, ClassifiesByHeadWord) {
    EXPECT_EQ(classify_lead("Head of Service"), K::Post);
    EXPECT_EQ(classify_lead("Executive Director of Children & Families"), K::Post);
    EXPECT_EQ(classify_lead("Senior Performance Officer"), K::Post);
    EXPECT_EQ(classify_lead("Scrutiny Committee"), K::Body);
    EXPECT_EQ(classify_lead("Dundee Partnership"), K::Body);
    EXPECT_EQ(classify_lead("Jane Smith"), K::Person);
    EXPECT_EQ(classify_lead("J. Smith"), K::Person);
    EXPECT_EQ(classify_lead("Protecting People"), K::Body);
}

std::string alias_error(const std::string& content) {
    try {
        parse_lead_aliases(content, "leads.tsv");
    } catch (const TemplateError& e) {
        return e.what();
    }
    return "no error";
}

TEST(AliasTable, ReadsAliasesAndComments) {
    const LeadAliases a = parse_lead_aliases("# comment\n\nXYZ\tExample Group\tbody\r\nHOS\tHead of Service\tpost\n", "leads.tsv");
    ASSERT_EQ(a.entries().size(), 2u);
    ASSERT_NE(a.find("HOS"), nullptr);
    EXPECT_EQ(a.find("HOS")->kind, K::Post);
    EXPECT_EQ(a.find("XYZ")->expansion, "Example Group");
    EXPECT_EQ(a.find("xyz"), nullptr) << "aliases are case-sensitive";
    const auto leads = split_leads("XYZ/HOS", a);
    ASSERT_EQ(leads.size(), 2u);
    EXPECT_EQ(leads[1].name, "Head of Service");
}

TEST(AliasTable, ErrorsNameFileAndLine) {
    const std::string missing_kind = alias_error("# c\nXYZ\tExample Group\n");
    EXPECT_NE(missing_kind.find("leads.tsv: line 2: "), std::string::npos) << missing_kind;
    const std::string bad_kind = alias_error("XYZ\tExample\tthing\n");
    EXPECT_NE(bad_kind.find("leads.tsv: line 1: kind must be person, post or body"), std::string::npos) << bad_kind;
    const std::string twice = alias_error("XYZ\tA\tbody\nXYZ\tB\tbody\n");
    EXPECT_NE(twice.find("leads.tsv: line 2: alias \"XYZ\" given twice"), std::string::npos) << twice;
}

TEST(LeadCellHostile, InvalidUtf8AndLongCellsDoNotCrash) {
    EXPECT_NO_THROW(read_lead_cell(std::string("\xff\xfe Team \xc3", 10), test_config().leads));
    std::string many;
    for (int i = 0; i < 2000; ++i) many += "JMG/";
    EXPECT_EQ(split_leads(many, test_config().leads).size(), 2000u);
}

}  // namespace
}  // namespace plancon
