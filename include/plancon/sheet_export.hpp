// Sheet export: one sheet's exact values as CSV or JSON (`plancon convert`).
// Needs the grid only, none of the plan stages; write_atomically
// (atomic_file.hpp) puts either into a file.
#pragma once

#include "plancon/diagnostics.hpp"
#include "plancon/grid.hpp"

#include <cstdint>
#include <ostream>

namespace plancon {

// One sheet's values as RFC 4180 CSV (UTF-8, CRLF, fields quoted only when
// needed), from A1 to the used range's bottom-right so positions survive.
// Throws Error ("FILE: sheet 'X': CSV would need ...", FILE the workbook's)
// when that rectangle would exceed max_fields (a lone cell at XFD1048576
// would be 17 billion fields).
void write_sheet_csv(std::ostream& out, const Workbook& workbook, const Sheet& sheet,
                     std::uint64_t max_fields = 200'000'000);
// One sheet as JSON: {"file", "sheet", "cells": [{"ref","row","col","type","value"[,"formula"]}...]},
// numbers as JSON numbers, booleans as true/false, dates as ISO 8601 strings.
void write_sheet_json(std::ostream& out, const Workbook& workbook, const Sheet& sheet);

}  // namespace plancon
