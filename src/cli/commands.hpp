#pragma once

#include "plancon/read.hpp"

#include <boost/program_options.hpp>

#include <functional>

#include <string>

namespace plancon {
class PlanRegister;
}

namespace plancon::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_input = 1;  // an input could not be read (or an output not written)
inline constexpr int exit_usage = 2;

int run_inspect(int argc, char** argv);
int run_convert(int argc, char** argv);
int run_consolidate(int argc, char** argv);
int run_validate(int argc, char** argv);
int run_profile(int argc, char** argv);
int run_changes(int argc, char** argv);
int run_runs(int argc, char** argv);
int run_returns(int argc, char** argv);

// Options every command that reads spreadsheets takes.
boost::program_options::options_description reading_options(ReadOptions& options);
// The words after a command's options: `name` as the usage errors call it,
// the value they fill, and how many there may be (-1: any number).
struct Operands {
    const char* name;
    boost::program_options::value_semantic* value;
    int count;
};
// Parse argv for a command; on --help prints help and returns exit_ok through
// `exit_code`; on a usage error prints one line and returns exit_usage.
bool parse_command_line(int argc, char** argv, const std::string& synopsis,
                        const boost::program_options::options_description& visible, Operands operands,
                        boost::program_options::variables_map& vm, int& exit_code);
// The body of `runs` and `changes`: opens the register at `path` to read and
// hands it to `use`; a missing --register is a usage error, a register that
// cannot be read (or any plancon::Error) one line. Returns the exit code.
int with_register_to_read(const std::string& path, const std::string& synopsis,
                          const std::function<void(const PlanRegister&)>& use);
// Report an error as "plancon: message" on stderr.
void report(const std::string& message);
// The last catch of every command: an exception that is not a plancon::Error
// (out of memory, a thread that could not start) is one line too, never
// std::terminate. Returns exit_input.
int report_unexpected(const std::exception& e);

}  // namespace plancon::cli
