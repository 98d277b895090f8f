// The plan register: the plan's history across runs, kept in one SQLite file
// (`plancon consolidate ... --register FILE`), so an action keeps its code
// from quarter to quarter and each run can say what changed.
//
// What it holds (schema version 1; src/register/schema.cpp):
//   runs            every run: time (UTC), as-of date, options, plancon version
//   run_inputs      each run's input files (as given) with their SHA-256
//   actions         every code ever given, with the run that first gave it;
//                   a code is never deleted and never given again
//   action_states   each action's wording and fields as of each run it was seen in
//   action_sources  each run's source rows of each action (file|sheet|row, text)
//   lineage         codes merged into another, or split from another, by a run
//   decisions       the officer decisions a run was given
// A run is recorded in one transaction: a run that fails leaves the register
// as it was.
//
// How a run's actions find their codes (src/register/match.cpp), each
// reconciled action against every code the register knows:
//  1. exact source rows: a copy on the same file name, sheet and row with the
//     same folded text as a copy recorded before takes that copy's code;
//  2. otherwise the reconciler's TextScorer against every wording the code
//     has had (its copies' too), plus a little for a shared service or lead;
//     at RegisterOptions::match_threshold or above it takes the code. A copy
//     in the very place the code's copy sat last time (same file name and
//     sheet, same row or reference) is scored without the look-alike guard.
//     Never a pair whose words contrast (templates/contrasts.tsv: child /
//     adult) or whose figures differ: that is another action.
// A return template written by `plancon returns` comes back with its codes:
// a tracker whose reference column holds register codes maps its rows to
// actions by code alone (no fuzzy matching); its rows without a code are new
// actions, and a code the register does not know is a warning naming the
// row (the row is then a new action).
// Pairs are taken best first, each code and each action at most once. An
// action matched by nothing gets a new code: the reconciler's, unless the
// register gave it before, then with "-2", "-3" ... Codes the run did not
// see are kept and reported as removed; a code whose rows now sit in another
// action's cluster (or whose text scores at the reconciler's threshold with
// it) is reported as merged into it; a new code drawn from a code another
// action kept is reported as split from it.
#pragma once

#include "plancon/calendar.hpp"
#include "plancon/config.hpp"
#include "plancon/diagnostics.hpp"
#include "plancon/model.hpp"
#include "plancon/reconcile.hpp"

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace plancon {

// what() is "REGISTER: problem", one line.
struct RegisterError : Error {
    using Error::Error;
};

// The schema this plancon writes; older registers are migrated on opening
// for a run, newer ones refused.
inline constexpr int register_schema_version = 2;

struct RegisterOptions {
    // Text score (plus evidence) at which an action takes a known code it
    // does not share a source row with. Lower than the reconciler's merge
    // threshold: a rewording by the same service, one quarter later, is
    // weighed against the plan's own earlier actions only.
    double match_threshold = 0.60;
    double service_bonus = 0.05;  // the same service as the code's last state
    double lead_bonus = 0.04;     // a lead in common with the code's last state
    // How long to wait for another run holding the register.
    std::chrono::milliseconds wait{10'000};
};

struct RunInput {
    std::string file;    // as given
    std::string sha256;  // "" when it could not be read
};

// What the register records about a run besides its actions.
// A due date or lead an officer filled in on a reviewed workbook, applied
// to this run's reconciliation.actions[action].
struct AppliedCorrection {
    std::size_t action = 0;
    std::string field;   // "due", "lead"
    std::string value;   // "2027-06-30", "Head of Education"
    std::string origin;  // "corrected in consolidated.xlsx, Actions row 12"
};

// A correction as the register keeps it.
struct RecordedCorrection {
    std::string code, field, value, origin;
};

struct RunRecord {
    std::vector<RunInput> inputs;
    Date as_of;
    std::string options;  // "threshold=0.80; review-band=0.40; ..."
    Decisions decisions;
    std::vector<AppliedCorrection> corrections;
};

struct RegisterRun {
    std::int64_t id = 0;
    std::string time;      // "2026-11-27T11:48:27Z"
    std::string as_of;     // "2026-11-27"
    std::string options;
    std::vector<RunInput> inputs;
    std::size_t actions = 0;  // actions seen in the run
};

// An action as of a run (for return templates).
struct RegisterAction {
    std::string code;
    std::string text;
    std::vector<std::string> services;  // distinct, sorted; empty when none was named
    std::string leads;                  // "; "-joined names
    std::string due;                    // "2027-03-31" when derived, else as written
    std::string status;                 // "On track", ... ("" when not given)
    std::optional<double> percent;
    bool open() const;  // neither Complete nor Cancelled
};

// A returned template's code column holds register codes: "A-" and 8
// characters, maybe "-2" ...
bool looks_like_action_code(std::string_view text);

// One line of `plancon changes`.
struct RegisterChange {
    // new, removed, reworded, status, due, lead, percent, completed,
    // reopened, merged, split (in that order of the list).
    std::string change;
    std::string code;
    std::string field;    // "action", "status", "due", "lead", "percent", "code"
    std::string before;   // as of the earlier run ("" for new)
    std::string after;    // as of the later run ("" for removed)
    std::string source;   // "file|sheet|row" of its first copy (in the later run, or the earlier when gone)
    std::string action;   // its wording (the later run's, or the earlier's when gone): not in the CSV
    bool slipped() const;  // a due date moved later
};

class PlanRegister {
public:
    // Opens the register for a run, creating it when absent, migrating an
    // older schema, and takes the write lock (waiting up to options.wait for
    // another run). Nothing is kept until commit(); a register created here
    // and never committed is removed again. Throws RegisterError: a folder,
    // an unwritable place, a file that is not a plancon register, a damaged
    // one, a newer schema, a register in use.
    static PlanRegister open_for_run(const std::string& path, const RegisterOptions& options = {});
    // Opens an existing register to read (runs, changes). Throws RegisterError.
    static PlanRegister open_to_read(const std::string& path);

    PlanRegister(PlanRegister&&) noexcept;
    PlanRegister& operator=(PlanRegister&&) noexcept;
    ~PlanRegister();

    // Records a run: matches the reconciled actions to the register's codes,
    // rewrites every action code in `reconciliation` (actions, possible
    // duplicates) to the register's, stores the run. Returns the run's id.
    std::int64_t record_run(const std::vector<Plan>& plans, Reconciliation& reconciliation, const Config& config,
                            const RunRecord& run);
    // Decisions name actions by the codes officers read in the workbook: the
    // register's. Each side that is a code the register knows is rewritten to
    // this run's row holding the code's copy as last recorded (the same file
    // name, sheet and row; one with the same text first), so the reconciler
    // finds it whatever its own code for it would be. A side with no such row
    // is left as written.
    void locate_decided_codes(Decisions& decisions, const std::vector<Plan>& plans) const;
    // The same for any names: each that is a register code with such a row
    // becomes that row, "file|sheet|row"; the others are left as written.
    void locate_codes(const std::vector<std::string*>& names, const std::vector<Plan>& plans) const;
    // The decisions earlier runs were given, remembered for this one: on each
    // pair (either way round) the latest, unless `given` decides the pair
    // again; then `given`.
    Decisions with_remembered_decisions(const Decisions& given) const;
    // The corrections earlier runs applied: the latest for each code and field.
    std::vector<RecordedCorrection> remembered_corrections() const;
    // Makes the recorded run permanent. Throws RegisterError.
    void commit();

    std::vector<RegisterRun> runs() const;
    // The actions the last run saw, in code order. Throws RegisterError when
    // there is no run.
    std::vector<RegisterAction> last_run_actions() const;
    // What changed from run `from` to run `to` (defaults: the last run
    // against the one before it; with a single run, everything in it is new).
    // Throws RegisterError for a run the register does not have.
    std::vector<RegisterChange> changes(std::optional<std::int64_t> from = std::nullopt,
                                        std::optional<std::int64_t> to = std::nullopt) const;

    struct Impl;

private:
    explicit PlanRegister(std::unique_ptr<Impl> impl);
    std::unique_ptr<Impl> impl_;
};

// The changes as CSV: header `change,code,field,before,after,source`, RFC
// 4180 quoting, CRLF lines.
void write_changes_csv(std::ostream& out, const std::vector<RegisterChange>& changes);

}  // namespace plancon
