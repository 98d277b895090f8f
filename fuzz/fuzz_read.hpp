// What every reader target does with one input: read it as a workbook under
// limits small enough for libFuzzer's -rss_limit_mb=2048 to mean something.
// A ReadError is the expected answer to bad bytes; anything else escaping
// (another exception, a crash, a leak, a hang) is a finding.
#pragma once

#include "plancon/read.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace plancon::fuzz {

inline ReadOptions fuzz_read_options() {
    ReadOptions options;
    options.max_bytes = std::uint64_t(64) << 20;
    options.max_cells = 1'000'000;
    return options;
}

// path is only for messages; the reader is chosen by content, as in the CLI.
inline std::optional<Workbook> read_fuzz_bytes(const std::string& path, const std::uint8_t* data, std::size_t size) {
    try {
        return read_workbook_bytes(path, std::string(reinterpret_cast<const char*>(data), size), fuzz_read_options());
    } catch (const ReadError& e) {
        // The message must name the file and be one line.
        const std::string what = e.what();
        if (what.rfind(path + ": ", 0) != 0 || what.find('\n') != std::string::npos) __builtin_trap();
        return std::nullopt;
    }
}

}  // namespace plancon::fuzz
