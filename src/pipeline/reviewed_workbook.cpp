// A reviewed consolidated workbook read back: the decisions an officer chose
// in the Duplicates sheet's Decision column, as a decisions CSV would give
// them, and the due dates and leads filled in on its Actions sheet.
#include "plancon/pipeline.hpp"
#include "plancon/read.hpp"
#include "plancon/text.hpp"
#include "plancon/values.hpp"
#include "write/status_list.hpp"

#include <array>
#include <filesystem>
#include <map>
#include <set>

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

// The reviewed workbook, read; one that cannot be is the named error of the
// option that gave it (not an input's, which --keep-going would pass over).
template <typename OptionError>
Workbook read_reviewed(const std::string& path, const ReadOptions& read) {
    try {
        return read_workbook(path, read);
    } catch (const ReadError& e) {
        throw OptionError(path, e.problem());
    }
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

// A sheet of the consolidated workbook and the parts it continues on when
// longer than a worksheet holds ("Actions", "Actions (2)", ...), in order.
std::vector<const Sheet*> sheet_and_parts(const Workbook& workbook, const std::string& name) {
    std::vector<const Sheet*> parts;
    for (const Sheet* part = workbook.sheet(name); part;
         part = workbook.sheet(name + " (" + std::to_string(parts.size() + 1) + ")"))
        parts.push_back(part);
    return parts;
}

Decisions workbook_decisions(const std::string& path, const ReadOptions& read) {
    const Workbook workbook = read_reviewed<DecisionError>(path, read);
    const std::string file_name = std::filesystem::path(path).filename().string();
    const std::vector<const Sheet*> parts = sheet_and_parts(workbook, "Duplicates");
    if (parts.empty()) throw DecisionError(path, "no sheet 'Duplicates' (a consolidated workbook is expected)");
    Decisions out;
    bool table_seen = false;
    // The table runs to its first row without a Code A (the next section's
    // gap). A part the table runs on to opens with its headings again, so
    // each part's table is found by them; the first part without one after
    // the table has begun is past its end.
    for (const Sheet* sheet : parts) {
        const std::optional<PairTable> table = find_pair_table(*sheet);
        if (!table) {
            if (table_seen) break;
            continue;
        }
        table_seen = true;
        const std::uint32_t last_row = sheet->cells.empty() ? 0 : sheet->cells.back().row;
        bool ended = false;
        for (std::uint32_t row = table->heading_row + 1; row <= last_row && !ended; ++row) {
            const std::string a = cell_text(*sheet, row, table->code_a);
            if (a.empty()) {
                ended = true;
                continue;
            }
            const std::string word = lower_ascii(cell_text(*sheet, row, table->decision));
            if (word.empty()) continue;  // not decided yet
            const std::string place = "sheet '" + sheet->name + "' row " + std::to_string(row + 1);
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
            d.origin = file_name + ", " + sheet->name + " row " + std::to_string(row + 1);
            out.push_back(std::move(d));
        }
        if (ended) break;
    }
    if (!table_seen)
        throw DecisionError(path, "sheet 'Duplicates': no possible-duplicates table (headings Code A, Code B, Decision)");
    return out;
}

std::string lead_names(const std::vector<Lead>& leads) {
    std::string out;
    for (const Lead& l : leads) out += (out.empty() ? "" : "; ") + l.name;
    return out;
}

// The Actions sheet's heading row: the row holding the headings the
// workbook's layout gives the code, due and leads columns.
struct ActionColumns {
    std::uint32_t heading_row = 0;
    std::uint32_t code = 0;
    std::optional<std::uint32_t> due, leads;
};

std::optional<ActionColumns> find_action_columns(const Sheet& sheet, const WorkbookLayout& layout) {
    std::string code_heading, due_heading, leads_heading;
    for (const OutputColumn& c : layout.columns_of("Actions")) {
        if (c.field == "code") code_heading = lower_ascii(c.heading);
        if (c.field == "due") due_heading = lower_ascii(c.heading);
        if (c.field == "leads") leads_heading = lower_ascii(c.heading);
    }
    // One pass over the cells (in row order): each row's columns so headed.
    std::map<std::uint32_t, ActionColumns> rows;
    std::set<std::uint32_t> with_code;
    for (const Cell& cell : sheet.cells) {
        if (cell.type != CellType::Text) continue;
        const std::string heading = lower_ascii(trim(sheet.text(cell)));
        ActionColumns& columns = rows[cell.row];
        columns.heading_row = cell.row;
        if (heading == code_heading && !with_code.count(cell.row)) {
            columns.code = cell.col;
            with_code.insert(cell.row);
        }
        if (!due_heading.empty() && heading == due_heading) columns.due = cell.col;
        if (!leads_heading.empty() && heading == leads_heading) columns.leads = cell.col;
    }
    for (const std::uint32_t row : with_code)
        if (rows[row].due || rows[row].leads) return rows[row];
    return std::nullopt;
}

}  // namespace

Corrections load_corrections(const std::string& path, const Config& config, const ReadOptions& read) {
    const Workbook workbook = read_reviewed<CorrectionError>(path, read);
    const std::string file_name = std::filesystem::path(path).filename().string();
    const std::vector<const Sheet*> parts = sheet_and_parts(workbook, "Actions");
    if (parts.empty()) throw CorrectionError(path, "no sheet 'Actions' (a consolidated workbook is expected)");
    Corrections out;
    for (const Sheet* sheet : parts) {  // each part under its own headings
        const std::optional<ActionColumns> columns = find_action_columns(*sheet, config.workbook);
        if (!columns)
            throw CorrectionError(path, "sheet '" + sheet->name + "': no heading row with the code column and a due or lead column "
                                        "(templates/workbook_columns.tsv names their headings)");
        for (std::uint32_t row = columns->heading_row + 1; row < max_rows; ++row) {
            const std::string code = cell_text(*sheet, row, columns->code);
            if (code.empty()) break;  // the end of the table
            Correction c;
            c.code = code;
            c.place = {path, sheet->name, row + 1};
            c.origin = "corrected in " + file_name + ", " + sheet->name + " row " + std::to_string(row + 1);
            if (columns->due) {
                if (const Cell* cell = sheet->find({row, *columns->due})) {
                    const std::string written = cell_text(*sheet, row, *columns->due);
                    std::optional<Date> cell_date;
                    // Excel's dates run from serial 1 to 2958465 (9999-12-31).
                    if (cell->type == CellType::DateTime && cell->number >= 1 && cell->number < 2958466)
                        cell_date = date_of(date_of_serial(static_cast<long>(cell->number)));
                    Due due = parse_due(written, cell_date);
                    if (due.date) {
                        due.as_written = cell_date ? to_iso(*due.date) : written;
                        due.basis = c.origin;
                        c.due = std::move(due);
                    } else if (!written.empty()) {
                        c.unreadable_due = written;
                    }
                }
            }
            if (columns->leads) {
                const std::string written = cell_text(*sheet, row, *columns->leads);
                if (!written.empty()) {
                    c.leads = split_leads(written, config.leads);
                    c.leads_as_written = written;
                }
            }
            if (c.due || !c.leads.empty() || !c.unreadable_due.empty()) out.push_back(std::move(c));
        }
    }
    return out;
}

Corrections with_remembered_corrections(const std::vector<RecordedCorrection>& remembered, const Corrections& given,
                                        const Config& config) {
    std::set<std::pair<std::string, std::string>> corrected_now;  // code, field
    for (const Correction& c : given) {
        if (c.due || !c.unreadable_due.empty()) corrected_now.emplace(c.code, "due");
        if (!c.leads.empty()) corrected_now.emplace(c.code, "lead");
    }
    Corrections out;
    for (const RecordedCorrection& r : remembered) {
        if (corrected_now.count({r.code, r.field})) continue;
        Correction c;
        c.code = r.code;
        c.origin = r.origin;
        c.remembered = true;
        if (r.field == "due") {
            const std::optional<Date> date = parse_iso_date(r.value);
            if (!date) continue;  // the register records ISO dates only
            c.due = parse_due(r.value, date);
            c.due->as_written = r.value;
            c.due->basis = r.origin;
        } else if (r.field == "lead") {
            c.leads = split_leads(r.value, config.leads);
            c.leads_as_written = r.value;
        } else {
            continue;
        }
        out.push_back(std::move(c));
    }
    out.insert(out.end(), given.begin(), given.end());
    return out;
}

CorrectionsApplied apply_corrections(const Corrections& corrections, Reconciliation& reconciliation,
                                     const std::vector<std::string>& found_as) {
    std::map<std::string, std::size_t> by_name;  // actions by code and by each copy's row
    for (std::size_t i = 0; i < reconciliation.actions.size(); ++i) {
        const ReconciledAction& a = reconciliation.actions[i];
        by_name.emplace(a.code, i);
        for (const MemberRef& m : a.members) by_name.emplace(to_string(m.source), i);
    }
    CorrectionsApplied out;
    std::vector<Warning>& notes = out.notes;
    for (std::size_t i = 0; i < corrections.size(); ++i) {
        const Correction& c = corrections[i];
        const auto it = by_name.find(i < found_as.size() ? found_as[i] : c.code);
        if (it == by_name.end()) {
            if (c.remembered) continue;  // an action removed since: reported as removed
            notes.push_back({c.place, "code " + c.code + " is not an action of this run; its correction not applied"});
            continue;
        }
        Action& action = reconciliation.actions[it->second].canonical;
        const std::string code = reconciliation.actions[it->second].code;
        if (!c.unreadable_due.empty())
            notes.push_back({c.place, "due '" + c.unreadable_due + "' is not a date; not applied"});
        // The tracker's own value stands: the service updates it every
        // quarter, and an earlier review must not hide a date slipped since.
        if (c.due && !action.due.date) {
            action.due = *c.due;
            out.applied.push_back({it->second, "due", to_iso(*c.due->date), c.origin});
            notes.push_back({c.place, code + ": due " + to_iso(*c.due->date) + " " + c.origin});
        } else if (c.due && *action.due.date != *c.due->date && !c.remembered) {
            notes.push_back({c.place, code + ": due " + to_iso(*c.due->date) + " not applied: the tracker says " +
                                          to_iso(*action.due.date)});
        }
        const std::string now = lead_names(action.leads), corrected = lead_names(c.leads);
        if (!c.leads.empty() && action.leads.empty() && trim(action.leads_as_written).empty()) {
            action.leads = c.leads;
            action.leads_as_written = c.leads_as_written;
            out.applied.push_back({it->second, "lead", corrected, c.origin});
            notes.push_back({c.place, code + ": lead " + corrected + " " + c.origin});
        } else if (!c.leads.empty() && now != corrected && !c.remembered) {
            notes.push_back({c.place, code + ": lead " + corrected + " not applied: the tracker says " +
                                          (now.empty() ? action.leads_as_written : now)});
        }
    }
    return out;
}

Decisions load_officer_decisions(const std::string& path, const ReadOptions& read) {
    return is_workbook_name(path) ? workbook_decisions(path, read) : load_decisions(path);
}

}  // namespace plancon
