// write: the outputs of a consolidation, the consolidated workbook and the
// XML feed, and the feed's check against its schema and Pentana's rules.
// Each file appears whole or not at all, and the same input gives the same
// bytes. (One sheet as CSV or JSON is sheet_export.hpp.)
#pragma once

#include "plancon/atomic_file.hpp"
#include "plancon/config.hpp"
#include "plancon/diagnostics.hpp"
#include "plancon/model.hpp"
#include "plancon/reconcile.hpp"
#include "plancon/register.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace plancon {

// The date "overdue" and "due next quarter" are measured against, and the
// date printed on the Summary sheet and the feed. Default: the day of
// SOURCE_DATE_EPOCH when it is set (reproducible builds), else today (UTC).
Date default_as_of_date();

struct WorkbookOptions {
    std::optional<Date> as_of;  // unset: default_as_of_date()
    // Excel's 1,048,576 rows a sheet; rows beyond are listed on Issues, not
    // written. Only a test has reason to set it lower (never higher).
    std::uint32_t max_rows_per_sheet = 1'048'576;
    // With a register: what changed since the run before, for the Changes
    // sheet (completed, slipped, new, removed) and the Summary's counts.
    const std::vector<RegisterChange>* changes = nullptr;
};

// Writes the consolidated workbook (sheets Actions, Summary, Sources,
// Duplicates, Appendices, Findings when there are any, Issues) through
// a temporary file renamed when whole. The same input gives the same bytes: the
// document's created time is SOURCE_DATE_EPOCH (or 1 January 1980 when unset),
// never the clock. Text longer than Excel's 32,767 characters is cut and
// listed on Issues, as are rows beyond 1,048,576. The columns of Actions,
// Sources, Findings and Issues and the colours are the layout's (Config::workbook,
// from templates/workbook_columns.tsv and workbook_colours.tsv). Throws WriteError.
void write_consolidated_workbook(const std::string& path, const std::vector<Plan>& plans,
                                 const Reconciliation& reconciliation, const WorkbookLayout& layout,
                                 const WorkbookOptions& options = {});
// The same into a staged file, left for the caller to commit (with the feed:
// both outputs or neither).
void write_consolidated_workbook(StagedFile& file, const std::vector<Plan>& plans,
                                 const Reconciliation& reconciliation, const WorkbookLayout& layout,
                                 const WorkbookOptions& options = {});

// The feed's XML namespace; templates/plan.xsd is its schema.
inline constexpr const char* feed_namespace = "urn:plancon:plan:1";
// Pentana's limit on an action title.
inline constexpr std::size_t feed_title_limit = 255;

struct FeedOptions {
    std::optional<Date> as_of;  // unset: default_as_of_date()
};

// Writes the XML feed: one <action> per reconciled priority (no parent) and
// per reconciled action (parent = its priority's code), with generation
// metadata and the SHA-256 of every input file. Characters XML 1.0 cannot
// carry are dropped (control characters) or replaced by U+FFFD (broken
// UTF-8); each field that lost any, and each input that could not be hashed,
// is returned as a warning. Atomic and deterministic. Throws WriteError.
std::vector<Warning> write_feed(const std::string& path, const std::vector<Plan>& plans,
                                const Reconciliation& reconciliation, const FeedOptions& options = {});
// The same into a staged file, left for the caller to commit.
std::vector<Warning> write_feed(StagedFile& file, const std::vector<Plan>& plans,
                                const Reconciliation& reconciliation, const FeedOptions& options = {});

struct FeedViolation {
    std::string code;     // the action's code, "" when the problem is not one action's
    std::string rule;     // "schema", "code", "title", "due", "start", "parent", "file"
    std::string message;  // "line 12: ..." for schema errors
};
struct ValidationReport {
    std::vector<FeedViolation> violations;
    std::size_t actions = 0;  // <action> elements seen
    bool ok() const { return violations.empty(); }
};
// Checks a feed against the XML Schema at xsd_path (libxml2) and against
// Pentana's import rules: every action has a code, unique; a title of at
// most 255 characters; a due date; a start date (when given) not after the
// due date; a parent code that exists in the feed. Never throws for a bad feed:
// unreadable files are violations too.
ValidationReport validate_feed(const std::string& path, const std::string& xsd_path);

}  // namespace plancon
