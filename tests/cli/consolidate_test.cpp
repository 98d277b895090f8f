// `plancon consolidate` and `plancon validate` as a user runs them, over the
// bundled fixtures: every row accounted for, all-or-nothing outputs,
// determinism, and the officer's decisions.
#include "plancon/layout.hpp"
#include "plancon/pipeline.hpp"
#include "plancon/read.hpp"

#include "cli/run_plancon.hpp"

#include "test_config.hpp"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <sys/wait.h>

namespace fs = std::filesystem;
using namespace plancon;
using plancon::test::config_with_profile;
using plancon::test::test_config;

namespace {

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(in)), {});
}

class Consolidate : public ::testing::Test {
protected:
    void SetUp() override {
        dir = fs::temp_directory_path() / ("plancon_consolidate_" + std::to_string(::getpid()) + "_" +
                                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir);
        fs::create_directories(dir);
    }
    void TearDown() override { fs::remove_all(dir); }
    fs::path dir;
    const std::string fixtures = PLANCON_FIXTURES_DIR;
    // Fixed as-of date and epoch so outputs do not depend on the day.
    const std::string env = "SOURCE_DATE_EPOCH=1569888000";
};

// Spreadsheet files under fixtures/, as consolidate finds them.
std::vector<std::string> fixture_files() {
    std::vector<std::string> files;
    for (const auto& e : fs::recursive_directory_iterator(PLANCON_FIXTURES_DIR)) {
        std::string ext = e.path().extension().string();
        if (ext == ".xlsx" || ext == ".ods" || ext == ".xls" || ext == ".csv") files.push_back(e.path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

std::vector<std::string> feed_codes(const fs::path& feed) {
    pugi::xml_document doc;
    EXPECT_TRUE(doc.load_file(feed.c_str()));
    std::vector<std::string> codes;
    for (pugi::xml_node a : doc.document_element().children("action")) codes.push_back(a.attribute("code").value());
    std::sort(codes.begin(), codes.end());
    return codes;
}

}  // namespace

TEST_F(Consolidate, EveryInputRowIsAccountedForInSources) {
    CliRun r = run_plancon("consolidate " + fixtures + " -o " + (dir / "c.xlsx").string() + " --xml " + (dir / "c.xml").string(), env);
    ASSERT_EQ(r.status, 0) << r.err;
    // One closing summary line on stderr.
    EXPECT_NE(r.err.find(" files, "), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;

    // The rows every fixture has, by the library's own accounting...
    std::size_t expected_rows = 0;
    for (const std::string& f : fixture_files()) expected_rows += build_plan(read_workbook(f), test_config()).rows.size();
    ASSERT_GT(expected_rows, 300u);

    // ...are exactly the rows openpyxl finds on the Sources sheet, each once.
    std::string py = "/usr/bin/python3 -c \"import openpyxl,sys; ws=openpyxl.load_workbook(sys.argv[1])['Sources']; "
                     "keys=[(r[0],r[1],r[2]) for r in ws.iter_rows(min_row=2,values_only=True)]; "
                     "print(len(keys), len(set(keys)))\" " + (dir / "c.xlsx").string();
    FILE* p = popen(py.c_str(), "r");
    std::size_t rows = 0, distinct = 0;
    ASSERT_EQ(fscanf(p, "%zu %zu", &rows, &distinct), 2);
    pclose(p);
    EXPECT_EQ(rows, expected_rows);
    EXPECT_EQ(distinct, expected_rows);

    // The feed passes plancon validate's schema check (violations left are
    // honest missing due dates, which the officer must see).
    CliRun v = run_plancon("validate " + (dir / "c.xml").string());
    EXPECT_EQ(v.status, 1);
    EXPECT_EQ(v.out.find("[schema]"), std::string::npos) << v.out;
    EXPECT_EQ(v.out.find("[code]"), std::string::npos) << v.out;
    EXPECT_NE(v.out.find("[due]"), std::string::npos) << v.out;
}

TEST_F(Consolidate, AnUnreadableInputStopsTheRunAndWritesNothing) {
    fs::path in = dir / "in";
    fs::create_directories(in);
    fs::copy_file(fixtures + "/joint_inspection_plan_header_every_action.xlsx", in / "a.xlsx");
    {
        std::ofstream broken(in / "b.xlsx", std::ios::binary);
        broken << "PK\x03\x04 this is not really a zip";
    }
    fs::path out = dir / "c.xlsx";
    {
        std::ofstream previous(out);
        previous << "previous run";
    }
    CliRun r = run_plancon("consolidate " + in.string() + " -o " + out.string() + " --xml " + (dir / "c.xml").string());
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_EQ(r.err.rfind("plancon: " + (in / "b.xlsx").string() + ": ", 0), 0u) << r.err;
    EXPECT_EQ(slurp(out), "previous run");
    EXPECT_FALSE(fs::exists(dir / "c.xml"));
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 2) << "no temporary files";

    // --keep-going reports it, consolidates the rest, lists it on Issues, exits 1.
    CliRun k = run_plancon("consolidate --keep-going " + in.string() + " -o " + out.string() + " --xml " + (dir / "c.xml").string());
    EXPECT_EQ(k.status, 1);
    EXPECT_NE(k.err.find((in / "b.xlsx").string()), std::string::npos);
    EXPECT_NE(k.err.find("1 of 2 files"), std::string::npos) << k.err;
    EXPECT_NE(slurp(out), "previous run");
    // The feed names only the inputs that were read.
    pugi::xml_document feed;
    ASSERT_TRUE(feed.load_file((dir / "c.xml").c_str()));
    std::vector<std::string> inputs;
    for (pugi::xml_node i : feed.document_element().children("input")) inputs.push_back(i.attribute("file").value());
    EXPECT_EQ(inputs, std::vector<std::string>{(in / "a.xlsx").string()});
}

// Regression: the feed was renamed into place before the workbook was
// written, so a workbook that could not be written left the feed behind.
TEST_F(Consolidate, BothOutputsOrNeither) {
    const fs::path feed = dir / "plan.xml";
    CliRun r = run_plancon("consolidate " + fixtures + "/corporate_tracker_extra_columns.xlsx -o /nonexistent-dir/out.xlsx --xml " +
                               feed.string(), env);
    EXPECT_EQ(r.status, 1);
    EXPECT_EQ(r.err.rfind("plancon: /nonexistent-dir/out.xlsx: ", 0), 0u) << r.err;
    EXPECT_FALSE(fs::exists(feed));
    EXPECT_TRUE(fs::is_empty(dir)) << "no temporary files";
}

TEST_F(Consolidate, OutputsAreByteIdenticalAndCodesIgnoreInputOrder) {
    std::vector<std::string> files = fixture_files();
    std::string forward, backward;
    for (const auto& f : files) forward += " " + f;
    for (auto it = files.rbegin(); it != files.rend(); ++it) backward += " " + *it;
    ASSERT_EQ(run_plancon("consolidate" + forward + " -o " + (dir / "1.xlsx").string() + " --xml " + (dir / "1.xml").string(), env).status, 0);
    ASSERT_EQ(run_plancon("consolidate" + forward + " -o " + (dir / "2.xlsx").string() + " --xml " + (dir / "2.xml").string(), env).status, 0);
    EXPECT_EQ(slurp(dir / "1.xlsx"), slurp(dir / "2.xlsx"));
    EXPECT_EQ(slurp(dir / "1.xml"), slurp(dir / "2.xml"));
    ASSERT_EQ(run_plancon("consolidate" + backward + " -o " + (dir / "3.xlsx").string() + " --xml " + (dir / "3.xml").string(), env).status, 0);
    EXPECT_EQ(feed_codes(dir / "1.xml"), feed_codes(dir / "3.xml"));
}

// Files are planned on several threads; the outputs, the error that stops a
// run and the order unreadable files are reported in are the files' order.
TEST_F(Consolidate, TheSameOutcomeWhateverTheNumberOfJobs) {
    for (const char* jobs : {"1", "2", "7"})
        ASSERT_EQ(run_plancon("consolidate " + fixtures + " -j " + jobs + " -o " + (dir / (std::string(jobs) + ".xlsx")).string() +
                                  " --xml " + (dir / (std::string(jobs) + ".xml")).string(), env).status, 0) << jobs;
    for (const char* jobs : {"2", "7"}) {
        EXPECT_EQ(slurp(dir / "1.xlsx"), slurp(dir / (std::string(jobs) + ".xlsx"))) << jobs;
        EXPECT_EQ(slurp(dir / "1.xml"), slurp(dir / (std::string(jobs) + ".xml"))) << jobs;
    }
    fs::path in = dir / "in";
    fs::create_directories(in);
    for (const char* good : {"a.xlsx", "c.xlsx", "e.xlsx"})
        fs::copy_file(fixtures + "/joint_inspection_plan_header_every_action.xlsx", in / good);
    for (const char* broken : {"b.xlsx", "d.xlsx"}) {
        std::ofstream out(in / broken, std::ios::binary);
        out << "PK\x03\x04 this is not really a zip";
    }
    for (const char* jobs : {"1", "3"}) {
        CliRun r = run_plancon("consolidate " + in.string() + " -j " + jobs + " -o " + (dir / "x.xlsx").string());
        EXPECT_EQ(r.status, 1);
        EXPECT_EQ(r.err.rfind("plancon: " + (in / "b.xlsx").string() + ": ", 0), 0u) << jobs << ": " << r.err;
        CliRun k = run_plancon("consolidate --keep-going " + in.string() + " -j " + jobs + " -o " + (dir / "x.xlsx").string());
        EXPECT_EQ(k.status, 1);
        const auto b = k.err.find((in / "b.xlsx").string()), d = k.err.find((in / "d.xlsx").string());
        ASSERT_NE(b, std::string::npos) << k.err;
        ASSERT_NE(d, std::string::npos) << k.err;
        EXPECT_LT(b, d);
        EXPECT_NE(k.err.find("3 of 5 files"), std::string::npos) << k.err;
    }
}

TEST_F(Consolidate, TheOfficersDecisionsOverrideTheScorer) {
    const std::string a = fixtures + "/corporate_tracker_extra_columns.xlsx";
    const std::string b = fixtures + "/psif_improvement_plan_repeated_headers.xlsx";
    ASSERT_EQ(run_plancon("consolidate " + a + " " + b + " -o " + (dir / "1.xlsx").string() + " --xml " + (dir / "1.xml").string(), env).status, 0);
    // Find an action merged from both files, and its two sources.
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_file((dir / "1.xml").c_str()));
    std::string first, second;
    for (pugi::xml_node act : doc.document_element().children("action")) {
        std::vector<std::string> sources;
        for (pugi::xml_node s : act.children("source"))
            sources.push_back(std::string(s.attribute("file").value()) + "|" + s.attribute("sheet").value() + "|" + s.attribute("row").value());
        if (sources.size() == 2 && sources[0].rfind(a, 0) != sources[1].rfind(a, 0)) {
            first = sources[0];
            second = sources[1];
            break;
        }
    }
    ASSERT_FALSE(first.empty()) << "the fixtures re-type an action across these two files";
    const std::size_t before = feed_codes(dir / "1.xml").size();
    {
        std::ofstream d(dir / "decisions.csv");
        d << "# kept apart on purpose\nkeep-apart,\"" << first << "\",\"" << second << "\"\n";
    }
    CliRun r = run_plancon("consolidate " + a + " " + b + " --decisions " + (dir / "decisions.csv").string() + " -o " +
                       (dir / "2.xlsx").string() + " --xml " + (dir / "2.xml").string(), env);
    ASSERT_EQ(r.status, 0) << r.err;
    EXPECT_EQ(feed_codes(dir / "2.xml").size(), before + 1);

    // A malformed decisions file is refused before anything is read.
    {
        std::ofstream d(dir / "bad.csv");
        d << "merge-ish,x,y\n";
    }
    CliRun bad = run_plancon("consolidate " + a + " --decisions " + (dir / "bad.csv").string() + " -o " + (dir / "3.xlsx").string());
    EXPECT_EQ(bad.status, 1);
    EXPECT_NE(bad.err.find("bad.csv: line 1:"), std::string::npos) << bad.err;
    EXPECT_FALSE(fs::exists(dir / "3.xlsx"));
}

// The reviewed consolidated workbook is a decisions file: the officer picks
// a Decision for a possible duplicate on the Duplicates sheet, and the next
// run applies it as the CSV line would.
TEST_F(Consolidate, DecisionsChosenInTheReviewedWorkbookApplyOnTheNextRun) {
    if (std::system("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null") != 0)
        GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    // B is A and C in one: complete linkage merges it with one, the other is a possible duplicate.
    const std::string a = "Develop a joint Older People's Strategy which demonstrates a whole systems approach";
    const std::string c = "Prepare joint strategies for other main service areas and carers";
    const std::string education = (dir / "education.csv").string(), housing = (dir / "housing.csv").string();
    std::ofstream(education) << "Education Service Improvement Plan\r\nRef,Action,Lead,Due date\r\n1," << a
                             << ",Head of Education,31/03/2027\r\n2," << c << ",Head of Education,31/03/2027\r\n";
    std::ofstream(housing) << "Housing Service Improvement Plan\r\nRef,Action,Lead,Due date\r\n1," << a << " and " << c
                           << ",Head of Housing,31/03/2027\r\n";
    const std::string inputs = education + " " + housing;
    CliRun first = run_plancon("consolidate " + inputs + " -o " + (dir / "consolidated.xlsx").string() + " --xml " +
                                   (dir / "1.xml").string(), env);
    ASSERT_EQ(first.status, 0) << first.err;
    ASSERT_EQ(feed_codes(dir / "1.xml").size(), 2u);

    // The officer's review, saved as Excel would: the Decision cell of the
    // pair's row, found under the Code A heading.
    auto review = [&](const std::string& decision) {
        const std::string py =
            "/usr/bin/python3 -c \"import openpyxl,sys\n"
            "b = openpyxl.load_workbook(sys.argv[1]); ws = b['Duplicates']\n"
            "heading = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == 'Code A'][0]\n"
            "decision = [c for c in range(1, ws.max_column + 1) if ws.cell(heading, c).value == 'Decision'][0]\n"
            "ws.cell(heading + 1, decision).value = sys.argv[2]\n"
            "b.save(sys.argv[3]); print(heading + 1)\" " +
            (dir / "consolidated.xlsx").string() + " '" + decision + "' " + (dir / "reviewed.xlsx").string();
        FILE* p = popen(py.c_str(), "r");
        int row = 0;
        EXPECT_EQ(fscanf(p, "%d", &row), 1);
        pclose(p);
        return row;
    };
    review("keep apart");
    CliRun apart = run_plancon("consolidate " + inputs + " --decisions " + (dir / "reviewed.xlsx").string() + " -o " +
                                   (dir / "2.xlsx").string() + " --xml " + (dir / "2.xml").string(), env);
    ASSERT_EQ(apart.status, 0) << apart.err;
    EXPECT_NE(apart.err.find("0 possible duplicates"), std::string::npos) << "the pair is decided: " << apart.err;
    EXPECT_EQ(feed_codes(dir / "2.xml"), feed_codes(dir / "1.xml"));

    review("merge");
    CliRun merged = run_plancon("consolidate " + inputs + " --decisions " + (dir / "reviewed.xlsx").string() + " -o " +
                                    (dir / "3.xlsx").string() + " --xml " + (dir / "3.xml").string(), env);
    ASSERT_EQ(merged.status, 0) << merged.err;
    EXPECT_EQ(feed_codes(dir / "3.xml").size(), 1u) << merged.err;

    // A word that is not a decision is one line naming the file, sheet and row; nothing written.
    const int row = review("perhaps");
    CliRun bad = run_plancon("consolidate " + inputs + " --decisions " + (dir / "reviewed.xlsx").string() + " -o " +
                                 (dir / "4.xlsx").string(), env);
    EXPECT_EQ(bad.status, 1);
    EXPECT_EQ(bad.err, "plancon: " + (dir / "reviewed.xlsx").string() + ": sheet 'Duplicates' row " + std::to_string(row) +
                           ": unknown decision 'perhaps' (expected merge or keep apart)\n");
    EXPECT_FALSE(fs::exists(dir / "4.xlsx"));

    // A reviewed workbook that is missing, or not a consolidated workbook, is
    // the option's one-line error, not an input's (no --keep-going advice).
    CliRun missing = run_plancon("consolidate " + inputs + " --decisions " + (dir / "missing.xlsx").string() + " -o " +
                                     (dir / "4.xlsx").string(), env);
    EXPECT_EQ(missing.status, 1);
    EXPECT_EQ(missing.err, "plancon: " + (dir / "missing.xlsx").string() + ": cannot open: No such file or directory\n");
    CliRun not_reviewed = run_plancon("consolidate " + inputs + " --corrections " + education + " -o " +
                                          (dir / "4.xlsx").string(), env);
    EXPECT_EQ(not_reviewed.status, 1);
    EXPECT_EQ(not_reviewed.err, "plancon: " + education + ": no sheet 'Actions' (a consolidated workbook is expected)\n");
    EXPECT_FALSE(fs::exists(dir / "4.xlsx"));
}

// The Actions sheet's columns are found by the headings the workbook's
// layout gives them (templates/workbook_columns.tsv may rename them), in
// any order; a date cell and a date typed as text are both a due date.
TEST_F(Consolidate, CorrectionsFindTheActionsColumnsByTheLayoutsHeadings) {
    if (std::system("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null") != 0)
        GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    Config config = test_config();
    for (auto& [sheet, columns] : config.workbook.columns)
        for (OutputColumn& c : columns)
            if (sheet == "Actions" && c.field == "code") c.heading = "Ref. code";
            else if (sheet == "Actions" && c.field == "due") c.heading = "Deadline";
            else if (sheet == "Actions" && c.field == "leads") c.heading = "Owner";
    const std::string book = (dir / "renamed.xlsx").string();
    const std::string py =
        "/usr/bin/python3 -c \"import openpyxl, sys, datetime\n"
        "b = openpyxl.Workbook(); ws = b.active; ws.title = 'Actions'\n"
        "ws.append(['Plan title'])\n"
        "ws.append(['Owner', 'Due', 'Deadline', 'Ref. code', 'Lead(s)'])\n"
        "ws.append(['Head of Housing', datetime.datetime(2020, 1, 1), datetime.datetime(2027, 6, 30), 'A-AAAAAAAA', 'x'])\n"
        "ws.append([None, None, '31/12/2027', 'A-BBBBBBBB'])\n"
        "ws.append([None, None, 'soon', 'A-CCCCCCCC'])\n"
        "ws.append([None, None, None, 'A-DDDDDDDD'])\n"
        "b.save(sys.argv[1])\" " + book;
    ASSERT_EQ(std::system(py.c_str()), 0);
    const Corrections corrections = load_corrections(book, config);
    ASSERT_EQ(corrections.size(), 3u) << "a row with nothing filled in corrects nothing";
    EXPECT_EQ(corrections[0].code, "A-AAAAAAAA");
    ASSERT_TRUE(corrections[0].due && corrections[0].due->date);
    EXPECT_EQ(to_iso(*corrections[0].due->date), "2027-06-30");
    EXPECT_EQ(corrections[0].due->basis, "corrected in renamed.xlsx, Actions row 3");
    ASSERT_EQ(corrections[0].leads.size(), 1u);
    EXPECT_EQ(corrections[0].leads[0].name, "Head of Housing");
    ASSERT_TRUE(corrections[1].due && corrections[1].due->date);
    EXPECT_EQ(to_iso(*corrections[1].due->date), "2027-12-31");
    EXPECT_TRUE(corrections[1].leads.empty());
    EXPECT_FALSE(corrections[2].due);
    EXPECT_EQ(corrections[2].unreadable_due, "soon");
    // With the template's own headings, this sheet has no code column.
    EXPECT_THROW(load_corrections(book, test_config()), CorrectionError);
}

// A workbook too long for one worksheet continues on parts ("Actions (2)",
// "Duplicates (2)"): the decisions and corrections on every part are read,
// a table that runs over the end of one part going on after the next one's headings.
TEST_F(Consolidate, AReviewedWorkbookIsReadOverEveryPartOfASheet) {
    if (std::system("/usr/bin/python3 -c 'import openpyxl' 2>/dev/null") != 0)
        GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    const std::string book = (dir / "parts.xlsx").string();
    const std::string py =
        "/usr/bin/python3 -c \"import openpyxl, sys\n"
        "b = openpyxl.Workbook(); ws = b.active; ws.title = 'Actions'\n"
        "ws.append(['Code', 'Action', 'Lead(s)', 'Due'])\n"
        "ws.append(['A-AAAAAAAA', 'one', 'Head of Housing', None])\n"
        "ws = b.create_sheet('Actions (2)')\n"
        "ws.append(['Code', 'Action', 'Lead(s)', 'Due'])\n"
        "ws.append(['A-BBBBBBBB', 'two', None, '31/12/2027'])\n"
        "heads = ['Code A', 'Code B', 'Source A', 'Source B', 'Text A', 'Score', 'Words', 'Text B', 'Decision']\n"
        "ws = b.create_sheet('Duplicates')\n"
        "ws.append(['Merged copies']); ws.append(['Code', 'Role'])\n"
        "ws.append([]); ws.append(['Possible duplicates']); ws.append(heads)\n"
        "ws.append(['A-1', 'A-2'] + [None] * 6 + ['merge'])\n"
        "ws = b.create_sheet('Duplicates (2)')\n"
        "ws.append(['Possible duplicates']); ws.append(heads)\n"
        "ws.append(['A-3', 'A-4'] + [None] * 6 + ['keep apart'])\n"
        "ws.append(['A-5', 'A-6'])\n"
        "ws = b.create_sheet('Duplicates (3)')\n"
        "ws.append(['Possible duplicates']); ws.append(heads)\n"
        "ws.append(['A-8', 'A-9'] + [None] * 6 + ['merge'])\n"
        "ws.append([]); ws.append(['Conflicts']); ws.append(['Code', 'Field'])\n"
        "ws.append(['A-7', 'due'])\n"
        "ws = b.create_sheet('Duplicates (4)')\n"
        "ws.append(['Conflicts']); ws.append(['Code', 'Field'])\n"
        "ws.append(['A-10', 'A-11'] + [None] * 6 + ['merge'])\n"
        "b.save(sys.argv[1])\" " + book;
    ASSERT_EQ(std::system(py.c_str()), 0);

    // Each part the table runs on to, however full, is read to its end: the
    // table goes on after the next part's headings, and stops at its first
    // row without a Code A (before the Conflicts on "Duplicates (3)"); rows
    // past it are not decisions.
    const Decisions decisions = load_officer_decisions(book, ReadOptions{});
    ASSERT_EQ(decisions.size(), 3u);
    EXPECT_EQ(decisions[0].a, "A-1");
    EXPECT_EQ(decisions[0].kind, Decision::Kind::Merge);
    EXPECT_EQ(decisions[0].origin, "parts.xlsx, Duplicates row 6");
    EXPECT_EQ(decisions[1].a, "A-3");
    EXPECT_EQ(decisions[1].kind, Decision::Kind::KeepApart);
    EXPECT_EQ(decisions[1].origin, "parts.xlsx, Duplicates (2) row 3");
    EXPECT_EQ(decisions[2].a, "A-8");
    EXPECT_EQ(decisions[2].origin, "parts.xlsx, Duplicates (3) row 3");

    const Corrections corrections = load_corrections(book, test_config());
    ASSERT_EQ(corrections.size(), 2u);
    EXPECT_EQ(corrections[0].code, "A-AAAAAAAA");
    ASSERT_EQ(corrections[0].leads.size(), 1u);
    EXPECT_EQ(corrections[1].code, "A-BBBBBBBB");
    ASSERT_TRUE(corrections[1].due && corrections[1].due->date);
    EXPECT_EQ(corrections[1].due->basis, "corrected in parts.xlsx, Actions (2) row 2");
}

TEST_F(Consolidate, ValidateRejectsAHandBrokenFeed) {
    ASSERT_EQ(run_plancon("consolidate " + fixtures + "/corporate_tracker_extra_columns.xlsx --xml " + (dir / "f.xml").string() +
                      " -o " + (dir / "f.xlsx").string(), env).status, 0);
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_file((dir / "f.xml").c_str()));
    auto actions = doc.document_element().children("action");
    auto it = actions.begin();
    pugi::xml_node one = *it++, two = *it;
    two.attribute("code").set_value(one.attribute("code").value());  // a duplicate code
    ASSERT_TRUE(doc.save_file((dir / "broken.xml").c_str()));
    CliRun v = run_plancon("validate " + (dir / "broken.xml").string());
    EXPECT_EQ(v.status, 1);
    EXPECT_NE(v.out.find(one.attribute("code").value()), std::string::npos) << v.out;
    EXPECT_EQ(v.err.rfind("plancon: " + (dir / "broken.xml").string() + ": ", 0), 0u) << v.err;
}

// Regression: with the templates moved and PLANCON_TEMPLATES set, leads.tsv
// and status.tsv were still read from the compile-time folder, outside the
// CLI's error handling: a moved-away folder ended in std::terminate (exit 134).
TEST_F(Consolidate, TemplatesMovedWithTheEnvironmentVariable) {
    const fs::path moved = dir / "templates";
    fs::copy(fs::path(PLANCON_SOURCE_DIR) / "templates", moved, fs::copy_options::recursive);
    const std::string input = fixtures + "/corporate_tracker_extra_columns.xlsx";
    const std::string out = (dir / "out.xlsx").string();
    CliRun ok = run_plancon("consolidate " + input + " -o " + out, env + " PLANCON_TEMPLATES=" + moved.string());
    EXPECT_EQ(ok.status, 0) << ok.err;
    EXPECT_TRUE(fs::exists(out));

    fs::remove(moved / "status.tsv");
    fs::remove(out);
    CliRun bad = run_plancon("consolidate " + input + " -o " + out, env + " PLANCON_TEMPLATES=" + moved.string());
    EXPECT_EQ(bad.status, 1) << bad.err;
    EXPECT_EQ(bad.err, "plancon: " + (moved / "status.tsv").string() + ": cannot open the status vocabulary: No such file or directory\n");
    EXPECT_FALSE(fs::exists(out));
}

// Regression: consolidate refused to run without templates/plan.xsd, which
// only validate reads; validate finds it through the same folder.
TEST_F(Consolidate, OnlyValidateNeedsTheSchema) {
    const fs::path moved = dir / "templates";
    fs::copy(fs::path(PLANCON_SOURCE_DIR) / "templates", moved, fs::copy_options::recursive);
    fs::remove(moved / "plan.xsd");
    const std::string templates = " PLANCON_TEMPLATES=" + moved.string();
    const std::string feed = (dir / "plan.xml").string();
    CliRun c = run_plancon("consolidate " + fixtures + "/corporate_tracker_extra_columns.xlsx -o " + (dir / "c.xlsx").string() +
                           " --xml " + feed, env + templates);
    EXPECT_EQ(c.status, 0) << c.err;
    CliRun v = run_plancon("validate " + feed, env + templates);
    EXPECT_EQ(v.status, 1);
    EXPECT_NE(v.out.find("[schema] " + (moved / "plan.xsd").string()), std::string::npos) << v.out;
}
