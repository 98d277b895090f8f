// Every layout fixture, read through plancon::read_workbook, gives the plan
// dump checked in beside it (fixtures/expected/NAME.plan.txt, read and checked
// by hand), whatever the file format it was converted to, and accounts for
// every row.
#include "plancon/layout.hpp"
#include "plancon/read.hpp"
#include "row_accounting.hpp"

#include "test_config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace plancon;
using plancon::test::config_with_profile;
using plancon::test::test_config;

namespace {

struct FixtureCase {
    std::string file;      // in fixtures/
    std::string expected;  // name of the expected dump (the layout, whatever the format)
};

void PrintTo(const FixtureCase& c, std::ostream* out) { *out << c.file; }

std::vector<FixtureCase> cases() {
    std::vector<FixtureCase> out;
    for (const char* name : {"psif_improvement_plan_repeated_headers", "psif_areas_for_improvement",
                             "joint_inspection_plan_header_every_action", "od_strategy_programme_for_change",
                             "cswo_gradings_appendix", "corporate_tracker_extra_columns",
                             "community_justice_several_tables_one_sheet", "ics_priorities_continued_heading",
                             "ics_priorities_rows_in_table"})
        out.push_back({std::string(name) + ".xlsx", name});
    for (const char* name : {"psif_improvement_plan_repeated_headers", "joint_inspection_plan_header_every_action",
                             "ics_priorities_continued_heading"})
        out.push_back({std::string(name) + ".ods", name});
    for (const char* name : {"psif_improvement_plan_repeated_headers", "joint_inspection_plan_header_every_action",
                             "cswo_gradings_appendix", "community_justice_several_tables_one_sheet"})
        out.push_back({std::string(name) + ".xls", name});
    out.push_back({"budget_tracker_windows1252.csv", "budget_tracker_windows1252"});
    return out;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

class FixturePlan : public ::testing::TestWithParam<FixtureCase> {
protected:
    // Reads the fixture; false (with why) when this build has no reader for its format yet.
    bool read(Workbook& wb, std::string& why) {
        const std::string path = std::string(PLANCON_FIXTURES_DIR) + "/" + GetParam().file;
        try {
            wb = read_workbook(path);
        } catch (const ReadError& e) {
            if (std::string(e.what()).find("not supported yet") != std::string::npos) {
                why = std::string("no reader for this format in this build yet: ") + e.what();
                return false;
            }
            throw;
        }
        wb.path = GetParam().file;  // so dumps do not depend on where the source tree is
        return true;
    }
};

}  // namespace

TEST_P(FixturePlan, MatchesTheExpectedDump) {
    Workbook wb;
    std::string why;
    if (!read(wb, why)) GTEST_SKIP() << why;
    std::string expected = slurp(std::string(PLANCON_FIXTURES_DIR) + "/expected/" + GetParam().expected + ".plan.txt");
    ASSERT_FALSE(expected.empty()) << "missing expected dump for " << GetParam().expected;
    // The same layout in another format: only the file line differs.
    std::size_t end = expected.find('\n');
    expected.replace(0, end, "file: " + GetParam().file);
    std::string actual = dump_plan(build_plan(wb, test_config()));
    EXPECT_EQ(actual, expected);
    if (actual != expected) {
        std::ofstream(std::filesystem::temp_directory_path() / (GetParam().file + ".plan.txt")) << actual;
        ADD_FAILURE() << "actual dump written to " << (std::filesystem::temp_directory_path() / (GetParam().file + ".plan.txt"));
    }
}

TEST_P(FixturePlan, AccountsForEveryRow) {
    Workbook wb;
    std::string why;
    if (!read(wb, why)) GTEST_SKIP() << why;
    Plan plan = build_plan(wb, test_config());
    test::expect_rows_conserved(wb, plan);
    EXPECT_FALSE(plan.rows.empty());
}

INSTANTIATE_TEST_SUITE_P(Fixtures, FixturePlan, ::testing::ValuesIn(cases()), [](const auto& info) {
    std::string name = info.param.file;
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
});

// Counts a careful officer would give for each seed plan, stated here
// independently of the dumps.
struct Count {
    const char* file;
    std::size_t priorities, actions, findings, appendix_rows;
};
void PrintTo(const Count& c, std::ostream* out) { *out << c.file; }

class FixtureCounts : public ::testing::TestWithParam<Count> {};

TEST_P(FixtureCounts, HaveTheRightNumberOfPrioritiesActionsFindingsAndAppendixRows) {
    const Count& c = GetParam();
    Workbook wb;
    try {
        wb = read_workbook(std::string(PLANCON_FIXTURES_DIR) + "/" + c.file);
    } catch (const ReadError& e) {
        if (std::string(e.what()).find("not supported yet") == std::string::npos) throw;
        GTEST_SKIP() << "no reader for this format in this build yet: " << e.what();
    }
    Plan plan = build_plan(wb, test_config());
    std::size_t appendix_rows = 0;
    for (const AppendixTable& t : plan.appendices) appendix_rows += t.rows.size();
    EXPECT_EQ(plan.priorities.size(), c.priorities);
    EXPECT_EQ(plan.actions.size(), c.actions);
    EXPECT_EQ(plan.findings.size(), c.findings);
    EXPECT_EQ(appendix_rows, c.appendix_rows);
}

INSTANTIATE_TEST_SUITE_P(SeedPlans, FixtureCounts,
                         ::testing::Values(Count{"psif_improvement_plan_repeated_headers.xlsx", 5, 13, 0, 0},
                                           Count{"psif_areas_for_improvement.xlsx", 0, 0, 11, 0},
                                           Count{"joint_inspection_plan_header_every_action.xlsx", 4, 10, 0, 0},
                                           Count{"od_strategy_programme_for_change.xlsx", 4, 15, 0, 0},
                                           Count{"cswo_gradings_appendix.xlsx", 0, 0, 0, 13},
                                           Count{"corporate_tracker_extra_columns.xlsx", 0, 6, 0, 0},
                                           Count{"community_justice_several_tables_one_sheet.xlsx", 2, 3, 0, 2},
                                           Count{"ics_priorities_continued_heading.xlsx", 2, 4, 0, 0},
                                           Count{"ics_priorities_rows_in_table.xlsx", 4, 4, 0, 0},
                                           // Without merged ranges (the .xls reader cannot see them)
                                           // the structure still holds: same priorities, same actions.
                                           Count{"psif_improvement_plan_repeated_headers.xls", 5, 13, 0, 0}),
                         [](const auto& info) {
                             std::string name = info.param.file;
                             for (char& ch : name)
                                 if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
                             return name;
                         });
