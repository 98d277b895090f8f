// Officer decisions: "merge,A,B" / "keep-apart,A,B", one per line.
#include "plancon/reconcile.hpp"
#include "plancon/text.hpp"

#include <sstream>

namespace plancon {
namespace {

std::string trimmed(std::string_view s) { return std::string(trim(s)); }

// One CSV record; fields may be double-quoted with "" for a quote.
std::vector<std::string> split_csv(const std::string& line, std::string& problem) {
    std::vector<std::string> fields;
    std::string field;
    bool quoted = false, was_quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
        char c = line[i];
        if (quoted) {
            if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') field += '"', ++i;
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"' && trimmed(field).empty()) {
            quoted = was_quoted = true;
            field.clear();
        } else if (c == ',') {
            fields.push_back(was_quoted ? field : trimmed(field));
            field.clear();
            was_quoted = false;
        } else if (was_quoted && (c == ' ' || c == '\t')) {
            continue;  // spaces between a closing quote and the comma
        } else {
            field += c;
        }
    }
    if (quoted) problem = "unterminated quoted field";
    fields.push_back(was_quoted ? field : trimmed(field));
    return fields;
}

}  // namespace

Decisions parse_decisions(const std::string& text, const std::string& origin_name) {
    Decisions out;
    std::istringstream in(text);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        const std::string where = origin_name + ":" + std::to_string(number);
        auto error = [&](const std::string& problem) { return DecisionError(origin_name, "line " + std::to_string(number) + ": " + problem); };
        const std::string content = trimmed(line);
        if (content.empty() || content[0] == '#') continue;
        std::string problem;
        auto fields = split_csv(content, problem);
        if (!problem.empty()) throw error(problem);
        if (fields.size() != 3)
            throw error("expected 3 fields (merge|keep-apart,A,B), found " + std::to_string(fields.size()));
        Decision d;
        const std::string kind = lower_ascii(fields[0]);
        if (kind == "merge") d.kind = Decision::Kind::Merge;
        else if (kind == "keep-apart") d.kind = Decision::Kind::KeepApart;
        else throw error("unknown decision '" + fields[0] + "' (expected merge or keep-apart)");
        d.a = fields[1];
        d.b = fields[2];
        if (d.a.empty() || d.b.empty()) throw error("empty row name");
        if (d.a == d.b) throw error("a row cannot be paired with itself ('" + d.a + "')");
        d.origin = where;
        out.push_back(std::move(d));
    }
    return out;
}

Decisions load_decisions(const std::string& path) {
    std::string problem;
    const std::optional<std::string> text = read_small_file(path, "decisions file", problem);
    if (!text) throw DecisionError(path, problem);
    return parse_decisions(*text, path);
}

}  // namespace plancon
