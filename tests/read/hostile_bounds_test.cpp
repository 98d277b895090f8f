// Every hostile input (tests/read/hostile/, made by make_hostile.py,
// make_hostile_more.py and make_hostile_xls.py; the fuzzers' finds in tests/read/regressions/; the
// corpus's password-protected files) given to the whole pipeline, `plancon
// consolidate FILE -o OUT.xlsx --xml OUT.xml`, as a child process under
// bounds: 10 s of wall-clock time and 256 MiB of address space, reading
// with --max-bytes 256 MiB and --max-cells 2000000 (the
// default 50 million cells cost about 2 GiB: an ODS repeat bomb under the
// defaults is refused only after that, or ends in "out of memory while
// reading" under 256 MiB). Each must end in a correct read (exit 0, both
// outputs written) or exit 1 with exactly one stderr line "plancon: FILE:
// ..." and nothing written; never a signal, a hang or another exit code.
// The whole pipeline, not only the reader: a far-away cell reads as one
// cell but once cost the layout a record for every blank row above it.
//
// Under AddressSanitizer the address-space limit cannot be used (ASan
// reserves terabytes of shadow memory up front) and everything runs several
// times slower, so there the memory bound is skipped and the time bound is
// three times as long.
#include "temp_dir.hpp"
#include "under_asan.hpp"

#include <gtest/gtest.h>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

using plancon::test::under_asan;

constexpr std::uint64_t memory_bound = std::uint64_t(256) << 20;
constexpr auto time_bound = std::chrono::seconds(under_asan ? 30 : 10);

struct Outcome {
    bool finished = false;  // false: killed at the time bound
    int status = 0;         // from waitpid
    std::string err;        // stderr, first 64 KiB
    double seconds = 0;
    long max_rss_kib = 0;
};

constexpr const char* max_cells = "2000000";

// Whether the child has ended, leaving it to be reaped.
bool has_ended(pid_t pid) {
    siginfo_t info{};
    return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info.si_pid == pid;
}

// Run `plancon consolidate --max-bytes 256MiB --max-cells 2000000 FILE -o
// OUT/c.xlsx --xml OUT/c.xml` under the bounds.
Outcome run_bounded(const std::string& file, const fs::path& out_dir) {
    const std::string workbook = (out_dir / "c.xlsx").string(), feed = (out_dir / "c.xml").string();
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0) throw std::runtime_error("pipe failed");
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = fork();
    if (pid < 0) throw std::runtime_error("fork failed");
    if (pid == 0) {
        if (!under_asan) {
            const rlimit limit{memory_bound, memory_bound};
            setrlimit(RLIMIT_AS, &limit);
        }
        const int devnull = open("/dev/null", O_WRONLY);
        dup2(devnull, STDOUT_FILENO);
        dup2(pipe_fds[1], STDERR_FILENO);
        close(pipe_fds[0]);
        close(pipe_fds[1]);
        const std::string max_bytes = std::to_string(memory_bound);
        execl(PLANCON_BINARY, PLANCON_BINARY, "consolidate", "--max-bytes", max_bytes.c_str(), "--max-cells", max_cells,
              file.c_str(), "-o", workbook.c_str(), "--xml", feed.c_str(), static_cast<char*>(nullptr));
        _exit(127);
    }
    close(pipe_fds[1]);
    Outcome out;
    bool pipe_open = true;
    for (;;) {
        const auto left = time_bound - (std::chrono::steady_clock::now() - start);
        if (left <= std::chrono::seconds(0)) break;
        if (!pipe_open) {
            // stderr closed: the child is ending; wait for it, a little at a time.
            if (has_ended(pid)) break;
            usleep(2000);
            continue;
        }
        pollfd p{pipe_fds[0], POLLIN, 0};
        const int ms = int(std::chrono::duration_cast<std::chrono::milliseconds>(left).count()) + 1;
        if (poll(&p, 1, ms) <= 0) continue;
        char buf[4096];
        const ssize_t n = read(pipe_fds[0], buf, sizeof buf);
        if (n <= 0) pipe_open = false;
        else if (out.err.size() < (64 << 10)) out.err.append(buf, std::size_t(n));
    }
    close(pipe_fds[0]);
    out.finished = has_ended(pid);
    if (!out.finished) kill(pid, SIGKILL);
    rusage usage{};
    wait4(pid, &out.status, 0, &usage);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    out.max_rss_kib = usage.ru_maxrss;
    return out;
}

std::vector<std::string> hostile_files() {
    const fs::path source(PLANCON_SOURCE_DIR);
    std::vector<std::string> files;
    for (const char* dir : {"tests/read/hostile", "tests/read/hostile/more", "tests/read/hostile/xls", "tests/read/regressions"}) {
        if (!fs::is_directory(source / dir)) continue;
        for (const auto& entry : fs::directory_iterator(source / dir)) {
            const std::string ext = entry.path().extension().string();
            if (entry.is_regular_file() && ext != ".py" && ext != ".md") files.push_back(entry.path().string());
        }
    }
    std::sort(files.begin(), files.end());
    // Password-protected files of each format, from the corpus (absent: skipped).
    for (const char* name : {"pass_protected.xlsx", "pass_protected.ods", "pass_protected.xlsb"})
        files.push_back(std::string(PLANCON_CORPUS_DIR) + "/calamine/" + name);
    const fs::path xls_password = source / "tests/read/fixtures/password.xls";
    if (fs::exists(xls_password)) files.push_back(xls_password.string());
    return files;
}

// What a run left in its output folder, sorted.
std::vector<std::string> entries(const std::string& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}


class HostileBounds : public testing::TestWithParam<std::string> {};

TEST_P(HostileBounds, EndsInAReadOrOneLineErrorWithinBounds) {
    const std::string& file = GetParam();
    if (!fs::exists(file)) GTEST_SKIP() << file << " is not there (the corpus is in ../shared/corpus)";
    const plancon::test::TempDir dir("plancon_bounds");
    const Outcome out = run_bounded(file, dir.path());
    ASSERT_TRUE(out.finished) << "still running after " << time_bound.count() << " s; killed";
    ASSERT_FALSE(WIFSIGNALED(out.status)) << "killed by signal " << WTERMSIG(out.status) << "; stderr:\n" << out.err;
    ASSERT_TRUE(WIFEXITED(out.status));
    const int code = WEXITSTATUS(out.status);
    EXPECT_TRUE(code == 0 || code == 1) << "exit " << code << "; stderr:\n" << out.err;
    if (code == 1) {
        EXPECT_EQ(out.err.rfind("plancon: " + file + ": ", 0), 0u) << out.err;
        EXPECT_EQ(std::count(out.err.begin(), out.err.end(), '\n'), 1) << "one line:\n" << out.err;
        EXPECT_TRUE(entries(dir.path()).empty()) << "written after a refusal: " << testing::PrintToString(entries(dir.path()));
        // The stated limits must refuse a file before memory runs out: running
        // out is a finding (it is how the far-away cell was found).
        if (!under_asan) {
            EXPECT_EQ(out.err.find("out of memory"), std::string::npos) << out.err;
        }
    } else if (code == 0) {
        EXPECT_EQ(entries(dir.path()), (std::vector<std::string>{"c.xlsx", "c.xml"})) << out.err;
    }
    RecordProperty("seconds", std::to_string(out.seconds));
    RecordProperty("max_rss_kib", std::to_string(out.max_rss_kib));
}

std::string test_name(const testing::TestParamInfo<std::string>& info) {
    std::string name = fs::path(info.param).parent_path().filename().string() + "_" +
                       fs::path(info.param).filename().string();
    for (char& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
}

INSTANTIATE_TEST_SUITE_P(Files, HostileBounds, testing::ValuesIn(hostile_files()), test_name);

// The bounds themselves bite: a file the CLI cannot read in time is killed
// and reported as such (checked with a FIFO nobody writes to, on which the
// reader blocks).
TEST(HostileBoundsHarness, AHangIsCaughtAtTheTimeBound) {
    if (under_asan) GTEST_SKIP() << "30 s under ASan: checked in the plain build";
    const fs::path fifo = fs::temp_directory_path() / ("plancon_hang_" + std::to_string(getpid()) + ".csv");
    ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
    const plancon::test::TempDir dir("plancon_bounds");
    const Outcome out = run_bounded(fifo.string(), dir.path());
    fs::remove(fifo);
    EXPECT_FALSE(out.finished);
    EXPECT_GE(out.seconds, 10.0);
}

}  // namespace
