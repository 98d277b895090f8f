// layout: grid -> plan. Finds, on every sheet, the tables, their header rows
// (below any title rows), the field each column holds, the priority headings
// and their bullet points, and turns every row into exactly one RowRecord.
// Which header words mean which field comes from the configuration's profile,
// a small text file a user can edit (templates/profiles/default.profile
// documents the format).
#pragma once

#include "plancon/config.hpp"
#include "plancon/grid.hpp"
#include "plancon/model.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace plancon {

struct LayoutOptions {
    std::string service;  // --service: overrides the profile's service
};

// Every row of every sheet accounted for in Plan::rows; derived fields
// (dates, leads, status) are left for normalise_plan().
Plan build_plan(const Workbook& workbook, const Config& config, const LayoutOptions& options = {});

// Stable, human-readable text of everything build_plan found.
std::string dump_plan(const Plan& plan);
// The layout part: per sheet the tables, header rows, column -> field map and
// priorities, then the fate of every row, without the actions' contents (for
// `plancon inspect --plan FILE`).
std::string describe_layout(const Plan& plan);
std::string describe_layout(const Workbook& workbook, const Config& config, const LayoutOptions& options = {});

}  // namespace plancon
