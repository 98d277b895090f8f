// The one reader of template tables (templates/*.tsv): one record a line,
// fields separated by tabs, '#' comment lines and blank lines skipped.
#pragma once

#include "plancon/config.hpp"
#include "plancon/text.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace plancon::config_detail {

// Calls f(fields, line_number) for each record of text; a record with another
// number of fields than `fields` is a TemplateError naming the expected form.
template <class F>
void for_each_record(std::string_view text, const std::string& name, std::size_t fields, const char* form, F&& f) {
    int number = 0;
    while (!text.empty()) {
        ++number;
        const std::size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        const std::string_view content = trim(line);
        if (content.empty() || content.front() == '#') continue;
        std::vector<std::string_view> parts;
        for (std::size_t start = 0;;) {
            const std::size_t tab = line.find('\t', start);
            parts.push_back(trim(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start)));
            if (tab == std::string_view::npos) break;
            start = tab + 1;
        }
        if (parts.size() != fields) throw TemplateError(name, "line " + std::to_string(number) + ": expected " + form);
        f(parts, number);
    }
}

inline TemplateError line_error(const std::string& name, int line, const std::string& problem) {
    return TemplateError(name, "line " + std::to_string(line) + ": " + problem);
}

}  // namespace plancon::config_detail
