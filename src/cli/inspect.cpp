#include "cli/commands.hpp"

#include "plancon/grid.hpp"
#include "plancon/layout.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace plancon::cli {

int run_inspect(int argc, char** argv) {
    ReadOptions options;
    bool plan = false;
    std::vector<std::string> profiles;
    std::string service;
    po::options_description visible("plancon inspect");
    visible.add_options()
        ("help,h", "show this help")
        ("plan", po::bool_switch(&plan), "show the layout found per sheet and what became of every row")
        ("profile", po::value<std::vector<std::string>>(&profiles), "extra header synonyms (repeatable)")
        ("service", po::value<std::string>(&service), "service for inputs that name none");
    visible.add(reading_options(options));
    po::options_description hidden;
    std::vector<std::string> files;
    hidden.add_options()("file", po::value<std::vector<std::string>>(&files)->required(), "input");
    po::positional_options_description positional;
    positional.add("file", -1);
    po::variables_map vm;
    int code = exit_ok;
    if (!parse_command_line(argc, argv, "plancon inspect FILE... [--plan] [--profile FILE] [options]", visible, hidden, positional, vm, code)) return code;

    Profile profile = default_profile();
    try {
        for (const std::string& p : profiles) profile = merge_profiles(profile, load_profile(p));
    } catch (const std::exception& e) {
        report(e.what());
        return exit_input;
    }
    LayoutOptions layout;
    layout.service = service;
    int status = exit_ok;
    for (const std::string& file : files) {
        try {
            Workbook wb = read_workbook(file, options);
            std::cout << describe_workbook(wb);
            if (plan) std::cout << describe_layout(build_plan(wb, profile, layout));
        } catch (const ReadError& e) {
            report(e.what());
            status = exit_input;
        } catch (const std::bad_alloc&) {
            report(file + ": out of memory while reading");
            status = exit_input;
        }
    }
    return status;
}

}  // namespace plancon::cli
