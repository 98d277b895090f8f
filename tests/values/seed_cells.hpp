// Cells of the plan tables in the seed reports (/work/shared/seeds, next to
// the corpus), so the tests can check that every due-date phrase and every
// lead cell there is in their tables. The seeds are tab-separated text: a
// header row names the columns, the rows under it until a line without tabs
// are the table.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace plancon::test {

inline std::filesystem::path seeds_dir() { return std::filesystem::path(PLANCON_SOURCE_DIR) / ".." / "shared" / "seeds"; }

inline std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> out(1);
    for (char c : line) {
        if (c == '\t') out.emplace_back();
        else out.back().push_back(c);
    }
    return out;
}

inline std::string trimmed(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r");
    if (b == std::string::npos) return {};
    return s.substr(b, s.find_last_not_of(" \t\r") - b + 1);
}

// Non-empty cells under the header `column` in the seed whose name starts with `prefix`.
inline std::vector<std::string> seed_column(const std::string& prefix, const std::string& column) {
    std::vector<std::string> cells;
    if (!std::filesystem::is_directory(seeds_dir())) return cells;
    for (const auto& entry : std::filesystem::directory_iterator(seeds_dir())) {
        if (entry.path().filename().string().rfind(prefix, 0) != 0) continue;
        std::ifstream in(entry.path(), std::ios::binary);
        std::string line;
        int index = -1;
        while (std::getline(in, line)) {
            if (line.find('\t') == std::string::npos) {
                index = -1;
                continue;
            }
            const auto fields = split_tabs(line);
            bool header = false;
            for (std::size_t i = 0; i < fields.size(); ++i)
                if (trimmed(fields[i]) == column) {
                    index = static_cast<int>(i);
                    header = true;
                }
            if (header || index < 0 || static_cast<std::size_t>(index) >= fields.size()) continue;
            const std::string cell = trimmed(fields[static_cast<std::size_t>(index)]);
            if (!cell.empty()) cells.push_back(cell);
        }
    }
    return cells;
}

}  // namespace plancon::test
