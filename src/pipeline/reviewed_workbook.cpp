// A reviewed consolidated workbook read back: the decisions an officer chose
// in the Duplicates sheet's Decision column, as a decisions CSV would give them.
#include "plancon/pipeline.hpp"
#include "plancon/read.hpp"
#include "plancon/text.hpp"
#include "write/status_list.hpp"

#include <array>
#include <filesystem>
#include <map>

namespace plancon {
namespace {

bool is_workbook_name(const std::string& path) {
    const std::string ext = lower_ascii(std::filesystem::path(path).extension().string());
    return ext == ".xlsx" || ext == ".xlsm";
}

std::string cell_text(const Sheet& sheet, std::uint32_t row, std::uint32_t col) {
    const Cell* cell = sheet.find({row, col});
    return cell ? std::string(trim(display_value(sheet, *cell))) : std::string();
}

// The possible-duplicates table is found by its headings, wherever it sits:
// the row holding "Code A", "Code B" and "Decision", and those three columns.
struct PairTable {
    std::uint32_t heading_row = 0;
    std::uint32_t code_a = 0, code_b = 0, decision = 0;
};

std::optional<PairTable> find_pair_table(const Sheet& sheet) {
    std::map<std::uint32_t, std::map<std::string, std::uint32_t>> headings;  // row -> heading -> column
    for (const Cell& cell : sheet.cells)
        if (cell.type == CellType::Text)
            headings[cell.row].emplace(lower_ascii(trim(sheet.text(cell))), cell.col);
    for (const auto& [row, columns] : headings) {
        auto a = columns.find("code a"), b = columns.find("code b"), d = columns.find("decision");
        if (a != columns.end() && b != columns.end() && d != columns.end())
            return PairTable{row, a->second, b->second, d->second};
    }
    return std::nullopt;
}

Decisions workbook_decisions(const std::string& path, const ReadOptions& read) {
    const Workbook workbook = read_workbook(path, read);
    const std::string file_name = std::filesystem::path(path).filename().string();
    const Sheet* sheet = workbook.sheet("Duplicates");
    if (!sheet) throw DecisionError(path, "no sheet 'Duplicates' (a consolidated workbook is expected)");
    const std::optional<PairTable> table = find_pair_table(*sheet);
    if (!table)
        throw DecisionError(path, "sheet 'Duplicates': no possible-duplicates table (headings Code A, Code B, Decision)");
    Decisions out;
    // The table runs to its first row without a Code A: the next section's gap.
    for (std::uint32_t row = table->heading_row + 1; row < max_rows; ++row) {
        const std::string a = cell_text(*sheet, row, table->code_a);
        if (a.empty()) break;
        const std::string word = lower_ascii(cell_text(*sheet, row, table->decision));
        if (word.empty()) continue;  // not decided yet
        const std::string place = "sheet 'Duplicates' row " + std::to_string(row + 1);
        Decision d;
        if (word == write_detail::merge_word) d.kind = Decision::Kind::Merge;
        else if (word == write_detail::keep_apart_word || word == "keep-apart") d.kind = Decision::Kind::KeepApart;
        else
            throw DecisionError(path, place + ": unknown decision '" + cell_text(*sheet, row, table->decision) +
                                          "' (expected merge or keep apart)");
        d.a = a;
        d.b = cell_text(*sheet, row, table->code_b);
        if (d.b.empty()) throw DecisionError(path, place + ": a decision without a Code B");
        if (d.a == d.b) throw DecisionError(path, place + ": a row cannot be paired with itself ('" + d.a + "')");
        d.origin = file_name + ", Duplicates row " + std::to_string(row + 1);
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace

Decisions load_officer_decisions(const std::string& path, const ReadOptions& read) {
    return is_workbook_name(path) ? workbook_decisions(path, read) : load_decisions(path);
}

}  // namespace plancon
