// The fate of every row that is not a header: a template's notes, keys and
// totals, lone rows (headings, titles, notes) resolved together once what
// follows them is known, priority rows, and the data rows that become
// actions, findings or appendix rows.
#include "layout/walker.hpp"
#include "plancon/text.hpp"
#include "plancon/values.hpp"

#include <algorithm>
#include <cmath>

namespace plancon::layout_detail {

// Rows of a template that are not items: an example, the column
// descriptions or formats under the header, a total, a key. "" for others.
std::string SheetWalker::template_row(std::size_t i) {
    if (!table_ || table_->kind != TableKind::Items) return {};
    const RowView& r = rows_[i];
    int examples = 0, formats = 0, misfits = 0, fits = 0, echoes = 0, described = 0;
    bool action_example = false;
    // Column descriptions sit under the header, before the first item; below
    // that only examples and format hints need a look at a cell, and only at
    // a cell that could be one (most rows cost nothing).
    const bool under_header = table_->items == 0;
    for (const RowCell& c : r.cells) {
        const auto it = table_->fields.find(c.col);
        const Field field = it == table_->fields.end() ? Field::None : it->second;
        if (!under_header) {
            const std::string lower = lower_ascii(c.text);
            if (c.text.size() > 25 && lower.find("example") == std::string::npos && lower.rfind("e.g", 0) != 0 &&
                lower.rfind("eg", 0) != 0)
                continue;
        }
        const CellFacts f = evidence_.facts(sheet_, *c.cell, c.text);
        examples += f.example;
        action_example |= f.example && field == Field::Action;
        formats += f.type_word;
        if (!under_header) continue;
        // A cell that talks about its own column, in its header's words:
        // "Date by which the action will be completed" under "Target date",
        // "Enter the cost" under "Cost".
        const auto header = table_->headers.find(c.col);
        if (header != table_->headers.end() && !header->second.empty()) {
            ++described;
            echoes += c.cell->type == CellType::Text && shares_a_word(c.text, header->second);
        }
        if (field == Field::None) continue;
        // A typed column holding words that are not of its type ("Name or
        // post of the person responsible" under the lead).
        const bool typed = field == Field::Ref || field == Field::Due || field == Field::Start ||
                           field == Field::PercentComplete || field == Field::Status || field == Field::Lead;
        const bool misfit = typed && c.cell->type == CellType::Text && f.text && !f.date && !f.due_word && !f.status &&
                            !f.percent && !(field == Field::Ref && f.ref) && c.text.size() > 3 &&
                            !(field == Field::Lead &&
                              (split_words(c.text).size() < 4 || evidence_.lead(*c.cell, c.text) >= 0.5));
        misfits += misfit;
        // ... or a value of its type, surely: a row of data.
        const std::string folded = typed && !misfit ? evidence_.folded(c.text) : std::string();
        fits += typed && !misfit &&
                (c.cell->type != CellType::Text || f.date || f.due_word || f.percent || (field == Field::Ref && f.ref) ||
                 evidence_.config().statuses.find_exact(folded) ||
                 (field == Field::Lead && evidence_.lead(*c.cell, c.text) >= 0.5));
    }
    if (examples >= 2 || action_example || (examples >= 1 && table_->items == 0)) return "example row of a template";
    if (formats >= 2 && formats * 2 >= int(r.cells.size())) return "format hints of a template";
    // Column descriptions: cells in their headers' words, typed columns
    // holding words of no type, and hardly a value of any type.
    if (under_header && echoes + misfits - 2 * fits >= std::max(2, described / 2))
        return "guidance: describes the table's columns";
    // "Last updated: | 12/06/2023" at the foot: a label and its value.
    const std::string& first_text = r.cells.front().text;
    if (r.cells.size() <= 3 && first_text.size() <= 40 && first_text.back() == ':' && split_words(first_text).size() <= 5)
        return "label and value";
    // Rows under a "Key" or "Legend" line, and the key's own rows.
    if (i > 0 && rows_[i - 1].row + 1 == r.row && (last_key_ == i - 1 || (rows_[i - 1].cells.size() == 1 && [&] {
            const std::string above = fold_for_matching(rows_[i - 1].cells.front().text);
            return above == "key" || above == "legend" || above.rfind("rag key", 0) == 0 || above.rfind("key ", 0) == 0;
        }())) && r.cells.size() <= 3) {
        last_key_ = i;
        return "key or legend";
    }
    // "Red | Off track": a RAG colour explained, outside the status column: a key.
    if (r.cells.size() == 2) {
        const auto it = table_->fields.find(r.cells.front().col);
        const bool status_column = it != table_->fields.end() && it->second == Field::Status;
        const RowCell& meaning = r.cells.back();
        static constexpr std::string_view colours[] = {"red", "amber", "green", "blue", "black", "grey", "gray", "purple"};
        const std::string colour = fold_for_matching(first_text);
        if (!status_column && std::find(std::begin(colours), std::end(colours), colour) != std::end(colours) &&
            meaning.cell->type == CellType::Text && has_letters(meaning.text)) {
            last_key_ = i;
            return "key or legend";
        }
    }
    const std::string first = fold_for_matching(first_text);
    if (first == "total" || first.rfind("total ", 0) == 0 || first.rfind("totals", 0) == 0 ||
        first.rfind("grand total", 0) == 0)
        return "total";
    if (first == "key" || first.rfind("key ", 0) == 0 || first.rfind("legend", 0) == 0 || first.rfind("rag key", 0) == 0)
        return "key or legend";
    if (r.cells.size() <= 2 && footer_text(first_text)) return "a note below the table";
    return {};
}

// A single cell inside an open table is a data row (the rest of the row is
// blank or covered by merged cells above) unless it spans the table like a
// heading, sits in a column that holds no text of its own, or closes the
// table (a footer, a key, a total).
bool SheetWalker::lone_is_data(std::size_t i) {
    const RowView& r = rows_[i];
    if (!table_ || r.cells.size() != 1) return false;
    const RowCell& c = r.cells.front();
    if (c.span > 1 || footer_text(c.text) || parse_heading(c.text).named) return false;
    // Just above a header row, or in capitals like "LEADERSHIP": a heading.
    // Just above a header, or just above an unmerged lone cell outside the
    // action column (a group cell of a header written without merges) just
    // above a header: a title. A gap or a merged heading between them leaves
    // the cell to the table it sits in.
    if (i + 1 < rows_.size()) {
        if (header_verdict(i + 1)) return false;
        const RowView& next = rows_[i + 1];
        const bool group_cell = next.row == r.row + 1 && next.cells.size() == 1 &&
                                next.cells.front().col != table_->action_col && next.cells.front().span == 1;
        if (group_cell && i + 2 < rows_.size() && rows_[i + 2].row == next.row + 1 && header_verdict(i + 2))
            return false;
    }
    auto lower = [](char ch) { return ch >= 'a' && ch <= 'z'; };
    auto upper = [](char ch) { return ch >= 'A' && ch <= 'Z'; };
    bool capitals = c.text.size() <= 60 && std::none_of(c.text.begin(), c.text.end(), lower) &&
                    std::any_of(c.text.begin(), c.text.end(), upper);
    if (capitals) return false;
    auto it = table_->fields.find(c.col);
    Field f = it == table_->fields.end() ? Field::None : it->second;
    if (f == Field::Action || f == Field::Afi || f == Field::Strength || f == Field::PlannedAction) return true;
    for (const auto& [col, field] : table_->fields) {
        (void)field;
        const Range* m = merges_.at({r.row, col});
        if (col != c.col && m && m->first.row < r.row) return true;
    }
    return false;
}

// A row of short text cells right under a heading, followed by more rows,
// that names no known fields: the header of an appendix table (gradings,
// budget lines). Inside a table of items it must not read as one of its rows.
bool SheetWalker::starts_appendix(std::size_t i) {
    const RowView& r = rows_[i];
    if (r.cells.size() < 2) return false;
    bool after_heading = pending_.size() > 0 || i == 0 || !table_;
    if (!after_heading) return false;
    for (const RowCell& c : r.cells)
        if (c.cell->type != CellType::Text || c.text.size() > 40) return false;
    if (i + 1 >= rows_.size() || rows_[i + 1].cells.size() < 2) return false;
    // Inside a table of items, a row of short texts whose next row is one more
    // row of the table is a row of it too (short actions are actions).
    if (table_ && table_->kind == TableKind::Items && (fits_table(i) || fits_table(i + 1))) return false;
    return !header_verdict(i + 1);
}

int SheetWalker::add_priority(const HeadingText& h, std::uint32_t row, std::string& reason) {
    // Same kind and number, or same words when unnumbered: the same priority again.
    std::string key = fold_header(h.ref.empty() ? h.title : (h.kind.empty() ? "area" : h.kind) + " " + h.ref);
    if (auto it = priority_keys_.find(key); it != priority_keys_.end()) {
        const Priority& p = plan_.priorities[std::size_t(it->second)];
        reason = h.continued ? "continues priority heading of row " + std::to_string(p.source.row)
                             : "repeats priority heading of row " + std::to_string(p.source.row);
        return it->second;
    }
    priority_keys_.emplace(key, int(plan_.priorities.size()));
    Priority p;
    p.ref = h.ref;
    p.kind = h.kind.empty() ? "area" : h.kind;
    p.title = h.title;
    p.source = source(row);
    if (h.continued) reason = "marked continued, but no earlier heading matches: a new priority";
    plan_.priorities.push_back(std::move(p));
    return int(plan_.priorities.size() - 1);
}

// Decide what the lone rows collected since the last table row are, now that
// what follows them is known: a table of kind `next` (nothing at the end of
// the sheet), with or without its own header row.
void SheetWalker::resolve_gap(std::optional<TableKind> next, bool before_header, bool repeated_header) {
    if (pending_.empty()) {
        first_gap_ = false;  // only lone rows above the first table or row can be the title
        return;
    }
    std::vector<std::size_t> lone;  // non-bullet lone rows, in order, but for labels ("Date: ...")
    std::vector<bool> is_label(pending_.size(), false);  // by position in pending_: a gap may hold 300k rows
    for (std::size_t k = 0; k < pending_.size(); ++k) {
        const std::string& text = rows_[pending_[k]].cells.front().text;
        if (!had_table_ && label_length(text) && !is_bullet(text)) is_label[k] = true;
        else if (!is_bullet(text)) lone.push_back(pending_[k]);
    }
    std::optional<std::size_t> chosen;  // the row that names what follows
    if (next == TableKind::Items) {
        for (std::size_t i : lone)
            if (parse_heading(rows_[i].cells.front().text).numbered) {
                chosen = i;
                break;
            }
        if (!chosen && before_header && multi_table_ && !lone.empty()) chosen = lone.back();
        // A heading between data rows of the same table, in its first column or
        // across several columns: the priority of the rows below.
        if (!chosen && !before_header && !lone.empty() && table_) {
            const RowCell& c = rows_[lone.back()].cells.front();
            if (c.span > 1 || c.col <= table_->fields.begin()->first) chosen = lone.back();
        }
    } else if (next && before_header && !lone.empty() && !(repeated_header && next == TableKind::Appendix)) {
        chosen = lone.back();  // a theme above every repeat of a findings header; an appendix keeps its first title
    }
    int priority = -1;
    for (std::size_t k = 0; k < pending_.size(); ++k) {
        const std::size_t i = pending_[k];
        const RowView& r = rows_[i];
        const std::string& text = r.cells.front().text;
        if (is_label[k]) {
            const std::size_t colon = label_length(text);
            const std::string label = text.substr(0, colon), value(trim(std::string_view(text).substr(colon + 1)));
            if (!value.empty() && evidence_.header(label).exact == Field::Service && label_service.empty()) {
                label_service = value;
                label_row = r.row + 1;
            }
            record(r.row, RowRecord::Fate::Heading, -1, "label and value above a table");
            continue;
        }
        bool before_chosen = chosen && i < *chosen;
        if (chosen && i == *chosen) {
            if (next == TableKind::Items) {
                std::string reason;
                priority = add_priority(parse_heading(text), r.row, reason);
                priority_ = priority;
                priority_from_row_ = false;
                record(r.row, RowRecord::Fate::Priority, priority, reason);
            } else if (next == TableKind::Findings) {
                theme_ = text;
                record(r.row, RowRecord::Fate::Heading, -1, "theme: " + text);
            } else {
                if (table_ && table_->appendix >= 0) plan_.appendices[std::size_t(table_->appendix)].title = text;
                if (table_) plan_.tables[table_->layout].title = text;
                record(r.row, RowRecord::Fate::Heading, -1, "title of the appendix table below");
            }
            continue;
        }
        if (is_bullet(text) && priority >= 0 && !before_chosen) {
            auto& points = plan_.priorities[std::size_t(priority)].points;
            std::string point = strip_bullet(text);
            if (!points_seen_.insert({priority, point}).second) {
                record(r.row, RowRecord::Fate::Priority, priority, "repeated point of the priority");
            } else {
                points.push_back(point);
                record(r.row, RowRecord::Fate::Priority, priority, "point of the priority");
            }
            continue;
        }
        if (chosen && i > *chosen && priority >= 0 && plan_.priorities[std::size_t(priority)].title.empty() &&
            !is_bullet(text)) {
            // "IMPROVEMENT ACTION 1" on a row of its own, its words on the next.
            plan_.priorities[std::size_t(priority)].title = text;
            record(r.row, RowRecord::Fate::Priority, priority, "title of the priority");
            continue;
        }
        if (chosen && i > *chosen && priority >= 0) {
            // "AIM 1: ..." under "1. Our vision ...": kept with the priority it qualifies,
            // once (a page break repeats it).
            Priority& p = plan_.priorities[std::size_t(priority)];
            if (text == p.title || !points_seen_.insert({priority, text}).second) {
                record(r.row, RowRecord::Fate::Heading, priority, "repeated sub-heading of the priority");
                continue;
            }
            p.points.push_back(text);
            record(r.row, RowRecord::Fate::Heading, priority, "sub-heading of the priority");
            continue;
        }
        if (!next && !had_table_) {
            record(r.row, RowRecord::Fate::Skipped, -1, "single cell on a sheet with no table");
            continue;
        }
        if (first_gap_ && plan_.document.title.empty()) plan_.document.title = text;
        std::string reason = first_gap_ ? "title" : parse_heading(text).continued ? "continued heading" : "note";
        record(r.row, RowRecord::Fate::Heading, -1, reason);
    }
    pending_.clear();
    first_gap_ = false;
}

// "% Complete" as a number, read the way normalise reads one: a cell with a
// percentage format holds a fraction (0.4 shows as 40%).
std::optional<double> SheetWalker::percent_in(const RowView& r, std::uint32_t col, const std::string& shown) const {
    for (const RowCell& c : r.cells)
        if (c.col == col && c.cell->type == CellType::Number)
            return parse_percent(shown, sheet_.number_format(*c.cell).find('%') != std::string_view::npos);
    return parse_percent(shown);
}

// A row inside a table that holds only a ref and a title, whose ref the next
// row's ref extends ("8.4 Resources" above "8.4.1 ..."), is a priority heading
// written in the table's own columns.
bool SheetWalker::is_priority_row(std::size_t i, const std::map<Field, std::string>& values) {
    if (values.size() != 2 || !values.count(Field::Ref) || !values.count(Field::Action)) return false;
    std::string ref = values.at(Field::Ref);
    if (ref.empty() || ref.size() > 20 ||
        !std::all_of(ref.begin(), ref.end(), [](char c) { return (c >= '0' && c <= '9') || c == '.'; }))
        return false;
    if (ref.back() != '.') ref += '.';
    // A sibling of the current priority ("8.12" after "8.11"), even with nothing under it yet.
    if (priority_ >= 0 && priority_from_row_) {
        std::string current = plan_.priorities[std::size_t(priority_)].ref + ".";
        auto depth = [](const std::string& x) { return std::count(x.begin(), x.end(), '.'); };
        if (current.size() > 1 && depth(current) == depth(ref) && current != ref) return true;
    }
    if (i + 1 >= rows_.size() || header_verdict(i + 1)) return false;
    std::uint32_t ref_col = 0;
    for (const auto& [col, field] : table_->fields)
        if (field == Field::Ref) ref_col = col;
    std::string next = value_at(rows_[i + 1], ref_col, nullptr);
    return next.size() > ref.size() && next.compare(0, ref.size(), ref) == 0;
}

// A data row that holds an action text but no lead, date or status, whose
// next row is its child (its ref extends this one's: "2" over "2.1", "2.0"
// over "2.1"; or its text is indented further): a group heading of a work
// breakdown or project plan, not an item.
bool SheetWalker::heads_children(std::size_t i, const std::map<Field, std::string>& values) {
    for (Field f : {Field::Lead, Field::Due, Field::Start, Field::Status, Field::PercentComplete})
        if (values.count(f)) return false;
    if (!values.count(Field::Action)) return false;
    std::size_t j = i + 1;
    while (j < rows_.size() && j <= i + 3 && rows_[j].cells.size() < 2) ++j;
    if (j >= rows_.size() || j > i + 3 || header_verdict(j)) return false;
    std::uint32_t ref_col = max_cols;
    for (const auto& [col, field] : table_->fields)
        if (field == Field::Ref) ref_col = col;
    if (ref_col != max_cols && values.count(Field::Ref)) {
        // Where the ids are numbered by level ("3", "3.1", "3.1.2"), they
        // decide: "3.5" over "3.6" are siblings, however their texts are
        // indented. Row numbers ("6" over "7") say nothing of levels.
        std::string ref = values.at(Field::Ref);
        if (ref.size() > 2 && ref.ends_with(".0")) ref.resize(ref.size() - 2);
        if (!ref.empty() && ref.back() == '.') ref.pop_back();
        const std::string next = value_at(rows_[j], ref_col, nullptr);
        const bool extends = next.size() > ref.size() + 1 && next.compare(0, ref.size() + 1, ref + ".") == 0;
        if (!ref.empty() && (extends || (next.find('.') != std::string::npos && ref.find('.') != std::string::npos)))
            return extends;
    }
    const RowCell* here = rows_[i].at(table_->action_col);
    const RowCell* below = rows_[j].at(table_->action_col);
    if (!here || !below || here->cell->type != CellType::Text || below->cell->type != CellType::Text) return false;
    return evidence_.facts(sheet_, *below->cell, below->text).indent > evidence_.facts(sheet_, *here->cell, here->text).indent;
}

void SheetWalker::add_data_row(std::size_t i) {
    const RowView& r = rows_[i];
    last_data_ = i;
    OpenTable& t = *table_;
    if (t.kind != TableKind::Items) ++t.items;
    if (t.kind == TableKind::Appendix) {
        AppendixTable& a = plan_.appendices[std::size_t(t.appendix)];
        AppendixTable::Row row;
        row.source = source(r.row);
        for (const auto& [col, h] : t.headers) {
            (void)h;
            row.values.push_back(value_at(r, col, nullptr));
        }
        a.rows.push_back(std::move(row));
        record(r.row, RowRecord::Fate::Appendix, t.appendix, "");
        return;
    }
    std::map<Field, std::string> values;
    std::map<Field, const Cell*> cells;
    std::vector<FilledFrom> filled;
    std::vector<std::pair<std::string, std::string>> extra;
    std::optional<double> percent;
    for (const auto& [col, field] : t.fields) {
        std::string from;
        const Cell* cell = nullptr;
        std::string v = value_at(r, col, &from, &cell);
        if (v.empty()) continue;
        const std::string header = t.headers.at(col).empty() ? column_name(col) : t.headers.at(col);
        if (field == Field::None || values.count(field)) {
            extra.emplace_back(header, v);
            continue;
        }
        values[field] = v;
        cells[field] = cell;
        if (!from.empty()) filled.push_back({std::string(to_string(field)), from});
        if (field == Field::PercentComplete) {
            percent = percent_in(r, col, v);
            // The model has no words-as-written for a percentage: keep what could not be read.
            if (!percent) extra.emplace_back(header, v);
        }
    }
    for (const RowCell& c : r.cells)
        if (!t.fields.count(c.col)) extra.emplace_back(column_name(c.col), c.text);
    auto get = [&](Field f) { auto it = values.find(f); return it == values.end() ? std::string() : it->second; };

    if (t.kind == TableKind::Findings) {
        Finding f;
        f.theme = theme_;
        f.strength = get(Field::Strength);
        f.text = get(Field::Afi);
        f.planned_action = get(Field::PlannedAction);
        if (f.strength.empty() && f.text.empty() && f.planned_action.empty()) {
            record(r.row, RowRecord::Fate::Skipped, -1, "no strength, area for improvement or planned action");
            return;
        }
        f.links = find_links(f.planned_action);
        f.source = source(r.row);
        plan_.findings.push_back(std::move(f));
        record(r.row, RowRecord::Fate::Finding, int(plan_.findings.size() - 1), "");
        return;
    }
    const bool ref_and_title = is_priority_row(i, values);
    if (ref_and_title || heads_children(i, values)) {
        HeadingText h;
        h.kind = ref_and_title ? "area" : "group";
        h.ref = get(Field::Ref);
        if (!h.ref.empty() && h.ref.back() == '.') h.ref.pop_back();
        h.title = get(Field::Action);
        h.numbered = true;
        std::string reason = ref_and_title ? "ref and title only: a priority heading in the table"
                                           : "no lead or date, and the rows below belong to it: a group heading";
        std::string joined;
        priority_ = add_priority(h, r.row, joined);
        priority_from_row_ = true;
        record(r.row, RowRecord::Fate::Priority, priority_, joined.empty() ? reason : joined);
        return;
    }
    Action a;
    a.text_as_written = get(Field::Action);
    const Cell* action_cell = cells.count(Field::Action) ? cells.at(Field::Action) : nullptr;
    if (a.text_as_written.empty() || !action_cell || action_cell->type != CellType::Text || !has_letters(a.text_as_written)) {
        const bool text_elsewhere = std::any_of(r.cells.begin(), r.cells.end(), [&](const RowCell& c) {
            return c.cell->type == CellType::Text && has_letters(c.text);
        });
        record(r.row, RowRecord::Fate::Skipped, -1,
               text_elsewhere ? "no action text in this row" : "placeholder: numbers or dates only, no text");
        return;
    }
    a.kind = t.item_kind.empty() ? "action" : t.item_kind;
    a.ref = get(Field::Ref);
    a.outcome = get(Field::Outcome);
    a.leads_as_written = get(Field::Lead);
    a.due.as_written = get(Field::Due);
    // A date cell is a date: its value, not its text, whatever its time of day.
    auto date_of = [&](Field f) -> std::optional<Date> {
        const Cell* c = cells.count(f) ? cells.at(f) : nullptr;
        if (!c || c->type != CellType::DateTime || !(c->number >= 1)) return std::nullopt;
        return plancon::date_of(date_of_serial(long(std::floor(c->number))));
    };
    if (auto d = date_of(Field::Due)) {
        a.due.kind = Due::Kind::Date;
        a.due.date = d;
        a.due.basis = "date cell";
    }
    a.start_as_written = get(Field::Start);
    a.start = date_of(Field::Start);
    a.status_as_written = get(Field::Status);
    a.percent_complete = percent;
    a.progress = get(Field::Progress);
    a.measures = get(Field::Measures);
    a.risks = get(Field::Risks);
    a.quality_indicators = get(Field::QualityIndicators);
    a.page_ref = get(Field::PageRef);
    // A Service column's value in the organisation's own spelling when the
    // services list knows it ("C&F", "Children & Families" -> "Children and Families").
    a.service = get(Field::Service);
    if (const std::string* known = evidence_.config().services.find_exact(a.service)) a.service = *known;
    a.priority = priority_;
    a.source = source(r.row);
    a.filled_from = std::move(filled);
    a.extra = std::move(extra);
    ++t.items;
    plan_.actions.push_back(std::move(a));
    record(r.row, RowRecord::Fate::Action, int(plan_.actions.size() - 1), "");
}

}  // namespace plancon::layout_detail
