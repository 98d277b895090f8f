#include "cli/commands.hpp"

#include "plancon/register.hpp"

#include <iostream>

namespace po = boost::program_options;

namespace plancon::cli {

po::options_description reading_options(ReadOptions& options) {
    po::options_description d("reading");
    d.add_options()
        ("max-bytes", po::value<std::uint64_t>(&options.max_bytes)->default_value(options.max_bytes),
         "most bytes a zip-based file may expand to, all parts together")
        ("max-cells", po::value<std::uint64_t>(&options.max_cells)->default_value(options.max_cells),
         "most cells a file may hold")
        ("delimiter", po::value<char>(&options.delimiter), "CSV delimiter (default: sniff , ; or tab)")
        ("encoding", po::value<std::string>(&options.encoding),
         "CSV encoding: utf-8, utf-16le, utf-16be, windows-1252 (default: detect)");
    return d;
}

bool parse_command_line(int argc, char** argv, const std::string& synopsis, const po::options_description& visible,
                        Operands operands, po::variables_map& vm, int& exit_code) {
    po::options_description hidden;
    hidden.add_options()(operands.name, operands.value, operands.name);
    po::positional_options_description positional;
    positional.add(operands.name, operands.count);
    po::options_description all;
    all.add(visible).add(hidden);
    try {
        po::store(po::command_line_parser(argc, argv).options(all).positional(positional).run(), vm);
        if (vm.count("help")) {
            std::cout << "usage: " << synopsis << "\n\n" << visible << "\n";
            exit_code = exit_ok;
            return false;
        }
        po::notify(vm);
    } catch (const po::required_option&) {
        // Boost would name a hidden option ("the option '--file' is required").
        report(std::string("no ") + operands.name + " given (usage: " + synopsis + ")");
        exit_code = exit_usage;
        return false;
    } catch (const po::error& e) {
        report(std::string(e.what()) + " (usage: " + synopsis + ")");
        exit_code = exit_usage;
        return false;
    }
    return true;
}

int with_register_to_read(const std::string& path, const std::string& synopsis,
                          const std::function<void(const PlanRegister&)>& use) {
    if (path.empty()) {
        report("--register FILE is needed (usage: " + synopsis + ")");
        return exit_usage;
    }
    try {
        use(PlanRegister::open_to_read(path));
        return exit_ok;
    } catch (const Error& e) {
        report(e.what());
    } catch (const std::exception& e) {
        return report_unexpected(e);
    }
    return exit_input;
}

void report(const std::string& message) { std::cerr << "plancon: " << message << "\n"; }

int report_unexpected(const std::exception& e) {
    report(e.what());
    return exit_input;
}

}  // namespace plancon::cli
