// The register's guarantees one at a time: merges and splits reported as
// such, a failed run leaves the register as it was, a run waits for another
// and then gives up, and damaged, foreign or newer registers are refused.
#include "plancon/pipeline.hpp"
#include "plancon/register.hpp"

#include "temp_dir.hpp"
#include "test_config.hpp"

#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace plancon {
namespace {

namespace fs = std::filesystem;
using test::TempDir;

std::string bytes_of(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// Two services' trackers, each with one copy of the same action worded a
// little differently (the reconciler merges them at its default threshold).
struct TwoCopies {
    TempDir tmp{"plancon-register"};
    std::string education, housing, reg;
    TwoCopies() {
        education = tmp.file("education.csv",
                             "Education Service Improvement Plan\r\nRef,Action,Lead,Due date\r\n"
                             "1,Publish the joint anti-poverty strategy for the city,Head of Education,31/03/2027\r\n"
                             "2,Extend the free breakfast club to every primary school,Head of Education,31/03/2027\r\n");
        housing = tmp.file("housing.csv",
                           "Housing Service Improvement Plan\r\nRef,Action,Lead,Due date\r\n"
                           "1,Publish the joint anti-poverty strategy for the city of Dundee,Head of Housing,31/03/2027\r\n"
                           "2,Reduce the time taken to relet empty council houses,Head of Housing,31/03/2027\r\n");
        reg = tmp / "plan.register";
    }
    ConsolidateResult run(const std::string& decisions = "") {
        ConsolidateOptions options;
        options.register_path = reg;
        options.decisions = decisions.empty() ? "" : tmp.file("decisions.csv", decisions);
        return consolidate({education, housing}, test::test_config(), options);
    }
    std::string keep_apart() const { return "keep-apart," + education + "|education|3," + housing + "|housing|3\n"; }
    std::string merge() const { return "merge," + education + "|education|3," + housing + "|housing|3\n"; }
};

std::vector<std::string> changes_of(const ConsolidateResult& r) {
    std::vector<std::string> out;
    for (const RegisterChange& c : r.changes)
        if (c.change != "new" || r.run == 1) out.push_back(c.change + " " + c.code + " " + c.before + " -> " + c.after);
    return out;
}

TEST(Register, CopiesThatComeTogetherAreMergedNotRemoved) {
    TwoCopies t;
    const ConsolidateResult first = t.run(t.keep_apart());
    ASSERT_EQ(first.reconciliation.actions.size(), 4u);
    // The keep-apart is remembered: the officer reverses it.
    const ConsolidateResult second = t.run(t.merge());
    ASSERT_EQ(second.reconciliation.actions.size(), 3u) << "the copies merge when the decision is reversed";
    const std::string kept = second.reconciliation.actions[0].code;
    const std::string gone = first.reconciliation.actions[0].code == kept ? first.reconciliation.actions[2].code
                                                                           : first.reconciliation.actions[0].code;
    const auto changes = changes_of(second);
    EXPECT_NE(std::find(changes.begin(), changes.end(), "merged " + gone + " " + gone + " -> " + kept), changes.end());
    for (const std::string& c : changes) EXPECT_FALSE(c.starts_with("removed")) << c;
    // The merged action now has both copies' leads: that is a change too.
    EXPECT_NE(std::find(changes.begin(), changes.end(), "lead " + kept + " Head of Housing -> Head of Housing; Head of Education"),
              changes.end());
    EXPECT_EQ(changes.size(), 2u);
}

TEST(Register, CopiesThatComeApartAreSplitNotNew) {
    TwoCopies t;
    const ConsolidateResult first = t.run();
    ASSERT_EQ(first.reconciliation.actions.size(), 3u);
    const std::string original = first.reconciliation.actions[0].code;
    const ConsolidateResult second = t.run(t.keep_apart());
    ASSERT_EQ(second.reconciliation.actions.size(), 4u);
    std::vector<std::string> codes;
    for (const ReconciledAction& a : second.reconciliation.actions) codes.push_back(a.code);
    EXPECT_NE(std::find(codes.begin(), codes.end(), original), codes.end()) << "one copy keeps the code";
    std::vector<RegisterChange> splits;
    for (const RegisterChange& c : second.changes) {
        EXPECT_NE(c.change, "new") << c.code;
        EXPECT_NE(c.change, "removed") << c.code;
        if (c.change == "split") splits.push_back(c);
    }
    ASSERT_EQ(splits.size(), 1u);
    EXPECT_EQ(splits[0].before, original);
    EXPECT_NE(splits[0].code, original);
    EXPECT_EQ(std::count(codes.begin(), codes.end(), splits[0].code), 1);
}

TEST(Register, ACodeIsNeverGivenAgain) {
    TwoCopies t;
    const ConsolidateResult first = t.run();
    // The Education tracker's second action goes, then comes back worded otherwise;
    // then its first wording comes back as a second, different action.
    std::string removed_code;
    for (const ReconciledAction& a : first.reconciliation.actions)
        if (a.canonical.text.starts_with("Extend the free breakfast")) removed_code = a.code;
    ASSERT_FALSE(removed_code.empty());
    t.tmp.file("education.csv",
               "Education Service Improvement Plan\r\nRef,Action,Lead,Due date\r\n"
               "1,Publish the joint anti-poverty strategy for the city,Head of Education,31/03/2027\r\n"
               "2,Open a new Gaelic medium primary school in the west end,Head of Education,31/03/2027\r\n"
               "3,Extend the free breakfast club to every primary school,Head of Education,31/03/2027\r\n");
    const ConsolidateResult second = t.run();
    std::set<std::string> codes;
    for (const ReconciledAction& a : second.reconciliation.actions) codes.insert(a.code);
    EXPECT_EQ(codes.size(), second.reconciliation.actions.size());
    EXPECT_TRUE(codes.count(removed_code)) << "the same action, moved a row down, keeps its code";
    for (const ReconciledAction& a : second.reconciliation.actions)
        if (a.canonical.text.starts_with("Open a new Gaelic")) {
            for (const ReconciledAction& b : first.reconciliation.actions) EXPECT_NE(a.code, b.code);
        }
}

// A decision given once holds for every later run of the register, until
// an officer decides the same pair otherwise.
TEST(Register, DecisionsAreRememberedForLaterRuns) {
    TwoCopies t;
    ASSERT_EQ(t.run(t.keep_apart()).reconciliation.actions.size(), 4u);
    ASSERT_EQ(t.run().reconciliation.actions.size(), 4u) << "the keep-apart holds without being given again";
    ASSERT_EQ(t.run(t.merge()).reconciliation.actions.size(), 3u) << "a later decision on the pair wins";
    const ConsolidateResult last = t.run();
    EXPECT_EQ(last.reconciliation.actions.size(), 3u) << "the merge holds in turn";
    for (const Warning& w : last.reconciliation.warnings)
        EXPECT_EQ(w.message.find("both merge and keep-apart"), std::string::npos) << w.message;
}

// An officer's decision names actions by the codes in the workbook: the
// register's, which stay when a rewording changes the reconciler's own.
TEST(Register, DecisionsNameActionsByTheRegistersCodes) {
    TwoCopies t;
    const ConsolidateResult first = t.run();
    std::string breakfast, relet;
    for (const ReconciledAction& a : first.reconciliation.actions) {
        if (a.canonical.text.starts_with("Extend the free breakfast")) breakfast = a.code;
        if (a.canonical.text.starts_with("Reduce the time taken")) relet = a.code;
    }
    t.tmp.file("education.csv",
               "Education Service Improvement Plan\r\nRef,Action,Lead,Due date\r\n"
               "1,Publish the joint anti-poverty strategy for the city,Head of Education,31/03/2027\r\n"
               "2,Extend the free breakfast club to every primary and special school,Head of Education,31/03/2027\r\n");
    const ConsolidateResult second = t.run("merge," + breakfast + "," + relet + "\n");
    for (const Warning& w : second.reconciliation.warnings) EXPECT_EQ(w.message.find("no action named"), std::string::npos) << w.message;
    bool merged = false;
    for (const ReconciledAction& a : second.reconciliation.actions)
        merged |= a.members.size() == 2 && (a.code == breakfast || a.code == relet) &&
                  second.plans[a.members[0].plan].actions[a.members[0].action].text.starts_with("Extend the free") &&
                  second.plans[a.members[1].plan].actions[a.members[1].action].text.starts_with("Reduce the time taken");
    EXPECT_TRUE(merged) << "the decision found both actions by their register codes";
}

// A row whose action now names the contrasting body (templates/contrasts.tsv)
// holds another action, in the same place or not: removed and new, not reworded.
TEST(Register, ContrastingWordsMakeAnotherAction) {
    TwoCopies t;
    t.tmp.file("education.csv",
               "Education Service Improvement Plan\r\nRef,Action,Lead,Due date\r\n"
               "1,Review the annual report of the Child Protection Committee,Head of Education,31/03/2027\r\n");
    const ConsolidateResult first = t.run();
    t.tmp.file("education.csv",
               "Education Service Improvement Plan\r\nRef,Action,Lead,Due date\r\n"
               "1,Review the annual report of the Adult Protection Committee,Head of Education,31/03/2027\r\n");
    const ConsolidateResult second = t.run();
    std::set<std::string> kinds;
    for (const RegisterChange& c : second.changes) kinds.insert(c.change);
    EXPECT_EQ(kinds, (std::set<std::string>{"new", "removed"}));
}

TEST(Register, AFailedRunLeavesTheRegisterAsItWas) {
    TwoCopies t;
    t.run();
    const std::string before = bytes_of(t.reg);
    ConsolidateOptions options;
    options.register_path = t.reg;
    options.workbook = t.tmp / "no-such-folder/out.xlsx";
    EXPECT_THROW(consolidate({t.education, t.housing}, test::test_config(), options), WriteError);
    EXPECT_EQ(bytes_of(t.reg), before);
    EXPECT_EQ(PlanRegister::open_to_read(t.reg).runs().size(), 1u);
    // A register the failed run would have made is not left behind.
    options.register_path = t.tmp / "new.register";
    EXPECT_THROW(consolidate({t.education, t.housing}, test::test_config(), options), WriteError);
    EXPECT_FALSE(fs::exists(options.register_path));
}

TEST(Register, ARunWaitsForAnotherThenGivesUpWithOneLine) {
    TwoCopies t;
    t.run();
    const PlanRegister holder = PlanRegister::open_for_run(t.reg);
    RegisterOptions impatient;
    impatient.wait = std::chrono::milliseconds(200);
    try {
        PlanRegister::open_for_run(t.reg, impatient);
        FAIL() << "a second run got the register";
    } catch (const RegisterError& e) {
        EXPECT_EQ(std::string(e.what()),
                  t.reg + ": another run is using the register (waited 0 s); try again when it ends");
    }
}

void sql(const std::string& path, const char* statement) {
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(path.c_str(), &db), SQLITE_OK);
    EXPECT_EQ(sqlite3_exec(db, statement, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
    sqlite3_close(db);
}

std::string refusal(const std::string& path, bool for_run = true) {
    try {
        if (for_run)
            PlanRegister::open_for_run(path);
        else
            PlanRegister::open_to_read(path);
    } catch (const RegisterError& e) {
        return e.what();
    }
    return "(accepted)";
}

TEST(Register, RefusesWhatIsNotARegisterOfThisPlanconInOneLine) {
    TwoCopies t;
    t.run();
    const std::string good = bytes_of(t.reg);

    const std::string text = t.tmp.file("notes.txt", "Minutes of the performance board, 3 March\n");
    EXPECT_EQ(refusal(text), text + ": not a plancon register (not an SQLite database)");
    EXPECT_EQ(bytes_of(text), "Minutes of the performance board, 3 March\n");

    const std::string foreign = t.tmp / "foreign.db";
    sql(foreign, "CREATE TABLE contacts (name TEXT)");
    EXPECT_EQ(refusal(foreign), foreign + ": not a plancon register (an SQLite database of something else)");
    EXPECT_EQ(refusal(foreign, false), foreign + ": not a plancon register (an SQLite database of something else)");

    const std::string newer = t.tmp / "newer.register";
    fs::copy_file(t.reg, newer);
    sql(newer, "UPDATE schema_version SET version = 7");
    EXPECT_EQ(refusal(newer), newer + ": register of schema version 7, newer than this plancon's (" + std::to_string(register_schema_version) + "); use a newer plancon");

    // Damage in the middle of the file (a page of the tables), and a cut file.
    const std::string damaged = t.tmp / "damaged.register";
    std::string bytes = good;
    ASSERT_GT(bytes.size(), 8192u);
    for (std::size_t page = 4096; page + 4096 <= bytes.size(); page += 4096)
        for (std::size_t i = page; i < page + 12; ++i) bytes[i] = char(0x5a);
    std::ofstream(damaged, std::ios::binary) << bytes;
    EXPECT_TRUE(refusal(damaged).starts_with(damaged + ": damaged register")) << refusal(damaged);
    const std::string cut = t.tmp / "cut.register";
    std::ofstream(cut, std::ios::binary) << good.substr(0, 50);
    EXPECT_TRUE(refusal(cut).starts_with(cut + ": damaged register")) << refusal(cut);

    EXPECT_EQ(refusal(t.tmp.path()), t.tmp.path() + ": the register is a folder, not a file");
    const std::string under_a_file = text + "/plan.register";
    EXPECT_EQ(refusal(under_a_file), under_a_file + ": cannot open the register: Not a directory");
    EXPECT_EQ(refusal(t.tmp / "absent.register", false), t.tmp / "absent.register" + ": no such register");
    EXPECT_EQ(bytes_of(t.reg), good);
}

// A register of schema version 1 (before --corrections) is migrated on the
// next run: its runs kept, the corrections table added.
TEST(Register, AVersionOneRegisterIsMigrated) {
    TwoCopies t;
    t.run();
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(t.reg.c_str(), &db), SQLITE_OK);
    ASSERT_EQ(sqlite3_exec(db, "DROP TABLE corrections; UPDATE schema_version SET version = 1", nullptr, nullptr, nullptr),
              SQLITE_OK);
    sqlite3_close(db);
    EXPECT_THROW(PlanRegister::open_to_read(t.reg), RegisterError) << "a register to migrate is not read as it is";
    const ConsolidateResult second = t.run();
    EXPECT_EQ(second.run, 2);
    ASSERT_EQ(sqlite3_open(t.reg.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT (SELECT version FROM schema_version), (SELECT count(*) FROM corrections)", -1,
                                 &s, nullptr),
              SQLITE_OK);
    ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(s, 0), 2);
    EXPECT_EQ(sqlite3_column_int(s, 1), 0);
    sqlite3_finalize(s);
    sqlite3_close(db);
}

TEST(Register, SchemaVersionIsRecorded) {
    TwoCopies t;
    t.run();
    sqlite3* db = nullptr;
    ASSERT_EQ(sqlite3_open(t.reg.c_str(), &db), SQLITE_OK);
    sqlite3_stmt* s = nullptr;
    ASSERT_EQ(sqlite3_prepare_v2(db, "SELECT version FROM schema_version", -1, &s, nullptr), SQLITE_OK);
    ASSERT_EQ(sqlite3_step(s), SQLITE_ROW);
    EXPECT_EQ(sqlite3_column_int(s, 0), register_schema_version);
    sqlite3_finalize(s);
    sqlite3_close(db);
}

}  // namespace
}  // namespace plancon
