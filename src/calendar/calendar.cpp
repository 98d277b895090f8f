#include "plancon/calendar.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace plancon {

using namespace std::chrono;

long serial_of(year_month_day date) { return static_cast<long>((sys_days{date} - serial_epoch).count()); }

year_month_day date_of_serial(long serial) { return year_month_day{serial_epoch + days{serial}}; }

double excel_serial_to_days(double serial, DateSystem system) {
    if (system == DateSystem::Excel1904) return serial + 1462;
    // Below 1 is a time of day alone (day 0, "1900-01-00", is no date).
    if (serial >= 1 && serial < 60) return serial + 1;
    return serial;
}

std::string serial_to_iso(double serial) {
    if (!std::isfinite(serial) || serial < -693593 || serial > 2958466) return std::string();  // outside years 1..9999
    const double whole = std::floor(serial);
    long long ms = std::llround((serial - whole) * 86400000.0);
    long day = static_cast<long>(whole);
    if (ms >= 86400000) {
        ms -= 86400000;
        ++day;
    }
    char buf[64];
    auto hms = [&](char* out, std::size_t n) {
        long long s = ms / 1000, milli = ms % 1000;
        if (milli)
            std::snprintf(out, n, "%02lld:%02lld:%02lld.%03lld", s / 3600, s / 60 % 60, s % 60, milli);
        else
            std::snprintf(out, n, "%02lld:%02lld:%02lld", s / 3600, s / 60 % 60, s % 60);
    };
    if (serial >= 0 && serial < 1) {
        hms(buf, sizeof buf);
        return buf;
    }
    const Date d = date_of(date_of_serial(day));
    int n = std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
    if (ms != 0) {
        buf[n] = 'T';
        hms(buf + n + 1, sizeof buf - std::size_t(n) - 1);
    }
    return buf;
}

year_month_day to_chrono(const Date& d) { return year{d.year} / month{d.month} / day{d.day}; }

Date date_of(year_month_day ymd) {
    return {static_cast<int>(ymd.year()), static_cast<unsigned>(ymd.month()), static_cast<unsigned>(ymd.day())};
}

std::string to_iso(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
    return buf;
}

std::optional<Date> parse_iso_date(std::string_view text) {
    // Exactly YYYY-MM-DD: no sign, no time, nothing after.
    if (text.size() != 10 || text[0] == '-') return std::nullopt;
    const auto parsed = parse_iso8601(text);
    if (!parsed || !parsed->date || parsed->seconds || !parsed->rest.empty() || !parsed->date->ok()) return std::nullopt;
    return date_of(*parsed->date);
}

namespace {

// Reads between min_digits and 12 digits at i into n.
bool digits(std::string_view s, std::size_t& i, std::size_t min_digits, std::size_t max_digits, long long& n) {
    const std::size_t start = i;
    n = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < max_digits) n = n * 10 + (s[i++] - '0');
    return i - start >= min_digits;
}

bool expect(std::string_view s, std::size_t& i, char c) {
    if (i >= s.size() || s[i] != c) return false;
    ++i;
    return true;
}

// hh:mm[:ss[.fff]] at i -> seconds into the day.
std::optional<double> time_of_day(std::string_view s, std::size_t& i) {
    long long hour = 0, minute = 0;
    if (!digits(s, i, 2, 2, hour) || !expect(s, i, ':') || !digits(s, i, 2, 2, minute)) return std::nullopt;
    double second = 0;
    if (i < s.size() && s[i] == ':') {
        const std::size_t start = ++i;
        long long whole = 0;
        if (!digits(s, i, 2, 2, whole)) return std::nullopt;
        if (i < s.size() && s[i] == '.') {
            ++i;
            long long ignored = 0;
            while (digits(s, i, 1, 12, ignored)) {}
        }
        auto res = std::from_chars(s.data() + start, s.data() + i, second);
        if (res.ec != std::errc()) return std::nullopt;
    }
    if (hour > 24 || minute > 59 || second >= 61) return std::nullopt;
    return double(hour) * 3600 + double(minute) * 60 + second;
}

}  // namespace

std::optional<IsoDateTime> parse_iso8601(std::string_view s) {
    IsoDateTime out;
    std::size_t i = 0;
    if (s.size() >= 3 && s[2] == ':') {  // a time alone
        out.seconds = time_of_day(s, i);
        if (!out.seconds) return std::nullopt;
        out.rest = s.substr(i);
        return out;
    }
    const bool negative = !s.empty() && s[0] == '-';
    if (negative) ++i;
    long long y = 0, m = 0, d = 0;
    if (!digits(s, i, 4, 12, y) || !expect(s, i, '-') || !digits(s, i, 2, 2, m) || !expect(s, i, '-') ||
        !digits(s, i, 2, 2, d))
        return std::nullopt;
    if (y > 9999 || m < 1 || m > 12 || d < 1 || d > 31) return std::nullopt;
    out.date = year{int(negative ? -y : y)} / month{unsigned(m)} / day{unsigned(d)};
    if (i < s.size() && (s[i] == 'T' || s[i] == ' ')) {
        ++i;
        out.seconds = time_of_day(s, i);
        if (!out.seconds) return std::nullopt;
    }
    out.rest = s.substr(i);
    return out;
}

double IsoDateTime::serial_days() const {
    const double time = seconds ? *seconds / 86400.0 : 0;
    return date ? double(serial_of(*date)) + time : time;
}

}  // namespace plancon
