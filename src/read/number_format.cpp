#include "plancon/text.hpp"
#include "read/number_format.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace plancon::detail {

std::string_view builtin_format_code(unsigned id) {
    switch (id) {
        case 0: return "General";
        case 1: return "0";
        case 2: return "0.00";
        case 3: return "#,##0";
        case 4: return "#,##0.00";
        case 9: return "0%";
        case 10: return "0.00%";
        case 11: return "0.00E+00";
        case 12: return "# ?/?";
        case 13: return "# ?" "?/??";
        case 14: return "mm-dd-yy";
        case 15: return "d-mmm-yy";
        case 16: return "d-mmm";
        case 17: return "mmm-yy";
        case 18: return "h:mm AM/PM";
        case 19: return "h:mm:ss AM/PM";
        case 20: return "h:mm";
        case 21: return "h:mm:ss";
        case 22: return "m/d/yy h:mm";
        case 37: return "#,##0 ;(#,##0)";
        case 38: return "#,##0 ;[Red](#,##0)";
        case 39: return "#,##0.00;(#,##0.00)";
        case 40: return "#,##0.00;[Red](#,##0.00)";
        case 45: return "mm:ss";
        case 46: return "[h]:mm:ss";
        case 47: return "mmss.0";
        case 48: return "##0.0E+0";
        case 49: return "@";
        default: return "";
    }
}

namespace {

// The built-in ids that show a moment, by what they show; Number otherwise.
// 27-36 and 50-58 are the East Asian dates (32-33 their times).
FormatClass builtin_class(unsigned id) {
    if ((id >= 14 && id <= 17) || (id >= 27 && id <= 31) || (id >= 34 && id <= 36) || (id >= 50 && id <= 58))
        return FormatClass::Date;
    if ((id >= 18 && id <= 21) || id == 32 || id == 33 || id == 45 || id == 47) return FormatClass::Time;
    if (id == 22) return FormatClass::DateTime;
    if (id == 46) return FormatClass::Duration;
    return FormatClass::Number;
}

bool is_elapsed(std::string_view inside) {
    const char first = inside.empty() ? '\0' : lower_ascii(inside[0]);
    return !inside.empty() && inside.size() <= 2 &&
           std::all_of(inside.begin(), inside.end(), [&](char x) { return lower_ascii(x) == first; }) &&
           (first == 'h' || first == 'm' || first == 's');
}

}  // namespace

FormatClass classify_format_code(std::string_view code) {
    code = code.substr(0, code.find(';'));
    bool date = false, time = false, month_or_minute = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = lower_ascii(code[i]);
        if (c == '"') {
            std::size_t end = code.find('"', i + 1);
            if (end == std::string_view::npos) break;
            i = end;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;  // the next character is a literal (or a padding/fill character)
        } else if (c == '[') {
            std::size_t end = code.find(']', i + 1);
            if (end == std::string_view::npos) break;
            if (is_elapsed(code.substr(i + 1, end - i - 1))) return FormatClass::Duration;
            i = end;
        } else if (c == 'd' || c == 'y') {
            date = true;
        } else if (c == 'h' || c == 's') {
            time = true;
        } else if (c == 'm') {
            month_or_minute = true;
        }
    }
    if (month_or_minute && !time) date = true;  // "mmm yyyy": a month; beside h or s, minutes
    if (date && time) return FormatClass::DateTime;
    if (date) return FormatClass::Date;
    return time ? FormatClass::Time : FormatClass::Number;
}

FormatClass classify_format(unsigned id, std::string_view code_in_file) {
    const FormatClass builtin = builtin_class(id);
    if (shows_moment(builtin) || code_in_file.empty()) return builtin;
    return classify_format_code(code_in_file);
}

std::optional<double> stored_date_to_days(double stored, DateSystem system) {
    const double days = excel_serial_to_days(stored, system);
    if (!std::isfinite(days) || days < -693593 || days > 2958466) return std::nullopt;
    return days;
}

}  // namespace plancon::detail
