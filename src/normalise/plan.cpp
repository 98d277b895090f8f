// Normalising a whole plan: every action's words read through the value
// readers (values.hpp) with the configuration's vocabularies.
#include "plancon/normalise.hpp"
#include "plancon/text.hpp"
#include "plancon/values.hpp"

#include <algorithm>
#include <memory>
#include <stdexcept>

namespace plancon {

void normalise_plan(Plan& plan, const Config& config, const NormaliseOptions& options) {
    // A memo made for another configuration would answer for that one.
    if (options.memo && &options.memo->config() != &config)
        throw std::invalid_argument("normalise_plan: a ValueMemo made for another configuration");
    std::unique_ptr<ValueMemo> own = options.memo ? nullptr : std::make_unique<ValueMemo>(config);
    ValueMemo& memo = options.memo ? *options.memo : *own;
    for (Action& action : plan.actions) {
        const std::string where = action.ref.empty() ? "action" : "action " + action.ref;
        if (!action.text_as_written.empty()) action.text = normalise_text(action.text_as_written);

        if (!action.leads_as_written.empty()) {
            // Read by the layout already, as a column's evidence, when it has a memo.
            const LeadCell& cell = memo.lead_cell(action.leads_as_written);
            action.leads = cell.leads;
            for (const std::string& note : cell.notes)
                plan.warnings.push_back({action.source, where + ": words in the lead cell are not a lead: \"" + note + "\""});
        }
        if (action.leads.empty()) plan.warnings.push_back({action.source, where + ": no lead"});

        // A Due already holding a date came from a date cell (the layout read
        // its value): kept, with the cell as shown ("2020-06-30T14:05:00").
        const bool from_date_cell = action.due.kind == Due::Kind::Date && action.due.date &&
                                    (action.due.basis == "date cell" ||
                                     (action.due.basis.empty() &&
                                      (action.due.as_written.empty() || action.due.as_written == to_iso(*action.due.date))));
        if (from_date_cell) {
            const std::string shown = action.due.as_written;
            action.due = parse_due({}, action.due.date, options.due);
            if (!shown.empty()) action.due.as_written = shown;
        } else {
            action.due = memo.due(action.due.as_written, options.due);
        }
        if (!action.start && !action.start_as_written.empty())
            action.start = parse_start(action.start_as_written, options.due);
        if (action.due.kind == Due::Kind::Unreadable)
            plan.warnings.push_back({action.source, where + ": due date not read: \"" + normalise_text(action.due.as_written) +
                                                        "\" (" + action.due.basis + ")"});

        if (!action.percent_complete && action.status_as_written.find('%') != std::string::npos)
            action.percent_complete = parse_percent(action.status_as_written);
        action.status = parse_status(action.status_as_written, action.percent_complete, config.statuses);

        if (action.service.empty()) action.service = plan.document.service;

        for (Link& link : find_links(action.text_as_written.empty() ? action.text : action.text_as_written))
            if (std::none_of(action.links.begin(), action.links.end(), [&](const Link& l) { return l.target == link.target; }))
                action.links.push_back(std::move(link));
    }
    for (Finding& finding : plan.findings) {
        for (Link& link : find_links(finding.planned_action))
            if (std::none_of(finding.links.begin(), finding.links.end(), [&](const Link& l) { return l.target == link.target; }))
                finding.links.push_back(std::move(link));
    }
}

}  // namespace plancon
