// Runs the plancon binary as a user would and captures what it says.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

struct CliRun {
    int status = -1;  // exit code, -1 when killed by a signal
    std::string out, err;
};

// args are passed to the shell as written (quote paths with spaces); env is
// prefixed, e.g. "SOURCE_DATE_EPOCH=0".
inline CliRun run_plancon(const std::string& args, const std::string& env = "") {
    namespace fs = std::filesystem;
    fs::path err_file = fs::temp_directory_path() / ("plancon_cli_err_" + std::to_string(::getpid()));
    std::string cmd = env + " " + std::string(PLANCON_BINARY) + " " + args + " 2>" + err_file.string();
    CliRun r;
    FILE* p = popen(cmd.c_str(), "r");
    std::array<char, 4096> buf;
    std::size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    int st = pclose(p);
    r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    std::ifstream e(err_file);
    std::stringstream ss;
    ss << e.rdbuf();
    r.err = ss.str();
    fs::remove(err_file);
    return r;
}
