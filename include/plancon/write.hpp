// write: outputs. Every file plancon writes appears whole or not at all.
#pragma once

#include <functional>
#include <ostream>
#include <stdexcept>
#include <string>

namespace plancon {

class WriteError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;  // what() is "FILE: problem"
};

// Write `path` atomically: `produce` writes into a temporary file in the same
// folder, which is renamed over `path` only when it succeeded. On any failure
// (an exception from produce, a full disk, an unwritable folder) the temporary
// file is removed, an existing `path` is left as it was, and WriteError is thrown.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& produce);
// Same for writers that need a file name (libxlsxwriter): produce(temp_path).
void write_atomically_to_path(const std::string& path, const std::function<void(const std::string& temp_path)>& produce);

}  // namespace plancon

#include "plancon/grid.hpp"

namespace plancon {

// One sheet's values as RFC 4180 CSV (UTF-8, CRLF, fields quoted only when
// needed), from A1 to the used range's bottom-right so positions survive.
// Throws WriteError when that rectangle would exceed max_fields (a lone cell
// at XFD1048576 would be 17 billion fields).
void write_sheet_csv(std::ostream& out, const Sheet& sheet, std::uint64_t max_fields = 200'000'000);
// One sheet as JSON: {"sheet": name, "cells": [{"ref","row","col","type","value"[,"formula"]}...]},
// numbers as JSON numbers, booleans as true/false, dates as ISO 8601 strings.
void write_sheet_json(std::ostream& out, const Workbook& workbook, const Sheet& sheet);

}  // namespace plancon
