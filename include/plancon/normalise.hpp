// normalise: the words as written in a plan -> the values a careful reader
// derives, for every action and finding, through the value readers
// (values.hpp) and the configuration's vocabularies.
#pragma once

#include "plancon/config.hpp"
#include "plancon/model.hpp"
#include "plancon/values.hpp"

#include <string>

namespace plancon {

struct NormaliseOptions {
    DueContext due;
    // Kept from plan to plan (nullptr: texts remembered for this plan only).
    // Must be made for normalise_plan's config.
    ValueMemo* memo = nullptr;
};

// text_as_written -> text, leads_as_written -> leads, due.as_written -> due,
// status_as_written (+ percent_complete) -> status, links from the text (and
// Finding::links from planned_action). A Due that already holds a date and no
// other words (the layout read a date cell) is kept as a date cell. Service:
// plan.document.service when the action has none (--service is the layout's
// last resort for the document's service: LayoutOptions::service).
// Adds a Warning (at the action's source) for each unreadable due date, each
// action without a lead and each lead-cell note. Running it twice adds no links.
void normalise_plan(Plan& plan, const Config& config, const NormaliseOptions& options = {});

}  // namespace plancon
