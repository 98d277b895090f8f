// Officer decisions: "merge,A,B" / "keep-apart,A,B", one per line.
#include "plancon/reconcile.hpp"

#include <fstream>
#include <sstream>

namespace plancon {
namespace {

std::string trim(std::string s) {
    auto first = s.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    auto last = s.find_last_not_of(" \t\r\n");
    return s.substr(first, last - first + 1);
}

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
        } else if (c == '"' && trim(field).empty()) {
            quoted = was_quoted = true;
            field.clear();
        } else if (c == ',') {
            fields.push_back(was_quoted ? field : trim(field));
            field.clear();
            was_quoted = false;
        } else if (was_quoted && (c == ' ' || c == '\t')) {
            continue;  // spaces between a closing quote and the comma
        } else {
            field += c;
        }
    }
    if (quoted) problem = "unterminated quoted field";
    fields.push_back(was_quoted ? field : trim(field));
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
        const std::string content = trim(line);
        if (content.empty() || content[0] == '#') continue;
        std::string problem;
        auto fields = split_csv(content, problem);
        if (!problem.empty()) throw DecisionError(where + ": " + problem);
        if (fields.size() != 3)
            throw DecisionError(where + ": expected 3 fields (merge|keep-apart,A,B), found " + std::to_string(fields.size()));
        Decision d;
        std::string kind = fields[0];
        for (auto& c : kind) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (kind == "merge") d.kind = Decision::Kind::Merge;
        else if (kind == "keep-apart") d.kind = Decision::Kind::KeepApart;
        else throw DecisionError(where + ": unknown decision '" + fields[0] + "' (expected merge or keep-apart)");
        d.a = fields[1];
        d.b = fields[2];
        if (d.a.empty() || d.b.empty()) throw DecisionError(where + ": empty row name");
        if (d.a == d.b) throw DecisionError(where + ": a row cannot be paired with itself ('" + d.a + "')");
        d.origin = where;
        out.push_back(std::move(d));
    }
    return out;
}

Decisions load_decisions(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw DecisionError(path + ": cannot open");
    std::ostringstream text;
    text << in.rdbuf();
    return parse_decisions(text.str(), path);
}

}  // namespace plancon
