// layout: grid -> plan. Finds, on every sheet, the tables, their header rows
// (below any title rows), the field each column holds, the priority headings
// and their bullet points, and turns every row into exactly one RowRecord.
// Which header words mean which field comes from a profile, a small text file
// a user can edit (templates/profiles/default.profile documents the format).
#pragma once

#include "plancon/grid.hpp"
#include "plancon/model.hpp"

#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace plancon {

enum class Field : std::uint8_t {
    None, Ref, Action, Outcome, Lead, Due, Measures, Risks, Progress, Status, PercentComplete,
    QualityIndicators, PageRef, Service, Strength, Afi, PlannedAction,
};
std::string_view to_string(Field f);  // the name a profile uses: "lead", "percent-complete" ...

// Case, punctuation and white space folded away: "Lead(s)" -> "lead s",
// "Implications [Risk, Cost, Resource]" -> "implications risk cost resource".
std::string fold_header(std::string_view text);

class ProfileError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;  // what() is "FILE:LINE: problem"
};

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
    std::vector<std::string> sources;  // files read, in order
    std::vector<Synonym> synonyms;     // tried in order: the first match wins
    std::vector<SheetHint> sheet_hints;
    std::string service;

    Field field_for(std::string_view header) const;
    SheetKind kind_for(std::string_view sheet) const;
};

// Parse profile text; name is used in error messages ("name:LINE: problem").
Profile parse_profile(std::string_view text, const std::string& name);
// templates/profiles/default.profile of the source tree (PLANCON_TEMPLATES_DIR),
// or the directory named by the PLANCON_TEMPLATES environment variable.
Profile default_profile();
// A user's profile read over the default one: its synonyms and hints first.
Profile load_profile(const std::string& path);
Profile merge_profiles(const Profile& base, const Profile& over);

struct LayoutOptions {
    std::string service;  // --service: overrides the profile's service
};

// Every row of every sheet accounted for in Plan::rows; derived fields
// (dates, leads, status) are left for normalise_plan().
Plan build_plan(const Workbook& workbook, const Profile& profile, const LayoutOptions& options = {});

// Stable, human-readable text of everything build_plan found.
std::string dump_plan(const Plan& plan);
// The layout part: per sheet the tables, header rows, column -> field map and
// priorities, then the fate of every row, without the actions' contents (for
// `plancon inspect --plan FILE`).
std::string describe_layout(const Plan& plan);
std::string describe_layout(const Workbook& workbook, const Profile& profile, const LayoutOptions& options = {});

}  // namespace plancon
