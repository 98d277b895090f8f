// `plancon consolidate --register`, `plancon runs` and `plancon changes` as a
// user runs them over the bundled fixtures.
#include "cli/run_plancon.hpp"

#include "temp_dir.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <csignal>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;
using plancon::test::TempDir;

const std::string fixtures = PLANCON_FIXTURES_DIR;

std::string slurp(const std::string& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

std::size_t lines(const std::string& text) { return std::size_t(std::count(text.begin(), text.end(), '\n')); }

// The officer fills in the due dates and leads the trackers lack on the
// Actions sheet of the reviewed workbook; the next run takes them, records
// where they came from, and its feed passes validate.
TEST(RegisterCli, DueDatesAndLeadsFilledInOnTheReviewedWorkbookAreFedBack) {
    if (std::system("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null") != 0)
        GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    TempDir tmp("plancon-register-cli");
    const std::string reg = tmp / "plan.register";
    const CliRun first = run_plancon("consolidate " + fixtures + " -o " + (tmp / "consolidated.xlsx") + " --xml " +
                                         (tmp / "a.xml") + " --register " + reg,
                                     "SOURCE_DATE_EPOCH=0");
    ASSERT_EQ(first.status, 0) << first.err;
    const CliRun before = run_plancon("validate " + (tmp / "a.xml"));
    ASSERT_EQ(before.status, 1) << "the fixtures lack due dates: " << before.out;

    // As an officer would in Excel: a date in every empty Due cell, a lead in
    // every empty Lead(s) cell, and a row for an action that is not in the plan.
    const std::string fill =
        "import openpyxl, sys, datetime\n"
        "b = openpyxl.load_workbook(sys.argv[1]); ws = b['Actions']\n"
        "col = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}\n"
        "dues = leads = 0; last = 1\n"
        "for r in range(2, ws.max_row + 1):\n"
        "    if not ws.cell(r, col['Code']).value: break\n"
        "    last = r\n"
        "    if ws.cell(r, col['Due']).value is None:\n"
        "        ws.cell(r, col['Due']).value = datetime.datetime(2027, 6, 30); dues += 1\n"
        "    if ws.cell(r, col['Lead(s)']).value is None:\n"
        "        ws.cell(r, col['Lead(s)']).value = 'Head of Corporate Services'; leads += 1\n"
        "ws.cell(last + 1, col['Code']).value = 'A-ZZZZZZZZ'\n"
        "ws.cell(last + 1, col['Due']).value = datetime.datetime(2027, 6, 30)\n"
        "b.save(sys.argv[2]); print(dues, leads, last + 1)\n";
    const std::string py = "/usr/bin/python3 -c \"" + fill + "\" " + (tmp / "consolidated.xlsx") + " " + (tmp / "reviewed.xlsx");
    FILE* p = popen(py.c_str(), "r");
    int dues = 0, leads = 0, unknown_row = 0;
    ASSERT_EQ(fscanf(p, "%d %d %d", &dues, &leads, &unknown_row), 3);
    pclose(p);
    ASSERT_GT(dues, 0);

    const CliRun second = run_plancon("consolidate " + fixtures + " --corrections " + (tmp / "reviewed.xlsx") + " -o " +
                                          (tmp / "b.xlsx") + " --xml " + (tmp / "b.xml") + " --register " + reg,
                                      "SOURCE_DATE_EPOCH=0");
    ASSERT_EQ(second.status, 0) << second.err;
    // Every action now has a due date; what validate still finds is a
    // priority of the fixtures with no action at all, which no row of the
    // Actions sheet can date.
    EXPECT_NE(before.out.find("[due] A-"), std::string::npos) << before.out;
    const CliRun after = run_plancon("validate " + (tmp / "b.xml"));
    EXPECT_EQ(after.out.find("[due] A-"), std::string::npos) << after.out;
    EXPECT_EQ(after.out, (tmp / "b.xml") + ": [due] P-RS2VDA: no due date\n");
    // Each correction is listed on the Issues sheet at its row; a code not in the plan too.
    const std::string issues_py =
        "/usr/bin/python3 -c \"import openpyxl, sys\n"
        "for r in openpyxl.load_workbook(sys.argv[1])['Issues'].iter_rows(min_row=2, values_only=True):\n"
        "    print(*r, sep=' | ')\" " + (tmp / "b.xlsx");
    p = popen(issues_py.c_str(), "r");
    std::string issues;
    for (char chunk[4096]; std::size_t n = fread(chunk, 1, sizeof chunk, p);) issues.append(chunk, n);
    pclose(p);
    EXPECT_NE(issues.find("reviewed.xlsx | sheet 'Actions' row " + std::to_string(unknown_row) +
                          " | code A-ZZZZZZZZ is not an action of this run; its correction not applied"),
              std::string::npos)
        << issues;
    EXPECT_NE(issues.find(": due 2027-06-30 corrected in reviewed.xlsx, Actions row "), std::string::npos) << issues;
    const std::string feed = slurp(tmp / "b.xml");
    EXPECT_NE(feed.find("<due date=\"2027-06-30\" text=\"2027-06-30\" basis=\"corrected in reviewed.xlsx, Actions row "),
              std::string::npos);

    // The register keeps each correction with its provenance.
    const std::string count =
        "/usr/bin/python3 -c \"import sqlite3, sys; db = sqlite3.connect(sys.argv[1]); "
        "print(*db.execute(\\\"SELECT field, count(*), min(origin LIKE 'corrected in reviewed.xlsx, Actions row %') "
        "FROM corrections WHERE run = 2 GROUP BY field ORDER BY field\\\").fetchall())\" " + reg;
    p = popen(count.c_str(), "r");
    char buf[256] = {};
    const std::string recorded(buf, fread(buf, 1, sizeof buf - 1, p));
    pclose(p);
    EXPECT_EQ(recorded, "('due', " + std::to_string(dues) + ", 1) ('lead', " + std::to_string(leads) + ", 1)\n");
}

TEST(RegisterCli, FirstRunKeepsTheReconcilersCodesAndEveryActionIsNew) {
    TempDir tmp("plancon-register-cli");
    const std::string reg = tmp / "plan.register";
    const CliRun plain = run_plancon("consolidate " + fixtures + " -o " + (tmp / "plain.xlsx") + " --xml " + (tmp / "plain.xml"),
                                     "SOURCE_DATE_EPOCH=0");
    ASSERT_EQ(plain.status, 0) << plain.err;
    const CliRun first = run_plancon("consolidate " + fixtures + " -o " + (tmp / "a.xlsx") + " --xml " + (tmp / "a.xml") +
                                         " --register " + reg,
                                     "SOURCE_DATE_EPOCH=0");
    ASSERT_EQ(first.status, 0) << first.err;
    EXPECT_NE(first.err.find("plancon: run 1 recorded in " + reg + ": 49 new\n"), std::string::npos) << first.err;
    EXPECT_EQ(slurp(tmp / "a.xml"), slurp(tmp / "plain.xml")) << "a new register takes the reconciler's codes";

    const CliRun changes = run_plancon("changes --register " + reg + " -o " + (tmp / "changes.csv"));
    ASSERT_EQ(changes.status, 0) << changes.err;
    const std::string csv = slurp(tmp / "changes.csv");
    EXPECT_TRUE(csv.starts_with("change,code,field,before,after,source\r\nnew,A-")) << csv.substr(0, 200);
    EXPECT_EQ(lines(csv), 1u + 49u);

    const CliRun second = run_plancon("consolidate " + fixtures + " -o " + (tmp / "b.xlsx") + " --register " + reg);
    ASSERT_EQ(second.status, 0) << second.err;
    EXPECT_NE(second.err.find("run 2 recorded in " + reg + ": no changes"), std::string::npos) << second.err;
    const CliRun stdout_changes = run_plancon("changes --register " + reg);
    EXPECT_EQ(stdout_changes.out, "change,code,field,before,after,source\r\n");
    const CliRun year = run_plancon("changes --register " + reg + " --to 1");
    EXPECT_EQ(year.out, csv) << "--to 1 with no run before it: everything new";

    const CliRun returns = run_plancon("returns --register " + reg + " -o " + (tmp / "returns"));
    ASSERT_EQ(returns.status, 0) << returns.err;
    EXPECT_EQ(returns.err, "plancon: 5 returns written in " + (tmp / "returns") + "\n");
    EXPECT_TRUE(fs::exists(tmp / "returns/Children and Families.xlsx"));
    EXPECT_TRUE(fs::exists(tmp / "returns/No service.xlsx")) << "actions naming no service are sent out too";
    EXPECT_EQ(run_plancon("returns --register " + reg).status, 2) << "-o DIR is needed";

    const CliRun runs = run_plancon("runs --register " + reg);
    ASSERT_EQ(runs.status, 0) << runs.err;
    EXPECT_EQ(lines(runs.out), 3u) << runs.out;
    EXPECT_NE(runs.out.find("\n2\t"), std::string::npos);
    EXPECT_NE(runs.out.find("\t17\t49\tthreshold=0.75; review-band=0.40"), std::string::npos) << runs.out;
}

TEST(RegisterCli, ProblemsAreOneLineAndExitOne) {
    TempDir tmp("plancon-register-cli");
    const std::string text = tmp.file("notes.txt", "not a register\n");
    const CliRun foreign = run_plancon("consolidate " + fixtures + " -o " + (tmp / "a.xlsx") + " --register " + text);
    EXPECT_EQ(foreign.status, 1);
    EXPECT_EQ(foreign.err, "plancon: " + text + ": not a plancon register (not an SQLite database)\n");
    EXPECT_FALSE(fs::exists(tmp / "a.xlsx"));

    const std::string reg = tmp / "plan.register";
    ASSERT_EQ(run_plancon("consolidate " + fixtures + " -o " + (tmp / "a.xlsx") + " --register " + reg).status, 0);
    const CliRun missing_run = run_plancon("changes --register " + reg + " --from 5");
    EXPECT_EQ(missing_run.status, 1);
    EXPECT_EQ(missing_run.err, "plancon: " + reg + ": no run 5\n");
    const CliRun absent = run_plancon("runs --register " + (tmp / "absent.register"));
    EXPECT_EQ(absent.status, 1);
    EXPECT_EQ(absent.err, "plancon: " + (tmp / "absent.register") + ": no such register\n");
    const CliRun no_register = run_plancon("changes");
    EXPECT_EQ(no_register.status, 2);
    EXPECT_EQ(lines(no_register.err), 1u);
}

// --dry-run: what the run would change, on stdout; nothing written, the
// register as it was (a new one not even made).
TEST(RegisterCli, ADryRunWritesNothing) {
    TempDir tmp("plancon-register-cli");
    const std::string reg = tmp / "plan.register";
    const CliRun fresh = run_plancon("consolidate " + fixtures + " -o " + (tmp / "a.xlsx") + " --register " + reg +
                                     " --dry-run");
    ASSERT_EQ(fresh.status, 0) << fresh.err;
    EXPECT_NE(fresh.err.find("(dry run: nothing written)\nplancon: run 1 would be recorded in " + reg + ": 49 new\n"),
              std::string::npos) << fresh.err;
    EXPECT_EQ(lines(fresh.out), 1u + 49u);
    EXPECT_FALSE(fs::exists(reg));
    EXPECT_FALSE(fs::exists(tmp / "a.xlsx"));

    ASSERT_EQ(run_plancon("consolidate " + fixtures + " -o " + (tmp / "a.xlsx") + " --register " + reg).status, 0);
    const std::string before = slurp(reg);
    const CliRun again = run_plancon("consolidate " + fixtures + " -o " + (tmp / "b.xlsx") + " --register " + reg +
                                     " --dry-run");
    ASSERT_EQ(again.status, 0) << again.err;
    EXPECT_NE(again.err.find("run 2 would be recorded in " + reg + ": no changes"), std::string::npos) << again.err;
    EXPECT_EQ(again.out, "change,code,field,before,after,source\r\n");
    EXPECT_EQ(slurp(reg), before);
    EXPECT_FALSE(fs::exists(tmp / "b.xlsx"));
}

// A consolidate run killed (SIGKILL) after `delay`: true when it was killed
// before it finished.
bool killed_midway(const std::string& inputs, const std::string& out, const std::string& reg, useconds_t delay) {
    const pid_t child = fork();
    if (child == 0) {
        const int devnull = ::open("/dev/null", O_WRONLY);
        dup2(devnull, 2);
        execl(PLANCON_BINARY, "plancon", "consolidate", inputs.c_str(), "-o", out.c_str(), "--register", reg.c_str(),
              "--jobs", "1", static_cast<char*>(nullptr));
        _exit(127);
    }
    usleep(delay);
    kill(child, SIGKILL);
    int status = 0;
    waitpid(child, &status, 0);
    return WIFSIGNALED(status);
}

// Killed at any moment, a run leaves the register as it was before it (or,
// when it got to commit, with the run whole): never half a run.
TEST(RegisterCli, ARunKilledMidwayLeavesTheRegisterWhole) {
    TempDir tmp("plancon-register-cli");
    const std::string reg = tmp / "plan.register";
    ASSERT_EQ(run_plancon("consolidate " + fixtures + " -o " + (tmp / "a.xlsx") + " --register " + reg).status, 0);
    const std::string before = slurp(reg);
    const std::string changes_before = run_plancon("changes --register " + reg).out;
    std::size_t killed = 0;
    for (useconds_t delay : {2'000u, 10'000u, 30'000u, 60'000u, 90'000u, 120'000u, 160'000u, 220'000u, 300'000u}) {
        SCOPED_TRACE("killed after " + std::to_string(delay / 1000) + " ms");
        const std::string copy = tmp / ("killed-" + std::to_string(delay) + ".register");
        fs::copy_file(reg, copy);
        killed += killed_midway(fixtures, tmp / "b.xlsx", copy, delay);
        const CliRun runs = run_plancon("runs --register " + copy);
        ASSERT_EQ(runs.status, 0) << runs.err;
        if (lines(runs.out) == 2) {
            EXPECT_EQ(slurp(copy), before) << "rolled back to the register as it was";
            EXPECT_EQ(run_plancon("changes --register " + copy).out, changes_before);
        } else {
            EXPECT_EQ(lines(runs.out), 3u) << runs.out;
            EXPECT_EQ(run_plancon("changes --register " + copy).out, "change,code,field,before,after,source\r\n");
        }
        // And the next run goes on from there.
        EXPECT_EQ(run_plancon("consolidate " + fixtures + " -o " + (tmp / "c.xlsx") + " --register " + copy).status, 0);
    }
    EXPECT_GT(killed, 0u) << "no run was killed before it finished";
}

}  // namespace
