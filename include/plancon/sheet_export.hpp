// Sheet export: one sheet's exact values as CSV or JSON (`plancon convert`).
// Needs the grid only, none of the plan stages.
#pragma once

#include "plancon/diagnostics.hpp"
#include "plancon/grid.hpp"

#include <cstdint>
#include <ostream>
#include <string>

namespace plancon {

// One sheet's values as RFC 4180 CSV (UTF-8, CRLF, fields quoted only when
// needed), from A1 to the used range's bottom-right so positions survive.
// Throws WriteError when that rectangle would exceed max_fields (a lone cell
// at XFD1048576 would be 17 billion fields).
void write_sheet_csv(std::ostream& out, const Sheet& sheet, std::uint64_t max_fields = 200'000'000);
// One sheet as JSON: {"file", "sheet", "cells": [{"ref","row","col","type","value"[,"formula"]}...]},
// numbers as JSON numbers, booleans as true/false, dates as ISO 8601 strings.
void write_sheet_json(std::ostream& out, const Workbook& workbook, const Sheet& sheet);

enum class SheetFormat : unsigned char { Csv, Json };
// The same into the file `path`, which appears whole or not at all: on any
// failure an existing file is left as it was. Throws WriteError.
void write_sheet_file(const std::string& path, const Workbook& workbook, const Sheet& sheet, SheetFormat format);

}  // namespace plancon
