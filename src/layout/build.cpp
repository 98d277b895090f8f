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
#include "plancon/layout.hpp"
#include "plancon/text.hpp"
#include "plancon/values.hpp"
#include "layout/evidence.hpp"
#include "layout/sheet_view.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

namespace plancon {

using namespace layout_detail;

namespace {

// A header candidate needs this much evidence from its words to be weighed,
// and this score (words and the rows below agreeing) to open a table.
constexpr double words_to_weigh = 3.0;
constexpr double score_to_open = 4.0;
// Rows below a candidate that are weighed with it.
constexpr std::size_t body_sample = 30;

std::string trimmed(std::string_view s) { return std::string(trim(s)); }

// A heading such as "IMPROVEMENT ACTION 1: ...", "AIM 3: ...", "1. ...",
// "Priority 2: ...", possibly marked "(continued)".
struct HeadingText {
    std::string ref, kind, title;
    bool numbered = false;
    bool named = false;  // "Theme: Leadership", "Priority - Early years": a heading word and its title
    bool continued = false;
};

HeadingText parse_heading(std::string text) {
    HeadingText h;
    std::string lower = lower_ascii(text);
    for (std::string_view marker : {"(continued", "(cont.", "(cont)", "(contd", "- continued", "continued.."}) {
        std::size_t at = lower.find(marker);
        if (at != std::string::npos && at > 0) {
            h.continued = true;
            text = trimmed(text.substr(0, at));
            lower = lower_ascii(text);
            break;
        }
    }
    auto number_after = [&](std::size_t from, std::size_t& end) {
        std::size_t i = from;
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t digits = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        end = i;
        return text.substr(digits, i - digits);
    };
    auto rest_after = [&](std::size_t i) {
        while (i < text.size() && (text[i] == ':' || text[i] == '.' || text[i] == '-' || text[i] == ' ' || text[i] == ')'))
            ++i;
        return trimmed(text.substr(i));
    };
    struct Named { std::string_view prefix, kind; bool aim; };
    for (const Named& n : {Named{"improvement action", "improvement action", false}, Named{"aim", "aim", true},
                           Named{"priority", "priority", false}, Named{"area", "area", false},
                           Named{"objective", "objective", false}, Named{"outcome", "outcome", false},
                           Named{"section", "section", false}, Named{"theme", "theme", false},
                           Named{"goal", "goal", false}}) {
        if (!starts_with_ci(text, n.prefix)) continue;
        std::size_t end = 0;
        std::string number = number_after(n.prefix.size(), end);
        if (number.empty()) {
            // "Theme: Service planning": the heading word, a colon and the title.
            const std::size_t after = n.prefix.size();
            if (after < text.size() && text[after] == ':' && !n.aim) {
                h.named = true;
                h.kind = n.kind;
                h.title = rest_after(after);
                return h;
            }
            continue;
        }
        h.numbered = true;
        h.kind = n.kind;
        h.ref = n.aim ? "AIM " + number : number;
        h.title = rest_after(end);
        return h;
    }
    // "1. Our vision ..." or "2) Throughcare", but not "1.1 ..." (an action id).
    std::size_t end = 0;
    std::string number = number_after(0, end);
    if (!number.empty() && end < text.size() && (text[end] == '.' || text[end] == ')') && end + 1 < text.size() &&
        text[end + 1] == ' ') {
        h.numbered = true;
        h.kind = "area";
        h.ref = number;
        h.title = rest_after(end);
        return h;
    }
    h.title = text;
    return h;
}

bool is_bullet(std::string_view t) {
    for (std::string_view b : {"- ", "* ", "\u2022", "\u00b7", "\u2013 ", "\u25aa", "\u2023", "o "})
        if (t.substr(0, b.size()) == b) return true;
    return false;
}

std::string strip_bullet(std::string t) {
    for (std::string_view b : {"- ", "* ", "\u2022", "\u00b7", "\u2013 ", "\u25aa", "\u2023", "o "})
        if (std::string_view(t).substr(0, b.size()) == b) return trimmed(t.substr(b.size()));
    return t;
}

bool has_letters(std::string_view t) {
    return std::any_of(t.begin(), t.end(), [](char c) { return is_alpha(c) || (static_cast<unsigned char>(c) & 0x80); });
}

// A lone cell that closes a table rather than heading or continuing it:
// page footers, "last updated" lines, keys and totals.
bool footer_text(std::string_view text) {
    if (text.starts_with("*") || text.starts_with("\u2020")) return true;  // a footnote
    const std::string f = fold_for_matching(text);
    for (std::string_view start : {"page ", "last updated", "updated ", "printed", "source ", "total", "grand total",
                                   "key ", "key", "legend", "rag key", "notes", "note ", "nb ", "prepared by",
                                   "date of last update", "version ", "please ", "instructions", "guidance"})
        if (f.rfind(start, 0) == 0 && (f.size() == start.size() || start.back() == ' ' || f[start.size()] == ' '))
            return true;
    return std::count(text.begin(), text.end(), '=') >= 2;  // "Red = off track; Amber = ..."
}

// "Date: 02/03/2022", "Service: Housing", "Prepared by: J. Smith": a label
// and its value in one cell (not a heading such as "Theme: Leadership").
// The label's length is where the colon stands.
std::size_t label_length(std::string_view text) {
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 30) return 0;
    if (split_words(text.substr(0, colon)).size() > 4) return 0;
    const HeadingText h = parse_heading(std::string(text));
    if (h.named || h.numbered) return 0;
    return colon;
}

// Whether a cell and its column's header share a word of substance
// ("Describe the action to be taken" under "Description of action").
bool shares_a_word(std::string_view cell, std::string_view header) {
    auto stems = [](std::string_view text) {
        std::vector<std::string> out;
        const std::string folded = fold_header(text);  // named: the views below point into it
        for (std::string_view w : split_words(folded)) {
            if (w.size() < 4) continue;  // "of", "the", "by", "%"
            std::string stem(w.substr(0, std::min<std::size_t>(w.size(), 6)));  // "description" ~ "describe"
            out.push_back(std::move(stem));
        }
        return out;
    };
    const std::vector<std::string> a = stems(cell), b = stems(header);
    return std::any_of(a.begin(), a.end(), [&](const std::string& w) { return std::find(b.begin(), b.end(), w) != b.end(); });
}

struct HeaderCandidate {
    std::size_t first = 0, last = 0;  // indices into the walker's rows: one row, or two
    std::vector<HeaderCell> cells;
    TableModel model;
    double score = 0;
    std::size_t body = 0;             // rows of two or more cells weighed below it
};

struct OpenTable {
    std::size_t layout = 0;  // index in plan.tables
    TableKind kind = TableKind::Items;
    std::string signature;   // folded header texts, to recognise a repeat
    std::map<std::uint32_t, Field> fields;  // col -> field
    std::map<std::uint32_t, std::string> headers;
    int appendix = -1;
    std::string item_kind;
    std::uint32_t action_col = max_cols;
    double action_length = 0;  // typical length of its action texts
    std::size_t items = 0;     // item rows read under it
    double score = 0;          // its header's score
    std::uint32_t header_end = 0;  // its (last) header row, 0-based
};

class SheetWalker {
public:
    SheetWalker(Plan& plan, const Workbook& wb, const Sheet& sheet, const Config& config, Evidence& evidence)
        : plan_(plan), wb_(wb), sheet_(sheet), profile_(config.profile), evidence_(evidence), merges_(sheet) {}

    void run();
    std::string label_service;  // a "Service: X" row's X
    std::uint32_t label_row = 0;

private:
    Plan& plan_;
    const Workbook& wb_;
    const Sheet& sheet_;
    const Profile& profile_;
    Evidence& evidence_;
    MergeIndex merges_;
    SheetKind hint_ = SheetKind::Auto;
    std::vector<RowView> rows_;
    std::vector<double> header_words_;  // per row: the word evidence of a header-shaped row, else 0
    std::map<std::size_t, HeaderCandidate> candidates_;  // by first row index
    std::vector<TableLayout::Candidate> considered_;     // since the last table opened
    std::vector<std::size_t> pending_;  // indices into rows_: lone rows awaiting resolution
    std::optional<OpenTable> table_;
    int priority_ = -1;
    bool priority_from_row_ = false;  // the current priority was a ref-and-title row of the table
    std::map<std::string, int> priority_keys_;            // this sheet's priorities by heading key
    std::set<std::pair<int, std::string>> points_seen_;   // (priority, point) already taken
    std::string theme_;
    bool first_gap_ = true;
    bool had_table_ = false;
    bool multi_table_ = false;  // two or more header rows on the sheet
    std::size_t last_data_ = std::size_t(-1);  // the last row read as a row of a table
    std::size_t last_key_ = std::size_t(-1);   // the last row of a key or legend
    std::size_t first_record_ = 0;

    Provenance source(std::uint32_t row) const { return {wb_.path, sheet_.name, row + 1}; }
    void record(std::uint32_t row, RowRecord::Fate fate, int index, std::string reason) {
        record_run(row, row, fate, index, std::move(reason));
    }
    // One record for rows first..last (0-based, inclusive); nothing when first > last.
    // Blank rows, and rows skipped for the same reason, that follow the last
    // record extend it: a million rows of nothing are one record, not a million.
    void record_run(std::uint32_t first, std::uint32_t last, RowRecord::Fate fate, int index, std::string reason) {
        if (first > last) return;
        const bool joinable = index < 0 && (fate == RowRecord::Fate::Blank || fate == RowRecord::Fate::Skipped);
        if (joinable && plan_.rows.size() > first_record_) {
            RowRecord& previous = plan_.rows.back();
            if (previous.fate == fate && previous.index < 0 && previous.last_row() == first &&
                previous.reason == reason) {
                previous.row_count += last - first + 1;
                return;
            }
        }
        plan_.rows.push_back({source(first), fate, index, std::move(reason), last - first + 1});
    }
    std::string value_at(const RowView& r, std::uint32_t col, std::string* filled_from, const Cell** cell = nullptr) const {
        return layout_detail::value_at(sheet_, merges_, r, col, filled_from, cell);
    }

    bool header_cells(const RowView& r);
    bool form_row(const RowView& r);
    std::vector<HeaderCell> two_row_header(const RowView& upper, const RowView& lower);
    bool header_shaped(const RowView& r);
    double words_of(const RowView& r);
    void find_candidates();
    std::optional<HeaderCandidate> weigh(std::size_t first, std::size_t last);
    const HeaderCandidate* header_verdict(std::size_t i, const char** why = nullptr);
    const HeaderCandidate* header_at(std::size_t i);
    bool fits_table(std::size_t i);
    std::string template_row(std::size_t i);
    bool lone_is_data(std::size_t i);
    bool starts_appendix(std::size_t i);
    void open_table(const HeaderCandidate& c);
    void open_appendix(const RowView& r);
    void resolve_gap(std::optional<TableKind> next, bool before_header, bool repeated_header = false);
    int add_priority(const HeadingText& h, std::uint32_t row, std::string& reason);
    void add_data_row(std::size_t i);
    bool is_priority_row(std::size_t i, const std::map<Field, std::string>& values);
    bool heads_children(std::size_t i, const std::map<Field, std::string>& values);
    std::optional<double> percent_in(const RowView& r, std::uint32_t col, const std::string& shown) const;
};

// Header-shaped: two or more cells, all short texts (a header of numbers or
// sentences is no header).
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
        const CellFacts& f = evidence_.facts(sheet_, *v.cell, v.text);
        const bool value = v.text.back() != ':' && said.exact == Field::None &&
                           (said.best() <= 0 || evidence_.lead(sheet_, *v.cell, v.text) >= 1 || f.date || f.number || f.type_word || v.cell->type != CellType::Text);
        if (!value) return false;
        ++labels;
    }
    return labels > 0 && labels * 2 >= int(r.cells.size());
}

// "Q1", "Q2 2020/21", "2019/20": a period a column is for, a header's words
// (under "Progress" or "Budget"), though each reads as a date.
bool period_label(std::string_view text) {
    const std::string f = fold_for_matching(text);
    const auto words = split_words(f);
    if (words.empty() || words.size() > 3) return false;
    auto digits = [](std::string_view w, std::size_t n) {
        return w.size() == n && std::all_of(w.begin(), w.end(), [](char c) { return is_digit(c); });
    };
    std::size_t i = 0;
    if (words[0].size() == 2 && words[0][0] == 'q' && is_digit(words[0][1])) ++i;
    if (i < words.size() && digits(words[i], 4)) ++i;
    if (i < words.size() && (digits(words[i], 2) || digits(words[i], 4))) ++i;
    return i == words.size() && i > 0;
}

// Cells a header could be made of: short texts, none of them a value of a
// row of data ("HOU-04", "100%", "2019/20", "8.11"), at most one format hint.
bool SheetWalker::header_cells(const RowView& r) {
    if (r.cells.empty() || r.cells.size() > 512) return false;
    int formats = 0;
    for (const RowCell& c : r.cells) {
        if (c.cell->type != CellType::Text || c.text.size() > 160) return false;
        const CellFacts& f = evidence_.facts(sheet_, *c.cell, c.text);
        formats += f.type_word;  // "Text | Date | Number": a template's format hints under its header
        if (f.percent || f.due_word || (f.date && !f.type_word && !period_label(c.text)) || (f.ref && !period_label(c.text)))
            return false;
        // "Not started", "On track": a status of the vocabulary, not the header over it.
        const std::string folded = fold_for_matching(c.text);
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
    if (first == last) {
        for (const RowCell& rc : rows_[first].cells) c.cells.push_back({rc.col, rc.span, "", rc.text});
    } else {
        c.cells = two_row_header(rows_[first], rows_[last]);
        if (c.cells.empty()) return std::nullopt;
    }
    std::string signature;
    for (const HeaderCell& h : c.cells) signature += fold_header(h.shown()) + "|";
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
    c.model = model_table(c.cells, body, sheet_, evidence_, hint_);
    c.body = body.size();
    // How many of the body's cells sit under the header's columns.
    std::size_t inside = 0, all = 0;
    for (const RowView* r : body)
        for (const RowCell& rc : r->cells) {
            ++all;
            for (const HeaderCell& h : c.cells)
                if (rc.col >= h.col && rc.col < h.col + h.span) {
                    ++inside;
                    break;
                }
        }
    const double alignment = all ? double(inside) / all : 1.0;
    c.score = c.model.score * (0.4 + 0.6 * alignment);
    for (const HeaderCell& h : c.cells)
        if (h.text.size() > 60) c.score -= 1.5;  // a header holds names, not sentences
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
    std::map<std::string, std::size_t> weighed;
    std::set<std::size_t> repeats;  // rows that repeat a row weighed before
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        if (header_words_[i] < words_to_weigh) continue;
        std::string texts;
        for (const RowCell& rc : rows_[i].cells) texts += std::to_string(rc.col) + ":" + rc.text + "|";
        if (auto it = weighed.find(texts); it != weighed.end()) {
            HeaderCandidate copy = candidates_.at(it->second);
            copy.first = copy.last = i;
            candidates_.emplace(i, std::move(copy));
            repeats.insert(i);
        } else if (weighed.size() < 256) {
            if (auto c = weigh(i, i)) candidates_.emplace(i, std::move(*c));
            weighed.emplace(texts, i);
        }
    }
    // Two rows as one header, where together they explain the rows below
    // clearly better than either row alone.
    std::size_t pairs = 0;
    std::set<std::string> chosen_pairs;  // signatures of the headers of two rows taken so far
    for (std::size_t i = 0; i + 1 < rows_.size() && pairs < 256; ++i) {
        if (rows_[i + 1].row != rows_[i].row + 1) continue;
        if (rows_[i].cells.size() + rows_[i + 1].cells.size() < 3) continue;  // a header of two rows spans two columns or more
        // A repeat of a header of one row stays one: its copy's score is no measure against a pair.
        if (repeats.count(i) && !chosen_pairs.size()) continue;
        if (header_words_[i] + header_words_[i + 1] + (rows_[i].cells.size() == 1 ? words_of(rows_[i]) : 0) <
            words_to_weigh)
            continue;
        if (!header_cells(rows_[i]) || !header_cells(rows_[i + 1])) continue;
        const std::vector<HeaderCell> cells = two_row_header(rows_[i], rows_[i + 1]);
        if (cells.empty()) continue;
        // A group cell merged over cells of the row below, or a header cell
        // merged down into it, says outright that the two rows are one header.
        bool grouped = std::any_of(cells.begin(), cells.end(), [](const HeaderCell& h) { return !h.upper.empty(); });
        for (const RowCell& u : rows_[i].cells) {
            const Range* m = merges_.at({rows_[i].row, u.col});
            grouped |= m && m->first.row == rows_[i].row && m->last.row > rows_[i].row;
        }
        ++pairs;
        auto pair = weigh(i, i + 1);
        if (!pair) continue;
        double alone = 0;
        for (std::size_t k : {i, i + 1})
            if (auto it = candidates_.find(k); it != candidates_.end() && it->second.first == it->second.last)
                alone = std::max(alone, it->second.score);
        // Every cell of the upper row stacked on a cell below ("Improvement"
        // over "Action", "Link" over "to Council Plan"): the words of one header.
        const bool stacked = std::all_of(rows_[i].cells.begin(), rows_[i].cells.end(), [&](const RowCell& u) {
            return u.span == 1 && rows_[i + 1].at(u.col) != nullptr;
        });
        // The same two rows again (repeated at a page break) are the same header.
        const bool repeat = chosen_pairs.count(pair->model.signature) > 0;
        const double margin = grouped ? pair->score - 0.85 * alone : stacked ? pair->score - alone + 1.0 : pair->score - alone - 1.0;
        if (repeat || margin >= 0) {
            chosen_pairs.insert(pair->model.signature);
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
    if (table_ && table_->signature == c.model.signature) return &c;  // repeated at a page break
    if (c.score < score_to_open) return refuse("below the threshold");
    // Just under a header, before any row of its table: the header's notes
    // (column descriptions, formats), unless they explain the rows better.
    if (table_ && table_->items == 0 && rows_[i].row <= table_->header_end + 3 && c.score <= table_->score)
        return refuse("notes under the header above");
    if (table_ && c.model.strong_cells < 2) {
        if (c.body == 0) return refuse("nothing below it");
        if (table_->kind == TableKind::Items && (fits_table(i) || fits_table(c.last)))
            return refuse("a row of the table above");
        // Straight after a row of the table, with no gap or heading between: one more row of it.
        if (i > 0 && last_data_ == i - 1 && rows_[i - 1].row + 1 == rows_[i].row) return refuse("a row of the table above");
    }
    // A better header just below, and nothing between that reads as rows of
    // this one: this row is a form or title block above the real header.
    const bool has_rows = c.body > 0 && c.model.kind == TableKind::Items;
    for (auto next = candidates_.upper_bound(c.last); !has_rows && next != candidates_.end(); ++next) {
        if (rows_[next->first].row > rows_[c.last].row + 6) break;
        if (next->second.score > c.score * 1.25 && next->second.model.signature != c.model.signature)
            return refuse("a form above the header");
    }
    return &c;
}

const HeaderCandidate* SheetWalker::header_at(std::size_t i) {
    const char* why = nullptr;
    const HeaderCandidate* c = header_verdict(i, &why);
    if (!c && why && considered_.size() < 16) considered_.push_back({rows_[i].row + 1, candidates_.at(i).score, why});
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
        const CellFacts& f = evidence_.facts(sheet_, *c.cell, c.text);
        switch (it->second) {
            case Field::Action: action_text = f.text && !f.type_word; fit += action_text; break;
            case Field::Due:
            case Field::Start: fit += f.date || f.due_word; break;
            case Field::Status: fit += f.status || f.percent; break;
            case Field::PercentComplete: fit += f.percent || f.number; break;
            case Field::Ref: fit += f.ref; break;
            case Field::Lead: fit += evidence_.lead(sheet_, *c.cell, c.text) >= 0.5; break;
            default: break;
        }
    }
    return action_text && fit >= 2;
}

// Rows of a template that are not items: an example, the column
// descriptions or formats under the header, a total, a key. "" for others.
std::string SheetWalker::template_row(std::size_t i) {
    if (!table_ || table_->kind != TableKind::Items) return {};
    const RowView& r = rows_[i];
    int examples = 0, formats = 0, misfits = 0, mapped = 0, filled = 0, echoes = 0;
    bool action_example = false;
    // Column descriptions and format hints sit under the header, before the
    // first item; below that only an example needs a look at every cell (and
    // only a cell that says "example" or "e.g." at all: most rows cost nothing).
    const bool under_header = table_->items == 0;
    for (const RowCell& c : r.cells) {
        const auto it = table_->fields.find(c.col);
        const Field field = it == table_->fields.end() ? Field::None : it->second;
        if (!under_header) {
            const std::string lower = lower_ascii(c.text);
            if (lower.find("example") == std::string::npos && lower.rfind("e.g", 0) != 0 && lower.rfind("eg", 0) != 0) continue;
        }
        const CellFacts& f = evidence_.facts(sheet_, *c.cell, c.text);
        examples += f.example;
        action_example |= f.example && field == Field::Action;
        formats += f.type_word;
        if (field == Field::None || !under_header) continue;
        ++filled;
        // A typed column holding words that are not of its type ("Name or
        // post of the person responsible" under the lead).
        const bool typed = field == Field::Ref || field == Field::Due || field == Field::Start ||
                           field == Field::PercentComplete || field == Field::Status || field == Field::Lead;
        const bool misfit = typed && c.cell->type == CellType::Text && f.text && !f.date && !f.due_word && !f.status &&
                            !f.percent && !(field == Field::Ref && f.ref) && c.text.size() > 3 &&
                            !(field == Field::Lead &&
                              (split_words(c.text).size() < 4 || evidence_.lead(sheet_, *c.cell, c.text) >= 0.5));
        misfits += misfit;
        // A cell that talks about its own column, in its header's words:
        // "Date by which the action will be completed" under "Target date".
        echoes += c.cell->type == CellType::Text && shares_a_word(c.text, table_->headers.at(c.col));
    }
    for (const auto& [col, field] : table_->fields) mapped += field != Field::None;
    if (examples >= 2 || action_example || (examples >= 1 && table_->items == 0)) return "example row of a template";
    if (formats >= 2 && formats * 2 >= int(r.cells.size())) return "format hints of a template";
    if (table_->items == 0 && ((echoes >= 2 && echoes * 2 > filled) || (misfits >= 2 && filled * 10 >= mapped * 6)))
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
    if (i + 1 < rows_.size() && header_verdict(i + 1)) return false;
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

void SheetWalker::open_table(const HeaderCandidate& c) {
    OpenTable t;
    TableLayout layout;
    layout.sheet = sheet_.name;
    layout.header_row = rows_[c.last].row + 1;
    layout.header_rows = std::uint32_t(c.last - c.first + 1);
    layout.score = c.score;
    layout.why = c.model.why;
    layout.item_kind = c.model.item_kind;
    considered_.push_back({rows_[c.first].row + 1, c.score, "chosen"});
    layout.candidates = std::move(considered_);
    considered_.clear();
    t.kind = c.model.kind;
    if (hint_ == SheetKind::Findings && c.model.kind != TableKind::Items) t.kind = TableKind::Findings;
    t.signature = c.model.signature;
    t.item_kind = c.model.item_kind;
    t.action_col = c.model.action_col();
    t.action_length = c.model.action_length;
    t.score = c.score;
    t.header_end = rows_[c.last].row;
    for (const ColumnChoice& col : c.model.columns) {
        t.fields[col.col] = col.field;
        t.headers[col.col] = col.header;
        layout.columns.push_back({col.col, col.header, std::string(to_string(col.field)), col.evidence});
    }
    layout.kind = kind_name(t.kind);
    if (c.model.action_missing) {
        std::string headers;
        for (const HeaderCell& h : c.cells) headers += (headers.empty() ? "" : " | ") + h.shown();
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
    for (const RowCell& rc : r.cells) {
        c.cells.push_back({rc.col, rc.span, "", rc.text});
        c.model.columns.push_back({rc.col, rc.text, Field::None, 0, 0, ""});
        c.model.signature += fold_header(rc.text) + "|";
    }
    c.model.kind = TableKind::Appendix;
    c.model.why = "a row of short texts over rows of another kind, naming no field of a plan";
    open_table(c);
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
    std::vector<std::size_t> labels;
    for (std::size_t i : pending_) {
        const std::string& text = rows_[i].cells.front().text;
        if (!had_table_ && label_length(text) && !is_bullet(text)) labels.push_back(i);
        else if (!is_bullet(text)) lone.push_back(i);
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
    for (std::size_t i : pending_) {
        const RowView& r = rows_[i];
        const std::string& text = r.cells.front().text;
        if (std::find(labels.begin(), labels.end(), i) != labels.end()) {
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
        const std::string& header = t.headers.at(col);
        if (field == Field::None || values.count(field)) {
            extra.emplace_back(header.empty() ? column_name(col) : header, v);
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
    a.service = get(Field::Service);
    a.priority = priority_;
    a.source = source(r.row);
    a.filled_from = std::move(filled);
    a.extra = std::move(extra);
    // The typical action length follows the rows read: what a row of this table looks like.
    ++t.items;
    t.action_length += (double(a.text_as_written.size()) - t.action_length) / double(t.items + 1);
    plan_.actions.push_back(std::move(a));
    record(r.row, RowRecord::Fate::Action, int(plan_.actions.size() - 1), "");
}

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
    for (const auto& [i, c] : candidates_) headers += c.score >= score_to_open ? 1 : 0;
    multi_table_ = headers >= 2;

    std::uint32_t next_row = 0;  // rows before this have a record
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const RowView& r = rows_[i];
        // Blank rows between non-blank ones.
        if (next_row < r.row) record_run(next_row, r.row - 1, RowRecord::Fate::Blank, -1, "");
        next_row = r.row + 1;

        if (const HeaderCandidate* c = header_at(i)) {
            const bool repeat = table_ && table_->signature == c->model.signature;
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
                const bool no_fields = c->model.why == "no field of a plan";
                record(rows_[k].row, RowRecord::Fate::Header, int(table_->layout),
                       repeat ? "repeated header"
                       : k < c->last ? "header (upper row)"
                       : no_fields ? "appendix header (no known fields)" : "");
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

}  // namespace

Plan build_plan(const Workbook& workbook, const Config& config, const LayoutOptions& options) {
    Plan plan;
    plan.document.file = workbook.path;
    plan.warnings.insert(plan.warnings.end(), workbook.warnings.begin(), workbook.warnings.end());
    Evidence evidence(config);
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
        const std::string* known = services.find_in(label_service);
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
    // ("1.1", "1.2" under an unnumbered area heading -> "1").
    for (std::size_t p = 0; p < plan.priorities.size(); ++p) {
        Priority& priority = plan.priorities[p];
        if (!priority.ref.empty()) continue;
        std::string shared;
        bool agree = true, any = false;
        for (const Action& a : plan.actions) {
            if (a.priority != int(p)) continue;
            std::size_t dot = a.ref.find('.');
            std::string prefix = dot == std::string::npos ? std::string() : a.ref.substr(0, dot);
            if (prefix.empty() || (any && prefix != shared)) agree = false;
            shared = prefix;
            any = true;
        }
        if (any && agree) priority.ref = shared;
    }
    return plan;
}

}  // namespace plancon
