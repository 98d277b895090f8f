// plancon validate: a feed against its schema and Pentana's import rules.
#include "cli/commands.hpp"

#include "plancon/config.hpp"
#include "plancon/write.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace plancon::cli {

int run_validate(int argc, char** argv) {
    std::string feed, schema = feed_schema_path().string();
    po::options_description visible("plancon validate");
    visible.add_options()
        ("help,h", "show this help")
        ("schema", po::value<std::string>(&schema)->default_value(schema), "the XML Schema to check against");
    po::variables_map vm;
    int code = exit_ok;
    if (!parse_command_line(argc, argv, "plancon validate FEED.xml [--schema plan.xsd]", visible,
                            {"feed", po::value<std::string>(&feed)->required(), 1}, vm, code))
        return code;
    try {
        ValidationReport report_ = validate_feed(feed, schema);
        for (const FeedViolation& v : report_.violations)
            std::cout << feed << ": [" << v.rule << "] " << v.message << "\n";  // the message names the action
        if (!report_.ok()) {
            report(feed + ": " + std::to_string(report_.violations.size()) + " violation(s) in " +
                   std::to_string(report_.actions) + " actions");
            return exit_input;
        }
        std::cout << feed << ": valid (" << report_.actions << " actions)\n";
        return exit_ok;
    } catch (const std::exception& e) {
        return report_unexpected(e);
    }
}

}  // namespace plancon::cli
