// Return templates: the trackers sent out each quarter, one per service,
// pre-filled from the plan register, that come back with their codes
// (`plancon returns`). A returned template is read like any tracker; the
// register maps its rows to actions by their codes (register.hpp).
#pragma once

#include "plancon/calendar.hpp"
#include "plancon/register.hpp"

#include <optional>
#include <string>
#include <vector>

namespace plancon {

// The heading of a template's action column, and of the column an officer
// writes this quarter's progress in.
inline constexpr const char* return_progress_heading = "Progress this quarter";

// Writes DIR/<service>.xlsx for every service with open actions (neither
// Complete nor Cancelled), an action with several services in each one's,
// actions naming no service in "No service.xlsx". Each holds, on one sheet
// "Return": an instructions row; the header (frozen, repeated on every
// printed page); a row an action with its code, action, lead, due, status,
// % complete and an empty "Progress this quarter"; empty rows below for
// new actions. Code and action are locked (sheet protection, no password);
// status is a drop-down of the status vocabulary, due a validated date,
// % complete a number 0-100. Prints landscape on A4, one page wide. Creates
// DIR when absent; every file is staged and renamed only when all are whole.
// Returns the files written. Throws WriteError.
std::vector<std::string> write_return_templates(const std::string& dir, const std::vector<RegisterAction>& actions,
                                                const std::optional<Date>& as_of = std::nullopt);

// The file name a service's template gets: "Children and Families.xlsx";
// characters a file name cannot safely hold become "_".
std::string return_file_name(const std::string& service);

}  // namespace plancon
