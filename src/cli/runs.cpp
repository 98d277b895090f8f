// plancon runs: the runs a plan register holds, one line each.
#include "cli/commands.hpp"

#include "plancon/register.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace plancon::cli {

int run_runs(int argc, char** argv) {
    std::string register_path;
    std::vector<std::string> none;
    po::options_description visible("plancon runs");
    visible.add_options()
        ("help,h", "show this help")
        ("register", po::value<std::string>(&register_path), "the plan register");
    po::variables_map vm;
    int code = exit_ok;
    const std::string synopsis = "plancon runs --register FILE";
    if (!parse_command_line(argc, argv, synopsis, visible, {"operand", po::value(&none), 0}, vm, code)) return code;
    return with_register_to_read(register_path, synopsis, [](const PlanRegister& plan_register) {
        std::cout << "run\ttime\tas-of\tinputs\tactions\toptions\n";
        for (const RegisterRun& r : plan_register.runs())
            std::cout << r.id << "\t" << r.time << "\t" << r.as_of << "\t" << r.inputs.size() << "\t" << r.actions
                      << "\t" << r.options << "\n";
    });
}

}  // namespace plancon::cli
