// Compares a plan with a generated tracker's truth, row by row.
#pragma once

#include "layout/generated/tracker.hpp"
#include "plancon/model.hpp"

#include <string>
#include <vector>

namespace plancon::gen {

struct RowResult {
    std::string sheet;
    std::uint32_t row = 0;        // 1-based
    RowKind kind = RowKind::Blank;
    bool right = false;           // action: read as an action with text, leads and due right; other: not an action
    std::string category;         // what went wrong, in a few words ("not an action: heading" ...), "" when right
    std::string detail;           // expected and got
    const GenRow* truth = nullptr;
};

struct TrackerCheck {
    std::vector<RowResult> rows;  // one per row of every sheet of the truth
    std::size_t actions_there = 0, actions_right = 0, false_actions = 0;
    bool all_right() const { return actions_right == actions_there && false_actions == 0; }
};

TrackerCheck check_tracker(const GeneratedTracker& truth, const Plan& plan);

// One line per row: "row 7 action right" / "row 9 footer WRONG false action: ...".
std::string describe(const RowResult& r);

}  // namespace plancon::gen
