// Number formats, known once for every reader that meets them (.xlsx styles,
// .xls FORMAT and XF records): Excel's built-in format ids, and what a
// format makes of a stored number. A date, a time or both make the cell a
// DateTime; an elapsed duration ([h]:mm:ss, [mm]:ss) keeps it a Number,
// since it counts hours rather than naming a moment (README, .xlsx).
#pragma once

#include "plancon/calendar.hpp"

#include <cstdint>
#include <optional>
#include <string_view>

namespace plancon::detail {

enum class FormatClass : std::uint8_t { Number, Date, Time, DateTime, Duration };

// Whether numbers in this class are read as DateTime cells.
constexpr bool shows_moment(FormatClass c) {
    return c == FormatClass::Date || c == FormatClass::Time || c == FormatClass::DateTime;
}

// The code of one of Excel's built-in formats (ids below 164 that files need
// not spell out), or "" for an id without a fixed code (the East Asian and
// locale-dependent ones).
std::string_view builtin_format_code(unsigned id);

// A format code's class from its first section, outside quoted literals,
// escapes and [bracketed] locale/colour codes: d and y make a date, h and s
// a time, m a month unless beside h or s (then minutes), as openpyxl reads
// them; an elapsed-time bracket ([h], [mm], [ss]) makes a duration.
FormatClass classify_format_code(std::string_view code);

// The class of format id as a file uses it, with the code the file gives for
// it ("" when none). A built-in date or time id (14-22, 27-36, 45, 47,
// 50-58) shows a moment whatever its local spelling; any other id is judged
// by its code when the file gives one, else by the built-in table (46 is
// the elapsed [h]:mm:ss).
FormatClass classify_format(unsigned id, std::string_view code_in_file);

// Whether a format code shows a date or time (openpyxl's rule).
inline bool is_date_format_code(std::string_view code) { return shows_moment(classify_format_code(code)); }

// A number stored under a format that shows a moment -> serial days; nothing
// outside years 1-9999 (Excel shows ####, openpyxl gives up): it stays a
// number, with a warning from the reader.
std::optional<double> stored_date_to_days(double stored, DateSystem system);

}  // namespace plancon::detail
