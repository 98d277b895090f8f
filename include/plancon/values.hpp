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

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
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

}  // namespace plancon
