// plancon inspect: what a file holds, and (--plan) how its layout was read.
#include "cli/commands.hpp"

#include "plancon/pipeline.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace plancon::cli {

int run_inspect(int argc, char** argv) {
    InspectOptions options;
    std::vector<std::string> profiles, inputs;
    po::options_description visible("plancon inspect");
    visible.add_options()
        ("help,h", "show this help")
        ("plan", po::bool_switch(&options.plan), "show the layout found per sheet and what became of every row")
        ("profile", po::value<std::vector<std::string>>(&profiles), "extra header synonyms (repeatable)")
        ("service", po::value<std::string>(&options.layout.service), "service for inputs that name none");
    visible.add(reading_options(options.read));
    po::variables_map vm;
    int code = exit_ok;
    if (!parse_command_line(argc, argv, "plancon inspect FILE|FOLDER... [--plan] [--profile FILE] [options]", visible,
                            {"file", po::value<std::vector<std::string>>(&inputs)->required(), -1}, vm, code))
        return code;
    try {
        const Config config = load_config({{}, profiles});
        const std::vector<std::string> files = find_inputs_required(inputs);
        int status = exit_ok;
        for (const std::string& file : files) {
            try {
                std::cout << inspect_file(file, config, options);
            } catch (const Error& e) {
                report(e.what());
                status = exit_input;
            }
        }
        return status;
    } catch (const Error& e) {
        report(e.what());
        return exit_input;
    } catch (const std::exception& e) {
        return report_unexpected(e);
    }
}

}  // namespace plancon::cli
