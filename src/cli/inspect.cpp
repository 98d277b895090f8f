#include "cli/commands.hpp"

#include "plancon/grid.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace plancon::cli {

int run_inspect(int argc, char** argv) {
    ReadOptions options;
    po::options_description visible("plancon inspect");
    visible.add_options()("help,h", "show this help");
    visible.add(reading_options(options));
    po::options_description hidden;
    std::vector<std::string> files;
    hidden.add_options()("file", po::value<std::vector<std::string>>(&files)->required(), "input");
    po::positional_options_description positional;
    positional.add("file", -1);
    po::variables_map vm;
    int code = exit_ok;
    if (!parse_command_line(argc, argv, "plancon inspect FILE... [options]", visible, hidden, positional, vm, code)) return code;

    int status = exit_ok;
    for (const std::string& file : files) {
        try {
            Workbook wb = read_workbook(file, options);
            std::cout << describe_workbook(wb);
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
