// The consolidated workbook, read back by independent readers: openpyxl
// (every sheet, real date cells, validation, conditional format, chart part)
// and LibreOffice (converts the Actions sheet to CSV).
#include "plancon/write.hpp"

#include "write_fixture.hpp"

#include "test_config.hpp"

#include <gtest/gtest.h>

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <set>

using namespace plancon;
using namespace write_test;

namespace {

const std::string dump_script = std::string(PLANCON_SOURCE_DIR) + "/tests/write/dump_workbook.py";

bool have_openpyxl() { return run("/usr/bin/python3 -c 'import openpyxl' >/dev/null 2>&1").first == 0; }

std::string unescape(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) {
            char c = s[++i];
            out += c == 'n' ? '\n' : c == 't' ? '\t' : c;
        } else {
            out += s[i];
        }
    }
    return out;
}

struct Dump {
    std::vector<std::string> sheets;
    std::map<std::string, std::pair<std::string, std::string>> cells;  // "Sheet!A1" -> (type, value)
    std::vector<std::vector<std::string>> facts;                       // everything else

    std::string value(const std::string& ref) const {
        auto it = cells.find(ref);
        return it == cells.end() ? std::string() : it->second.second;
    }
    std::string type(const std::string& ref) const {
        auto it = cells.find(ref);
        return it == cells.end() ? std::string() : it->second.first;
    }
    // Rows of a sheet whose column `col` holds `text` (1-based row numbers).
    std::vector<int> rows_with(const std::string& sheet, char col, const std::string& text) const {
        std::vector<int> rows;
        for (const auto& [ref, cell] : cells) {
            if (ref.rfind(sheet + "!" + col, 0) != 0 || cell.second != text) continue;
            std::string digits = ref.substr(sheet.size() + 2);
            if (!digits.empty() && std::all_of(digits.begin(), digits.end(), ::isdigit)) rows.push_back(std::stoi(digits));
        }
        std::sort(rows.begin(), rows.end());
        return rows;
    }
    std::vector<std::string> fact(const std::string& kind, const std::string& sheet = {}) const {
        for (const auto& f : facts)
            if (f[0] == kind && (sheet.empty() || (f.size() > 1 && f[1] == sheet))) return f;
        return {};
    }
    bool any_cell_contains(const std::string& sheet, const std::string& text) const {
        for (const auto& [ref, cell] : cells)
            if (ref.rfind(sheet + "!", 0) == 0 && cell.second.find(text) != std::string::npos) return true;
        return false;
    }
};

Dump dump(const std::string& xlsx) {
    auto [status, out] = run("/usr/bin/python3 " + quoted(dump_script) + " " + quoted(xlsx) + " 2>&1");
    EXPECT_EQ(status, 0) << out;
    Dump d;
    std::istringstream lines(out);
    for (std::string line; std::getline(lines, line);) {
        std::vector<std::string> fields;
        std::size_t start = 0;
        for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
            fields.push_back(line.substr(start, tab - start));
        fields.push_back(line.substr(start));
        if (fields[0] == "sheet") d.sheets.push_back(fields[1]);
        else if (fields[0] == "cell" && fields.size() == 5) d.cells[fields[1] + "!" + fields[2]] = {fields[3], unescape(fields[4])};
        else d.facts.push_back(fields);
    }
    return d;
}

class WorkbookTest : public ::testing::Test {
protected:
    void SetUp() override {
        saved_epoch_ = std::getenv("SOURCE_DATE_EPOCH") ? std::getenv("SOURCE_DATE_EPOCH") : "";
        had_epoch_ = std::getenv("SOURCE_DATE_EPOCH") != nullptr;
        unsetenv("SOURCE_DATE_EPOCH");
    }
    void TearDown() override {
        if (had_epoch_) setenv("SOURCE_DATE_EPOCH", saved_epoch_.c_str(), 1);
        else unsetenv("SOURCE_DATE_EPOCH");
    }
    TempDir dir_;
    std::string saved_epoch_;
    bool had_epoch_ = false;
};

const Date as_of{2020, 2, 15};

TEST_F(WorkbookTest, OpenpyxlReadsEverySheetWithRealDates) {
    if (!have_openpyxl()) GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    Sample s = sample(dir_);
    // A pair the reconciler would leave for the officer: shared words, different objects.
    ASSERT_TRUE(s.rec.possible_duplicates.empty());
    auto by_text = [&](std::string_view start) -> const ReconciledAction& {
        for (const auto& a : s.rec.actions)
            if (a.canonical.text.rfind(start, 0) == 0) return a;
        throw std::runtime_error("fixture lacks " + std::string(start));
    };
    const ReconciledAction& budget = by_text("Three year budget planning");
    const ReconciledAction& integrated = by_text("Integrated approach to budget planning");
    s.rec.possible_duplicates.push_back({integrated.canonical.source, budget.canonical.source, integrated.code,
                                         budget.code, 0.52, {"budget", "planning"}, {"integrated", "approach"},
                                         {"three", "year"}, "each side has words the other lacks"});
    const std::string xlsx = dir_ / "consolidated.xlsx";
    write_consolidated_workbook(xlsx, s.plans, s.rec, test_config().workbook, {as_of});
    Dump d = dump(xlsx);

    EXPECT_EQ(d.sheets, (std::vector<std::string>{"Actions", "Summary", "Sources", "Duplicates", "Appendices",
                                                   "Findings", "Issues"}));
    // Actions: one row per reconciled action, in order, with real date cells.
    EXPECT_EQ(d.value("Actions!A1"), "Code");
    EXPECT_EQ(d.value("Actions!F1"), "Due");
    ASSERT_EQ(s.rec.actions.size(), 6u);  // 7 rows, two of them copies of one action
    for (std::size_t i = 0; i < s.rec.actions.size(); ++i) {
        const auto& action = s.rec.actions[i];
        const std::string row = std::to_string(i + 2);
        EXPECT_EQ(d.value("Actions!A" + row), action.code);
        EXPECT_EQ(d.value("Actions!C" + row), action.canonical.text);
        EXPECT_EQ(d.value("Actions!G" + row), action.canonical.due.as_written);
        EXPECT_EQ(d.value("Actions!H" + row), std::string(to_string(action.canonical.status)));
        if (action.canonical.due.date) {
            EXPECT_EQ(d.type("Actions!F" + row), "date") << action.code;
            EXPECT_EQ(d.value("Actions!F" + row), to_iso(*action.canonical.due.date));
        } else {
            EXPECT_EQ(d.type("Actions!F" + row), "") << action.code << " has no date, so no Due cell";
        }
        std::string sources;
        for (const auto& m : action.members) sources += (sources.empty() ? "" : "\n") + to_string(m.source);
        EXPECT_EQ(d.value("Actions!N" + row), sources);
    }
    EXPECT_EQ(d.value("Actions!A" + std::to_string(s.rec.actions.size() + 2)), "");
    EXPECT_EQ(d.fact("freeze", "Actions")[2], "B2");  // the header row and the codes
    EXPECT_EQ(d.fact("autofilter", "Actions")[2], "A1:N7");
    auto validation = d.fact("validation", "Actions");
    ASSERT_FALSE(validation.empty());
    EXPECT_EQ(validation[2].substr(0, 3), "H2:");
    EXPECT_NE(validation[3].find("Not started,On track,Slippage,Off track,Overdue,Complete,Cancelled"), std::string::npos)
        << validation[3];
    auto conditional = d.fact("conditional", "Actions");
    ASSERT_FALSE(conditional.empty());
    EXPECT_EQ(conditional[2], "F2:F7");  // the overdue due dates
    EXPECT_NE(conditional[3].find("DATE(2020,2,15)"), std::string::npos) << conditional[3];

    // Summary: the as-of date as a date, the overdue count, a chart part.
    EXPECT_EQ(d.type("Summary!B2"), "date");
    EXPECT_EQ(d.value("Summary!B2"), "2020-02-15");
    std::size_t overdue = 0, due_next_quarter = 0;
    for (const auto& a : s.rec.actions) {
        const auto& due = a.canonical.due.date;
        if (due && *due < as_of && a.canonical.status != Status::Complete && a.canonical.status != Status::Cancelled) ++overdue;
        if (due && *due >= Date{2020, 4, 1} && *due <= Date{2020, 6, 30}) ++due_next_quarter;
    }
    EXPECT_EQ(overdue, 2u);  // "Integrated approach..." (31/03/2019, slippage) and the pathway (01/04/2017, off track)
    bool saw_overdue = false, saw_next = false;
    for (int r = 3; r < 12; ++r) {
        const std::string label = d.value("Summary!A" + std::to_string(r));
        if (label.rfind("Overdue", 0) == 0) {
            saw_overdue = true;
            EXPECT_EQ(d.value("Summary!B" + std::to_string(r)), std::to_string(double(overdue)).substr(0, 3));
        }
        if (label.rfind("Due next quarter (Q1 2020/21: 01/04/2020 to 30/06/2020)", 0) == 0) {
            saw_next = true;
            EXPECT_EQ(d.value("Summary!B" + std::to_string(r)), std::to_string(double(due_next_quarter)).substr(0, 3));
        }
    }
    EXPECT_TRUE(saw_overdue);
    EXPECT_TRUE(saw_next);
    // Warnings and skipped rows counted as the command's summary line counts them.
    std::size_t warnings = s.rec.warnings.size(), skipped = 0;
    for (const auto& p : s.plans) warnings += p.warnings.size(), skipped += rows_with_fate(p, RowRecord::Fate::Skipped);
    ASSERT_GT(skipped, 0u);
    auto warnings_row = d.rows_with("Summary", 'A', "Warnings (listed on Issues)");
    auto skipped_row = d.rows_with("Summary", 'A', "Input rows skipped, each with its reason (Sources, Issues)");
    ASSERT_EQ(warnings_row.size(), 1u);
    ASSERT_EQ(skipped_row.size(), 1u);
    EXPECT_EQ(std::stod(d.value("Summary!B" + std::to_string(warnings_row[0]))), double(warnings));
    EXPECT_EQ(std::stod(d.value("Summary!B" + std::to_string(skipped_row[0]))), double(skipped));
    EXPECT_FALSE(d.rows_with("Summary", 'A', "Chief Executive's Services").empty());
    EXPECT_FALSE(d.rows_with("Summary", 'A', "Children & Families").empty());
    bool chart = false;
    for (const auto& f : d.facts) chart |= f[0] == "part" && f[1] == "xl/charts/chart1.xml";
    EXPECT_TRUE(chart);

    // Sources: every input row exactly once; the tracker's copy is merged into the PSIF code.
    std::size_t input_rows = 0;
    for (const auto& p : s.plans) input_rows += p.rows.size();
    EXPECT_EQ(d.value("Sources!A" + std::to_string(input_rows + 1)), s.plans[1].rows.back().source.file);
    EXPECT_EQ(d.value("Sources!A" + std::to_string(input_rows + 2)), "");
    const ReconciledAction* merged = nullptr;
    for (const auto& a : s.rec.actions)
        if (a.members.size() == 2) merged = &a;
    ASSERT_NE(merged, nullptr);
    auto merged_rows = d.rows_with("Sources", 'D', "merged into " + merged->code);
    ASSERT_EQ(merged_rows.size(), 1u);
    EXPECT_EQ(d.value("Sources!B" + std::to_string(merged_rows[0])), merged->members[1].source.sheet);
    EXPECT_EQ(d.value("Sources!F" + std::to_string(merged_rows[0])), merged->code);
    EXPECT_EQ(d.rows_with("Sources", 'F', merged->code).size(), 2u);
    // Each row says its file's service and where it was read from.
    EXPECT_EQ(d.value("Sources!G1"), "Service");
    EXPECT_EQ(d.value("Sources!H2"), s.plans[0].document.service_source);
    EXPECT_EQ(d.value("Sources!G2"), s.plans[0].document.service);
    EXPECT_EQ(d.rows_with("Sources", 'D', "skipped").size(), 2u);
    // A run of rows is one line that says which rows it covers.
    auto blank_rows = d.rows_with("Sources", 'E', "rows 4-6");
    ASSERT_EQ(blank_rows.size(), 1u);
    EXPECT_EQ(d.value("Sources!B" + std::to_string(blank_rows[0])), "Gradings");
    EXPECT_EQ(d.value("Sources!C" + std::to_string(blank_rows[0])), "4.0");  // a number
    EXPECT_EQ(d.value("Sources!D" + std::to_string(blank_rows[0])), "blank");
    EXPECT_EQ(d.rows_with("Sources", 'E', "rows 7-9: no table header above this row").size(), 1u);
    auto skipped_run = d.rows_with("Issues", 'D', "rows 7-9: no table header above this row");
    ASSERT_EQ(skipped_run.size(), 1u);
    EXPECT_EQ(d.value("Issues!A" + std::to_string(skipped_run[0])), "skipped rows");
    auto priority_rows = d.rows_with("Sources", 'D', "priority");
    ASSERT_EQ(priority_rows.size(), 2u);
    EXPECT_EQ(d.value("Sources!F" + std::to_string(priority_rows[0])).substr(0, 2), "P-");

    // Duplicates: both copies side by side, the due-date disagreement, the look-alike pair.
    EXPECT_EQ(d.rows_with("Duplicates", 'A', merged->code).size() >= 2, true);
    EXPECT_TRUE(d.any_cell_contains("Duplicates", "Three-year budget planning"));
    ASSERT_FALSE(merged->conflicts.empty());
    auto conflict_rows = d.rows_with("Duplicates", 'B', merged->conflicts[0].field);
    ASSERT_EQ(conflict_rows.size(), merged->conflicts[0].values.size());
    EXPECT_EQ(d.value("Duplicates!C" + std::to_string(conflict_rows[0])), to_string(merged->conflicts[0].values[0].source));
    EXPECT_EQ(d.value("Duplicates!D" + std::to_string(conflict_rows[0])), merged->conflicts[0].values[0].value);
    auto pair_rows = d.rows_with("Duplicates", 'A', integrated.code);
    ASSERT_EQ(pair_rows.size(), 1u);
    const std::string pair_row = std::to_string(pair_rows[0]);
    EXPECT_EQ(d.value("Duplicates!B" + pair_row), budget.code);
    EXPECT_EQ(d.value("Duplicates!E" + pair_row), integrated.canonical.text);
    EXPECT_EQ(d.value("Duplicates!H" + pair_row), budget.canonical.text);
    EXPECT_EQ(d.value("Duplicates!F" + pair_row), "0.52");
    // The words that matched, those each side has alone, and why it was not merged.
    EXPECT_EQ(d.value("Duplicates!G" + pair_row),
              "matched: budget planning\nonly in A: integrated approach\nonly in B: three year\n"
              "not merged: each side has words the other lacks");
    // The officer records a decision on the pair: a Decision column, a drop-down of merge / keep apart on its row.
    EXPECT_EQ(d.value("Duplicates!I" + std::to_string(pair_rows[0] - 1)), "Decision");
    EXPECT_EQ(d.value("Duplicates!I" + pair_row), "");
    auto decision = d.fact("validation", "Duplicates");
    ASSERT_FALSE(decision.empty());
    EXPECT_EQ(decision[2], "I" + pair_row);
    EXPECT_EQ(decision[3], "\"merge,keep apart\"");

    // Appendices: header names aligned across the two tables.
    EXPECT_EQ(d.value("Appendices!E1"), "Name of Service");
    EXPECT_EQ(d.value("Appendices!I1"), "Budget");
    auto budget_rows = d.rows_with("Appendices", 'A', "Budget");
    ASSERT_EQ(budget_rows.size(), 1u);
    EXPECT_EQ(d.value("Appendices!E" + std::to_string(budget_rows[0])), "Residential care");
    EXPECT_EQ(d.value("Appendices!I" + std::to_string(budget_rows[0])), "£34,794");
    EXPECT_EQ(d.value("Appendices!H3"), "n/a");

    // Findings and Issues.
    EXPECT_EQ(d.value("Findings!C2"), "Make better use of data to drive service reviews and budget planning");
    EXPECT_EQ(d.value("Findings!E2"), "Improvement Action 4");
    std::string action4_code;
    for (const auto& p : s.rec.priorities)
        if (p.ref == "4") action4_code = p.code;
    EXPECT_EQ(d.value("Findings!G2"), action4_code);  // the link resolved to improvement action 4's code
    EXPECT_EQ(d.rows_with("Issues", 'A', "skipped row").size(), 1u);
    EXPECT_EQ(d.rows_with("Issues", 'A', "unread date").size(), 1u);
    EXPECT_EQ(d.rows_with("Issues", 'A', "no lead").size(), 2u);  // PEF evidence (5.3) and the pathway (CE-14)
    EXPECT_TRUE(d.any_cell_contains("Issues", "Paul Clancy"));
    // A warning shows in the parts stderr shows it in: FILE: PLACE: MESSAGE.
    ASSERT_FALSE(s.plans[0].warnings.empty());
    const Warning& warning = s.plans[0].warnings[0];
    auto warning_rows = d.rows_with("Issues", 'D', warning.message);
    ASSERT_FALSE(warning_rows.empty());
    const std::string w = std::to_string(warning_rows[0]);
    EXPECT_EQ(d.value("Issues!A" + w), "warning");
    EXPECT_EQ(d.value("Issues!B" + w) + ": " + d.value("Issues!C" + w) + ": " + d.value("Issues!D" + w), to_string(warning));
}

TEST_F(WorkbookTest, LibreOfficeOpensItAndShowsUkDates) {
    if (!have_tool("soffice")) GTEST_SKIP() << "LibreOffice (soffice) not installed";
    Sample s = sample(dir_);
    const std::string xlsx = dir_ / "consolidated.xlsx";
    write_consolidated_workbook(xlsx, s.plans, s.rec, test_config().workbook, {as_of});
    const std::string profile = "file://" + dir_.path() + "/lo-write-profile";
    auto [status, out] = run("cd " + quoted(dir_.path()) + " && soffice --headless -env:UserInstallation=" + profile +
                             " --convert-to csv:\"Text - txt - csv (StarCalc)\":44,34,76 --outdir " + quoted(dir_ / "csv") +
                             " " + quoted(xlsx) + " 2>&1");
    ASSERT_EQ(status, 0) << out;
    const std::string csv = read_bytes(dir_ / "csv/consolidated.csv");
    ASSERT_FALSE(csv.empty()) << out;
    EXPECT_EQ(csv.rfind("Code,Priority,Action,", 0), 0u) << csv.substr(0, 200);
    for (const auto& action : s.rec.actions) {
        EXPECT_NE(csv.find(action.code), std::string::npos) << action.code;
        if (action.canonical.due.date) {
            const Date& due = *action.canonical.due.date;
            char shown[16];
            std::snprintf(shown, sizeof shown, "%02u/%02u/%04d", due.day, due.month, due.year);
            EXPECT_NE(csv.find(std::string(",") + shown + ","), std::string::npos) << action.code << " " << shown;
        }
    }
    EXPECT_NE(csv.find("31/03/2019"), std::string::npos);
    EXPECT_NE(csv.find("40%"), std::string::npos);  // % complete of the PSIF's action 4.1
}

TEST_F(WorkbookTest, SameInputGivesSameBytes) {
    Sample s = sample(dir_);
    write_consolidated_workbook(dir_ / "one.xlsx", s.plans, s.rec, test_config().workbook, {as_of});
    sleep(2);  // a clock time anywhere in the file (ZIP times have 2 s steps) would now differ
    write_consolidated_workbook(dir_ / "two.xlsx", s.plans, s.rec, test_config().workbook, {as_of});
    const std::string one = read_bytes(dir_ / "one.xlsx"), two = read_bytes(dir_ / "two.xlsx");
    ASSERT_GT(one.size(), 1000u);
    EXPECT_TRUE(one == two) << "workbooks differ for the same input";

    setenv("SOURCE_DATE_EPOCH", "1569888000", 1);  // 2019-10-01 00:00 UTC
    write_consolidated_workbook(dir_ / "three.xlsx", s.plans, s.rec, test_config().workbook);
    write_consolidated_workbook(dir_ / "four.xlsx", s.plans, s.rec, test_config().workbook);
    EXPECT_TRUE(read_bytes(dir_ / "three.xlsx") == read_bytes(dir_ / "four.xlsx"));
    if (!have_openpyxl()) GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    EXPECT_EQ(dump(dir_ / "one.xlsx").fact("created")[1], "1980-01-01T00:00:00Z");
    Dump three = dump(dir_ / "three.xlsx");
    EXPECT_EQ(three.fact("created")[1], "2019-10-01T00:00:00Z");
    EXPECT_EQ(three.value("Summary!B2"), "2019-10-01");  // default as-of date from SOURCE_DATE_EPOCH
}

// Runs `body` in a child process without root's power to write anywhere;
// returns the child's exit status and what it wrote to `message`.
std::pair<int, std::string> as_unprivileged(const std::function<int(std::string&)>& body) {
    int fds[2];
    if (pipe(fds) != 0) return {-1, "pipe failed"};
    pid_t pid = fork();
    if (pid == 0) {
        close(fds[0]);
        if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0)) _exit(90);
        std::string message;
        int code = body(message);
        if (write(fds[1], message.data(), message.size()) < 0) _exit(91);
        _exit(code);
    }
    close(fds[1]);
    std::string message;
    char buf[512];
    for (ssize_t n; (n = read(fds[0], buf, sizeof buf)) > 0;) message.append(buf, std::size_t(n));
    close(fds[0]);
    int status = 0;
    waitpid(pid, &status, 0);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, message};
}

std::vector<std::string> folder_listing(const std::string& folder) {
    std::vector<std::string> names;
    for (const auto& entry : std::filesystem::directory_iterator(folder)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

TEST_F(WorkbookTest, UnwritableFolderThrowsAndLeavesThePreviousFile) {
    Sample s = sample(dir_);
    const std::string folder = dir_ / "out";
    std::filesystem::create_directory(folder);
    const std::string xlsx = folder + "/consolidated.xlsx";
    write_consolidated_workbook(xlsx, s.plans, s.rec, test_config().workbook, {as_of});
    const std::string before = read_bytes(xlsx);
    chmod(folder.c_str(), 0555);
    chmod(dir_.path().c_str(), 0755);

    auto [code, message] = as_unprivileged([&](std::string& what) {
        try {
            write_consolidated_workbook(xlsx, s.plans, s.rec, test_config().workbook, {Date{2021, 1, 1}});
            return 0;
        } catch (const WriteError& e) {
            what = e.what();
            return 1;
        } catch (const std::exception& e) {
            what = e.what();
            return 2;
        }
    });
    chmod(folder.c_str(), 0755);
    ASSERT_NE(code, 90) << "could not drop privileges";
    EXPECT_EQ(code, 1) << message;
    EXPECT_EQ(message.rfind(xlsx + ": ", 0), 0u) << message;
    EXPECT_TRUE(read_bytes(xlsx) == before);
    EXPECT_EQ(folder_listing(folder), std::vector<std::string>{"consolidated.xlsx"});

    // A target that cannot be replaced (a folder of that name): the finished
    // temporary file is removed too.
    const std::string blocked = folder + "/blocked.xlsx";
    std::filesystem::create_directory(blocked);
    EXPECT_THROW(write_consolidated_workbook(blocked, s.plans, s.rec, test_config().workbook, {as_of}), WriteError);
    EXPECT_EQ(folder_listing(folder), (std::vector<std::string>{"blocked.xlsx", "consolidated.xlsx"}));
}

TEST_F(WorkbookTest, CellsBeyondExcelsLimitAreCutAndListed) {
    if (!have_openpyxl()) GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    Sample s = sample(dir_);
    std::string long_text;
    while (long_text.size() < 40000) long_text += "Review performance management processes at service level; ";
    long_text.resize(40000);
    s.rec.actions[0].canonical.text = long_text;
    s.rec.actions[1].canonical.progress = std::string("Q2 update\x01 received\x0B late");
    s.rec.actions[2].canonical.due = due_on(1850, 3, 31, "31/03/1850");  // a typo Excel cannot show as a date
    const std::string xlsx = dir_ / "limits.xlsx";
    write_consolidated_workbook(xlsx, s.plans, s.rec, test_config().workbook, {as_of});
    Dump d = dump(xlsx);

    const std::string cut = d.value("Actions!C2");
    EXPECT_EQ(cut.size(), 32767u);  // ASCII: bytes are characters
    EXPECT_EQ(cut.substr(cut.size() - 18), " [cut: see Issues]");
    EXPECT_EQ(cut.substr(0, 200), long_text.substr(0, 200));
    auto cut_rows = d.rows_with("Issues", 'A', "cut");
    ASSERT_EQ(cut_rows.size(), 1u);
    EXPECT_EQ(d.value("Issues!D" + std::to_string(cut_rows[0])),
              "Actions!C2: 40,000 characters cut to 32,767 (Excel's limit for one cell)");
    // The place is the input the cut text came from: the action's canonical copy.
    EXPECT_EQ(d.value("Issues!B" + std::to_string(cut_rows[0])), s.rec.actions[0].canonical.source.file);
    EXPECT_EQ(d.value("Issues!C" + std::to_string(cut_rows[0])), place_name(s.rec.actions[0].canonical.source));

    EXPECT_EQ(d.value("Actions!J3"), "Q2 update received late");
    auto dropped = d.rows_with("Issues", 'A', "dropped characters");
    ASSERT_EQ(dropped.size(), 1u);
    EXPECT_NE(d.value("Issues!D" + std::to_string(dropped[0])).find("U+0001, U+000B"), std::string::npos);

    EXPECT_EQ(d.type("Actions!F4"), "");
    EXPECT_EQ(d.value("Actions!G4"), "31/03/1850");
    auto not_shown = d.rows_with("Issues", 'A', "date not shown");
    ASSERT_EQ(not_shown.size(), 1u);
    EXPECT_EQ(d.value("Issues!D" + std::to_string(not_shown[0])).substr(0, s.rec.actions[2].code.size() + 2),
              s.rec.actions[2].code + ": ");
}

// The rows of a sheet and its parts ("Sources", "Sources (2)", ...) below
// their heading rows, as (part, row) in order.
std::vector<std::pair<std::string, int>> rows_of_parts(const Dump& d, const std::string& sheet, int heading_rows) {
    std::vector<std::pair<std::string, int>> rows;
    for (const std::string& part : d.sheets) {
        if (part != sheet && part.rfind(sheet + " (", 0) != 0) continue;
        std::set<int> seen;
        for (const auto& [ref, cell] : d.cells) {
            if (ref.rfind(part + "!", 0) != 0) continue;
            std::string a1 = ref.substr(part.size() + 1);
            const int row = std::stoi(a1.substr(a1.find_first_of("0123456789")));
            if (row > heading_rows) seen.insert(row);
        }
        for (int row : seen) rows.emplace_back(part, row);
    }
    return rows;
}

TEST_F(WorkbookTest, LongSheetsContinueOnPartsAndNothingIsLost) {
    if (!have_openpyxl()) GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    Sample s = sample(dir_);
    // Excel's 1,048,576 rows would need a million-row input; the same code
    // path runs with the limit lowered.
    WorkbookOptions options{as_of};
    options.max_rows_per_sheet = 6;
    const std::string xlsx = dir_ / "rows.xlsx";
    write_consolidated_workbook(xlsx, s.plans, s.rec, test_config().workbook, options);
    Dump d = dump(xlsx);

    // Parts sit beside their sheet in the tab order, numbered from 2.
    std::set<std::string> duplicates_sections;  // the sections Duplicates' parts open in
    ASSERT_GE(d.sheets.size(), 2u);
    EXPECT_EQ(d.sheets[0], "Actions");
    EXPECT_EQ(d.sheets[1], "Actions (2)");
    for (std::size_t i = 1; i < d.sheets.size(); ++i) {
        const std::string& name = d.sheets[i];
        const auto open = name.rfind(" (");
        if (open == std::string::npos) continue;
        const std::string base = name.substr(0, open);
        const int k = std::stoi(name.substr(open + 2));
        EXPECT_EQ(d.sheets[i - 1], k == 2 ? base : base + " (" + std::to_string(k - 1) + ")") << name;
        // Each part opens with its sheet's headings (on Duplicates, those of
        // the section it opens in), filters and prints as the first does.
        if (base == "Duplicates") {
            const std::map<std::string, std::string> heading_of = {
                {"Merged copies", "Role"}, {"Possible duplicates", "Code B"}, {"Conflicts", "Field"}};
            const std::string title = d.value(name + "!A1");
            const auto section = std::find_if(heading_of.begin(), heading_of.end(),
                                              [&](const auto& h) { return title.rfind(h.first, 0) == 0; });
            ASSERT_NE(section, heading_of.end()) << name << " opens with " << title;
            EXPECT_EQ(d.value(name + "!B2"), section->second) << name;
            duplicates_sections.insert(section->first);
        } else {
            EXPECT_EQ(d.value(name + "!A1"), d.value(base + "!A1")) << name;
        }
        const auto freeze = d.fact("freeze", name), base_freeze = d.fact("freeze", base);
        ASSERT_EQ(freeze.size(), base_freeze.size()) << name;
        if (!freeze.empty()) {
            EXPECT_EQ(freeze[2], base_freeze[2]) << name;
        }
        EXPECT_EQ(d.fact("page", name), std::vector<std::string>({"page", name, "landscape", "9", "True", "1", "0"}));
    }

    // Every input row is on Sources or a part of it, in order.
    std::size_t input_rows = 0;
    for (const auto& p : s.plans) input_rows += p.rows.size();
    const auto sources = rows_of_parts(d, "Sources", 1);
    ASSERT_EQ(sources.size(), input_rows);
    EXPECT_EQ(sources.front(), std::make_pair(std::string("Sources"), 2));
    EXPECT_EQ(sources.back().first, "Sources (" + std::to_string((input_rows + 4) / 5) + ")");
    EXPECT_EQ(d.value(sources.back().first + "!A" + std::to_string(sources.back().second)), s.plans[1].rows.back().source.file);
    // Every action is on Actions or a part of it.
    const auto actions = rows_of_parts(d, "Actions", 1);
    ASSERT_EQ(actions.size(), s.rec.actions.size());
    for (std::size_t i = 0; i < actions.size(); ++i)
        EXPECT_EQ(d.value(actions[i].first + "!A" + std::to_string(actions[i].second)), s.rec.actions[i].code);
    // Duplicates' parts open in its first section and its last.
    EXPECT_GT(rows_of_parts(d, "Duplicates", 2).size(), 4u);
    EXPECT_TRUE(duplicates_sections.count("Merged copies"));
    EXPECT_TRUE(duplicates_sections.count("Conflicts"));

    // Links land on the row they name, whichever part it is on: a code on
    // Actions at its copy on Sources or its cluster on Duplicates, a code on
    // Sources at its row on Actions.
    std::size_t followed = 0;
    for (const auto& f : d.facts) {
        if (f[0] != "link" || f.size() < 4) continue;
        const std::string from = f[1] + "!" + f[2], code = d.value(from);
        std::string sheet = f[3].substr(0, f[3].rfind('!')), cell = f[3].substr(f[3].rfind('!') + 1);
        if (sheet.front() == '\'') sheet = sheet.substr(1, sheet.size() - 2);
        const std::string row = cell.substr(cell.find_first_of("0123456789"));
        bool found = false;
        for (char col = 'A'; col <= 'J' && !found; ++col) found = d.value(sheet + "!" + col + row) == code;
        EXPECT_TRUE(found) << from << " (" << code << ") links to " << f[3];
        ++followed;
    }
    EXPECT_GT(followed, 2 * s.rec.actions.size() - 1);

    // Issues ends with a count of what did not fit rather than continuing.
    EXPECT_EQ(d.value("Issues!A6"), "rows not written");
    EXPECT_NE(d.value("Issues!D6").find("more issues did not fit on this sheet"), std::string::npos) << d.value("Issues!D6");
    EXPECT_EQ(d.value("Issues!A7"), "");

    // With room, one sheet each, as before.
    options.max_rows_per_sheet = 1000;
    write_consolidated_workbook(xlsx, s.plans, s.rec, test_config().workbook, options);
    Dump full = dump(xlsx);
    EXPECT_EQ(full.value("Sources!A" + std::to_string(input_rows + 1)), s.plans[1].rows.back().source.file);
    for (const std::string& name : full.sheets) EXPECT_EQ(name.find(" ("), std::string::npos) << name;
}

// Regression: the Sources sheet gave every row its file's service, even an
// action row whose own Service column named another.
TEST_F(WorkbookTest, SourcesGiveAnActionItsOwnService) {
    if (!have_openpyxl()) GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    Sample s = sample(dir_);
    Action& own = s.plans[0].actions[3];  // Appendix 1b row 10
    own.service = "Housing";
    const std::string xlsx = dir_ / "consolidated.xlsx";
    write_consolidated_workbook(xlsx, s.plans, s.rec, test_config().workbook, {as_of});
    Dump d = dump(xlsx);
    auto row_of = [&](const Provenance& p) {
        for (int r : d.rows_with("Sources", 'A', p.file))
            if (d.value("Sources!B" + std::to_string(r)) == p.sheet &&
                d.value("Sources!C" + std::to_string(r)) == std::to_string(p.row) + ".0")
                return std::to_string(r);
        return std::string("?");
    };
    const std::string r = row_of(own.source);
    EXPECT_EQ(d.value("Sources!G" + r), "Housing");
    EXPECT_EQ(d.value("Sources!H" + r), "its Service column");
    // A row of the document's own service still says where the document's came from.
    const std::string other = row_of(s.plans[0].actions[2].source);
    EXPECT_EQ(d.value("Sources!G" + other), "Children & Families");
    EXPECT_EQ(d.value("Sources!H" + other), "the title");
}

// ---- The workbook a manager opens, reads and prints (issue 17) ----

// The bundled fixtures consolidated by the plancon binary, as a manager gets them.
// The fixtures consolidated as the quickstart does, from the source tree as
// "fixtures/": the file names the workbook shows (and so its wrapping and
// its pages) do not depend on where the tree was cloned.
std::string consolidate_fixtures(const TempDir& dir) {
    const std::string xlsx = dir / "plan.xlsx";
    auto [status, out] = run("cd " + quoted(PLANCON_SOURCE_DIR) + " && SOURCE_DATE_EPOCH=1581724800 " + quoted(PLANCON_BINARY) +
                             " consolidate fixtures -o " + quoted(xlsx) + " --xml " + quoted(dir / "plan.xml") + " 2>&1");
    EXPECT_EQ(status, 0) << out;
    return xlsx;
}

std::vector<std::vector<std::string>> facts_of(const Dump& d, const std::string& kind, const std::string& sheet) {
    std::vector<std::vector<std::string>> found;
    for (const auto& f : d.facts)
        if (f[0] == kind && f.size() > 1 && f[1] == sheet) found.push_back(f);
    return found;
}

TEST_F(WorkbookTest, EverySheetPrintsLandscapeOnePageWideUnderTitleAndDate) {
    if (!have_openpyxl()) GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    Dump d = dump(consolidate_fixtures(dir_));
    ASSERT_EQ(d.sheets.size(), 7u);
    for (const auto& sheet : d.sheets) {
        auto page = d.fact("page", sheet);
        ASSERT_EQ(page.size(), 7u) << sheet;
        EXPECT_EQ(page[2], "landscape") << sheet;
        EXPECT_EQ(page[3], "9") << sheet;  // A4
        EXPECT_EQ(page[4], "True") << sheet;  // fit to page ...
        EXPECT_EQ(page[5], "1") << sheet;     // ... one page wide
        EXPECT_EQ(page[6], "0") << sheet;     // ... as many down as it takes
        auto header = d.fact("header", sheet);
        ASSERT_EQ(header.size(), 5u);
        EXPECT_NE(header[2].find("Consolidated improvement plan"), std::string::npos) << header[2];
        EXPECT_EQ(header[3], "&A");  // the sheet's name
        EXPECT_EQ(header[4], "As of 15/02/2020");
        auto footer = d.fact("footer", sheet);
        ASSERT_EQ(footer.size(), 5u);
        EXPECT_EQ(footer[3], "Page &P of &N");
        // The header row on every page, but for Duplicates' sections, each under its own headings.
        if (sheet == "Summary" || sheet == "Duplicates") {
            EXPECT_TRUE(d.fact("titles", sheet).empty()) << sheet;
        } else {
            EXPECT_EQ(d.fact("titles", sheet).at(2), "$1:$1") << sheet;
        }
    }
    // Actions prints up to Services; each copy's file|sheet|row (column N) is for the screen.
    EXPECT_EQ(d.value("Actions!M1"), "Services");
    EXPECT_EQ(d.value("Actions!N1"), "Sources");
    EXPECT_EQ(d.fact("area", "Actions").at(2), "$A$1:$M$50");
}

TEST_F(WorkbookTest, NumbersHaveFormatsAndSheetsFreezeAndFilter) {
    if (!have_openpyxl()) GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    Dump d = dump(consolidate_fixtures(dir_));
    std::map<std::string, std::set<std::string>> formats;  // "Sheet!column" -> number formats
    for (const auto& f : d.facts)
        if (f[0] == "format") formats[f[1] + "!" + f[2].substr(0, f[2].find_first_of("0123456789"))].insert(f[3]);
    EXPECT_EQ(formats["Actions!F"], (std::set<std::string>{"dd/mm/yyyy"}));
    EXPECT_EQ(formats["Actions!I"], (std::set<std::string>{"0%"}));
    EXPECT_EQ(formats["Duplicates!F"], (std::set<std::string>{"0.00"}));  // scores, not 0.9749924276467101
    EXPECT_EQ(formats["Summary!B"], (std::set<std::string>{"dd/mm/yyyy", "0"}));  // the as-of date, the tables' counts
    EXPECT_EQ(formats["Sources!C"], (std::set<std::string>{"0"}));
    for (const auto& [sheet, freeze] : std::map<std::string, std::string>{
             {"Actions", "B2"}, {"Sources", "A2"}, {"Appendices", "A2"}, {"Findings", "A2"}, {"Issues", "A2"}}) {
        EXPECT_EQ(d.fact("freeze", sheet).at(2), freeze) << sheet;
        EXPECT_FALSE(d.fact("autofilter", sheet).empty()) << sheet;
    }
    EXPECT_EQ(d.fact("autofilter", "Actions").at(2), "A1:N50");
    // Status cells coloured by status, the officer's edits too (down to row 1001).
    std::set<std::string> coloured;
    for (const auto& f : facts_of(d, "conditional", "Actions"))
        if (f[2] == "H2:H1001") coloured.insert(f[3]);
    EXPECT_EQ(coloured, (std::set<std::string>{"\"Off track\"", "\"Overdue\"", "\"Slippage\"", "\"On track\"",
                                               "\"Complete\"", "\"Cancelled\""}));
}

// Every wrapped text has the lines it needs: a row is at least as tall as
// its longest text needs when each line holds no more characters than the
// column is wide, and a row all of whose texts fit one line keeps Excel's 15 points.
TEST_F(WorkbookTest, ColumnsAreSizedByContent) {
    if (!have_openpyxl()) GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    Dump d = dump(consolidate_fixtures(dir_));
    for (const std::string sheet : {"Actions", "Sources", "Issues"}) {
        auto widths = facts_of(d, "width", sheet);
        ASSERT_FALSE(widths.empty()) << sheet;
        for (const auto& f : widths) EXPECT_LE(std::stod(f[3]), 81) << sheet << " " << f[2];  // capped
    }
    // Widths follow content: Status is as wide as its words.
    EXPECT_LE(std::stod(facts_of(d, "width", "Actions").at(7)[3]), 11);  // H: "Off track"
    for (const auto& f : facts_of(d, "height", "Actions")) EXPECT_EQ(std::fmod(std::stod(f[3]), 15.0), 0.0) << f[2];
}

// Every wrapped cell fits its row, measured by tests/write/row_fit.py with
// Carlito's own advance widths (Calibri's metrics): an independent measure of
// the writer's estimate. Rows err tall by at most a line, but for a few (the
// estimate also allows for LibreOffice breaking after "/" and "-").
TEST_F(WorkbookTest, RowsFitTheirWrappedTextMeasuredWithTheFont) {
    if (!have_openpyxl()) GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    const std::string font = "/usr/share/fonts/truetype/crosextra/Carlito-Regular.ttf";
    if (!std::filesystem::exists(font) || run("/usr/bin/python3 -c 'import fontTools' 2>&1").first != 0)
        GTEST_SKIP() << "Carlito (fonts-crosextra-carlito) or python3-fonttools not installed";
    const std::string xlsx = consolidate_fixtures(dir_);
    const std::string script = std::string(PLANCON_SOURCE_DIR) + "/tests/write/row_fit.py";
    auto [status, out] = run("/usr/bin/python3 " + quoted(script) + " " + quoted(xlsx) + " " + quoted(font) +
                             " Actions Summary Sources Duplicates Appendices Findings Issues 2>&1");
    ASSERT_EQ(status, 0) << out;
    std::istringstream lines(out);
    int sheets = 0;
    for (std::string line; std::getline(lines, line);) {
        EXPECT_NE(line.rfind("clipped", 0), 0u) << line;
        if (line.rfind("rows ", 0) != 0) continue;
        std::istringstream fields(line.substr(5));
        std::string sheet;
        int fit = 0, one_more = 0, more = 0;
        fields >> sheet >> fit >> one_more >> more;
        ++sheets;
        EXPECT_GT(fit, 0) << line;
        EXPECT_LE(more * 20, fit + one_more + more) << line;  // at most 5% two lines or more too tall
    }
    EXPECT_EQ(sheets, 7);
}

TEST_F(WorkbookTest, CodesLinkToTheirSourcesAndDuplicatesAndBack) {
    if (!have_openpyxl()) GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    Dump d = dump(consolidate_fixtures(dir_));
    auto links = facts_of(d, "link", "Actions");
    ASSERT_EQ(links.size(), 49u);  // every action's code
    std::size_t to_duplicates = 0;
    for (const auto& link : links) {
        const std::string code = d.value("Actions!" + link[2]);
        const std::string target = link[3];  // 'Sources'!A12
        const std::string sheet = target.substr(1, target.find('\'', 1) - 1);
        const std::string row = target.substr(target.find("!A") + 2);
        if (sheet == "Duplicates") {
            ++to_duplicates;
            EXPECT_EQ(d.value("Duplicates!A" + row), code) << target;
            EXPECT_EQ(d.value("Duplicates!B" + row), "canonical") << target;
        } else {
            ASSERT_EQ(sheet, "Sources") << target;
            EXPECT_EQ(d.value("Sources!F" + row), code) << target;
            EXPECT_EQ(d.value("Sources!D" + row), "action") << target;
        }
    }
    EXPECT_GT(to_duplicates, 0u);
    // On Sources, an action's code leads back to its row on Actions.
    auto back = facts_of(d, "link", "Sources");
    ASSERT_FALSE(back.empty());
    for (const auto& link : back) {
        const std::string code = d.value("Sources!" + link[2]);
        EXPECT_EQ(d.value("Actions!A" + link[3].substr(link[3].find("!A") + 2)), code) << link[3];
    }
}

// The figures and the service table on the first page; the chart under them
// when it fits, and then the priorities' table from a page of its own; when
// it does not fit, the chart starts the next page and the priorities follow it.
TEST_F(WorkbookTest, SummaryTablesAndChartStartWhereTheyFit) {
    if (!have_openpyxl()) GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    Dump d = dump(consolidate_fixtures(dir_));
    auto services = d.rows_with("Summary", 'A', "Service");
    ASSERT_EQ(services.size(), 1u);
    EXPECT_EQ(d.value("Summary!B" + std::to_string(services[0])), "On track");
    auto priorities = d.rows_with("Summary", 'A', "Actions by priority and status");
    ASSERT_EQ(priorities.size(), 1u);
    // The fixtures' five services: figures and table leave too little room
    // for the chart, which starts the next page (openpyxl numbers a break by
    // the last row above it); the priorities follow it there.
    const auto breaks = d.fact("breaks", "Summary");
    ASSERT_EQ(breaks.size(), 3u);
    const int chart_row = std::stoi(breaks[2]) + 1;
    EXPECT_GT(chart_row, services.back() + 5);
    EXPECT_GT(priorities[0], chart_row);
    const std::string chart = run("unzip -p " + quoted(dir_ / "plan.xlsx") + " xl/charts/chart1.xml").second;
    EXPECT_NE(chart.find("<c:barDir val=\"bar\"/>"), std::string::npos);  // bars: names read whole
    EXPECT_NE(chart.find("<c:legendPos val=\"b\"/>"), std::string::npos);
}

// LibreOffice prints the fixtures' workbook: every page of a sheet with a
// header row carries its first and its last printed heading (so no sheet
// runs off to the right, and the header row repeats), and the Summary's
// priorities come after its first page.
TEST_F(WorkbookTest, LibreOfficePrintsEverySheetOnePageWide) {
    if (!have_tool("soffice")) GTEST_SKIP() << "LibreOffice (soffice) not installed";
    if (!have_tool("pdftotext")) GTEST_SKIP() << "pdftotext (poppler-utils) not installed";
    const std::string xlsx = consolidate_fixtures(dir_);
    const std::string profile = "file://" + dir_.path() + "/lo-print-profile";
    auto [status, out] = run("cd " + quoted(dir_.path()) + " && soffice --headless -env:UserInstallation=" + profile +
                             " --convert-to pdf --outdir " + quoted(dir_ / "pdf") + " " + quoted(xlsx) + " 2>&1");
    ASSERT_EQ(status, 0) << out;
    const std::string text = run("pdftotext -layout " + quoted(dir_ / "pdf/plan.pdf") + " - 2>&1").second;
    std::vector<std::string> pages;
    for (std::size_t start = 0, end; start < text.size(); start = end + 1) {
        end = text.find('\f', start);
        if (end == std::string::npos) end = text.size();
        if (end > start) pages.push_back(text.substr(start, end - start));
    }
    const std::vector<std::pair<std::string, std::pair<std::string, std::string>>> headings = {
        {"Actions", {"Code", "Services"}}, {"Summary", {}}, {"Sources", {"File", "Service"}},
        {"Duplicates", {}}, {"Appendices", {"Appendix", ""}}, {"Findings", {"Theme", "Linked"}},
        {"Issues", {"Kind", "Message"}}};
    std::map<std::string, int> pages_of;
    std::vector<std::string> summary_pages;
    for (const auto& page : pages) {
        const std::string first_line = page.substr(0, page.find('\n'));
        ASSERT_NE(first_line.find("Consolidated improvement plan"), std::string::npos) << first_line;
        ASSERT_NE(first_line.find("As of 15/02/2020"), std::string::npos) << first_line;
        std::string sheet;
        for (const auto& [name, first_last] : headings)
            if (first_line.find("  " + name + "  ") != std::string::npos) sheet = name;
        ASSERT_FALSE(sheet.empty()) << first_line;
        ++pages_of[sheet];
        if (sheet == "Summary") summary_pages.push_back(page);
        for (const auto& [name, first_last] : headings) {
            if (name != sheet) continue;
            for (const std::string& heading : {first_last.first, first_last.second}) {
                if (!heading.empty()) {
                    EXPECT_NE(page.find(heading), std::string::npos) << sheet << " page " << pages_of[sheet] << ": " << heading;
                }
            }
        }
    }
    // The figures and services on the Summary's first page, the priorities on a later one.
    ASSERT_GE(summary_pages.size(), 2u);
    EXPECT_NE(summary_pages[0].find("Actions by service and status"), std::string::npos);
    EXPECT_EQ(summary_pages[0].find("Actions by priority and status"), std::string::npos);
    // The priorities' heading never apart from its table's first row.
    for (const std::string& page : summary_pages)
        if (page.find("Actions by priority and status") != std::string::npos) {
            EXPECT_NE(page.find("Unpaid work"), std::string::npos) << page;
        }
    for (const auto& [name, first_last] : headings) EXPECT_GE(pages_of[name], 1) << name;
    // Before: 85 pages, Actions 15 of them across; the fixtures now print on far fewer.
    EXPECT_LE(pages.size(), 45u);
}

}  // namespace

namespace {

// An organisation's own layout (templates/workbook_columns.tsv edited):
// Actions reordered, renamed and with fields the default leaves out; the
// drop-down, status colours, overdue rule and print area follow the columns.
TEST_F(WorkbookTest, AnEditedLayoutMovesEveryColumnAndWhatHangsOnIt) {
    if (!have_openpyxl()) GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    Sample s = sample(dir_);
    WorkbookLayout layout = test_config().workbook;
    WorkbookLayout edited = parse_workbook_columns(
        "Actions\tref\tNo.\t5\tprint\n"
        "Actions\tcode\tCode\t11\tprint\n"
        "Actions\taction\tWhat we will do\t20-40\tprint\n"
        "Actions\tstatus\tRAG\t10\tprint\n"
        "Actions\tleads\tOwner\t10-20\tprint\n"
        "Actions\tdue\tTarget date\t11\tprint\n"
        "Actions\tstatus-as-written\tStatus as written\t10-20\tscreen\n"
        "Issues\tmessage\tWhat is wrong\t30-80\tprint\nIssues\tkind\tKind\t10-18\tprint\n"
        "Sources\tfile\tFile\t16-60\tprint\nSources\tsheet\tSheet\t10\tprint\nSources\trow\tRow\t6\tprint\n"
        "Sources\tfate\tFate\t10-22\tprint\nFindings\tarea\tArea\t20\tprint\nFindings\tsource\tSource\t20\tprint\n",
        "edited.tsv");
    edited.statuses = layout.statuses;
    edited.header_fill = 0x123456;
    const std::string xlsx = dir_ / "edited.xlsx";
    write_consolidated_workbook(xlsx, s.plans, s.rec, edited, {as_of});
    Dump d = dump(xlsx);

    EXPECT_EQ(d.value("Actions!A1"), "No.");
    EXPECT_EQ(d.value("Actions!C1"), "What we will do");
    EXPECT_EQ(d.value("Actions!G1"), "Status as written");
    EXPECT_EQ(d.value("Actions!H1"), "");
    for (std::size_t i = 0; i < s.rec.actions.size(); ++i) {
        const ReconciledAction& action = s.rec.actions[i];
        const std::string row = std::to_string(i + 2);
        EXPECT_EQ(d.value("Actions!A" + row), action.canonical.ref);
        EXPECT_EQ(d.value("Actions!B" + row), action.code);
        EXPECT_EQ(d.value("Actions!D" + row), std::string(to_string(action.canonical.status)));
        EXPECT_EQ(d.value("Actions!G" + row), action.canonical.status_as_written);
        if (action.canonical.due.date) {
            EXPECT_EQ(d.value("Actions!F" + row), to_iso(*action.canonical.due.date));
        }
    }
    EXPECT_EQ(d.fact("validation", "Actions").at(2).substr(0, 3), "D2:");
    std::string overdue_rule;
    for (const auto& f : d.facts)
        if (f[0] == "conditional" && f[1] == "Actions" && f[2] == "F2:F7") overdue_rule = f[3];
    EXPECT_NE(overdue_rule.find("ISNUMBER($F2)"), std::string::npos) << overdue_rule;
    EXPECT_NE(overdue_rule.find("$D2<>\"Complete\""), std::string::npos) << overdue_rule;
    EXPECT_EQ(d.fact("area", "Actions").at(2), "$A$1:$F$7");  // the screen-only column left out
    EXPECT_EQ(d.fact("autofilter", "Actions").at(2), "A1:G7");
    // Sources keeps its required columns only; Issues leads with the message.
    EXPECT_EQ(d.value("Sources!D1"), "Fate");
    EXPECT_EQ(d.value("Sources!E1"), "");
    EXPECT_EQ(d.value("Issues!A1"), "What is wrong");
    EXPECT_FALSE(d.value("Issues!A2").empty());
    const std::string styles = run("unzip -p " + quoted(xlsx) + " xl/styles.xml").second;
    EXPECT_NE(styles.find("FF123456"), std::string::npos);  // the heading fill
}

// Every field the templates may name, the writer can fill.
TEST_F(WorkbookTest, EveryFieldALayoutMayNameIsWritten) {
    Sample s = sample(dir_);
    std::string columns;
    for (const auto& sheet : WorkbookLayout::sheets())
        for (std::string_view field : sheet.fields)
            columns += std::string(sheet.sheet) + "\t" + std::string(field) + "\t" + std::string(field) + "\t8-20\tprint\n";
    const WorkbookLayout all = parse_workbook_columns(columns, "all.tsv");
    EXPECT_NO_THROW(write_consolidated_workbook(dir_ / "all.xlsx", s.plans, s.rec, all, {as_of}));
}

}  // namespace
