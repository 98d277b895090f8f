// plancon changes: what changed between two runs recorded in a plan register,
// as CSV (change,code,field,before,after,source).
#include "cli/commands.hpp"

#include "plancon/atomic_file.hpp"
#include "plancon/register.hpp"

#include <iostream>
#include <optional>

namespace po = boost::program_options;

namespace plancon::cli {

int run_changes(int argc, char** argv) {
    std::string register_path, output = "-";
    std::vector<std::string> none;
    std::int64_t from = 0, to = 0;
    po::options_description visible("plancon changes");
    visible.add_options()
        ("help,h", "show this help")
        ("register", po::value<std::string>(&register_path), "the plan register")
        ("from", po::value<std::int64_t>(&from), "the earlier run (default: the one before --to)")
        ("to", po::value<std::int64_t>(&to), "the later run (default: the last)")
        ("output,o", po::value<std::string>(&output)->default_value(output), "the CSV to write (- for standard output)");
    po::variables_map vm;
    int code = exit_ok;
    const std::string synopsis = "plancon changes --register FILE [--from RUN] [--to RUN] [-o changes.csv]";
    if (!parse_command_line(argc, argv, synopsis, visible, {"operand", po::value(&none), 0}, vm, code)) return code;
    return with_register_to_read(register_path, synopsis, [&](const PlanRegister& plan_register) {
        const auto changes = plan_register.changes(vm.count("from") ? std::optional(from) : std::nullopt,
                                                   vm.count("to") ? std::optional(to) : std::nullopt);
        if (output == "-")
            write_changes_csv(std::cout, changes);
        else
            write_atomically(output, [&](std::ostream& out) { write_changes_csv(out, changes); });
    });
}

}  // namespace plancon::cli
