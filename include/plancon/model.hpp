// The plan model: what one source document says, independent of its layout.
// A Plan holds priorities, actions, findings (areas for improvement) and
// appendix tables, and accounts for every row of every sheet it came from.
// Every derived value sits beside the words as written.
#pragma once

#include "plancon/calendar.hpp"
#include "plancon/diagnostics.hpp"
#include "plancon/grid.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace plancon {

// A value that was not on the action's own row: filled from a merged cell
// spanning several rows, or from a heading cell above the block.
struct FilledFrom {
    std::string field;  // "outcome", "leads", "risks" ...
    std::string cell;   // "A4" on the same sheet
};

// Date, to_iso and parse_iso_date are in calendar.hpp.

// A due date as written and what can honestly be derived from it.
struct Due {
    enum class Kind : std::uint8_t {
        None,        // nothing written
        Date,        // date holds the derived due date
        Immediate,   // "Immediate", "Immediately": no date, never guessed
        Ongoing,     // "Ongoing", "Continuous", "Immediate & Continuous"
        Unreadable,  // words kept, a warning raised
    };
    Kind kind = Kind::None;
    std::string as_written;
    std::optional<Date> date;
    std::optional<Date> review;      // "First review of progress September 2016"
    std::string recurrence;          // "six monthly", "annually", "quarterly" ...
    std::string basis;               // how the date was derived: "financial year 2019/20" ...
};
std::string_view to_string(Due::Kind k);

// One status vocabulary for every tracker.
enum class Status : std::uint8_t { Unknown, NotStarted, OnTrack, Slippage, OffTrack, Overdue, Complete, Cancelled };
std::string_view to_string(Status s);  // "Not started", "On track", ... ("" for Unknown)

struct Lead {
    enum class Kind : std::uint8_t { Person, Post, Body };
    std::string name;        // expanded through the alias table: "Council Management Team"
    std::string as_written;  // "CMT"
    Kind kind = Kind::Body;
    friend bool operator==(const Lead&, const Lead&) = default;
};
std::string_view to_string(Lead::Kind k);

// A reference to a priority or action named in free text
// ("Linked to Improvement Actions 4 and 5" gives two links).
struct Link {
    std::string target;      // "Improvement Action 4", "2.3"
    std::string as_written;  // the phrase it was read from
};

struct Action {
    std::string kind = "action";   // what the tracker calls its items: "action", "task", "risk" ...
    std::string ref;               // as written: "4.3", "1"
    std::string text;              // normalised text
    std::string text_as_written;
    std::string outcome;
    std::vector<Lead> leads;
    std::string leads_as_written;
    Due due;
    std::string start_as_written;   // a start date column, when the tracker has one
    std::optional<Date> start;
    Status status = Status::Unknown;
    std::string status_as_written;
    std::optional<double> percent_complete;  // 0..100
    std::string progress;
    std::string measures;           // measures / success criteria
    std::string risks;              // risks / implications
    std::string quality_indicators;
    std::string page_ref;           // "Care Inspectorate Report Page No."
    std::vector<Link> links;
    std::string service;
    int priority = -1;              // index in Plan::priorities, -1 when none
    Provenance source;
    std::vector<FilledFrom> filled_from;
    // Columns the layout could not map to a field: header -> value, kept as written.
    std::vector<std::pair<std::string, std::string>> extra;
};

struct Priority {
    std::string ref;        // "1", "4", "AIM 3"
    std::string kind;       // "improvement action", "area", "aim", "section", "theme"
    std::string title;      // as written, without the ref
    std::vector<std::string> points;  // bullet points under the heading
    Provenance source;
};

// An area for improvement (seed 000 Appendix 1a): a finding, not an action,
// kept with the actions it points at.
struct Finding {
    std::string theme;            // "LEADERSHIP"
    std::string strength;
    std::string text;             // the area for improvement
    std::string planned_action;   // "CURRENT/PLANNED ACTION" as written
    std::vector<Link> links;
    Provenance source;
};

// Report appendix data that is not actions (inspection gradings, budgets):
// kept as a typed table.
struct AppendixTable {
    std::string title;
    std::vector<std::string> headers;
    struct Row {
        std::vector<std::string> values;  // as shown, one per header
        Provenance source;
    };
    std::vector<Row> rows;
    std::string sheet;
};

// What became of one input row, or of a run of rows that share a fate.
// Every row of every sheet is covered by exactly one record. Runs are only
// made of blank rows and of neighbouring rows skipped for the same reason
// (a whole sheet the profile ignores is one record). A file whose only cell
// is XFD1048576 would otherwise cost a million records.
struct RowRecord {
    enum class Fate : std::uint8_t {
        Action,    // became plan.actions[index]
        Finding,   // became plan.findings[index]
        Appendix,  // became a row of plan.appendices[index]
        Priority,  // a priority heading: plan.priorities[index]
        Heading,   // a title, section or theme row with no priority of its own
        Header,    // a table header (first or repeated)
        Blank,
        Skipped,   // reason says why
    };
    Provenance source;
    Fate fate = Fate::Blank;
    int index = -1;
    std::string reason;
    std::uint32_t row_count = 1;  // rows source.row .. source.row + row_count - 1

    std::uint32_t last_row() const { return source.row + row_count - 1; }
};
std::string_view to_string(RowRecord::Fate f);
// "7" or "7-9": the rows a record covers, as a user would write them.
std::string row_label(const RowRecord& r);

struct SourceDocument {
    SharedText file;  // as given; every provenance in the plan shares it
    std::string title;    // first title row, when there is one
    std::string service;  // the service the document names (a Service column may name others per action)
    std::string service_source;  // where it was found: "label row 'Service:' (sheet 'Plan' row 2)", "title", ...
};

// How one table on a sheet was read, and why (for dumps and `plancon inspect`).
struct TableLayout {
    std::string sheet;
    std::uint32_t header_row = 0;             // 1-based; the lower row of a header of two rows
    std::uint32_t header_rows = 1;            // 2 for a header of two rows (a group cell above)
    std::string kind;                         // "actions", "findings", "appendix"
    std::string item_kind;                    // what the items are called: "action", "task", "risk" ...
    std::string title;                        // heading above it, when there is one
    double score = 0;                         // how well the header explains the rows below it
    std::string why;                          // why this kind: "the header names the items", "no action column"
    bool action_missing = false;              // item fields named, but no action column found (a warning)
    struct Column {
        std::uint32_t col = 0;                // 0-based
        std::string header;                   // as written
        std::string field;                    // "lead", ... or "" when unmapped
        std::string evidence;                 // what chose the field: "header words: target, date 3.5; content: 90% dates 2.7"
    };
    std::vector<Column> columns;
    std::vector<std::uint32_t> repeated_header_rows;  // 1-based
    // Other rows that could have been the header, with their scores.
    struct Candidate {
        std::uint32_t row = 0;                // 1-based
        double score = 0;
        std::string verdict;                  // "chosen", "a form above the header", "below the threshold"
    };
    std::vector<Candidate> candidates;
};

struct Plan {
    SourceDocument document;
    std::vector<TableLayout> tables;
    std::vector<Priority> priorities;
    std::vector<Action> actions;
    std::vector<Finding> findings;
    std::vector<AppendixTable> appendices;
    std::vector<RowRecord> rows;
    std::vector<Warning> warnings;
};
// How many input rows a plan accounts for (its records' row counts summed).
std::size_t rows_covered(const Plan& plan);
// How many rows have the given fate.
std::size_t rows_with_fate(const Plan& plan, RowRecord::Fate fate);

}  // namespace plancon
