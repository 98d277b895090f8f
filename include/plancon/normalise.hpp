// Normalisation: the words as written -> the values a careful reader derives.
// Pure functions over strings (only the template loaders touch files).
// Every derived value is stored beside the words it came from; anything that
// cannot be read honestly is marked so (Due::Kind::Unreadable, a Warning),
// never guessed.
#pragma once

#include "plancon/model.hpp"

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace plancon {

// A template file (templates/*.tsv) that cannot be used: "FILE:LINE: problem".
class TemplateError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// ---- Text -----------------------------------------------------------------

// NFKC; curly quotes -> straight; every dash -> "-"; bullets removed from
// line starts; odd spaces -> " "; white space collapsed; lines trimmed; blank
// lines dropped. Invalid UTF-8 becomes U+FFFD.
std::string normalise_text(std::string_view text);

// The key used to match headers and compare texts: normalise_text, then
// case-folded and accents stripped ("Échéance" -> "echeance"), "&" -> "and", apostrophes dropped ("children's" ->
// "childrens"), other punctuation and symbols -> space (letters, digits, "%"
// and "£" kept), white space collapsed to single spaces on one line.
// "Three-year budget planning" and "Three year budget planning" fold alike.
std::string fold_for_matching(std::string_view text);

// ---- Due dates ------------------------------------------------------------

struct DueContext {
    // "Q3 2019" names a single year, so it is not a financial quarter
    // ("Q3 2019/20" is). By default it is read as a calendar quarter
    // (Q3 = July-September 2019, due 30 September 2019).
    enum class SingleYearQuarter : std::uint8_t { Calendar, Financial, Unreadable };
    SingleYearQuarter single_year_quarter = SingleYearQuarter::Calendar;
};

// Reads a due date cell. cell_date is the value of a real date cell, which
// wins over any text. See src/normalise/due.cpp for the rules.
Due parse_due(std::string_view as_written, std::optional<Date> cell_date = std::nullopt,
              const DueContext& ctx = {});

bool is_valid_date(const Date& d);
Date last_day_of_month(int year, unsigned month);

// ---- Leads ----------------------------------------------------------------

struct LeadAlias {
    std::string alias;      // "CMT", or a body name kept whole: "Learning & Organisational Development"
    std::string expansion;  // "Council Management Team"
    Lead::Kind kind = Lead::Kind::Body;
};

class LeadAliases {
public:
    void add(LeadAlias alias);
    // Exact (case-sensitive) alias, or its plural ("SPGs" -> "SPG" entry).
    const LeadAlias* find(std::string_view token) const;
    const std::vector<LeadAlias>& entries() const { return entries_; }

private:
    std::vector<LeadAlias> entries_;
};

// templates/leads.tsv format: ALIAS<TAB>EXPANSION<TAB>person|post|body,
// '#' starts a comment line, blank lines ignored. Throws TemplateError.
LeadAliases load_lead_aliases(const std::filesystem::path& path);
// The table shipped in templates/leads.tsv (loaded once).
const LeadAliases& default_lead_aliases();

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

// ---- Status ---------------------------------------------------------------

class StatusVocabulary {
public:
    void add(std::string words, Status status);  // words are folded on entry
    std::optional<Status> find_exact(std::string_view folded) const;
    // The longest phrase of the vocabulary found in folded text, earliest first.
    std::optional<Status> find_in(std::string_view folded) const;
    std::size_t size() const { return entries_.size(); }

private:
    std::vector<std::pair<std::string, Status>> entries_;
};

// templates/status.tsv format: WORDS<TAB>Status (a to_string(Status) value:
// "Not started", "On track", ...). Throws TemplateError.
StatusVocabulary load_status_vocabulary(const std::filesystem::path& path);
const StatusVocabulary& default_status_vocabulary();

// RAG colours and words through the vocabulary; 100% -> Complete when the
// words say nothing else (or say "on track"). A percentage alone otherwise
// says nothing of the track: Unknown.
Status parse_status(std::string_view status_cell, std::optional<double> percent,
                    const StatusVocabulary& vocabulary);
Status parse_status(std::string_view status_cell, std::optional<double> percent);

// "75%", "75" -> 75. A bare number with a decimal point between 0 and 1
// ("0.75") is a fraction, as is any bare number when cell_is_fraction (the
// cell had a percentage format). Nothing for anything else or out of 0..100.
std::optional<double> parse_percent(std::string_view cell, bool cell_is_fraction = false);

// ---- Links ----------------------------------------------------------------

// "Linked to Improvement Actions 4 and 5" -> "Improvement Action 4", "Improvement Action 5";
// "Identified as a priority: Improvement Action 2"; "see 2.3" -> "2.3".
std::vector<Link> find_links(std::string_view text);

// ---- The whole plan -------------------------------------------------------

struct NormaliseOptions {
    std::string service;  // fills Action::service when empty
    DueContext due;
    LeadAliases leads = default_lead_aliases();
    StatusVocabulary statuses = default_status_vocabulary();
};

// text_as_written -> text, leads_as_written -> leads, due.as_written -> due,
// status_as_written (+ percent_complete) -> status, links from the text (and
// Finding::links from planned_action). A Due that already holds a date and no
// other words (the layout read a date cell) is kept as a date cell. Service:
// options.service, else plan.document.service, when the action has none.
// Adds a Warning (at the action's source) for each unreadable due date, each
// action without a lead and each lead-cell note. Running it twice adds no links.
void normalise_plan(Plan& plan, const NormaliseOptions& options);

}  // namespace plancon
