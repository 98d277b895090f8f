// read: any supported file -> grid. One entry point picks the reader by the
// file's content (not its extension); no other code switches on format.
#pragma once

#include "plancon/diagnostics.hpp"
#include "plancon/grid.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace plancon {

struct ReadOptions {
    // Uncompressed bytes a zip-based file may expand to, all parts together.
    std::uint64_t max_bytes = std::uint64_t(1) << 30;
    // Cells a file may produce once repeats are expanded (ODS repeat bombs,
    // absurd ranges). Empty repeated cells never count.
    // At 32 bytes a cell, 10 million cost 320 MB: far beyond any tracker
    // (Excel's own grid of a plan is thousands), and a repeat bomb is
    // refused before memory runs out.
    std::uint64_t max_cells = 10'000'000;
    // CSV/TSV only: 0 = sniff among , ; and tab.
    char delimiter = 0;
    // CSV/TSV only: "" = detect (BOM, then UTF-8, else Windows-1252);
    // or one of "utf-8", "utf-16le", "utf-16be", "windows-1252".
    std::string encoding;
};

// The one kind of error a reader throws. what() is "FILE: PROBLEM", where
// PROBLEM names the place (part, sheet, cell, line) when there is one; it is
// always one line (control characters from the file are escaped).
class ReadError : public Error {
public:
    using Error::Error;
};

// What the bytes say the file is. Xlsm is reported for a zip whose
// workbook part is macro-enabled. Unknown for anything else.
Format detect_format(std::string_view bytes);

// Read a whole file into memory, bounded by a size limit.
std::string read_file_bytes(const std::string& path, std::uint64_t limit = std::uint64_t(4) << 30);

// Read any supported file. Throws ReadError for anything it cannot read.
Workbook read_workbook(const std::string& path, const ReadOptions& options = {});
// Same, from bytes already in memory; path is used for messages only.
Workbook read_workbook_bytes(const std::string& path, std::string bytes, const ReadOptions& options = {});

}  // namespace plancon
