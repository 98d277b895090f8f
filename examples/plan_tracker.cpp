// plan_tracker: recognise one tracker's layout and print the plan it holds.
//
//   plan_tracker FILE
//
// plan_file reads the file, finds its tables, header rows and priority
// headings, and normalises what it finds: due dates in UK conventions
// ("2019/20" is 31 March 2020), leads with abbreviations expanded, one status
// vocabulary. Prints each priority and its actions with lead and due date,
// then how many rows went where. Every derived value keeps the words it came
// from; those plancon could not read are warnings, never guesses.
#include "plancon/pipeline.hpp"

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: plan_tracker FILE\n";
        return 2;
    }
    try {
        const plancon::Config config = plancon::load_config();  // the templates folder: profiles, leads, status words
        const plancon::Plan plan = plancon::plan_file(argv[1], config);
        for (int p = -1; p < static_cast<int>(plan.priorities.size()); ++p) {
            if (p >= 0) std::cout << "Priority " << plan.priorities[p].ref << ": " << plan.priorities[p].title << '\n';
            for (const plancon::Action& action : plan.actions) {
                if (action.priority != p) continue;  // -1: actions under no priority, listed first
                std::cout << "  " << (action.ref.empty() ? "-" : action.ref) << "  " << action.text << '\n';
                for (const plancon::Lead& lead : action.leads) std::cout << "      lead: " << lead.name << '\n';
                if (action.due.date)
                    std::cout << "      due:  " << to_iso(*action.due.date) << " (\"" << action.due.as_written << "\")\n";
                else if (!action.due.as_written.empty())
                    std::cout << "      due:  " << to_string(action.due.kind) << " (\"" << action.due.as_written << "\")\n";
            }
        }
        std::cout << plan.actions.size() << " actions from " << plancon::rows_covered(plan) << " rows ("
                  << plancon::rows_with_fate(plan, plancon::RowRecord::Fate::Skipped) << " skipped), "
                  << plan.warnings.size() << " warnings\n";
        for (const plancon::Warning& warning : plan.warnings) std::cerr << to_string(warning) << '\n';
    } catch (const plancon::Error& e) {  // ReadError, TemplateError: one line naming the file
        std::cerr << "plan_tracker: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
