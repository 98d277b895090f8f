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

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace plancon {

class ValueMemo;  // values.hpp

// What the layout remembers of texts from one workbook to the next, on a
// thread that plans many (pipeline.hpp PlanningMemo): the words of each
// header, what each text reads as (a date, a status word, a short id ...)
// and how surely it names leads; its ValueMemo keeps the lead cells and due
// dates read. Every answer is a
// function of the text and the configuration alone, so a plan does not
// depend on what the memo met before. Made for its ValueMemo's Config, which
// it must not outlive; build_plan refuses it with another. One per thread.
class LayoutMemo {
public:
    explicit LayoutMemo(ValueMemo& values);
    ~LayoutMemo();
    LayoutMemo(const LayoutMemo&) = delete;
    LayoutMemo& operator=(const LayoutMemo&) = delete;
    ValueMemo& values() const { return values_; }
    const Config& config() const;

    struct Tables;  // layout/evidence.hpp
    Tables& tables() { return *tables_; }

private:
    ValueMemo& values_;
    std::unique_ptr<Tables> tables_;
};

struct LayoutOptions {
    std::string service;  // --service: the service of inputs that name none (the last resort)
    // Kept from workbook to workbook (nullptr: each build_plan remembers
    // texts for its own workbook only). Must be made for build_plan's config.
    LayoutMemo* memo = nullptr;
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

// A ready-to-edit profile for the trackers these plans were read from: every
// header the layout mapped, as a synonym of its field (so the next run reads
// it outright), and every header it could not map as a commented line to fill
// in, each with the file, sheet and evidence it came from (`plancon profile`).
std::string suggest_profile(const std::vector<Plan>& plans, const Config& config);

// Tables whose header named fields of a plan but no action column.
std::size_t tables_without_action_column(const Plan& plan);

}  // namespace plancon
