#include "plancon/model.hpp"

namespace plancon {

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
