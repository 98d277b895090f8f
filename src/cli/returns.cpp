// plancon returns: one tracker per service, pre-filled from the plan
// register's last run, to send out for the quarter's updates.
#include "cli/commands.hpp"

#include "plancon/returns.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace plancon::cli {

int run_returns(int argc, char** argv) {
    std::string register_path, dir, as_of;
    std::vector<std::string> none;
    po::options_description visible("plancon returns");
    visible.add_options()
        ("help,h", "show this help")
        ("register", po::value<std::string>(&register_path), "the plan register")
        ("output,o", po::value<std::string>(&dir), "the folder to write DIR/<service>.xlsx in")
        ("as-of", po::value<std::string>(&as_of), "the date the instructions name, YYYY-MM-DD (default: today)");
    po::variables_map vm;
    int code = exit_ok;
    const std::string synopsis = "plancon returns --register FILE -o DIR [--as-of YYYY-MM-DD]";
    if (!parse_command_line(argc, argv, synopsis, visible, {"operand", po::value(&none), 0}, vm, code)) return code;
    std::optional<Date> date;
    if (dir.empty() || (!as_of.empty() && !(date = parse_iso_date(as_of)))) {
        report(dir.empty() ? "-o DIR is needed (usage: " + synopsis + ")"
                           : "--as-of wants a date as YYYY-MM-DD, not '" + as_of + "'");
        return exit_usage;
    }
    return with_register_to_read(register_path, synopsis, [&](const PlanRegister& plan_register) {
        const auto files = write_return_templates(dir, plan_register.last_run_actions(), date);
        std::cerr << "plancon: " << files.size() << (files.size() == 1 ? " return" : " returns") << " written in "
                  << dir << "\n";
    });
}

}  // namespace plancon::cli
