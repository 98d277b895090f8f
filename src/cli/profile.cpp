// plancon profile: a ready-to-edit profile for the trackers given.
#include "cli/commands.hpp"

#include "plancon/pipeline.hpp"
#include "plancon/atomic_file.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace plancon::cli {

int run_profile(int argc, char** argv) {
    ReadOptions read;
    std::vector<std::string> profiles, inputs;
    std::string output = "-";
    po::options_description visible("plancon profile");
    visible.add_options()
        ("help,h", "show this help")
        ("output,o", po::value<std::string>(&output)->default_value(output), "where to write the profile (- for standard output)")
        ("profile", po::value<std::vector<std::string>>(&profiles), "profiles to read first (repeatable)");
    visible.add(reading_options(read));
    po::variables_map vm;
    int code = exit_ok;
    if (!parse_command_line(argc, argv, "plancon profile FILE|FOLDER... [-o my.profile] [--profile FILE]", visible,
                            {"input", po::value<std::vector<std::string>>(&inputs)->required(), -1}, vm, code))
        return code;
    try {
        const Config config = load_config({{}, profiles});
        const std::vector<std::string> files = find_inputs_required(inputs);
        std::vector<Plan> plans;
        for (const std::string& file : files) plans.push_back(plan_file(file, config, read));
        const std::string text = suggest_profile(plans, config);
        if (output == "-") std::cout << text;
        else write_atomically(output, [&](std::ostream& out) { out << text; });
    } catch (const Error& e) {
        report(e.what());
        return exit_input;
    } catch (const std::exception& e) {
        return report_unexpected(e);
    }
    return exit_ok;
}

}  // namespace plancon::cli
