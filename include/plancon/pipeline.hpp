// The whole job as library calls: find the inputs, read each, recognise its
// layout, normalise it, reconcile the plans and write the outputs. The CLI,
// the fuzzers, the examples and the tests all go through here; each step is
// the public function of its stage.
#pragma once

#include "plancon/config.hpp"
#include "plancon/layout.hpp"
#include "plancon/normalise.hpp"
#include "plancon/read.hpp"
#include "plancon/reconcile.hpp"
#include "plancon/register.hpp"
#include "plancon/values.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace plancon {

// Spreadsheet files among inputs: files as given, folders searched
// recursively for .xlsx .xlsm .ods .xls .csv .tsv (hidden files and Office
// lock files "~$..." passed over), each folder's finds sorted so the order
// never depends on the file system. Paths in `exclude` (this run's outputs)
// are left out.
std::vector<std::string> find_inputs(const std::vector<std::string>& inputs, const std::vector<std::string>& exclude = {});
// find_inputs, when it finds anything; otherwise throws Error naming the
// first input: "FOLDER: no spreadsheet found" (an empty folder is no
// unreadable input: there is nothing to read, with or without keep_going).
std::vector<std::string> find_inputs_required(const std::vector<std::string>& inputs,
                                              const std::vector<std::string>& exclude = {});

// What one thread planning file after file remembers of the texts it has
// read (layout.hpp LayoutMemo, values.hpp ValueMemo): each distinct header,
// cell text, lead cell and due date is read once per thread, not once per
// file. Made for one Config, which it must not outlive; the plans are the
// same with or without it, whatever it planned before. One per thread.
struct PlanningMemo {
    explicit PlanningMemo(const Config& config) : values(config), layout(values) {}
    ValueMemo values;
    LayoutMemo layout;
};

// A workbook laid out and normalised: the plan it holds. memo: the calling
// thread's, made for config (nullptr: texts remembered for this workbook only).
Plan plan_workbook(const Workbook& workbook, const Config& config, const LayoutOptions& layout = {},
                   PlanningMemo* memo = nullptr);
// One file read, laid out and normalised. Throws ReadError when the file
// cannot be read.
Plan plan_file(const std::string& path, const Config& config, const ReadOptions& read = {},
               const LayoutOptions& layout = {});

struct ConsolidateOptions {
    std::string workbook;   // the consolidated workbook to write ("" = none)
    std::string feed;       // the XML feed to write ("" = none)
    // Officer decisions ("" = none): a CSV, or a reviewed consolidated
    // workbook (.xlsx), its Duplicates sheet's Decision column.
    std::string decisions;
    // A reviewed consolidated workbook whose Actions sheet's due dates and
    // leads fill those the actions lack ("" = none): load_corrections.
    std::string corrections;
    std::string service;    // for inputs that name none
    bool keep_going = false;  // an unreadable input is reported, not fatal
    // Files read and planned at once (0: one per core). The outputs do not
    // depend on it: plans are taken in the files' order.
    unsigned jobs = 0;
    // The plan register ("" = none): codes kept from run to run, the run and
    // what changed recorded (register.hpp). The outputs carry its codes.
    std::string register_path;
    RegisterOptions register_options;
    // Everything but writing: no output written, the register left as it was
    // (result.run and result.changes say what the run would record).
    bool dry_run = false;
    ReadOptions read;
    ReconcileOptions reconcile;
    std::optional<Date> as_of;  // unset: the writers' default_as_of_date()
    // Called before each file is read (for a progress bar).
    std::function<void(std::size_t index, std::size_t total, const std::string& file)> progress;
};

// The decisions in `path`: a CSV of merge,A,B / keep-apart,A,B lines
// (load_decisions), or a reviewed consolidated workbook (.xlsx, .xlsm): each
// possible duplicate on its Duplicates sheet with a Decision (merge, keep
// apart) is that decision on its Code A and Code B, with origin
// "consolidated.xlsx, Duplicates row 12". Throws DecisionError (a decision
// word it does not know names the sheet and row; a workbook that cannot be read).
Decisions load_officer_decisions(const std::string& path, const ReadOptions& read = {});

// A due date or lead an officer filled in on the Actions sheet of a reviewed
// consolidated workbook, for the action of that code.
struct Correction {
    std::string code;
    std::optional<Due> due;           // a date; basis is the origin
    std::string unreadable_due;       // what the Due cell held when not a date
    std::vector<Lead> leads;
    std::string leads_as_written;
    Provenance place;                 // the workbook, "Actions", its row
    std::string origin;               // "corrected in consolidated.xlsx, Actions row 12"
    // From the register, given to an earlier run: applied silently only while
    // the action still lacks the value, nothing said when it does not.
    bool remembered = false;
};
using Corrections = std::vector<Correction>;

struct CorrectionError : Error {
    using Error::Error;
};

// The Actions sheet's rows with a due date or a lead, its columns found by
// the headings config.workbook gives the fields code, due and leads. Throws
// CorrectionError (no Actions sheet, no such headings, a workbook that cannot be read).
Corrections load_corrections(const std::string& path, const Config& config, const ReadOptions& read = {});

// The register's corrections of earlier runs for fields `given` does not
// correct again (by code), then `given`.
Corrections with_remembered_corrections(const std::vector<RecordedCorrection>& remembered, const Corrections& given,
                                        const Config& config);

// Applies each correction to the action it names: found_as[i] names the
// action of corrections[i] (its code, or a row "file|sheet|row" the register
// located it at), the code itself when absent. A due date or lead fills one
// the action lacks; where the tracker has another, the tracker's stands (the
// service updates it each quarter: an earlier review must not hide a date
// slipped since). Returns what was applied, and one line for each
// correction applied (with its origin) or not (a code not found, a value
// not applied), each at its row.
struct CorrectionsApplied {
    std::vector<AppliedCorrection> applied;
    std::vector<Warning> notes;
};
CorrectionsApplied apply_corrections(const Corrections& corrections, Reconciliation& reconciliation,
                                     const std::vector<std::string>& found_as = {});

struct ConsolidateResult {
    std::vector<std::string> files;    // every input file found
    std::vector<Plan> plans;           // one per file read, in the order of files
    std::vector<Warning> unreadable;   // files not read (only with keep_going)
    Reconciliation reconciliation;
    // With a register: this run's id and what changed since the run before.
    std::optional<std::int64_t> run;
    std::vector<RegisterChange> changes;

    std::size_t sheets = 0;            // in the files read
    std::size_t rows_read() const;
    std::size_t actions_in() const;    // before merging
    std::size_t appendix_rows() const;
    std::size_t skipped_rows() const;
    std::size_t warnings() const;      // plans' and reconciliation's
    // Tables whose header named fields of a plan but no action column, each
    // as its warning ("no action column (header row 4: Ref | Status | Owner) ...").
    std::vector<Warning> tables_without_action() const;
    // "17 of 17 files, 20 sheets, 471 rows read: 49 actions (62 merged), ..."
    std::string summary() const;
};

// Everything that can be refused before reading (the decisions file, the
// register, inputs holding no spreadsheet) is refused first. Throws
// plancon::Error: ReadError for an unreadable input unless keep_going,
// DecisionError, RegisterError, WriteError (nothing is written then: both
// outputs are written to temporary files and renamed into place only when
// both are whole and the register's run is committed; the register keeps
// nothing of a run that failed).
ConsolidateResult consolidate(const std::vector<std::string>& inputs, const Config& config,
                              const ConsolidateOptions& options);

struct InspectOptions {
    bool plan = false;  // add the layout found and the fate of every row
    ReadOptions read;
    LayoutOptions layout;
};
// What `plancon inspect` prints for one file. Throws ReadError.
std::string inspect_file(const std::string& path, const Config& config, const InspectOptions& options);

}  // namespace plancon
