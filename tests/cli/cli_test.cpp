// The plancon binary as a user runs it: exit codes, one-line errors, output files.
#include "cli/run_plancon.hpp"
#include "temp_dir.hpp"
#include "under_asan.hpp"
#include "xlsx_with_sheet.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace fs = std::filesystem;

namespace {

std::string fixture(const std::string& name) { return std::string(PLANCON_SOURCE_DIR) + "/tests/read/fixtures/" + name; }
std::string hostile(const std::string& name) { return std::string(PLANCON_SOURCE_DIR) + "/tests/read/hostile/" + name; }

using plancon::test::under_asan;

}  // namespace

TEST(Cli, VersionAndHelp) {
    CliRun v = run_plancon("--version");
    EXPECT_EQ(v.status, 0);
    EXPECT_EQ(v.out.rfind("plancon ", 0), 0u);
    for (const char* cmd : {"inspect", "convert", "consolidate", "validate", "profile"}) {
        CliRun h = run_plancon(std::string(cmd) + " --help");
        EXPECT_EQ(h.status, 0) << cmd;
        EXPECT_NE(h.out.find("usage: plancon " + std::string(cmd)), std::string::npos) << cmd;
    }
}

TEST(Cli, UsageErrorsExitTwo) {
    EXPECT_EQ(run_plancon("").status, 2);
    EXPECT_EQ(run_plancon("frobnicate").status, 2);
    // A missing operand is named as the usage line names it, not as the
    // hidden option Boost keeps it in.
    CliRun none = run_plancon("inspect");
    EXPECT_EQ(none.status, 2);
    EXPECT_EQ(none.err, "plancon: no file given (usage: plancon inspect FILE|FOLDER... [--plan] [--profile FILE] [options])\n");
    EXPECT_EQ(run_plancon("validate").err.rfind("plancon: no feed given (usage: plancon validate", 0), 0u);
    EXPECT_EQ(run_plancon("convert a.xlsx b.xlsx").status, 2);
    CliRun bad = run_plancon("convert " + fixture("xlsx_1904_dates.xlsx") + " --to pdf");
    EXPECT_EQ(bad.status, 2);
    EXPECT_EQ(bad.err, "plancon: --to must be csv or json, not 'pdf'\n");
}

TEST(Cli, InspectShowsSheetsRangesAndTypes) {
    CliRun r = run_plancon("inspect " + fixture("xlsx_features_openpyxl.xlsx"));
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("xlsx, 3 sheets, 1900 date system"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("sheet 1 'Tracker' (visible): used range A1:G7"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("merged: A5:A7"), std::string::npos);
    EXPECT_NE(r.out.find("hidden rows: 4"), std::string::npos);
    EXPECT_NE(r.out.find("sheet 3 'Lookups' (very hidden)"), std::string::npos);
}

TEST(Cli, InspectPlanShowsTheLayoutAndTheFateOfEveryRow) {
    CliRun r = run_plancon("inspect --plan " + std::string(PLANCON_FIXTURES_DIR) + "/budget_tracker_windows1252.csv");
    EXPECT_EQ(r.status, 0) << r.err;
    EXPECT_NE(r.out.find("    C \"Responsible Officer\" -> lead  [header \"Responsible Officer\" (profile)"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("    4 blank\n    5 action 2\n"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("counts: action=3 blank=1 header=1\n"), std::string::npos) << r.out;
    // A run of a million blank rows is one line.
    CliRun far = run_plancon("inspect --plan " + hostile("far_cell_reference.xlsx"));
    EXPECT_EQ(far.status, 0) << far.err;
    EXPECT_NE(far.out.find("    1-1048575 blank\n    1048576 skipped"), std::string::npos) << far.out;
    EXPECT_LT(far.out.size(), 2000u);
}

TEST(Cli, AnUnreadableInputIsOneLineAndExitOneButOthersStillShow) {
    CliRun r = run_plancon("inspect " + hostile("truncated_zip.xlsx") + " " + fixture("xlsx_1904_dates.xlsx"));
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.err.rfind("plancon: " + hostile("truncated_zip.xlsx") + ": ", 0), 0u) << r.err;
    EXPECT_NE(r.out.find("1904 date system"), std::string::npos);
}

TEST(Cli, ConvertWritesCsvAndJson) {
    CliRun csv = run_plancon("convert " + fixture("xlsx_features_recalculated.xlsx") + " --sheet Tracker");
    EXPECT_EQ(csv.status, 0) << csv.err;
    std::istringstream lines(csv.out);
    std::string first, second;
    std::getline(lines, first);
    std::getline(lines, second);
    EXPECT_EQ(first, "Ref,Action,Due Date,% Complete,Done,Budget,Check\r");
    EXPECT_EQ(second, "1.1,Three-year budget planning,2020-03-31,0.75,TRUE,34794,69588\r");
    EXPECT_NE(csv.out.find("\"Line one\nline two\""), std::string::npos) << "embedded new line quoted";

    CliRun json = run_plancon("convert " + fixture("xlsx_features_recalculated.xlsx") + " --sheet 2 --to json");
    EXPECT_EQ(json.status, 0) << json.err;
    EXPECT_NE(json.out.find("\"sheet\": \"Old quarter\""), std::string::npos) << json.out;
    EXPECT_NE(json.out.find("{\"ref\": \"A1\", \"row\": 1, \"col\": 1, \"type\": \"text\", \"value\": \"archived\"}"), std::string::npos)
        << json.out;

    CliRun missing = run_plancon("convert " + fixture("xlsx_features_recalculated.xlsx") + " --sheet Nope");
    EXPECT_EQ(missing.status, 1);
}

TEST(Cli, ConvertOutputAppearsWholeOrNotAtAll) {
    fs::path dir = fs::temp_directory_path() / ("plancon_cli_" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::path out = dir / "out.csv";
    {
        std::ofstream previous(out);
        previous << "previous\n";
    }
    // A failed read leaves the previous output as it was, and no temporary file.
    CliRun bad = run_plancon("convert " + hostile("truncated_zip.xlsx") + " -o " + out.string());
    EXPECT_EQ(bad.status, 1);
    std::ifstream in(out);
    std::string content((std::istreambuf_iterator<char>(in)), {});
    EXPECT_EQ(content, "previous\n");
    CliRun good = run_plancon("convert " + fixture("xlsx_1904_dates.xlsx") + " -o " + out.string());
    EXPECT_EQ(good.status, 0) << good.err;
    std::ifstream in2(out);
    std::string content2((std::istreambuf_iterator<char>(in2)), {});
    EXPECT_EQ(content2, "2019-06-30\r\n1904-01-01\r\n");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1) << "no temporary files left";
    EXPECT_EQ(fs::status(out).permissions() & fs::perms::others_read, fs::perms::others_read) << "an ordinary file mode";
    // An unwritable destination folder: exit 1, one line.
    CliRun nowhere = run_plancon("convert " + fixture("xlsx_1904_dates.xlsx") + " -o /nonexistent-dir/out.csv");
    EXPECT_EQ(nowhere.status, 1);
    EXPECT_EQ(std::count(nowhere.err.begin(), nowhere.err.end(), '\n'), 1) << nowhere.err;
    fs::remove_all(dir);
}

// `plancon profile`: a profile that reads back, names what was found by
// content, and leaves what was not as lines to fill in; `consolidate` says
// which tables had no action column, on stderr and in its summary.
TEST(Cli, ProfileWritesAProfileToEditAndConsolidateNamesTablesWithoutActions) {
    plancon::test::TempDir dir;
    const std::string tracker = dir.file("tasks.csv",
                                         "#,Snarf,Status,Due Date,Assigned To,Budget code\n"
                                         "1,Research vendors on the web,Complete,TBD,Mark,X1\n"
                                         "2,Compile the list of first round vendors,Complete,31/03/2020,Sue,X2\n"
                                         "3,Circulate the list to executives for comment,Open,30/04/2020,Mary,X3\n");
    const std::string form = dir.file("form.csv", "Ref,Status,Owner,Due date\n1,Green,J. Smith,31/03/2020\n");
    CliRun r = run_plancon("profile " + tracker + " -o " + dir / "tasks.profile");
    ASSERT_EQ(r.status, 0) << r.err;
    std::ifstream in(dir / "tasks.profile");
    const std::string profile((std::istreambuf_iterator<char>(in)), {});
    EXPECT_NE(profile.find("\naction: Snarf\n"), std::string::npos) << profile;
    EXPECT_NE(profile.find("\n# FIELD: Budget code\n"), std::string::npos) << profile;
    // It reads back: consolidating with it gives the same actions.
    CliRun with = run_plancon("consolidate " + tracker + " --profile " + dir / "tasks.profile" + " -o " + dir / "a.xlsx");
    EXPECT_EQ(with.status, 0) << with.err;
    EXPECT_NE(with.err.find(": 3 actions"), std::string::npos) << with.err;

    CliRun c = run_plancon("consolidate " + form + " " + tracker + " -o " + dir / "b.xlsx");
    EXPECT_EQ(c.status, 0) << c.err;
    EXPECT_NE(c.err.find("plancon: " + form + ": sheet 'form' row 1: no action column under this header (Ref | Status | Owner | Due date)"),
              std::string::npos)
        << c.err;
    EXPECT_NE(c.err.find("1 table with no action column"), std::string::npos) << c.err;
}

// Regression: an exception that is not a plancon::Error (out of memory, a
// thread that cannot start) ended every command in std::terminate (exit 134).
// A sheet part of 5 MiB is inflated on a second thread; with a 4 GB stack
// size and 2 GB of address space that thread cannot start (std::system_error).
TEST(Cli, AnExceptionThatIsNotAnErrorIsOneLineNotACrash) {
    if (under_asan) GTEST_SKIP() << "AddressSanitizer needs more address space than the limit leaves";
    plancon::test::TempDir dir;
    const std::string big = dir / "big.xlsx";
    plancon::test::write_xlsx_with_sheet(big, plancon::test::sheet_xml_head + std::string(5 << 20, ' ') +
                                                  "</sheetData></worksheet>");
    const std::string limits = "ulimit -s 4000000 && ulimit -v 2000000 &&";
    for (const std::string& command : {"consolidate " + big + " -o " + dir / "out.xlsx", "profile " + big,
                                      "inspect " + big, "convert " + big}) {
        CliRun r = run_plancon(command, limits);
        EXPECT_EQ(r.status, 1) << command << "\n" << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << command << "\n" << r.err;
        EXPECT_EQ(r.err.rfind("plancon: ", 0), 0u) << command << "\n" << r.err;
    }
    EXPECT_FALSE(fs::exists(dir / "out.xlsx"));
    EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1) << "no temporary files";
}

// Regression: an empty folder was reported as an unreadable input, with the
// hint "--keep-going consolidates the rest" (even with --keep-going).
TEST(Cli, AFolderWithNoSpreadsheetIsAPlainError) {
    plancon::test::TempDir dir;
    fs::create_directories(dir / "empty");
    const std::string empty = dir / "empty";
    const std::string expected = "plancon: " + empty + ": no spreadsheet found\n";
    for (const std::string& command : {"consolidate " + empty + " -o " + dir / "out.xlsx",
                                       "consolidate --keep-going " + empty + " -o " + dir / "out.xlsx",
                                       "inspect " + empty, "profile " + empty}) {
        CliRun r = run_plancon(command);
        EXPECT_EQ(r.status, 1) << command;
        EXPECT_EQ(r.err, expected) << command;
    }
    EXPECT_FALSE(fs::exists(dir / "out.xlsx"));
}

// Regression: convert named the input and then the output in one error
// ("IN: OUT: cannot create ..."), and the CSV limit put "sheet 'X'" where
// the file goes. One shape: FILE: sheet 'X': problem.
TEST(Cli, ConvertErrorsNameOneFileThenThePlace) {
    const std::string far = hostile("far_cell_reference.xlsx");
    CliRun csv = run_plancon("convert " + far);
    EXPECT_EQ(csv.status, 1);
    EXPECT_EQ(csv.err.rfind("plancon: " + far + ": sheet 'Plan': CSV would need 1048576 rows x 16384 columns", 0), 0u)
        << csv.err;
    CliRun nowhere = run_plancon("convert " + fixture("xlsx_1904_dates.xlsx") + " -o /nonexistent-dir/out.csv");
    EXPECT_EQ(nowhere.status, 1);
    EXPECT_EQ(nowhere.err.rfind("plancon: /nonexistent-dir/out.csv: cannot create a file in /nonexistent-dir: ", 0), 0u)
        << nowhere.err;
}
