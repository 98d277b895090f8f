// Values: what the words of one cell mean. Pure functions over a cell's text
// and the configuration's vocabularies: due-date phrases, lead cells, status
// words, percentages and the links free text makes. A vocabulary of the
// house, below the stages: layout asks them how a column reads (evidence for
// its field), normalise applies them to every action of a plan.
// Every derived value is stored beside the words it came from; anything that
// cannot be read honestly is marked so (Due::Kind::Unreadable), never guessed.
#pragma once

#include "plancon/config.hpp"
#include "plancon/model.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace plancon {

// ---- Due dates ------------------------------------------------------------

struct DueContext {
    // "Q3 2019" names a single year, so it is not a financial quarter
    // ("Q3 2019/20" is). By default it is read as a calendar quarter
    // (Q3 = July-September 2019, due 30 September 2019).
    enum class SingleYearQuarter : std::uint8_t { Calendar, Financial, Unreadable };
    SingleYearQuarter single_year_quarter = SingleYearQuarter::Calendar;
};

// Reads a due date cell. cell_date is the value of a real date cell, which
// wins over any text. See src/values/due.cpp for the rules.
Due parse_due(std::string_view as_written, std::optional<Date> cell_date = std::nullopt,
              const DueContext& ctx = {});

// Reads a start date cell's words as parse_due reads a due date's, but a
// period gives its first day, not its last: "April 2020" -> 2020-04-01,
// "2019/20" -> 2019-04-01, "Q3 2019/20" -> 2019-10-01; "From June 2019" ->
// 2019-06-01. Nothing when the words give no one date.
std::optional<Date> parse_start(std::string_view as_written, const DueContext& ctx = {});

bool is_valid_date(const Date& d);
Date last_day_of_month(int year, unsigned month);

// ---- Leads ----------------------------------------------------------------

// A lead cell read: the leads, and the words in it that are notes rather
// than leads ("Ensure clear links with ...", "using agreed Audit Tool").
struct LeadCell {
    std::vector<Lead> leads;
    std::vector<std::string> notes;
};
LeadCell read_lead_cell(std::string_view cell, const LeadAliases& aliases);
std::vector<Lead> split_leads(std::string_view cell, const LeadAliases& aliases);
// Person, post or body from the words of one (expanded) lead name.
Lead::Kind classify_lead(std::string_view name);
// How surely a cell names leads, for telling which column holds them: 1 when
// every lead in it is an alias, a post or body by its head word ("Head of
// Housing", "Strategy Team") or a personal name ("J. Smith"); 0.5 when one is
// a lone capitalised word ("Mark", "CSP"); 0 for anything else (sentences,
// notes, numbers).
double lead_likeness(std::string_view cell, const LeadAliases& aliases);
// The same for a cell of at most 120 bytes already read with read_lead_cell.
double lead_likeness(const LeadCell& read);

// ---- Status and percentages ---------------------------------------------------

// RAG colours and words through the vocabulary; 100% -> Complete when the
// words say nothing else (or say "on track"). A percentage alone otherwise
// says nothing of the track: Unknown.
Status parse_status(std::string_view status_cell, std::optional<double> percent, const StatusVocabulary& vocabulary);

// "75%", "75" -> 75. A bare number with a decimal point between 0 and 1
// ("0.75") is a fraction, as is any bare number when cell_is_fraction (the
// cell had a percentage format). Nothing for anything else or out of 0..100.
std::optional<double> parse_percent(std::string_view cell, bool cell_is_fraction = false);

// ---- Links ----------------------------------------------------------------

// "Linked to Improvement Actions 4 and 5" -> "Improvement Action 4", "Improvement Action 5";
// "Identified as a priority: Improvement Action 2"; "see 2.3" -> "2.3".
std::vector<Link> find_links(std::string_view text);

// ---- Readings remembered ------------------------------------------------------

// Answers by text, at most `limit` of them: a table that fills is emptied, so
// it costs time, not memory, on a million different texts. A reference it
// returns is good until the next answer is added.
template <class Value, std::size_t limit = 65536>
class TextTable {
public:
    template <class Compute>
    Value& get(const std::string& text, Compute&& compute) {
        if (auto it = table_.find(text); it != table_.end()) return it->second;
        Value value = compute();  // first: computing may ask other tables
        if (table_.size() >= limit) table_.clear();
        return table_.emplace(text, std::move(value)).first->second;
    }

private:
    std::unordered_map<std::string, Value> table_;
};

// The readers above remembered per text, for one configuration: a thread that
// plans file after file reads each lead cell and due date once, however many
// of a thousand trackers repeat it. Every answer is exactly the reader's for
// that text and configuration, whatever the memo met before, so a plan does
// not depend on which thread planned it or what it planned first. It keeps a
// reference to its Config, so it must not outlive it, and the stages refuse
// it with another. One per thread (it is not thread-safe); references it
// returns are good until its next call.
class ValueMemo {
public:
    explicit ValueMemo(const Config& config) : config_(config) {}
    ValueMemo(const ValueMemo&) = delete;
    ValueMemo& operator=(const ValueMemo&) = delete;
    const Config& config() const { return config_; }

    const LeadCell& lead_cell(const std::string& cell);  // read_lead_cell(cell, config.leads)
    // lead_likeness(cell, config.leads), not itself remembered (the layout
    // keeps it with its other readings of the text); a cell that may name
    // leads is remembered as lead_cell read it, for normalise to take.
    double lead_likeness(const std::string& cell);
    const Due& due(const std::string& as_written, const DueContext& ctx = {});  // parse_due(as_written, {}, ctx)

private:
    const Config& config_;
    TextTable<LeadCell> lead_cells_;
    // By DueContext::single_year_quarter, the context's one field: a field
    // added to it must be added to this key, or the memo answers for the wrong context.
    static_assert(sizeof(DueContext) == sizeof(DueContext::SingleYearQuarter));
    std::array<TextTable<Due>, 3> dues_;
};

}  // namespace plancon
