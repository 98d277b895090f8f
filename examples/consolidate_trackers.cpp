// consolidate_trackers: consolidate several trackers and print the actions.
//
//   consolidate_trackers TRACKER... (files or folders)
//
// consolidate reads every tracker, recognises and normalises each, then
// reconciles them: the same action written by several services (re-typed,
// abbreviated, a clause dropped) becomes one action with a stable code that
// keeps every source. With no workbook or feed named in the options nothing
// is written; the result is printed instead: each action's code, text and
// the rows it was found in, with any disagreement between the copies.
#include "plancon/pipeline.hpp"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: consolidate_trackers TRACKER...\n";
        return 2;
    }
    try {
        const plancon::Config config = plancon::load_config();
        plancon::ConsolidateOptions options;  // workbook and feed "": nothing written
        const std::vector<std::string> inputs(argv + 1, argv + argc);
        const plancon::ConsolidateResult result = plancon::consolidate(inputs, config, options);
        for (const plancon::ReconciledAction& action : result.reconciliation.actions) {
            std::cout << action.code << "  " << action.canonical.text << '\n';
            for (const plancon::MemberRef& member : action.members)
                std::cout << "    " << to_string(member.source) << ": " << member.explanation << '\n';
            for (const plancon::Conflict& conflict : action.conflicts) {
                std::cout << "    copies disagree on " << conflict.field << ':';
                for (const auto& value : conflict.values) std::cout << " \"" << value.value << '"';
                std::cout << '\n';
            }
        }
        std::cout << result.summary() << '\n';
    } catch (const plancon::Error& e) {  // an unreadable tracker, a broken template
        std::cerr << "consolidate_trackers: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
