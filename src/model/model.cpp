#include "plancon/model.hpp"

#include <cstdio>

namespace plancon {

std::string to_iso(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02u-%02u", d.year, d.month, d.day);
    return buf;
}

std::optional<Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int parts[3] = {0, 0, 0};
    const std::size_t starts[3] = {0, 5, 8}, lengths[3] = {4, 2, 2};
    for (int p = 0; p < 3; ++p)
        for (std::size_t i = starts[p]; i < starts[p] + lengths[p]; ++i) {
            if (text[i] < '0' || text[i] > '9') return std::nullopt;
            parts[p] = parts[p] * 10 + (text[i] - '0');
        }
    const Date d{parts[0], unsigned(parts[1]), unsigned(parts[2])};
    if (d.month < 1 || d.month > 12 || d.day < 1) return std::nullopt;
    const CivilDate back = civil_from_days(days_from_civil(d.year, d.month, d.day));
    if (back.year != d.year || back.month != d.month || back.day != d.day) return std::nullopt;
    return d;
}

std::string_view to_string(Due::Kind k) {
    switch (k) {
        case Due::Kind::None: return "none";
        case Due::Kind::Date: return "date";
        case Due::Kind::Immediate: return "immediate";
        case Due::Kind::Ongoing: return "ongoing";
        case Due::Kind::Unreadable: return "unreadable";
    }
    return "?";
}

std::string_view to_string(Status s) {
    switch (s) {
        case Status::Unknown: return "";
        case Status::NotStarted: return "Not started";
        case Status::OnTrack: return "On track";
        case Status::Slippage: return "Slippage";
        case Status::OffTrack: return "Off track";
        case Status::Overdue: return "Overdue";
        case Status::Complete: return "Complete";
        case Status::Cancelled: return "Cancelled";
    }
    return "";
}

std::string_view to_string(Lead::Kind k) {
    switch (k) {
        case Lead::Kind::Person: return "person";
        case Lead::Kind::Post: return "post";
        case Lead::Kind::Body: return "body";
    }
    return "?";
}

std::string_view to_string(RowRecord::Fate f) {
    switch (f) {
        case RowRecord::Fate::Action: return "action";
        case RowRecord::Fate::Finding: return "finding";
        case RowRecord::Fate::Appendix: return "appendix";
        case RowRecord::Fate::Priority: return "priority";
        case RowRecord::Fate::Heading: return "heading";
        case RowRecord::Fate::Header: return "header";
        case RowRecord::Fate::Blank: return "blank";
        case RowRecord::Fate::Skipped: return "skipped";
    }
    return "?";
}

std::string row_label(const RowRecord& r) {
    std::string label = std::to_string(r.source.row);
    if (r.row_count > 1) label += "-" + std::to_string(r.last_row());
    return label;
}

std::size_t rows_covered(const Plan& plan) {
    std::size_t n = 0;
    for (const RowRecord& r : plan.rows) n += r.row_count;
    return n;
}

std::size_t rows_with_fate(const Plan& plan, RowRecord::Fate fate) {
    std::size_t n = 0;
    for (const RowRecord& r : plan.rows)
        if (r.fate == fate) n += r.row_count;
    return n;
}

}  // namespace plancon
