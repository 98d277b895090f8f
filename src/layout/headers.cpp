// Finding the headers of a sheet: which rows could be one, how well each
// explains the rows below it (model_table, evidence.hpp), headers of two
// rows, and whether the walk takes a candidate when it reaches it.
#include "layout/walker.hpp"
#include "plancon/text.hpp"
#include "plancon/values.hpp"

#include <algorithm>
#include <cmath>

namespace plancon::layout_detail {

// "Lead officer: | Head of Housing", "Service: | Housing | Date: | 01/04/2020":
// labels each followed by its value, a form above the table, not a header.
bool SheetWalker::form_row(const RowView& r) {
    int labels = 0;
    for (std::size_t k = 0; k < r.cells.size(); ++k) {
        const std::string& t = r.cells[k].text;
        if (t.empty() || t.back() != ':') continue;
        if (k + 1 >= r.cells.size() || r.cells[k + 1].col != r.cells[k].col + r.cells[k].span) return false;
        // A value: no header word, or a name, date, number or choice a form is
        // filled in with. "Start: | Finish" is a header; "Lead officer: | Head
        // of Housing" and "Service: | (select)" are a form.
        const RowCell& v = r.cells[k + 1];
        const HeaderEvidence& said = evidence_.header(v.text);
        const CellFacts f = evidence_.facts(sheet_, *v.cell, v.text);
        const bool value = v.text.back() != ':' && said.exact == Field::None &&
                           (said.best() <= 0 || f.date || f.number || f.type_word || v.cell->type != CellType::Text ||
                            evidence_.lead(*v.cell, v.text) >= 1);
        if (!value) return false;
        ++labels;
    }
    return labels > 0 && labels * 2 >= int(r.cells.size());
}

// Cells a header could be made of: short texts, none of them a value of a
// row of data ("HOU-04", "100%", "2019/20", "8.11"), at most one format hint.
bool SheetWalker::header_cells(const RowView& r) {
    if (r.cells.empty() || r.cells.size() > 512) return false;
    int formats = 0;
    for (const RowCell& c : r.cells) {
        if (c.cell->type != CellType::Text || c.text.size() > 160) return false;
        const CellFacts f = evidence_.facts(sheet_, *c.cell, c.text);
        formats += f.type_word;  // "Text | Date | Number": a template's format hints under its header
        if (f.percent || f.due_word || (f.date && !f.type_word && !period_label(c.text)) || (f.ref && !period_label(c.text)))
            return false;
        // "Not started", "On track": a status of the vocabulary, not the header over it.
        const std::string folded = evidence_.folded(c.text);
        if (f.status && split_words(folded).size() >= 2 && evidence_.header(c.text).exact == Field::None &&
            evidence_.config().statuses.find_exact(folded))
            return false;
    }
    return formats < 2 || formats * 2 < int(r.cells.size());  // "Text | Date | Number" under a header: format hints
}

// Header-shaped: two or more header cells with letters; or, when the
// profile names two of its cells outright, whatever the others hold.
bool SheetWalker::header_shaped(const RowView& r) {
    if (r.cells.size() < 2 || form_row(r)) return false;
    if (!std::any_of(r.cells.begin(), r.cells.end(), [](const RowCell& c) { return has_letters(c.text); })) return false;
    if (header_cells(r)) return true;
    int named = 0, texts = 0;
    for (const RowCell& c : r.cells) {
        if (c.cell->type != CellType::Text || c.text.size() > 160) return false;
        named += evidence_.header(c.text).exact != Field::None;
        texts += 1;
    }
    return named >= 2 && texts >= 2;
}

double SheetWalker::words_of(const RowView& r) {
    double words = 0;
    for (const RowCell& c : r.cells) words += evidence_.header(c.text).best();
    return words;
}

// Two rows that together make one header: a group cell merged across the
// columns of the row below ("Progress" over "Q1 | Q2"), or a header whose
// words are stacked over two rows ("Target" over "Date"), each row may also
// hold headers of its own (a header merged down both rows sits in the upper).
// Nothing when the upper row is a lone title or heading beside the header.
std::vector<HeaderCell> SheetWalker::two_row_header(const RowView& upper, const RowView& lower) {
    std::vector<HeaderCell> cells;
    if (lower.row != upper.row + 1 || upper.cells.empty() || lower.cells.empty()) return cells;
    // Cells under a group ("Who" over "Lead: | Support") are sub-headers, whatever their colons.
    const bool grouping = std::any_of(upper.cells.begin(), upper.cells.end(), [&](const RowCell& u) {
        return u.span >= 2 && std::any_of(lower.cells.begin(), lower.cells.end(),
                                          [&](const RowCell& l) { return l.col >= u.col && l.col < u.col + u.span; });
    });
    if (form_row(upper) || (!grouping && form_row(lower))) return cells;
    for (const RowView* r : {&upper, &lower})
        for (const RowCell& c : r->cells)
            if (c.cell->type != CellType::Text || c.text.size() > 160 ||
                std::all_of(c.text.begin(), c.text.end(), [](char ch) { return is_digit(ch) || ch == '.' || ch == ' '; }))
                return {};
    for (const RowCell& u : upper.cells) {
        std::vector<const RowCell*> under;
        for (const RowCell& l : lower.cells)
            if (l.col >= u.col && l.col < u.col + u.span) under.push_back(&l);
        if (under.empty()) {
            cells.push_back({u.col, u.span, "", u.text});
            continue;
        }
        if (u.span >= 2 && under.size() == lower.cells.size() && upper.cells.size() == 1) return {};  // a title over the header
        if (u.span >= 2) {
            // Over three or more headers of their own ("Lead", "#", "Timescale"...): a title, not a group.
            std::set<Field> named;
            for (const RowCell* l : under)
                if (const Field f = evidence_.header(l->text).exact; f != Field::None) named.insert(f);
            if (named.size() >= 3) return {};
        }
        if (u.span >= 2) {
            for (const RowCell* l : under) cells.push_back({l->col, 1, u.text, l->text});
        } else {
            cells.push_back({u.col, 1, "", u.text + " " + under.front()->text});
        }
    }
    // An upper row of no header words ("Dundee City Council" merged across) is a title.
    if (std::none_of(upper.cells.begin(), upper.cells.end(),
                     [&](const RowCell& u) { return evidence_.header(u.text).best() > 0; }))
        return {};
    // A lone cell above that is no group cell is a heading or title, not half
    // a header, unless the profile names it as one ("Milestone" over nothing).
    const bool group = std::any_of(cells.begin(), cells.end(), [](const HeaderCell& h) { return !h.upper.empty(); });
    if (upper.cells.size() < 2 && !group && evidence_.header(upper.cells.front().text).exact == Field::None) return {};
    // A lone cell below beside the header, under nothing: a heading under it,
    // unless the profile names it as a header ("Deliverable" split off below).
    if (lower.cells.size() < 2) {
        const RowCell& l = lower.cells.front();
        if (std::none_of(upper.cells.begin(), upper.cells.end(),
                         [&](const RowCell& u) { return l.col >= u.col && l.col < u.col + u.span; }) &&
            evidence_.header(l.text).exact == Field::None)
            return {};
    }
    for (const RowCell& l : lower.cells) {
        bool under = false;
        for (const RowCell& u : upper.cells) under |= l.col >= u.col && l.col < u.col + u.span;
        if (!under) cells.push_back({l.col, l.span, "", l.text});
    }
    if (cells.size() < 2) return {};  // one column is a list, not a table
    std::sort(cells.begin(), cells.end(), [](const HeaderCell& a, const HeaderCell& b) { return a.col < b.col; });
    return cells;
}

// Weighs rows first..last as the header of the rows below them.
std::optional<HeaderCandidate> SheetWalker::weigh(std::size_t first, std::size_t last) {
    HeaderCandidate c;
    c.first = first;
    c.last = last;
    WeighedHeader w;
    if (first == last) {
        for (const RowCell& rc : rows_[first].cells) w.cells.push_back({rc.col, rc.span, "", rc.text});
    } else {
        w.cells = two_row_header(rows_[first], rows_[last]);
        if (w.cells.empty()) return std::nullopt;
    }
    std::string signature;
    for (const HeaderCell& h : w.cells) signature += fold_header(h.shown()) + "|";
    // The body: rows of two or more cells below, up to the next header of another kind.
    std::vector<const RowView*> body;
    for (std::size_t j = last + 1; j < rows_.size() && j <= last + 200 && body.size() < body_sample; ++j) {
        if (header_words_[j] >= words_to_weigh) {
            std::string other;
            for (const RowCell& rc : rows_[j].cells) other += fold_header(rc.text) + "|";
            if (other != signature) break;
            continue;  // the same header again
        }
        if (rows_[j].cells.size() >= 2) body.push_back(&rows_[j]);
    }
    w.model = model_table(w.cells, body, sheet_, evidence_, hint_);
    w.body = body.size();
    // How many of the body's cells sit under the header's columns.
    std::size_t inside = 0, all = 0;
    for (const RowView* r : body)
        for (const RowCell& rc : r->cells) {
            ++all;
            for (const HeaderCell& h : w.cells)
                if (rc.col >= h.col && rc.col < h.col + h.span) {
                    ++inside;
                    break;
                }
        }
    const double alignment = all ? double(inside) / all : 1.0;
    w.score = w.model.score * (0.4 + 0.6 * alignment);
    for (const HeaderCell& h : w.cells)
        if (h.text.size() > 60) w.score -= 1.5;  // a header holds names, not sentences
    c.header = std::make_shared<const WeighedHeader>(std::move(w));
    return c;
}

void SheetWalker::find_candidates() {
    header_words_.assign(rows_.size(), 0);
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        // Cheapest first: a header is short texts (a row holding a number or a
        // date cell is data); then its words, folded once per distinct text;
        // only a row with header words gets a closer look.
        const RowView& r = rows_[i];
        const bool all_text = r.cells.size() >= 2 && std::all_of(r.cells.begin(), r.cells.end(), [](const RowCell& c) {
            return c.cell->type == CellType::Text && c.text.size() <= 160;
        });
        if (const double w = all_text ? words_of(r) : 0; w > 0 && header_shaped(r)) header_words_[i] = w;
    }
    // Rows with the same texts as one weighed already share its verdict: a
    // header repeated at every page break (or a million times) is weighed once.
    // A cell as a header sees it: where, what, and how it is merged (a group
    // cell over the row below, a header merged down into it), so rows that
    // share a key share a verdict.
    auto cell_key = [&](const RowView& r, const RowCell& rc) {
        const Range* m = merges_.at({r.row, rc.col});
        const std::uint32_t down = m && m->first.row == r.row ? m->last.row - m->first.row : 0;
        return std::to_string(rc.col) + "+" + std::to_string(rc.span) + "v" + std::to_string(down) + ":" + rc.text + "|";
    };
    // Weighing costs a sample of the rows below, so a sheet of a million
    // different header-like rows weighs only the 256 with the most header
    // words: a real header ("Risk | Owner | Mitigation | Likelihood") after
    // hundreds of short data rows that hold a header word or two still is one.
    std::map<std::string, std::size_t> first_of;  // a row's texts -> the first row holding them
    std::vector<std::pair<std::size_t, std::size_t>> repeat_of;  // (row, the first row with its texts)
    std::vector<std::size_t> distinct;
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (header_words_[i] < words_to_weigh) continue;
        std::string texts;
        for (const RowCell& rc : rows_[i].cells) texts += cell_key(rows_[i], rc);
        auto [it, added] = first_of.emplace(std::move(texts), i);
        if (added) distinct.push_back(i);
        else repeat_of.emplace_back(i, it->second);
    }
    constexpr std::size_t max_weighed = 256;
    if (distinct.size() > max_weighed) {
        std::stable_sort(distinct.begin(), distinct.end(),
                         [&](std::size_t a, std::size_t b) { return header_words_[a] > header_words_[b]; });
        distinct.resize(max_weighed);
    }
    for (std::size_t i : distinct)
        if (auto c = weigh(i, i)) candidates_.emplace(i, std::move(*c));
    std::set<std::size_t> repeats;  // rows that repeat a row weighed before
    for (const auto& [i, first] : repeat_of) {
        auto it = candidates_.find(first);
        if (it == candidates_.end()) continue;
        candidates_.emplace(i, HeaderCandidate{i, i, it->second.header});
        repeats.insert(i);
    }
    // Two rows as one header, where together they explain the rows below
    // clearly better than either row alone. As for single rows: the same two
    // rows again share one weighing and one verdict, and of more than 256
    // different pairs the 256 with the most header words are weighed.
    auto pair_words = [&](std::size_t i) {
        return header_words_[i] + header_words_[i + 1] + (rows_[i].cells.size() == 1 ? words_of(rows_[i]) : 0);
    };
    std::vector<std::size_t> eligible;
    std::map<std::string, std::size_t> pair_first;  // the texts of two rows -> the first row holding them
    std::vector<std::string> pair_key(rows_.size());
    for (std::size_t i = 0; i + 1 < rows_.size(); ++i) {
        if (rows_[i + 1].row != rows_[i].row + 1) continue;
        if (rows_[i].cells.size() + rows_[i + 1].cells.size() < 3) continue;  // a header of two rows spans two columns or more
        if (pair_words(i) < words_to_weigh) continue;
        if (!header_cells(rows_[i]) || !header_cells(rows_[i + 1])) continue;
        std::string key;
        for (std::size_t k : {i, i + 1}) {
            for (const RowCell& rc : rows_[k].cells) key += cell_key(rows_[k], rc);
            key += "\n";
        }
        if (pair_first.emplace(key, i).second) eligible.push_back(i);
        pair_key[i] = std::move(key);
    }
    std::set<std::size_t> to_weigh(eligible.begin(), eligible.end());
    if (eligible.size() > max_weighed) {
        std::stable_sort(eligible.begin(), eligible.end(), [&](std::size_t a, std::size_t b) { return pair_words(a) > pair_words(b); });
        to_weigh = std::set<std::size_t>(eligible.begin(), eligible.begin() + max_weighed);
    }
    struct PairVerdict {
        std::shared_ptr<const WeighedHeader> header;  // null: not a header of two rows
        bool chosen = false;
    };
    std::map<std::size_t, PairVerdict> verdicts;  // by the first row holding the pair's texts
    std::set<std::string> chosen_pairs;  // signatures of the headers of two rows taken so far
    for (std::size_t i = 0; i + 1 < rows_.size(); ++i) {
        if (pair_key[i].empty()) continue;
        // A repeat of a header of one row stays one: its copy's score is no measure against a pair.
        if (repeats.count(i) && !chosen_pairs.size()) continue;
        const std::size_t first = pair_first.at(pair_key[i]);
        if (!to_weigh.count(first)) continue;
        if (auto seen = verdicts.find(first); seen != verdicts.end()) {
            const PairVerdict& v = seen->second;
            if (v.header && (v.chosen || chosen_pairs.count(v.header->model.signature)))
                candidates_[i] = HeaderCandidate{i, i + 1, v.header};
            continue;
        }
        PairVerdict& verdict = verdicts[first];
        const std::vector<HeaderCell> cells = two_row_header(rows_[i], rows_[i + 1]);
        if (cells.empty()) continue;
        // A group cell merged over cells of the row below, or a header cell
        // merged down into it, says outright that the two rows are one header.
        bool grouped = std::any_of(cells.begin(), cells.end(), [](const HeaderCell& h) { return !h.upper.empty(); });
        for (const RowCell& u : rows_[i].cells) {
            const Range* m = merges_.at({rows_[i].row, u.col});
            grouped |= m && m->first.row == rows_[i].row && m->last.row > rows_[i].row;
        }
        auto pair = weigh(i, i + 1);
        if (!pair) continue;
        verdict.header = pair->header;
        double alone = 0;
        for (std::size_t k : {i, i + 1})
            if (auto it = candidates_.find(k); it != candidates_.end() && it->second.first == it->second.last)
                alone = std::max(alone, it->second.header->score);
        // Every cell of the upper row stacked on a cell below ("Improvement"
        // over "Action", "Link" over "to Council Plan"): the words of one header.
        const bool stacked = std::all_of(rows_[i].cells.begin(), rows_[i].cells.end(), [&](const RowCell& u) {
            return u.span == 1 && rows_[i + 1].at(u.col) != nullptr;
        });
        // The same two rows again (repeated at a page break) are the same header.
        const double score = pair->header->score;
        const bool repeat = chosen_pairs.count(pair->header->model.signature) > 0;
        const double margin = grouped ? score - 0.85 * alone : stacked ? score - alone + 1.0 : score - alone - 1.0;
        if (repeat || margin >= 0) {
            chosen_pairs.insert(pair->header->model.signature);
            verdict.chosen = true;
            candidates_[i] = std::move(*pair);
        }
    }
}

// The header starting at row i, if the walk should take it as one; else
// nullptr, with why it was not when it was a candidate.
const HeaderCandidate* SheetWalker::header_verdict(std::size_t i, const char** why) {
    auto it = candidates_.find(i);
    if (it == candidates_.end()) return nullptr;
    const HeaderCandidate& c = it->second;
    auto refuse = [&](const char* reason) -> const HeaderCandidate* {
        if (why) *why = reason;
        return nullptr;
    };
    if (table_ && table_->signature == c.header->model.signature) return &c;  // repeated at a page break
    if (c.header->score < score_to_open) return refuse("below the threshold");
    // Just under a header, before any row of its table: the header's notes
    // (column descriptions, formats), unless they explain the rows better.
    if (table_ && table_->items == 0 && rows_[i].row <= table_->header_end + 3 && c.header->score <= table_->score)
        return refuse("notes under the header above");
    if (table_ && c.header->model.strong_cells < 2) {
        if (c.header->body == 0) return refuse("nothing below it");
        if (table_->kind == TableKind::Items && (fits_table(i) || fits_table(c.last)))
            return refuse("a row of the table above");
        // Straight after a row of the table, with no gap or heading between: one more row of it.
        if (i > 0 && last_data_ == i - 1 && rows_[i - 1].row + 1 == rows_[i].row) return refuse("a row of the table above");
    }
    // A better header just below, and nothing between that reads as rows of
    // this one: this row is a form or title block above the real header.
    const bool has_rows = c.header->body > 0 && c.header->model.kind != TableKind::Appendix;
    for (auto next = candidates_.upper_bound(c.last); !has_rows && next != candidates_.end(); ++next) {
        if (rows_[next->first].row > rows_[c.last].row + 6) break;
        if (next->second.header->score > c.header->score * 1.25 && next->second.header->model.signature != c.header->model.signature)
            return refuse("a form above the header");
    }
    return &c;
}

const HeaderCandidate* SheetWalker::header_at(std::size_t i) {
    const char* why = nullptr;
    const HeaderCandidate* c = header_verdict(i, &why);
    if (!c && why && considered_.size() < 16) considered_.push_back({rows_[i].row + 1, candidates_.at(i).header->score, why});
    return c;
}

// Whether row i reads as a row of the open table: its cells sit in the
// table's columns, and what they hold is what those columns hold (a date
// under the due date, a status word under the status, text under the action).
bool SheetWalker::fits_table(std::size_t i) {
    if (!table_ || table_->action_col == max_cols || i >= rows_.size()) return false;
    const RowView& r = rows_[i];
    double fit = 0;
    bool action_text = false;
    for (const RowCell& c : r.cells) {
        const auto it = table_->fields.find(c.col);
        if (it == table_->fields.end()) {
            fit -= 0.5;
            continue;
        }
        const CellFacts f = evidence_.facts(sheet_, *c.cell, c.text);
        switch (it->second) {
            case Field::Action: action_text = f.text && !f.type_word; fit += action_text; break;
            case Field::Due:
            case Field::Start: fit += f.date || f.due_word; break;
            case Field::Status: fit += f.status || f.percent; break;
            case Field::PercentComplete: fit += f.percent || f.number; break;
            case Field::Ref: fit += f.ref; break;
            case Field::Lead: fit += evidence_.lead(*c.cell, c.text) >= 0.5; break;
            default: break;
        }
    }
    return action_text && fit >= 2;
}

void SheetWalker::open_table(const HeaderCandidate& c) {
    OpenTable t;
    TableLayout layout;
    layout.sheet = sheet_.name;
    layout.header_row = rows_[c.last].row + 1;
    layout.header_rows = std::uint32_t(c.last - c.first + 1);
    layout.score = c.header->score;
    layout.why = c.header->model.why;
    layout.item_kind = c.header->model.item_kind;
    considered_.push_back({rows_[c.first].row + 1, c.header->score, "chosen"});
    layout.candidates = std::move(considered_);
    considered_.clear();
    t.kind = c.header->model.kind;
    t.signature = c.header->model.signature;
    t.item_kind = c.header->model.item_kind;
    t.action_col = c.header->model.action_col();
    t.score = c.header->score;
    t.header_end = rows_[c.last].row;
    for (const ColumnChoice& col : c.header->model.columns) {
        t.fields[col.col] = col.field;
        t.headers[col.col] = col.header;
        layout.columns.push_back({col.col, col.header, std::string(to_string(col.field)), col.evidence});
    }
    layout.kind = kind_name(t.kind);
    if (c.header->model.action_missing) {
        std::string headers;
        for (const HeaderCell& h : c.header->cells) headers += (headers.empty() ? "" : " | ") + h.shown();
        plan_.warnings.push_back({source(rows_[c.last].row),
                                  "no action column under this header (" + headers +
                                      "); its rows are kept as appendix data; name the action column in a profile "
                                      "(`plancon profile FILE` writes one to edit)"});
        layout.why = "no action column";
        layout.action_missing = true;
    }
    if (t.kind == TableKind::Appendix) {
        AppendixTable a;
        a.sheet = sheet_.name;
        for (const auto& [col, h] : t.headers) a.headers.push_back(h);
        plan_.appendices.push_back(std::move(a));
        t.appendix = int(plan_.appendices.size() - 1);
    }
    had_table_ = true;
    t.layout = plan_.tables.size();
    plan_.tables.push_back(std::move(layout));
    table_ = std::move(t);
}

// A header recognised by its shape alone (short texts over rows of another
// kind): an appendix table, values kept as shown.
void SheetWalker::open_appendix(const RowView& r) {
    HeaderCandidate c;
    c.first = c.last = std::size_t(&r - rows_.data());
    WeighedHeader w;
    for (const RowCell& rc : r.cells) {
        w.cells.push_back({rc.col, rc.span, "", rc.text});
        w.model.columns.push_back({rc.col, rc.text, Field::None, 0, 0, ""});
        w.model.signature += fold_header(rc.text) + "|";
    }
    w.model.kind = TableKind::Appendix;
    w.model.why = "a row of short texts over rows of another kind, naming no field of a plan";
    c.header = std::make_shared<const WeighedHeader>(std::move(w));
    open_table(c);
}

}  // namespace plancon::layout_detail
