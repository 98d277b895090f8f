// Plans built by hand from the seed reports (seed 000's improvement plan
// and appendix 1a, seed 001's joint inspection plan, seed 003's gradings),
// plus a corporate tracker that re-types two of seed 000's actions, so the
// writers see merged copies, conflicts, findings, appendices and warnings.
#pragma once

#include "plancon/model.hpp"
#include "plancon/reconcile.hpp"
#include "temp_dir.hpp"

#include "test_config.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace write_test {

using namespace plancon;
using plancon::test::TempDir;
using plancon::test::test_config;

inline Lead lead(std::string name, std::string as_written, Lead::Kind kind = Lead::Kind::Body) {
    return Lead{std::move(name), std::move(as_written), kind};
}

inline Due due_on(int y, unsigned m, unsigned d, std::string as_written, std::string basis = {}) {
    Due due;
    due.kind = Due::Kind::Date;
    due.date = Date{y, m, d};
    due.as_written = std::move(as_written);
    due.basis = std::move(basis);
    return due;
}

inline Due due_words(Due::Kind kind, std::string as_written) {
    Due due;
    due.kind = kind;
    due.as_written = std::move(as_written);
    return due;
}

inline RowRecord row_record(const std::string& file, const std::string& sheet, std::uint32_t row,
                            RowRecord::Fate fate, int index = -1, std::string reason = {}) {
    return RowRecord{{file, sheet, row}, fate, index, std::move(reason)};
}

// Seed 000, Appendix 1b: the C&F PSIF improvement plan, and Appendix 1a's findings.
inline Plan psif_plan(const std::string& file) {
    Plan plan;
    plan.document = {file, "Children and Families Service PSIF Improvement Plan", "Children & Families", "the title"};
    const std::string sheet = "Appendix 1b";
    plan.priorities.push_back({"4", "improvement action", "Data and evidence informs service improvement", {}, {file, sheet, 3}});
    plan.priorities.push_back({"5", "improvement action", "Priority based budgeting across the Dundee Partnership", {}, {file, sheet, 7}});

    Action a;
    a.ref = "4.1";
    a.text = a.text_as_written =
        "Review performance management processes at service and team level to reflect the new structure";
    a.outcome = "Our resources are targeted at our service priorities";
    a.leads = {lead("Council Management Team", "CMT")};
    a.leads_as_written = "CMT";
    a.due = due_on(2020, 6, 30, "During session 2019/20", "school session 2019/20");
    a.status = Status::OnTrack;
    a.status_as_written = "Green";
    a.percent_complete = 40;
    a.progress = "Q1 2019/20: new structure agreed; team reviews scheduled";
    a.measures = "Children & Families Service Plan includes corresponding financial information.";
    a.risks = "Lack of trust across the Partnership will impact on willingness to be open";
    a.service = "Children & Families";
    a.priority = 0;
    a.source = {file, sheet, 4};
    plan.actions.push_back(a);

    Action b;
    b.ref = "5.1";
    b.text = b.text_as_written =
        "Three year budget planning allowing for a more strategic approach to delivering on service priorities";
    b.leads = {lead("Council Management Team", "Council Management Team"),
               lead("Dundee Partnership Management Group", "Dundee Partnership Management Group")};
    b.leads_as_written = "Council Management Team Dundee Partnership Management Group";
    b.due = due_words(Due::Kind::Ongoing, "Immediate & Continuous");
    b.status = Status::NotStarted;
    b.service = "Children & Families";
    b.priority = 1;
    b.source = {file, sheet, 8};
    plan.actions.push_back(b);

    Action c;
    c.ref = "5.2";
    c.text = c.text_as_written = "Integrated approach to budget planning across the Council";
    c.leads = {lead("Council's Leadership Team", "Council's Leadership Team")};
    c.leads_as_written = "Council's Leadership Team";
    c.due = due_on(2019, 3, 31, "2018/19", "financial year 2018/19");
    c.status = Status::Slippage;
    c.service = "Children & Families";
    c.priority = 1;
    c.source = {file, sheet, 9};
    plan.actions.push_back(c);

    Action d;
    d.ref = "5.3";
    d.text = d.text_as_written = "Evidence that PEF funding is allocated to agreed priorities";
    d.due = due_words(Due::Kind::Unreadable, "when funding allows");
    d.service = "Children & Families";
    d.priority = 1;
    d.source = {file, sheet, 10};
    plan.actions.push_back(d);

    Finding f;
    f.theme = "SERVICE PLANNING";
    f.strength = "Our plans are underpinned by national and local benchmarking and targets";
    f.text = "Make better use of data to drive service reviews and budget planning";
    f.planned_action = "Identified as a priority: Improvement Action 4 (see Appendix 1b for detailed Improvement Action Plan)";
    f.links = {{"Improvement Action 4", "Identified as a priority: Improvement Action 4"}};
    f.source = {file, "Appendix 1a", 6};
    plan.findings.push_back(f);

    plan.rows = {
        row_record(file, sheet, 1, RowRecord::Fate::Heading),
        row_record(file, sheet, 2, RowRecord::Fate::Header),
        row_record(file, sheet, 3, RowRecord::Fate::Priority, 0),
        row_record(file, sheet, 4, RowRecord::Fate::Action, 0),
        row_record(file, sheet, 5, RowRecord::Fate::Blank),
        row_record(file, sheet, 6, RowRecord::Fate::Header, -1, "header repeated after a page break"),
        row_record(file, sheet, 7, RowRecord::Fate::Priority, 1),
        row_record(file, sheet, 8, RowRecord::Fate::Action, 1),
        row_record(file, sheet, 9, RowRecord::Fate::Action, 2),
        row_record(file, sheet, 10, RowRecord::Fate::Action, 3),
        row_record(file, sheet, 11, RowRecord::Fate::Skipped, -1, "signature line: Paul Clancy Executive Director"),
        row_record(file, "Appendix 1a", 6, RowRecord::Fate::Finding, 0),
    };
    plan.warnings.push_back({{file, sheet, 10}, "due date not understood: \"when funding allows\""});
    return plan;
}

// A corporate tracker carrying re-typed copies of two seed 000 actions, with
// its own due dates and statuses, and seed 003's Care Inspectorate gradings.
inline Plan tracker_plan(const std::string& file) {
    Plan plan;
    plan.document = {file, "Corporate improvement tracker Q2 2019/20", "Chief Executive's Services", "the title"};
    const std::string sheet = "Tracker";

    Action b;
    b.ref = "CE-12";
    b.text = b.text_as_written =
        "Three-year budget planning allowing for a more strategic approach to delivering on service priorities";
    b.leads = {lead("Council Management Team", "CMT")};
    b.leads_as_written = "CMT";
    b.due = due_on(2020, 3, 31, "2019/20", "financial year 2019/20");
    b.status = Status::OnTrack;
    b.percent_complete = 25;
    b.service = "Chief Executive's Services";
    b.source = {file, sheet, 2};
    plan.actions.push_back(b);

    Action e;
    e.ref = "CE-13";
    e.text = e.text_as_written =
        "Further develop and communicate to children, young people, families and staff our hierarchy of need model";
    e.leads = {lead("Integrated Children's Services Strategy and Performance Team", "ICS Strategy and Performance Team")};
    e.leads_as_written = "ICS Strategy and Performance Team";
    e.due = due_on(2016, 12, 31, "First review December 2016 and reviewed annually thereafter", "month December 2016");
    e.due.recurrence = "annually";
    e.status = Status::Complete;
    e.percent_complete = 100;
    e.service = "Chief Executive's Services";
    e.source = {file, sheet, 3};
    plan.actions.push_back(e);

    Action g;
    g.ref = "CE-14";
    g.text = g.text_as_written = "Implementation of the National Health Visitor Pathway for all children";
    g.due = due_on(2017, 4, 1, "1st April 2017. First review of progress September 2016");
    g.due.review = Date{2016, 9, 30};
    g.status = Status::OffTrack;
    g.service = "Chief Executive's Services";
    g.source = {file, sheet, 4};
    plan.actions.push_back(g);

    AppendixTable gradings;
    gradings.title = "Appendix 1 Care Inspectorate gradings";
    gradings.sheet = "Gradings";
    gradings.headers = {"Name of Service", "Service Type", "Inspection Date", "Quality of Care and Support"};
    gradings.rows = {{{"Balgowan House", "Care Home Service", "14/02/17", "5"}, {file, "Gradings", 2}},
                     {{"Fostering Service", "Fostering Service", "03/11/16", "n/a"}, {file, "Gradings", 3}}};
    plan.appendices.push_back(gradings);
    AppendixTable budget;
    budget.title = "Budget";
    budget.sheet = "Budget";
    budget.headers = {"Name of Service", "Budget"};
    budget.rows = {{{"Residential care", "£34,794"}, {file, "Budget", 2}}};
    plan.appendices.push_back(budget);

    plan.rows = {
        row_record(file, sheet, 1, RowRecord::Fate::Header),
        row_record(file, sheet, 2, RowRecord::Fate::Action, 0),
        row_record(file, sheet, 3, RowRecord::Fate::Action, 1),
        row_record(file, sheet, 4, RowRecord::Fate::Action, 2),
        row_record(file, "Gradings", 1, RowRecord::Fate::Header),
        row_record(file, "Gradings", 2, RowRecord::Fate::Appendix, 0),
        row_record(file, "Gradings", 3, RowRecord::Fate::Appendix, 0),
        row_record(file, "Gradings", 4, RowRecord::Fate::Blank),  // rows 4-6, made a run below
        row_record(file, "Gradings", 7, RowRecord::Fate::Skipped, -1, "no table header above this row"),  // 7-9
        row_record(file, "Budget", 1, RowRecord::Fate::Header),
        row_record(file, "Budget", 2, RowRecord::Fate::Appendix, 1),
    };
    plan.rows[7].row_count = 3;
    plan.rows[8].row_count = 3;
    return plan;
}


inline std::string read_bytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline void write_bytes(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

// Runs a shell command; returns its exit status and standard output.
inline std::pair<int, std::string> run(const std::string& command) {
    std::string out;
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return {-1, out};
    std::array<char, 4096> buf;
    while (std::size_t n = std::fread(buf.data(), 1, buf.size(), pipe)) out.append(buf.data(), n);
    int status = pclose(pipe);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

inline bool have_tool(const std::string& command) { return run("command -v " + command + " >/dev/null 2>&1").first == 0; }

inline std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

// The seed plans written as real input files in `dir` (the feed fingerprints them).
struct Sample {
    std::vector<Plan> plans;
    Reconciliation rec;
};
inline Sample sample(const TempDir& dir) {
    const std::string psif = dir / "cf_psif_2019.xlsx", tracker = dir / "corporate_tracker_q2.xlsx";
    write_bytes(psif, "stand-in bytes for the C&F PSIF workbook\n");
    write_bytes(tracker, "stand-in bytes for the corporate tracker\n");
    Sample s;
    s.plans = {psif_plan(psif), tracker_plan(tracker)};
    s.rec = reconcile(s.plans, test_config());
    return s;
}

}  // namespace write_test
