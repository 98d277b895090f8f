// build_plan: recognise the layout of every sheet and build the plan model.
//
// A sheet is read top to bottom (SheetWalker). Before the walk, every row
// that could be a header is weighed (find_candidates): its words against the
// profile, and the rows below it against what its columns would then hold
// (layout/evidence.hpp): a header wins by how well it explains the block
// under it, so a form or title block above the real header loses because
// nothing below it fits. During the walk a row is blank, a header (first or
// repeated), a template's guidance, format or example row, a key or total, a
// lone row (one cell, often merged across: titles, priority headings, bullet
// points, notes) or a data row. Lone rows collect in a "gap" until the next
// header or data row, and are then resolved together, because what a lone row
// is depends on what follows it: the heading just above a table is its
// priority (or theme, or appendix title); rows above that are titles; "- ..."
// rows are the priority's points. A heading inside a table does not end it:
// only a new header does.
#include "layout/walker.hpp"
#include "plancon/text.hpp"

#include <algorithm>
#include <stdexcept>
#include <filesystem>

namespace plancon {

namespace layout_detail {

void SheetWalker::run() {
    hint_ = profile_.kind_for(sheet_.name);
    first_record_ = plan_.rows.size();
    if (sheet_.visibility != Visibility::Visible)
        plan_.warnings.push_back({source(0), "sheet is " + std::string(to_string(sheet_.visibility)) +
                                                 ": read like the others; check that it belongs in the plan"});
    rows_ = read_rows(sheet_, merges_);
    auto used = sheet_.used_range();
    std::uint32_t last_row = used ? used->last.row : 0;
    if (!used) return;
    // One warning per run of hidden rows, not per row.
    const auto& hidden = sheet_.hidden_rows;
    for (std::size_t i = 0; i < hidden.size() && hidden[i] <= last_row;) {
        std::size_t j = i;
        while (j + 1 < hidden.size() && hidden[j + 1] == hidden[j] + 1 && hidden[j + 1] <= last_row) ++j;
        plan_.warnings.push_back({source(hidden[i]), i == j ? "row is hidden: read like the others"
                                                            : "rows " + std::to_string(hidden[i] + 1) + "-" +
                                                                  std::to_string(hidden[j] + 1) +
                                                                  " are hidden: read like the others"});
        i = j + 1;
    }
    if (hint_ == SheetKind::Ignore) {
        record_run(0, last_row, RowRecord::Fate::Skipped, -1, "sheet ignored by the profile");
        return;
    }
    find_candidates();
    int headers = 0;
    for (const auto& [i, c] : candidates_) headers += c.header->score >= score_to_open ? 1 : 0;
    multi_table_ = headers >= 2;

    std::uint32_t next_row = 0;  // rows before this have a record
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const RowView& r = rows_[i];
        // Blank rows between non-blank ones.
        if (next_row < r.row) record_run(next_row, r.row - 1, RowRecord::Fate::Blank, -1, "");
        next_row = r.row + 1;

        if (const HeaderCandidate* c = header_at(i)) {
            const bool repeat = table_ && table_->signature == c->header->model.signature;
            if (repeat) {
                table_->header_end = rows_[c->last].row;
                resolve_gap(table_->kind, true, true);
                plan_.tables[table_->layout].repeated_header_rows.push_back(rows_[c->last].row + 1);
            } else {
                open_table(*c);
                resolve_gap(table_->kind, true);
            }
            for (std::size_t k = c->first; k <= c->last; ++k) {
                if (rows_[k].row >= next_row) record_run(next_row, rows_[k].row - 1, RowRecord::Fate::Blank, -1, "");
                record(rows_[k].row, RowRecord::Fate::Header, int(table_->layout),
                       repeat ? "repeated header"
                       : k < c->last ? "header (upper row)"
                       : c->header->model.no_plan_field ? "appendix header (no known fields)" : "");
                next_row = rows_[k].row + 1;
            }
            i = c->last;
            continue;
        }
        if (std::string why = template_row(i); !why.empty()) {
            resolve_gap(table_->kind, false);
            record(r.row, RowRecord::Fate::Skipped, -1, why);
            continue;
        }
        if (r.cells.size() == 1 && !has_letters(r.cells.front().text)) {
            // A lone number or date: a row number or a formula left in an empty row, not a heading.
            record(r.row, RowRecord::Fate::Skipped, -1, "placeholder: a number or date alone");
            continue;
        }
        if (r.cells.size() == 1 && !lone_is_data(i)) {
            pending_.push_back(i);
            continue;
        }
        // "Service: | Children & Families", "CSP: | (name) | CSO: | (name)"
        // above a table: labels and their values, a form.
        const bool two_cell_label = r.cells.size() == 2 && r.cells[0].cell->type == CellType::Text &&
                                    r.cells[0].text.size() <= 40 && r.cells[0].text.back() == ':';
        if ((!table_ || !pending_.empty()) && (two_cell_label || form_row(r))) {
            for (std::size_t k = 0; k + 1 < r.cells.size(); ++k) {
                const std::string& label = r.cells[k].text;
                if (label.empty() || label.back() != ':') continue;
                if (evidence_.header(label.substr(0, label.size() - 1)).exact == Field::Service && label_service.empty() &&
                    !evidence_.facts(sheet_, *r.cells[k + 1].cell, r.cells[k + 1].text).type_word) {
                    label_service = r.cells[k + 1].text;
                    label_row = r.row + 1;
                }
            }
            record(r.row, RowRecord::Fate::Heading, -1, "label and value above a table");
            continue;
        }
        if (r.cells.size() == 1 && parse_heading(r.cells.front().text).numbered) {
            pending_.push_back(i);
            continue;
        }
        if (starts_appendix(i) && hint_ != SheetKind::Plan) {
            std::string signature;
            for (const RowCell& c : r.cells) signature += fold_header(c.text) + "|";
            if (table_ && table_->kind == TableKind::Appendix && table_->signature == signature) {
                // "Appendix 1 (continued..)" and the same header again: one table.
                resolve_gap(TableKind::Appendix, true, true);
                plan_.tables[table_->layout].repeated_header_rows.push_back(r.row + 1);
                record(r.row, RowRecord::Fate::Header, int(table_->layout), "repeated header");
                continue;
            }
            open_appendix(r);
            resolve_gap(TableKind::Appendix, true);
            record(r.row, RowRecord::Fate::Header, int(table_->layout), "appendix header (no known fields)");
            continue;
        }
        if (!table_) {
            resolve_gap(std::nullopt, false);
            record(r.row, RowRecord::Fate::Skipped, -1, "no table header above this row");
            continue;
        }
        resolve_gap(table_->kind, false);
        add_data_row(i);
    }
    resolve_gap(std::nullopt, false);
    if (next_row <= last_row) record_run(next_row, last_row, RowRecord::Fate::Blank, -1, "");
    std::stable_sort(plan_.rows.begin() + std::ptrdiff_t(first_record_), plan_.rows.end(),
                     [](const RowRecord& a, const RowRecord& b) { return a.source.row < b.source.row; });
}

}  // namespace layout_detail

using layout_detail::SheetWalker;
using layout_detail::Evidence;

Plan build_plan(const Workbook& workbook, const Config& config, const LayoutOptions& options) {
    Plan plan;
    plan.document.file = workbook.path;
    plan.warnings.insert(plan.warnings.end(), workbook.warnings.begin(), workbook.warnings.end());
    // A memo made for another configuration would answer for that one.
    if (options.memo && &options.memo->config() != &config)
        throw std::invalid_argument("build_plan: a LayoutMemo made for another configuration");
    Evidence evidence(config, options.memo);
    std::string label_service, label_where;
    for (const Sheet& sheet : workbook.sheets) {
        SheetWalker walker(plan, workbook, sheet, config, evidence);
        walker.run();
        if (label_service.empty() && !walker.label_service.empty()) {
            label_service = walker.label_service;
            label_where = "a \"Service:\" row (sheet '" + sheet.name + "' row " + std::to_string(walker.label_row) + ")";
        }
    }
    // The service the document names, in order: a "Service:" row, the
    // title, a sheet's name, the file's name (each through the services
    // list), the profile, --service.
    const ServiceDirectory& services = config.services;
    auto from_list = [&](const std::string& text, const std::string& where) {
        if (!plan.document.service.empty() || text.empty()) return;
        if (const std::string* s = services.find_in(text)) {
            plan.document.service = *s;
            plan.document.service_source = where;
        }
    };
    if (!label_service.empty()) {
        const std::string* known = services.find_exact(label_service);
        if (!known) known = services.find_in(label_service);
        plan.document.service = known ? *known : label_service;
        plan.document.service_source = label_where;
    }
    from_list(plan.document.title, "the title");
    for (const Sheet& sheet : workbook.sheets) from_list(sheet.name, "the sheet name '" + sheet.name + "'");
    from_list(std::filesystem::path(workbook.path).stem().string(), "the file name");
    if (plan.document.service.empty() && !config.profile.service.empty()) {
        plan.document.service = config.profile.service;
        plan.document.service_source = "the profile";
    }
    if (plan.document.service.empty() && !options.service.empty()) {
        plan.document.service = options.service;
        plan.document.service_source = "--service";
    }
    for (Action& a : plan.actions)
        if (a.service.empty()) a.service = plan.document.service;
    // A priority heading without a number takes the one its actions share
    // ("1.1", "1.2" under an unnumbered area heading -> "1"). One pass over
    // the actions: a plan of 50,000 priorities and actions is not squared.
    struct Shared {
        std::string prefix;
        bool any = false, agree = true;
    };
    std::vector<Shared> shared(plan.priorities.size());
    for (const Action& a : plan.actions) {
        if (a.priority < 0 || std::size_t(a.priority) >= shared.size()) continue;
        Shared& s = shared[std::size_t(a.priority)];
        const std::size_t dot = a.ref.find('.');
        const std::string prefix = dot == std::string::npos ? std::string() : a.ref.substr(0, dot);
        if (prefix.empty() || (s.any && prefix != s.prefix)) s.agree = false;
        s.prefix = prefix;
        s.any = true;
    }
    for (std::size_t p = 0; p < plan.priorities.size(); ++p)
        if (plan.priorities[p].ref.empty() && shared[p].any && shared[p].agree) plan.priorities[p].ref = shared[p].prefix;
    return plan;
}

}  // namespace plancon
