// Matching a run's reconciled actions to the codes the register knows
// (register.hpp says how). Pure: no database, so it can be tested alone.
#pragma once

#include "plancon/register.hpp"

#include <set>
#include <tuple>

namespace plancon::register_detail {

struct KnownAction {
    std::string code;
    std::vector<std::string> wordings;  // every distinct text it, or a copy of it, has had
    std::string services;               // as of its last state ("; "-joined)
    std::vector<std::string> leads;     // as of its last state
    bool in_last_run = false;
    // Where its copies sat when it was last seen: "file name|sheet|row" and
    // "file name|sheet|ref R" (its reference, when it has one).
    std::set<std::string> places;
};

// A copy's places as KnownAction::places holds them.
std::vector<std::string> places_of(const std::string& file, const std::string& sheet, std::uint32_t row,
                                   const std::string& ref);

// A source row recorded before: file name (without folders), sheet, row
// and the copy's folded text identify it whatever the file holds around it.
struct KnownSource {
    std::string file_name, sheet;
    std::uint32_t row = 0;
    std::string folded_text;
    std::size_t known = 0;  // index into the known actions
    friend auto operator<=>(const KnownSource& a, const KnownSource& b) {
        return std::tie(a.file_name, a.sheet, a.row, a.folded_text) <=>
               std::tie(b.file_name, b.sheet, b.row, b.folded_text);
    }
};

struct Lineage {
    std::string change;  // "merged": code merged into other; "split": code split from other
    std::string code, other;
};

struct MatchResult {
    std::vector<std::string> codes;  // one per reconciled action
    std::vector<Lineage> lineage;
    std::vector<Warning> warnings;   // a returned template's codes the register does not know
};

struct MatchInput {
    const std::vector<Plan>& plans;
    const Reconciliation& reconciliation;
    const std::vector<KnownAction>& known;
    // Later runs' rows after earlier ones: the last one recorded wins.
    const std::vector<KnownSource>& sources;
    const std::set<std::string>& taken;  // every code ever given
};

MatchResult match_actions(const MatchInput& input, const Config& config, const RegisterOptions& options,
                          double merge_threshold);

std::string file_name_of(const std::string& path);

}  // namespace plancon::register_detail
