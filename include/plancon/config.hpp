// Configuration: everything a user edits without recompiling, found once in
// the templates folder, loaded once (plancon::load_config) and passed down by
// reference to every stage that needs a part of it. No stage reads a
// template file of its own.
//
//   templates/profiles/default.profile   header words: which header means which field
//   templates/leads.tsv                  lead abbreviations and known bodies
//   templates/status.tsv                 status words -> one status vocabulary
//   templates/abbreviations.tsv          abbreviations in action texts, for matching
//   templates/plan.xsd                   the XML feed's schema
#pragma once

#include "plancon/diagnostics.hpp"
#include "plancon/model.hpp"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
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
    QualityIndicators, PageRef, Service, Strength, Afi, PlannedAction,
};
std::string_view to_string(Field f);  // the name a profile uses: "lead", "percent-complete" ...

// Case, punctuation and white space folded away: "Lead(s)" -> "lead s",
// "Implications [Risk, Cost, Resource]" -> "implications risk cost resource".
std::string fold_header(std::string_view text);

enum class SheetKind : std::uint8_t { Auto, Plan, Findings, Appendix, Ignore };
std::string_view to_string(SheetKind k);

struct Profile {
    struct Synonym {
        Field field = Field::None;
        std::string folded;  // fold_header of the synonym as written
        bool prefix = false; // written with a trailing "*"
    };
    struct SheetHint {
        std::string sheet;   // name, or prefix when prefix is set
        bool prefix = false;
        SheetKind kind = SheetKind::Auto;
    };
    std::vector<std::string> sources;  // files read: the default first, then the user's in the order given
    std::vector<Synonym> synonyms;     // tried in order: the first match wins
    std::vector<SheetHint> sheet_hints;
    std::string service;

    Field field_for(std::string_view header) const;
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

private:
    std::vector<LeadAlias> entries_;
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

// ---- The whole configuration --------------------------------------------------

// The templates folder: $PLANCON_TEMPLATES when set, else the one this build
// was configured with.
std::filesystem::path default_templates_dir();

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
    std::filesystem::path schema;     // plan.xsd
};

// Reads every template once. Throws TemplateError naming the file (and line).
Config load_config(const ConfigSources& sources = {});

}  // namespace plancon
