// write: outputs. Every file plancon writes appears whole or not at all.
#pragma once

#include "plancon/diagnostics.hpp"

#include <functional>
#include <ostream>
#include <stdexcept>
#include <string>

namespace plancon {

class WriteError : public Error {
public:
    using Error::Error;  // what() is "FILE: problem"
};

// Write `path` atomically: `produce` writes into a temporary file in the same
// folder, which is renamed over `path` only when it succeeded. On any failure
// (an exception from produce, a full disk, an unwritable folder) the temporary
// file is removed, an existing `path` is left as it was, and WriteError is thrown.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& produce);
// Same for writers that need a file name (libxlsxwriter): produce(temp_path).
void write_atomically_to_path(const std::string& path, const std::function<void(const std::string& temp_path)>& produce);

}  // namespace plancon

#include "plancon/grid.hpp"

namespace plancon {

// One sheet's values as RFC 4180 CSV (UTF-8, CRLF, fields quoted only when
// needed), from A1 to the used range's bottom-right so positions survive.
// Throws WriteError when that rectangle would exceed max_fields (a lone cell
// at XFD1048576 would be 17 billion fields).
void write_sheet_csv(std::ostream& out, const Sheet& sheet, std::uint64_t max_fields = 200'000'000);
// One sheet as JSON: {"sheet": name, "cells": [{"ref","row","col","type","value"[,"formula"]}...]},
// numbers as JSON numbers, booleans as true/false, dates as ISO 8601 strings.
void write_sheet_json(std::ostream& out, const Workbook& workbook, const Sheet& sheet);

}  // namespace plancon

#include "plancon/model.hpp"
#include "plancon/reconcile.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace plancon {

// ---- Consolidated workbook and XML feed ----

// The date "overdue" and "due next quarter" are measured against, and the
// date printed on the Summary sheet and the feed. Default: the day of
// SOURCE_DATE_EPOCH when it is set (reproducible builds), else today (UTC).
Date default_as_of_date();

struct WorkbookOptions {
    std::optional<Date> as_of;  // unset: default_as_of_date()
    // Excel's 1,048,576 rows a sheet; rows beyond are listed on Issues, not
    // written. Only a test has reason to set it lower (never higher).
    std::uint32_t max_rows_per_sheet = 1'048'576;
};

// Writes the consolidated workbook (sheets Actions, Summary, Sources,
// Duplicates, Appendices, Findings when there are any, Issues) through
// write_atomically_to_path. The same input gives the same bytes: the
// document's created time is SOURCE_DATE_EPOCH (or 1 January 1980 when unset),
// never the clock. Text longer than Excel's 32,767 characters is cut and
// listed on Issues, as are rows beyond 1,048,576. Throws WriteError.
void write_consolidated_workbook(const std::string& path, const std::vector<Plan>& plans,
                                 const Reconciliation& reconciliation, const WorkbookOptions& options = {});

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
// carry (control characters, broken UTF-8) are dropped; each field that lost
// any is returned as a warning. Atomic and deterministic. Throws WriteError.
std::vector<Warning> write_feed(const std::string& path, const std::vector<Plan>& plans,
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
// most 255 characters; a due date; a start date (when given) before the due
// date; a parent code that exists in the feed. Never throws for a bad feed:
// unreadable files are violations too.
ValidationReport validate_feed(const std::string& path, const std::string& xsd_path);

// SHA-256 of a byte string / of a file's contents, as 64 lowercase hex digits.
// The file form throws WriteError "FILE: problem" when it cannot be read.
std::string sha256_hex(std::string_view bytes);
std::string sha256_file_hex(const std::string& path);

}  // namespace plancon
