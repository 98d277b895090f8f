// plancon: a thin command-line front end over the library.
#include "cli/commands.hpp"

#include <malloc.h>

#include <iostream>
#include <string_view>

namespace {

void usage(std::ostream& out) {
    out << "usage: plancon COMMAND [OPTIONS] ...\n\n"
           "commands:\n"
           "  consolidate INPUT...  trackers and appendices in; one workbook and an XML feed out\n"
           "  validate FEED.xml     check a feed against its schema and Pentana's import rules\n"
           "  inspect FILE...       show sheets, ranges, cell types and warnings (--plan: the layout found, and why)\n"
           "  profile FILE...       write a ready-to-edit profile of the headers these trackers use\n"
           "  convert FILE          write one sheet's values as CSV or JSON\n"
           "  changes --register F  what changed between two runs recorded in a plan register, as CSV\n"
           "  runs --register F     the runs a plan register holds\n"
           "  returns --register F  one tracker per service, pre-filled with its open actions, to send out\n\n"
           "plancon COMMAND --help for a command's options; plancon --version for the version.\n";
}

}  // namespace

int main(int argc, char** argv) {
    // Big buffers (inflated parts, cell chunks) are freed as soon as they are
    // used; a fixed threshold makes glibc hand them back to the system instead
    // of keeping them for reuse, which keeps peak memory near what is live.
    mallopt(M_MMAP_THRESHOLD, 1024 * 1024);
    if (argc < 2) {
        usage(std::cerr);
        return plancon::cli::exit_usage;
    }
    std::string_view command = argv[1];
    if (command == "--help" || command == "-h" || command == "help") {
        usage(std::cout);
        return 0;
    }
    if (command == "--version") {
        std::cout << "plancon " PLANCON_VERSION "\n";
        return 0;
    }
    if (command == "inspect") return plancon::cli::run_inspect(argc - 1, argv + 1);
    if (command == "convert") return plancon::cli::run_convert(argc - 1, argv + 1);
    if (command == "consolidate") return plancon::cli::run_consolidate(argc - 1, argv + 1);
    if (command == "validate") return plancon::cli::run_validate(argc - 1, argv + 1);
    if (command == "profile") return plancon::cli::run_profile(argc - 1, argv + 1);
    if (command == "changes") return plancon::cli::run_changes(argc - 1, argv + 1);
    if (command == "runs") return plancon::cli::run_runs(argc - 1, argv + 1);
    if (command == "returns") return plancon::cli::run_returns(argc - 1, argv + 1);
    std::cerr << "plancon: unknown command '" << command << "'\n";
    usage(std::cerr);
    return plancon::cli::exit_usage;
}
