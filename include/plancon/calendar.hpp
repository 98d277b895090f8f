// Calendar dates, in one place: the spreadsheet serial day (what a DateTime
// cell holds), Excel's two date systems, the plan model's Date, and the one
// ISO 8601 parser every reader and the --as-of option use. All day
// arithmetic goes through <chrono> (year_month_day, sys_days); nothing here
// needs a time zone, since a spreadsheet date has none.
#pragma once

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace plancon {

// Serial days: days since 1899-12-30 00:00, the day Excel's 1900 system (with
// its fictitious 29 February 1900) and LibreOffice both count from. A
// fraction is a time of day.
inline constexpr std::chrono::sys_days serial_epoch{std::chrono::year{1899} / 12 / 30};

// Days since 1899-12-30 of a date. An impossible day of a real month
// (31 February) counts on from the month's last day, as sys_days does.
long serial_of(std::chrono::year_month_day date);
std::chrono::year_month_day date_of_serial(long days);

// Serial days -> ISO 8601. A whole number gives a date, a number below 1 a
// time, otherwise both. Seconds are rounded to the millisecond. Empty
// outside years 1-9999.
std::string serial_to_iso(double days);

enum class DateSystem : std::uint8_t { Excel1900, Excel1904 };
// Excel's stored serial (in the given system) -> serial days, undoing the
// 1900 system's fictitious 29 February 1900 as Excel and openpyxl do
// (serials 1..59 are one day later than their count says); a 1900-system
// serial below 1 stays below 1: a time of day alone.
double excel_serial_to_days(double serial, DateSystem system);

// A calendar date in the plan model. Built as Date{2020, 3, 31}; checked and
// counted through year_month_day (to_chrono / date_of).
struct Date {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;
    friend bool operator==(const Date&, const Date&) = default;
    friend auto operator<=>(const Date&, const Date&) = default;
};
std::chrono::year_month_day to_chrono(const Date& d);
Date date_of(std::chrono::year_month_day ymd);
std::string to_iso(const Date& d);  // "2020-03-31"
// "2020-03-31" -> the date; nothing for anything else (or an impossible date).
std::optional<Date> parse_iso_date(std::string_view text);

// ISO 8601 as spreadsheets write it: "2019-06-30", "2019-06-30T14:05:00",
// "2019-06-30 14:05:00.5" (FreeXL's spelling), "14:05" or "14:05:00" (a time
// alone), "-0044-03-15" (a year before 1 in .ods). Whatever follows the last
// field (a time zone, which a spreadsheet date ignores) is left in rest for
// the caller to judge. Fields are range-checked (month 1-12, day 1-31, hour
// 0-24, minute 0-59, second below 61) but a day is not checked against its
// month: date.ok() tells.
struct IsoDateTime {
    std::optional<std::chrono::year_month_day> date;
    std::optional<double> seconds;  // time of day
    std::string_view rest;
    // Serial days: the date (if any) plus the time of day.
    double serial_days() const;
};
std::optional<IsoDateTime> parse_iso8601(std::string_view text);

}  // namespace plancon
