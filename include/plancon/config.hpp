// Configuration: everything a user edits without recompiling, found once in
// the templates folder, loaded once (plancon::load_config) and passed down by
// reference to every stage that needs a part of it. No stage reads a
// template file of its own.
//
//   templates/profiles/default.profile   header words: which header means which field
//   templates/leads.tsv                  lead abbreviations and known bodies
//   templates/status.tsv                 status words -> one status vocabulary
//   templates/abbreviations.tsv          abbreviations in action texts, for matching
//   templates/synonyms.tsv               words councils use for the same thing, for matching
//   templates/contrasts.tsv              words that tell look-alike actions apart
//   templates/services.tsv               the organisation's services and their short forms
//   templates/workbook_columns.tsv       the workbook's columns: order, headings, widths, print
//   templates/workbook_colours.tsv       the workbook's colours: status cells, chart bars, headers
//   templates/plan.xsd                   the XML feed's schema
#pragma once

#include "plancon/diagnostics.hpp"
#include "plancon/model.hpp"

#include <array>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace plancon {

// A template that cannot be used. what() is "FILE: line N: problem" (or
// "FILE: problem" when the file as a whole is wrong, e.g. missing).
class TemplateError : public Error {
public:
    using Error::Error;
};

// ---- Layout profiles: header words -> plan fields ---------------------------

enum class Field : std::uint8_t {
    None, Ref, Action, Outcome, Lead, Due, Measures, Risks, Progress, Status, PercentComplete,
    QualityIndicators, PageRef, Service, Strength, Afi, PlannedAction, Start,
};
inline constexpr std::size_t field_count = std::size_t(Field::Start) + 1;
std::string_view to_string(Field f);  // the name a profile uses: "lead", "percent-complete" ...

// Case, punctuation and white space folded away: "Lead(s)" -> "lead s",
// "Implications [Risk, Cost, Resource]" -> "implications risk cost resource";
// "%" and "#" read as the words they stand for: "% Complete" -> "percent
// complete", "Task #" -> "task number".
std::string fold_header(std::string_view text);

enum class SheetKind : std::uint8_t { Auto, Plan, Findings, Appendix, Ignore };
std::string_view to_string(SheetKind k);

struct Profile {
    struct Synonym {
        Field field = Field::None;
        std::string folded;  // fold_header of the synonym as written
        bool prefix = false; // written with a trailing "*"
    };
    // Word evidence: a header holding the word leans to the field by weight
    // (negative: leans away). "date" leans to due; "start" away from it.
    struct Word {
        Field field = Field::None;
        std::string folded;  // one folded word
        bool prefix = false; // written with a trailing "*": any word starting so
        double weight = 1;
    };
    struct SheetHint {
        std::string sheet;   // name, or prefix when prefix is set
        bool prefix = false;
        SheetKind kind = SheetKind::Auto;
    };
    std::vector<std::string> sources;  // files read: the default first, then the user's in the order given
    std::vector<Synonym> synonyms;     // tried in order: the first match wins
    std::vector<Word> words;           // every matching word counts; the strongest profile's first
    std::vector<std::string> item_kinds;  // folded words naming what a table's items are: "task", "risk" ...
    std::vector<SheetHint> sheet_hints;
    std::string service;

    // The field a header names exactly (a synonym), or Field::None.
    Field field_for(std::string_view header) const;
    // The weights of the words a folded header holds, one per field (the
    // first entry for a word in `words` decides its weight for that field).
    std::array<double, field_count> word_weights(std::string_view folded_word) const;
    SheetKind kind_for(std::string_view sheet) const;
};

// Parse profile text; name is used in error messages ("name: line N: problem").
// Parsing only: merging is load_config's.
Profile parse_profile(std::string_view text, const std::string& name);
// `over` read over `base`: over's synonyms and hints tried first, its service
// unless it names none.
Profile merge_profiles(const Profile& base, const Profile& over);

// ---- Lead aliases -----------------------------------------------------------

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

    // The aliases and expansions of two or more words, split as split_words
    // splits them, each with the index of its entry: split once, as entries
    // are added, not again for every lead cell read.
    struct MultiWordName {
        std::vector<std::string> words;
        std::size_t entry = 0;
    };
    const std::vector<MultiWordName>& multi_word_names() const { return multi_word_names_; }
    // The multi-word names that may open at a word of a lead cell: those whose
    // first word is the same but for case, "&" and "and" being the same word
    // (indices into multi_word_names(), in its order). A lead cell's words are
    // matched against these few, not against every name.
    const std::vector<std::size_t>& multi_word_names_opening(std::string_view word) const;

private:
    std::vector<LeadAlias> entries_;
    std::vector<MultiWordName> multi_word_names_;
    std::unordered_map<std::string, std::vector<std::size_t>> opening_;  // by lower-case first word, "&" as "and"
    std::unordered_map<std::string, std::size_t> by_alias_;              // the first entry of each alias
};

// ALIAS<TAB>EXPANSION<TAB>person|post|body lines; name is used in messages.
LeadAliases parse_lead_aliases(std::string_view text, const std::string& name);

// ---- Status words -----------------------------------------------------------

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

// WORDS<TAB>Status lines (a to_string(Status) value: "Not started", "On track", ...).
StatusVocabulary parse_status_vocabulary(std::string_view text, const std::string& name);

// ---- Abbreviations in action texts ---------------------------------------------

struct Abbreviation {
    std::string abbreviation;  // "CPD", "comms"
    std::string expansion;     // "Continuous Professional Development"
};
// ABBREVIATION<TAB>EXPANSION lines.
std::vector<Abbreviation> parse_abbreviations(std::string_view text, const std::string& name);

// ---- Synonyms and contrasts in action texts ------------------------------------

struct Synonym {
    std::string words;    // "revisit", "carry out"
    std::string same_as;  // "review", "undertake"
};
// WORDS<TAB>SAME AS lines.
std::vector<Synonym> parse_synonyms(std::string_view text, const std::string& name);

// Each set: words of one kind that name different things ("child", "adult",
// "older"); two actions that differ by them are look-alikes, not copies.
using ContrastSet = std::vector<std::string>;
// One set a line, words separated by "|".
std::vector<ContrastSet> parse_contrasts(std::string_view text, const std::string& name);

// ---- Services ---------------------------------------------------------------------

// The organisation's services (templates/services.tsv), each with the short
// forms it goes by, to find the service a title, sheet name or file name names.
class ServiceDirectory {
public:
    void add(std::string name, const std::vector<std::string>& aliases);  // the name is an alias too
    // The service whose alias appears in text as whole words (after folding);
    // the longest alias wins. nullptr when none does.
    const std::string* find_in(std::string_view text) const;
    // The service whose name or alias the whole text is ("C&F" -> "Children
    // and Families"); nullptr when none is.
    const std::string* find_exact(std::string_view text) const;
    std::size_t size() const { return names_.size(); }

private:
    std::vector<std::string> names_;
    std::vector<std::pair<std::string, std::size_t>> aliases_;  // folded alias, index in names_; longest first
};

// NAME<TAB>alias | alias ... lines.
ServiceDirectory parse_services(std::string_view text, const std::string& name);

// ---- The consolidated workbook's layout ----------------------------------------

// One column of a workbook sheet: what it shows (a field the writer knows
// for that sheet: "action", "due", ...), its heading, and the widths it may
// take in Excel's units (the width of "0"): as wide as its content within
// [min_width, max_width]. A column not `printed` stays on screen only; such
// columns come after every printed one (a print area is one block).
struct OutputColumn {
    std::string field;
    std::string heading;
    double min_width = 8, max_width = 30;
    bool printed = true;
};

// Colours as 0xRRGGBB; nullopt: none (the application's default).
struct StatusStyle {
    std::optional<std::uint32_t> fill, font;  // the status cell
    std::optional<std::uint32_t> chart;       // its bars on the Summary chart
};

struct WorkbookLayout {
    // The sheets laid out by the table, each with the fields it can show
    // (the first is the column the sheet cannot do without).
    struct SheetFields {
        std::string_view sheet;
        std::vector<std::string_view> fields;
        std::vector<std::string_view> required;
    };
    static const std::vector<SheetFields>& sheets();

    std::vector<std::pair<std::string, std::vector<OutputColumn>>> columns;  // by sheet, in sheets() order
    // Index: Status as a number (Status::Unknown, "Not given", at 0).
    std::array<StatusStyle, 8> statuses{};
    std::optional<std::uint32_t> header_fill, header_font;
    std::optional<std::uint32_t> overdue_fill, overdue_font;  // an overdue due date

    // The columns of a sheet of sheets(); empty when the sheet has none.
    const std::vector<OutputColumn>& columns_of(std::string_view sheet) const;
};

// SHEET<TAB>FIELD<TAB>HEADING<TAB>WIDTH<TAB>print|screen lines (WIDTH: "12"
// or "10-40"), over the sheets and fields of WorkbookLayout::sheets(); every
// sheet needs its required fields, and a field is shown once.
WorkbookLayout parse_workbook_columns(std::string_view text, const std::string& name);
// WHAT<TAB>FILL<TAB>FONT<TAB>CHART lines, over a layout's columns: WHAT a
// status ("On track", ..., "Not given") or "header" or "overdue date"; each
// colour RRGGBB in hex or "-" for none.
void parse_workbook_colours(WorkbookLayout& layout, std::string_view text, const std::string& name);

// ---- The whole configuration --------------------------------------------------

// The templates folder: $PLANCON_TEMPLATES when set, else the one this build
// was configured with.
std::filesystem::path default_templates_dir();
// The feed's schema in a templates folder (plan.xsd): the one place its
// name is known. Only a command that validates a feed needs the file.
std::filesystem::path feed_schema_path(const std::filesystem::path& templates = default_templates_dir());

struct ConfigSources {
    std::filesystem::path templates;     // empty: default_templates_dir()
    std::vector<std::string> profiles;   // --profile files, in the order given; a later one is read over an earlier
};

struct Config {
    std::filesystem::path templates;  // the folder everything was read from
    Profile profile;                  // the user's profiles over default.profile
    LeadAliases leads;
    StatusVocabulary statuses;
    std::vector<Abbreviation> abbreviations;
    std::vector<Synonym> synonyms;
    std::vector<ContrastSet> contrasts;
    ServiceDirectory services;
    WorkbookLayout workbook;
    std::filesystem::path schema;     // feed_schema_path(templates); not read, and need not exist
};

// Reads every template once. Throws TemplateError naming the file (and line).
Config load_config(const ConfigSources& sources = {});

}  // namespace plancon
