#include "cli/commands.hpp"

#include "plancon/atomic_file.hpp"
#include "plancon/sheet_export.hpp"

#include <charconv>
#include <iostream>

namespace po = boost::program_options;

namespace plancon::cli {

namespace {

// --sheet takes a name first, then a 1-based position.
const Sheet* choose_sheet(const Workbook& wb, const std::string& wanted) {
    if (wanted.empty()) return wb.sheets.empty() ? nullptr : &wb.sheets.front();
    if (const Sheet* s = wb.sheet(wanted)) return s;
    std::size_t n = 0;
    auto r = std::from_chars(wanted.data(), wanted.data() + wanted.size(), n);
    if (r.ec == std::errc() && r.ptr == wanted.data() + wanted.size() && n >= 1 && n <= wb.sheets.size())
        return &wb.sheets[n - 1];
    return nullptr;
}

}  // namespace

int run_convert(int argc, char** argv) {
    ReadOptions options;
    std::string sheet_name, to = "csv", output = "-", file;
    po::options_description visible("plancon convert");
    visible.add_options()
        ("help,h", "show this help")
        ("sheet", po::value<std::string>(&sheet_name), "sheet by name or 1-based number (default: the first)")
        ("to", po::value<std::string>(&to)->default_value(to), "output format: csv or json")
        ("output,o", po::value<std::string>(&output)->default_value(output), "output file, - for standard output");
    visible.add(reading_options(options));
    po::variables_map vm;
    int code = exit_ok;
    const std::string synopsis = "plancon convert FILE [--sheet NAME|NUMBER] [--to csv|json] [-o OUT|-]";
    if (!parse_command_line(argc, argv, synopsis, visible, {"file", po::value<std::string>(&file)->required(), 1}, vm,
                            code))
        return code;
    if (to != "csv" && to != "json") {
        report("--to must be csv or json, not '" + to + "'");
        return exit_usage;
    }
    try {
        Workbook wb = read_workbook(file, options);
        const Sheet* sheet = choose_sheet(wb, sheet_name);
        if (!sheet) {
            report(file + ": no sheet '" + sheet_name + "' (it has " + std::to_string(wb.sheets.size()) + ")");
            return exit_input;
        }
        auto produce = [&](std::ostream& out) {
            if (to == "csv") write_sheet_csv(out, wb, *sheet);
            else write_sheet_json(out, wb, *sheet);
        };
        if (output == "-") {
            std::ios::sync_with_stdio(false);
            produce(std::cout);
            std::cout.flush();
            if (!std::cout) {
                report("standard output: write failed");
                return exit_input;
            }
        } else {
            write_atomically(output, produce);
        }
    } catch (const Error& e) {
        report(e.what());  // names the input (ReadError, the sheet too big for CSV) or the output (WriteError)
        return exit_input;
    } catch (const std::bad_alloc&) {
        report(file + ": out of memory while reading");
        return exit_input;
    } catch (const std::exception& e) {
        return report_unexpected(e);
    }
    return exit_ok;
}

}  // namespace plancon::cli
