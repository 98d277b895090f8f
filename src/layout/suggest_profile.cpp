// plancon profile: what a user edits to teach plancon a tracker's headers.
#include "plancon/layout.hpp"

#include <map>
#include <set>
#include <sstream>

namespace plancon {

namespace {

// A header as a profile writes it: one line, no "|" (the synonym separator).
std::string as_synonym(std::string_view header) {
    std::string out;
    for (char c : header) out += c == '\n' || c == '\r' || c == '|' ? ' ' : c;
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

}  // namespace

std::size_t tables_without_action_column(const Plan& plan) {
    std::size_t n = 0;
    for (const TableLayout& t : plan.tables) n += t.action_missing;
    return n;
}

std::string suggest_profile(const std::vector<Plan>& plans, const Config& config) {
    std::ostringstream out;
    out << "# A profile for these trackers, written by `plancon profile`.\n"
           "# Each mapped header is written as a synonym of its field, so the next run reads\n"
           "# it outright; each header plancon could not map is a commented line: put a\n"
           "# field in front of it (fields: ref action outcome lead due start measures risks\n"
           "# progress status percent-complete quality-indicators page-ref service-column\n"
           "# strength afi planned-action) and remove the '#', or leave it to keep that\n"
           "# column as extra data. Use it with --profile FILE.\n";
    std::set<std::string> written;  // "field|header" already written
    std::set<std::string> services;
    for (const Plan& plan : plans) {
        if (!plan.document.service.empty() && plan.document.service_source != "the profile")
            services.insert(plan.document.service + " (" + plan.document.service_source + ", " + plan.document.file + ")");
        for (const TableLayout& t : plan.tables) {
            std::ostringstream lines;
            for (const TableLayout::Column& c : t.columns) {
                if (c.header.empty()) continue;
                const std::string header = as_synonym(c.header);
                const std::string key = c.field + "|" + fold_header(header);
                if (!written.insert(key).second) continue;
                const bool named = !c.field.empty() && to_string(config.profile.field_for(header)) == c.field;
                if (c.field.empty())
                    lines << "# FIELD: " << header << "\n";
                else if (named)
                    lines << "# " << c.field << ": " << header << "    (the profiles read already name it)\n";
                else  // the evidence on a comment line of its own: after a synonym, "#" starts no comment
                    lines << "# " << c.evidence << "\n" << c.field << ": " << header << "\n";
            }
            if (lines.str().empty()) continue;
            out << "\n# " << plan.document.file << ", sheet '" << t.sheet << "', header row " << t.header_row << ": "
                << t.kind << (t.why.empty() ? "" : " (" + t.why + ")") << "\n"
                << lines.str();
        }
    }
    std::string clean = out.str();
    if (!services.empty()) {
        clean += "\n# The service each file named (a service line applies to every file read with this profile):\n";
        for (const std::string& s : services) clean += "# service: " + s + "\n";
    }
    return clean;
}

}  // namespace plancon
