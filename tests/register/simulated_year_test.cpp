// A simulated year: four quarters of the same three trackers (two CSV, one
// .xlsx), generated here and changed between quarters as officers change
// them (rows re-sorted, actions reworded, a file renamed, an action moved to
// another file, statuses moved on, due dates slipped, actions removed and
// added). Each quarter is consolidated with --register; the codes must stay
// with their actions and `changes` must report exactly the changes made.
#include "plancon/pipeline.hpp"
#include "plancon/register.hpp"
#include "plancon/returns.hpp"

#include "temp_dir.hpp"
#include "test_config.hpp"
#include "xlsx_with_sheet.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <tuple>

namespace plancon {
namespace {

namespace fs = std::filesystem;
using test::TempDir;

struct Row {
    std::string ref, text, lead, due, status, percent;  // as an officer types them
};

struct Tracker {
    std::string file;   // file name
    std::string title;  // names the service
    std::vector<std::string> ids;  // the rows, in sheet order, by logical id
};

// The year's plan: every logical action's current row, and the trackers.
struct Year {
    std::map<std::string, Row> rows;
    std::map<std::string, Tracker> trackers;  // by a fixed key: education, corporate, social_work
};

std::string csv_field(const std::string& v) {
    return v.find_first_of(",\"") == std::string::npos ? v : "\"" + v + "\"";
}

std::string xml_escaped(const std::string& v) {
    std::string out;
    for (char c : v) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else out += c;
    }
    return out;
}

const std::vector<std::string> header = {"Ref", "Action", "Lead", "Due date", "Status", "% complete"};

std::vector<std::vector<std::string>> table_of(const Year& year, const Tracker& t) {
    std::vector<std::vector<std::string>> table = {{t.title}, header};
    for (const std::string& id : t.ids) {
        const Row& r = year.rows.at(id);
        table.push_back({r.ref, r.text, r.lead, r.due, r.status, r.percent});
    }
    return table;
}

void write_csv(const std::string& path, const std::vector<std::vector<std::string>>& table) {
    std::ofstream out(path, std::ios::binary);
    for (const auto& row : table) {
        for (std::size_t i = 0; i < row.size(); ++i) out << (i ? "," : "") << csv_field(row[i]);
        out << "\r\n";
    }
}

void write_xlsx(const std::string& path, const std::vector<std::vector<std::string>>& table) {
    std::string xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>"
        "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
    for (std::size_t r = 0; r < table.size(); ++r) {
        xml += "<row r=\"" + std::to_string(r + 1) + "\">";
        for (std::size_t c = 0; c < table[r].size(); ++c)
            xml += "<c r=\"" + std::string(1, char('A' + c)) + std::to_string(r + 1) + "\" t=\"inlineStr\"><is><t>" +
                   xml_escaped(table[r][c]) + "</t></is></c>";
        xml += "</row>";
    }
    xml += "</sheetData></worksheet>";
    test::write_xlsx_with_sheet(path, xml);
}

// The quarter's trackers written into DIR (a fresh folder).
void write_quarter(const Year& year, const std::string& dir) {
    fs::create_directories(dir);
    for (const auto& [key, t] : year.trackers) {
        const auto table = table_of(year, t);
        if (t.file.ends_with(".xlsx"))
            write_xlsx(dir + "/" + t.file, table);
        else
            write_csv(dir + "/" + t.file, table);
    }
}

Year first_quarter() {
    Year y;
    y.rows = {
        {"E1", {"1", "Improve attendance at secondary schools through family engagement officers", "Head of Education", "31/03/2027", "On track", "25%"}},
        {"E2", {"2", "Extend the free breakfast club to every primary school", "Primary Schools Manager", "30/06/2027", "Not started", "0%"}},
        {"E3", {"3", "Introduce a digital reading programme for pupils in P4 to P7", "Literacy Coordinator", "31/12/2026", "On track", "40%"}},
        {"E4", {"4", "Train every classroom assistant in nurture based approaches", "Educational Psychology Service", "31/03/2027", "On track", "25%"}},
        {"E5", {"5", "Publish an annual report on the attainment gap in each cluster", "Head of Education", "30/09/2027", "Not started", "0%"}},
        {"C1", {"1", "Review the corporate asset management plan", "Head of Corporate Finance", "31/03/2027", "On track", "30%"}},
        {"C2", {"2", "Replace the payroll system with a cloud based service", "Head of Human Resources", "30/06/2027", "Slippage", "20%"}},
        {"C3", {"3", "Reduce sickness absence across the council by ten percent", "Head of Human Resources", "31/03/2027", "On track", "50%"}},
        {"C4", {"4", "Renegotiate the insurance contract for council vehicles", "Procurement Manager", "31/12/2026", "On track", "60%"}},
        {"C5", {"5", "Move all committee papers to the online publication system", "Democratic Services Manager", "30/09/2027", "Not started", "0%"}},
        {"S1", {"1", "Recruit twelve additional foster carers through the regional campaign", "Fostering Team Manager", "31/03/2027", "Not started", "0%"}},
        {"S2", {"2", "Complete the review of self directed support assessments", "Adult Services Manager", "31/12/2026", "On track", "70%"}},
        {"S3", {"3", "Open a second supported living house for young people leaving care", "Throughcare Manager", "30/09/2027", "Not started", "0%"}},
    };
    y.trackers = {
        {"education", {"education.csv", "Education Service Improvement Plan 2026/27", {"E1", "E2", "E3", "E4", "E5"}}},
        {"corporate", {"corporate_tracker.xlsx", "Corporate Services Improvement Plan 2026/27", {"C1", "C2", "C3", "C4", "C5"}}},
        {"social_work", {"social_work.csv", "Social Work Service Improvement Plan 2026/27", {"S1", "S2", "S3"}}},
    };
    return y;
}

// A change as the test made it, by logical id: (change, id, field, before, after).
using Made = std::tuple<std::string, std::string, std::string, std::string, std::string>;

struct Quarter {
    Year year;
    std::vector<Made> made;  // against the quarter before
};

void remove_id(std::vector<std::string>& ids, const std::string& id) { std::erase(ids, id); }

std::vector<Quarter> simulated_year() {
    std::vector<Quarter> q(4);
    q[0].year = first_quarter();

    // Q2: education re-sorted; a typo-level rewording; one completed, one slipped;
    // a corporate action removed, one added, a lead changed.
    Year y = q[0].year;
    std::reverse(y.trackers["education"].ids.begin(), y.trackers["education"].ids.end());
    y.rows["E3"].text = "Introduce a digital reading programme for all pupils in P4 to P7";
    y.rows["E1"].status = "Complete";
    y.rows["E1"].percent = "100%";
    y.rows["E2"].due = "31/12/2027";
    remove_id(y.trackers["corporate"].ids, "C4");
    y.rows["C6"] = {"6", "Create a single contact centre for council tax and benefits enquiries", "Customer Services Manager", "31/03/2028", "Not started", "0%"};
    y.trackers["corporate"].ids.push_back("C6");
    y.rows["C2"].lead = "Head of Digital Services";
    q[1].year = y;
    q[1].made = {
        {"reworded", "E3", "action", q[0].year.rows["E3"].text, y.rows["E3"].text},
        {"completed", "E1", "status", "On track", "Complete"},
        {"percent", "E1", "percent", "25", "100"},
        {"due", "E2", "due", "2027-06-30", "2027-12-31"},
        {"removed", "C4", "action", q[0].year.rows["C4"].text, ""},
        {"new", "C6", "action", "", y.rows["C6"].text},
        {"lead", "C2", "lead", "Head of Human Resources", "Head of Digital Services"},
    };

    // Q3: the corporate tracker renamed and re-sorted, an action reworded with a
    // clause added; progress moved on, one reopened; a new social work action.
    y.trackers["corporate"].file = "corporate_tracker_q3.xlsx";
    std::sort(y.trackers["corporate"].ids.begin(), y.trackers["corporate"].ids.end(), std::greater<>());
    y.rows["C1"].text = "Review the corporate asset management plan and report the findings to the policy committee";
    y.rows["E4"].percent = "50%";
    y.rows["E1"].status = "On track";
    y.rows["E1"].percent = "90%";
    y.rows["S2"].status = "Slippage";
    y.rows["S4"] = {"4", "Launch a kinship care support group in each locality", "Kinship Care Team Leader", "31/03/2028", "Not started", "0%"};
    y.trackers["social_work"].ids.push_back("S4");
    q[2].year = y;
    q[2].made = {
        {"reworded", "C1", "action", q[1].year.rows["C1"].text, y.rows["C1"].text},
        {"percent", "E4", "percent", "25", "50"},
        {"reopened", "E1", "status", "Complete", "On track"},
        {"percent", "E1", "percent", "100", "90"},
        {"status", "S2", "status", "On track", "Slippage"},
        {"new", "S4", "action", "", y.rows["S4"].text},
    };

    // Q4: an education action removed and a new one at the top (every row moves
    // down); an action moved from the corporate tracker to social work's; the new
    // action of Q3 reworded; one slipped and started.
    remove_id(y.trackers["education"].ids, "E5");
    y.rows["E6"] = {"6", "Appoint a mental health counsellor for every secondary school", "Head of Education", "31/03/2028", "Not started", "0%"};
    y.trackers["education"].ids.insert(y.trackers["education"].ids.begin(), "E6");
    remove_id(y.trackers["corporate"].ids, "C3");
    y.trackers["social_work"].ids.push_back("C3");
    y.rows["S4"].text = "Launch a kinship carers support group in every locality";
    y.rows["S1"].due = "30/09/2027";
    y.rows["S1"].status = "On track";
    q[3].year = y;
    q[3].made = {
        {"removed", "E5", "action", q[2].year.rows["E5"].text, ""},
        {"new", "E6", "action", "", y.rows["E6"].text},
        {"reworded", "S4", "action", q[2].year.rows["S4"].text, y.rows["S4"].text},
        {"due", "S1", "due", "2027-03-31", "2027-09-30"},
        {"status", "S1", "status", "Not started", "On track"},
    };
    return q;
}

// The code each logical action of the year carries in a run, found by its text.
std::map<std::string, std::string> codes_by_id(const Year& year, const Reconciliation& r) {
    std::map<std::string, std::string> by_text;
    for (const ReconciledAction& a : r.actions) by_text[a.canonical.text] = a.code;
    std::map<std::string, std::string> out;
    for (const auto& [key, t] : year.trackers)
        for (const std::string& id : t.ids) out[id] = by_text.at(year.rows.at(id).text);
    return out;
}

ConsolidateResult run_quarter(const std::string& dir, const std::string& register_path, const std::string& out = "") {
    ConsolidateOptions options;
    options.register_path = register_path;
    options.workbook = out.empty() ? "" : out + ".xlsx";
    options.feed = out.empty() ? "" : out + ".xml";
    options.as_of = parse_iso_date("2027-01-15");
    return consolidate({dir}, test::test_config(), options);
}

TEST(SimulatedYear, CodesStayWithTheirActionsAndChangesAreExactlyThoseMade) {
    TempDir tmp("plancon-year");
    const std::string reg = tmp / "plan.register";
    const auto quarters = simulated_year();
    std::map<std::string, std::string> code_of;  // logical id -> code, from its first quarter
    std::set<std::string> every_code;
    for (std::size_t q = 0; q < quarters.size(); ++q) {
        SCOPED_TRACE("quarter " + std::to_string(q + 1));
        const std::string dir = tmp / ("q" + std::to_string(q + 1));
        write_quarter(quarters[q].year, dir);
        const ConsolidateResult result = run_quarter(dir, reg);
        ASSERT_TRUE(result.run);
        EXPECT_EQ(*result.run, std::int64_t(q + 1));
        ASSERT_EQ(result.reconciliation.actions.size(), codes_by_id(quarters[q].year, result.reconciliation).size())
            << "every action of the quarter is its own";
        for (const auto& [id, code] : codes_by_id(quarters[q].year, result.reconciliation)) {
            const auto [known, inserted] = code_of.try_emplace(id, code);
            if (inserted) {
                EXPECT_TRUE(every_code.insert(code).second) << id << " got a code given before: " << code;
            } else {
                EXPECT_EQ(code, known->second) << id << " changed code";
            }
        }
        // What the run reports against the quarter before: exactly what was made.
        std::set<Made> expected, reported;
        if (q == 0) {
            for (const auto& [key, t] : quarters[0].year.trackers)
                for (const std::string& id : t.ids)
                    expected.insert({"new", code_of[id], "action", "", quarters[0].year.rows.at(id).text});
        } else {
            for (const auto& [change, id, field, before, after] : quarters[q].made)
                expected.insert({change, code_of.at(id), field, before, after});
        }
        for (const RegisterChange& c : result.changes) reported.insert({c.change, c.code, c.field, c.before, c.after});
        EXPECT_EQ(reported, expected);
        EXPECT_EQ(result.changes.size(), expected.size()) << "one line a change";
    }

    // Read back later, any two runs compare: Q1 -> Q4 in one step.
    const PlanRegister read = PlanRegister::open_to_read(reg);
    ASSERT_EQ(read.runs().size(), 4u);
    EXPECT_EQ(read.runs()[2].inputs.size(), 3u);
    EXPECT_EQ(read.runs()[2].inputs[0].sha256.size(), 64u);
    std::set<std::string> year_changes;
    for (const RegisterChange& c : read.changes(1, 4)) year_changes.insert(c.change + " " + c.code);
    for (const char* id : {"C4", "E5"}) EXPECT_TRUE(year_changes.count("removed " + code_of[id])) << id;
    for (const char* id : {"C6", "S4", "E6"}) EXPECT_TRUE(year_changes.count("new " + code_of[id])) << id;
    EXPECT_FALSE(year_changes.count("reopened " + code_of["E1"])) << "On track in Q1 and Q4: no status change";
    EXPECT_TRUE(year_changes.count("reworded " + code_of["C1"]));
}

std::string command_output(const std::string& command) {
    std::string out;
    FILE* p = popen(command.c_str(), "r");
    char buf[4096];
    for (std::size_t n; p && (n = fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    if (p) pclose(p);
    return out;
}

// The workbook's Changes sheet and the Summary's counts, read back by openpyxl
// (an independent reader) after the second quarter.
TEST(SimulatedYear, TheWorkbookGroupsTheChangesForACommitteeAndTheSummaryCountsThem) {
    if (command_output("/usr/bin/python3 -c 'import openpyxl; print(1)' 2>/dev/null") != "1\n")
        GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    TempDir tmp("plancon-year");
    const auto quarters = simulated_year();
    write_quarter(quarters[0].year, tmp / "q1");
    write_quarter(quarters[1].year, tmp / "q2");
    const auto first = run_quarter(tmp / "q1", tmp / "plan.register");
    run_quarter(tmp / "q2", tmp / "plan.register", tmp / "q2");
    const auto code = codes_by_id(quarters[0].year, first.reconciliation);
    const std::string script =
        "import openpyxl, sys\n"
        "b = openpyxl.load_workbook(sys.argv[1])\n"
        "print(b.sheetnames[:3])\n"
        "for r in b['Changes'].iter_rows(min_row=2, values_only=True): print('|'.join(r[:5]))\n"
        "for r in b['Summary'].iter_rows(values_only=True):\n"
        "    if str(r[0]).startswith('Changes since'): print(r[0], r[1])\n";
    const std::string out =
        command_output("/usr/bin/python3 -c \"" + script + "\" " + (tmp / "q2.xlsx") + " 2>&1");
    std::string new_code;  // the one the run gave C6
    for (const RegisterChange& c : PlanRegister::open_to_read(tmp / "plan.register").changes())
        if (c.change == "new") new_code = c.code;
    const std::string want =
        "['Actions', 'Summary', 'Changes']\n"
        "Completed|" + code.at("E1") + "|" + quarters[1].year.rows.at("E1").text + "|completed|status\n"
        "Slipped|" + code.at("E2") + "|" + quarters[1].year.rows.at("E2").text + "|due|due\n"
        "New|" + new_code + "|" + quarters[1].year.rows.at("C6").text + "|new|action\n"
        "Removed|" + code.at("C4") + "|" + quarters[0].year.rows.at("C4").text + "|removed|action\n";
    EXPECT_TRUE(out.starts_with(want)) << out;
    for (const char* other : {"|reworded|action\n", "|percent|percent\n", "|lead|lead\n"})
        EXPECT_NE(out.find(other), std::string::npos) << other << " in\n" << out;
    EXPECT_NE(out.find("Changes since the run before: Completed 1\n"
                       "Changes since the run before: Slipped 1\n"
                       "Changes since the run before: New 1\n"
                       "Changes since the run before: Removed 1\n"
                       "Changes since the run before: Other changes 3\n"),
              std::string::npos)
        << out;
}

// The return templates go out, come back filled in by officers (openpyxl, as
// Excel would save them) and are consolidated: rows map to their actions by
// code; a row added without a code is new; an unknown code is a warning
// naming its row.
TEST(SimulatedYear, ReturnTemplatesComeBackByTheirCodes) {
    if (command_output("/usr/bin/python3 -c 'import openpyxl; print(1)' 2>/dev/null") != "1\n")
        GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    TempDir tmp("plancon-year");
    const Year year = first_quarter();
    write_quarter(year, tmp / "q1");
    const auto first = run_quarter(tmp / "q1", tmp / "plan.register");
    const auto code = codes_by_id(year, first.reconciliation);
    const auto files = write_return_templates(tmp / "returns",
                                              PlanRegister::open_to_read(tmp / "plan.register").last_run_actions(),
                                              parse_iso_date("2027-01-15"));
    ASSERT_EQ(files.size(), 3u);
    EXPECT_EQ(files[0], tmp / "returns/Corporate Services.xlsx");
    EXPECT_EQ(files[1], tmp / "returns/Education.xlsx");
    EXPECT_EQ(files[2], tmp / "returns/Social Work.xlsx");

    // What an officer meets: locked code and action, drop-down, validations, frozen header.
    const std::string inspect =
        "import openpyxl, sys\n"
        "ws = openpyxl.load_workbook(sys.argv[1])['Return']\n"
        "print(ws.protection.sheet, ws.protection.password, ws.freeze_panes)\n"
        "print([c.value for c in ws[2]])\n"
        "print([c.value for c in ws[3]][:2], ws['A3'].protection.locked, ws['B3'].protection.locked,"
        " ws['C3'].protection.locked, ws['G3'].protection.locked, ws['B37'].protection.locked)\n"
        "for v in ws.data_validations.dataValidation: print(v.type, v.operator, v.formula1, v.formula2, v.sqref)\n";
    const std::string seen = command_output("/usr/bin/python3 -c \"" + inspect + "\" '" + files[1] + "' 2>&1");
    EXPECT_NE(seen.find("True None A3\n['Code', 'Action', 'Lead', 'Due', 'Status', '% complete', 'Progress this quarter']\n"),
              std::string::npos) << seen;
    EXPECT_NE(seen.find("['" + code.at("E2") + "', '" + year.rows.at("E2").text + "'] True True False False False\n"),
              std::string::npos) << "rows by code: E2's comes first; " << seen;
    EXPECT_NE(seen.find("list None \"Not started,On track,Slippage,Off track,Overdue,Complete,Cancelled\" None E3:E37"),
              std::string::npos) << seen;
    EXPECT_NE(seen.find("date None 36526 73050 D3:D37"), std::string::npos) << seen;
    EXPECT_NE(seen.find("decimal None 0 100 F3:F37"), std::string::npos) << seen;

    // The officer's edits: E1 complete with its progress, a new action typed
    // below, a code that is not the register's.
    const std::string fill =
        "import openpyxl, sys\n"
        "b = openpyxl.load_workbook(sys.argv[1]); ws = b['Return']\n"
        "for r in range(3, ws.max_row + 1):\n"
        "    if ws.cell(r, 1).value == sys.argv[2]:\n"
        "        ws.cell(r, 5).value = 'Complete'; ws.cell(r, 6).value = 100;"
        " ws.cell(r, 7).value = 'Attendance officers in post in all schools'\n"
        "ws['B8'] = 'Run a summer reading challenge in every public library'; ws['C8'] = 'Head of Libraries'\n"
        "ws['A9'] = 'A-ZZZZZZZZ'; ws['B9'] = 'Open a homework club in each community centre'\n"
        "b.save(sys.argv[1])\n";
    ASSERT_EQ(command_output("/usr/bin/python3 -c \"" + fill + "\" '" + files[1] + "' " + code.at("E1") + " 2>&1"), "");
    const ConsolidateResult back = run_quarter(tmp / "returns", tmp / "plan.register");
    std::map<std::string, std::string> by_text;
    for (const ReconciledAction& a : back.reconciliation.actions) by_text[a.canonical.text] = a.code;
    for (const auto& [id, row] : year.rows) EXPECT_EQ(by_text[row.text], code.at(id)) << id;
    std::set<std::string> changes;
    for (const RegisterChange& c : back.changes) changes.insert(c.change + " " + c.code + " " + c.before + " -> " + c.after);
    const std::string library = by_text.at("Run a summer reading challenge in every public library");
    const std::string club = by_text.at("Open a homework club in each community centre");
    EXPECT_EQ(changes, (std::set<std::string>{
                           "completed " + code.at("E1") + " On track -> Complete",
                           "percent " + code.at("E1") + " 25 -> 100",
                           "new " + library + "  -> Run a summer reading challenge in every public library",
                           "new " + club + "  -> Open a homework club in each community centre",
                       }));
    bool warned = false;
    for (const Warning& w : back.reconciliation.warnings)
        warned |= to_string(w) == files[1] + ": sheet 'Return' row 9: code A-ZZZZZZZZ is not in the register; read as a new action";
    EXPECT_TRUE(warned);
}

// A quarter's consolidated workbook reviewed as an officer would in Excel
// (openpyxl): a Decision chosen for the possible duplicate on Duplicates, a
// due date and a lead filled in on Actions for an action its tracker left
// without. The next run, given the workbook, merges the pair, fills both in
// with their provenance, its feed passes validate; a later run without the
// workbook keeps the merge and the corrections, until the tracker gives its own date.
TEST(SimulatedYear, AReviewedWorkbookRoundTrips) {
    if (command_output("/usr/bin/python3 -c 'import openpyxl; print(1)' 2>/dev/null") != "1\n")
        GTEST_SKIP() << "/usr/bin/python3 with openpyxl not available";
    TempDir tmp("plancon-year");
    Year year = first_quarter();
    // S6 is S4 and S5 in one: merged with one of them, a possible duplicate of the other.
    const std::string s4 = "Develop a joint Older People's Strategy which demonstrates a whole systems approach";
    const std::string s5 = "Prepare joint strategies for other main service areas and carers";
    year.rows["S4"] = {"4", s4, "Adult Services Manager", "31/03/2027", "On track", "10%"};
    year.rows["S5"] = {"5", s5, "Adult Services Manager", "31/03/2027", "On track", "10%"};
    year.rows["S6"] = {"6", s4 + " and " + s5, "Head of Social Work", "31/03/2027", "On track", "10%"};
    // S7 has no due date and no lead: Pentana cannot take it as it is.
    year.rows["S7"] = {"7", "Agree a protocol with the police for young people who go missing from care", "", "", "Not started", "0%"};
    for (const char* id : {"S4", "S5", "S6", "S7"}) year.trackers["social_work"].ids.push_back(id);
    write_quarter(year, tmp / "q1");
    const std::string reg = tmp / "plan.register";
    const ConsolidateResult first = run_quarter(tmp / "q1", reg, tmp / "q1");
    ASSERT_EQ(first.reconciliation.possible_duplicates.size(), 1u);
    const std::size_t actions = first.reconciliation.actions.size();
    std::string s7;
    for (const ReconciledAction& a : first.reconciliation.actions)
        if (a.canonical.text == year.rows.at("S7").text) s7 = a.code;
    ASSERT_FALSE(s7.empty());
    const std::string validate = std::string(PLANCON_BINARY) + " validate ";
    EXPECT_NE(command_output(validate + (tmp / "q1.xml")).find("[due] " + s7 + ": no due date"), std::string::npos);

    const std::string review =
        "import openpyxl, sys, datetime\n"
        "b = openpyxl.load_workbook(sys.argv[1])\n"
        "ws = b['Duplicates']\n"
        "heading = [r for r in range(1, ws.max_row + 1) if ws.cell(r, 1).value == 'Code A'][0]\n"
        "decision = [c for c in range(1, ws.max_column + 1) if ws.cell(heading, c).value == 'Decision'][0]\n"
        "ws.cell(heading + 1, decision).value = 'merge'\n"
        "ws = b['Actions']\n"
        "col = {ws.cell(1, c).value: c for c in range(1, ws.max_column + 1)}\n"
        "row = [r for r in range(2, ws.max_row + 1) if ws.cell(r, col['Code']).value == sys.argv[3]][0]\n"
        "ws.cell(row, col['Due']).value = datetime.datetime(2027, 6, 30)\n"
        "ws.cell(row, col['Lead(s)']).value = 'Throughcare Manager'\n"
        "b.save(sys.argv[2]); print(row)\n";
    const std::string row =
        command_output("/usr/bin/python3 -c \"" + review + "\" " + (tmp / "q1.xlsx") + " " + (tmp / "reviewed.xlsx") + " " + s7);
    ASSERT_FALSE(row.empty());

    write_quarter(year, tmp / "q2");
    ConsolidateOptions options;
    options.register_path = reg;
    options.workbook = tmp / "q2.xlsx";
    options.feed = tmp / "q2.xml";
    options.decisions = tmp / "reviewed.xlsx";
    options.corrections = tmp / "reviewed.xlsx";
    options.as_of = parse_iso_date("2027-01-15");
    const ConsolidateResult second = consolidate({tmp / "q2"}, test::test_config(), options);
    EXPECT_EQ(second.reconciliation.actions.size(), actions - 1) << "the pair merged";
    EXPECT_TRUE(second.reconciliation.possible_duplicates.empty());
    std::set<std::string> changes;
    for (const RegisterChange& c : second.changes)
        if (c.change == "due" || c.change == "lead") changes.insert(c.change + " " + c.code + " " + c.before + " -> " + c.after);
    EXPECT_TRUE(changes.count("due " + s7 + "  -> 2027-06-30")) << *changes.begin();
    EXPECT_TRUE(changes.count("lead " + s7 + "  -> Throughcare Manager"));
    EXPECT_EQ(command_output(validate + (tmp / "q2.xml")), (tmp / "q2.xml") + ": valid (" +
                                                              std::to_string(actions - 1) + " actions)\n");
    std::ifstream feed(tmp / "q2.xml");
    const std::string feed_text((std::istreambuf_iterator<char>(feed)), {});
    const std::string origin = "corrected in reviewed.xlsx, Actions row " + std::string(row.substr(0, row.size() - 1));
    EXPECT_NE(feed_text.find("basis=\"" + origin + "\""), std::string::npos);

    // Next quarter, no review given: the merge and the corrections are remembered.
    write_quarter(year, tmp / "q3");
    const ConsolidateResult third = run_quarter(tmp / "q3", reg, tmp / "q3");
    EXPECT_EQ(third.reconciliation.actions.size(), actions - 1);
    EXPECT_TRUE(third.changes.empty()) << third.changes.front().change << " " << third.changes.front().code;
    EXPECT_EQ(command_output(validate + (tmp / "q3.xml")), (tmp / "q3.xml") + ": valid (" +
                                                              std::to_string(actions - 1) + " actions)\n");

    // The tracker gives its own date at last: it stands, and the change is the tracker's.
    year.rows["S7"].due = "30/09/2027";
    write_quarter(year, tmp / "q4");
    const ConsolidateResult fourth = run_quarter(tmp / "q4", reg);
    ASSERT_EQ(fourth.changes.size(), 1u);
    EXPECT_EQ(fourth.changes[0].change + " " + fourth.changes[0].code + " " + fourth.changes[0].before + " -> " +
                  fourth.changes[0].after,
              "due " + s7 + " 2027-06-30 -> 2027-09-30");
    for (const Warning& w : fourth.reconciliation.warnings)
        EXPECT_EQ(w.message.find("not applied"), std::string::npos) << w.message;
}

// The same quarter consolidated twice on the same register state gives the same bytes.
TEST(SimulatedYear, RepeatedRunGivesIdenticalOutputs) {
    TempDir tmp("plancon-year");
    const auto quarters = simulated_year();
    for (std::size_t q = 0; q < 3; ++q) {
        write_quarter(quarters[q].year, tmp / ("q" + std::to_string(q + 1)));
        run_quarter(tmp / ("q" + std::to_string(q + 1)), tmp / "a.register");
    }
    fs::copy_file(tmp / "a.register", tmp / "b.register");
    write_quarter(quarters[3].year, tmp / "q4");
    run_quarter(tmp / "q4", tmp / "a.register", tmp / "a");
    run_quarter(tmp / "q4", tmp / "b.register", tmp / "b");
    auto bytes = [](const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        std::stringstream s;
        s << in.rdbuf();
        return s.str();
    };
    EXPECT_FALSE(bytes(tmp / "a.xlsx").empty());
    EXPECT_EQ(bytes(tmp / "a.xlsx"), bytes(tmp / "b.xlsx"));
    EXPECT_EQ(bytes(tmp / "a.xml"), bytes(tmp / "b.xml"));
}

}  // namespace
}  // namespace plancon
