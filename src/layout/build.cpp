// build_plan: recognise the layout of every sheet and build the plan model.
//
// A sheet is read top to bottom. Rows are blank, header rows (most cells are
// known header synonyms), lone rows (one cell, often merged across: titles,
// priority headings, bullet points, notes) or data rows. Lone rows collect in
// a "gap" until the next header or data row, and are then resolved together,
// because what a lone row is depends on what follows it: the heading just
// above a table is its priority (or theme, or appendix title); rows above that
// are titles; "- ..." rows are the priority's points.
#include "plancon/layout.hpp"
#include "plancon/text.hpp"
#include "plancon/values.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>
#include <optional>

namespace plancon {

namespace {

std::string trimmed(std::string s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.back())) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && space(s[i])) ++i;
    return s.substr(i);
}

struct RowCell {
    std::uint32_t col = 0;
    std::uint32_t span = 1;  // columns covered when the cell heads a merged range
    std::string text;        // as shown, trimmed
    const Cell* cell = nullptr;
};

struct RowView {
    std::uint32_t row = 0;  // 0-based
    std::vector<RowCell> cells;
    bool header = false;    // most cells are known header synonyms
};

// A heading such as "IMPROVEMENT ACTION 1: ...", "AIM 3: ...", "1. ...",
// "Priority 2: ...", possibly marked "(continued)".
struct HeadingText {
    std::string ref, kind, title;
    bool numbered = false;
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
        if (number.empty()) continue;
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

// Which merged range covers a cell, for any number of ranges of any shape:
// a segment tree over the rows whose nodes hold the ranges that cover their
// whole span of rows, each node's ranges sorted by first column. A range sits
// in at most 40 nodes; a look-up visits 21 and binary-searches each.
// (It kept a list per column, filled on demand with every range crossing that
// column: 100,000 full-width merged rows under a row of 16,384 cells made 1.6
// billion entries, 79 s and 12.9 GB for a 550 KB file.) Ranges that overlap
// each other (invalid, but a file can say anything) may be missed, never
// looped over.
class MergeIndex {
public:
    explicit MergeIndex(const Sheet& sheet) {
        for (const Range& r : sheet.merged) {
            if (r.first.row > r.last.row || r.first.col > r.last.col || r.first.row >= rows) continue;
            insert(&r, 1, 0, rows - 1);
        }
        for (auto& [node, ranges] : nodes_)
            std::sort(ranges.begin(), ranges.end(), [](const Range* a, const Range* b) { return a->first.col < b->first.col; });
    }
    const Range* at(CellRef ref) const {
        if (nodes_.empty() || ref.row >= rows) return nullptr;
        std::uint32_t node = 1, lo = 0, hi = rows - 1;
        for (;;) {
            if (auto it = nodes_.find(node); it != nodes_.end()) {
                const auto& ranges = it->second;
                auto after = std::upper_bound(ranges.begin(), ranges.end(), ref.col,
                                              [](std::uint32_t col, const Range* r) { return col < r->first.col; });
                if (after != ranges.begin() && (*(after - 1))->contains(ref)) return *(after - 1);
            }
            if (lo == hi) return nullptr;
            const std::uint32_t mid = lo + (hi - lo) / 2;
            if (ref.row <= mid) {
                node = 2 * node;
                hi = mid;
            } else {
                node = 2 * node + 1;
                lo = mid + 1;
            }
        }
    }

private:
    static constexpr std::uint32_t rows = max_rows;  // a power of two: 2^20

    void insert(const Range* r, std::uint32_t node, std::uint32_t lo, std::uint32_t hi) {
        if (r->last.row < lo || hi < r->first.row) return;
        if (r->first.row <= lo && hi <= r->last.row) {
            nodes_[node].push_back(r);
            return;
        }
        const std::uint32_t mid = lo + (hi - lo) / 2;
        insert(r, 2 * node, lo, mid);
        insert(r, 2 * node + 1, mid + 1, hi);
    }

    std::unordered_map<std::uint32_t, std::vector<const Range*>> nodes_;
};

enum class TableKind { Actions, Findings, Appendix };
std::string_view kind_name(TableKind k) {
    return k == TableKind::Actions ? "actions" : k == TableKind::Findings ? "findings" : "appendix";
}

struct OpenTable {
    std::size_t layout = 0;  // index in plan.tables
    TableKind kind = TableKind::Actions;
    std::string signature;   // folded header texts, to recognise a repeat
    std::map<std::uint32_t, Field> fields;  // col -> field
    std::map<std::uint32_t, std::string> headers;
    int appendix = -1;
};

class SheetBuilder {
public:
    SheetBuilder(Plan& plan, const Workbook& wb, const Sheet& sheet, const Profile& profile)
        : plan_(plan), wb_(wb), sheet_(sheet), profile_(profile), merges_(sheet) {}

    void run();

private:
    Plan& plan_;
    const Workbook& wb_;
    const Sheet& sheet_;
    const Profile& profile_;
    MergeIndex merges_;
    SheetKind hint_ = SheetKind::Auto;
    std::vector<RowView> rows_;
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
    void read_rows();
    int header_score(const RowView& r) const;
    // profile_.field_for, remembered per text: it folds the text through
    // utf8proc, and every row is scored, so a sheet repeating a word a
    // million times spent 90% of its time folding that word again.
    // (At most 65,536 texts are kept: a sheet of a million different words
    // costs the folding, not the memory.)
    Field field_for(const std::string& text) const {
        if (auto it = field_cache_.find(text); it != field_cache_.end()) return it->second;
        const Field field = profile_.field_for(text);
        if (field_cache_.size() < 65536) field_cache_.emplace(text, field);
        return field;
    }
    mutable std::unordered_map<std::string, Field> field_cache_;
    bool is_header(const RowView& r) const { return r.header; }
    bool lone_is_data(std::size_t i) const;
    bool starts_appendix(std::size_t i) const;
    void open_table(const RowView& r, bool synonyms);
    void resolve_gap(std::optional<TableKind> next, bool before_header, bool repeated_header = false);
    int add_priority(const HeadingText& h, std::uint32_t row, std::string& reason);
    void add_data_row(std::size_t i);
    bool is_priority_row(std::size_t i, const std::map<Field, std::string>& values) const;
    std::optional<double> percent_in(const RowView& r, std::uint32_t col, const std::string& shown) const;
    std::string value_at(const RowView& r, std::uint32_t col, std::string* filled_from) const;
};

void SheetBuilder::read_rows() {
    for (const Cell& c : sheet_.cells) {
        if (c.type == CellType::Empty) continue;
        std::string text = trimmed(display_value(sheet_, c));
        if (text.empty()) continue;
        if (rows_.empty() || rows_.back().row != c.row) rows_.push_back({c.row, {}});
        RowCell rc{c.col, 1, std::move(text), &c};
        if (const Range* m = merges_.at(c.ref()); m && m->first == c.ref()) rc.span = m->last.col - m->first.col + 1;
        rows_.back().cells.push_back(std::move(rc));
    }
    for (RowView& r : rows_) {
        int score = header_score(r);
        r.header = r.cells.size() >= 2 && score >= 2 && std::size_t(score) * 2 >= r.cells.size();
    }
}

int SheetBuilder::header_score(const RowView& r) const {
    int score = 0;
    for (const RowCell& c : r.cells)
        if (c.cell->type == CellType::Text && c.text.size() < 200 && field_for(c.text) != Field::None) ++score;
    return score;
}

// The value a row shows in a column: its own cell, or the cell heading a
// merged range that covers it from a row above.
std::string SheetBuilder::value_at(const RowView& r, std::uint32_t col, std::string* filled_from) const {
    for (const RowCell& c : r.cells)
        if (c.col == col) return c.text;
    const Range* m = merges_.at({r.row, col});
    if (!m || m->first.row == r.row) return {};
    const Cell* top = sheet_.find(m->first);
    if (!top || top->type == CellType::Empty) return {};
    std::string text = trimmed(display_value(sheet_, *top));
    if (!text.empty() && filled_from) *filled_from = cell_name(m->first);
    return text;
}

// A single cell inside an open table is a data row (the rest of the row is
// blank or covered by merged cells above) unless it spans the table like a
// heading or sits in a column that holds no text of its own.
bool SheetBuilder::lone_is_data(std::size_t i) const {
    const RowView& r = rows_[i];
    if (!table_ || r.cells.size() != 1) return false;
    const RowCell& c = r.cells.front();
    if (c.span > 1) return false;
    // Just above a header row, or in capitals like "LEADERSHIP": a heading.
    if (i + 1 < rows_.size() && is_header(rows_[i + 1])) return false;
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
// budget lines).
bool SheetBuilder::starts_appendix(std::size_t i) const {
    const RowView& r = rows_[i];
    if (r.cells.size() < 2) return false;
    bool after_heading = pending_.size() > 0 || i == 0 || !table_;
    if (!after_heading) return false;
    for (const RowCell& c : r.cells)
        if (c.cell->type != CellType::Text || c.text.size() > 40) return false;
    return i + 1 < rows_.size() && rows_[i + 1].cells.size() >= 2 && !is_header(rows_[i + 1]);
}

void SheetBuilder::open_table(const RowView& r, bool synonyms) {
    OpenTable t;
    TableLayout layout;
    layout.sheet = sheet_.name;
    layout.header_row = r.row + 1;
    bool has_action = false, has_finding = false;
    for (const RowCell& c : r.cells) {
        Field f = synonyms ? profile_.field_for(c.text) : Field::None;
        t.fields[c.col] = f;
        t.headers[c.col] = c.text;
        t.signature += fold_header(c.text) + "|";
        has_action |= f == Field::Action;
        has_finding |= f == Field::Afi || f == Field::PlannedAction;
    }
    // An unnamed first column beside a named header holds the ids ("1.1").
    bool has_ref = std::any_of(t.fields.begin(), t.fields.end(), [](const auto& p) { return p.second == Field::Ref; });
    std::uint32_t first_col = r.cells.front().col;
    if (synonyms && !has_ref && first_col > 0) {
        t.fields[first_col - 1] = Field::Ref;
        t.headers[first_col - 1] = "";
    }
    t.kind = has_action ? TableKind::Actions : has_finding ? TableKind::Findings : TableKind::Appendix;
    if (hint_ == SheetKind::Appendix) t.kind = TableKind::Appendix;
    if (hint_ == SheetKind::Findings && has_finding) t.kind = TableKind::Findings;
    layout.kind = kind_name(t.kind);
    for (const auto& [col, f] : t.fields) layout.columns.push_back({col, t.headers[col], std::string(to_string(f))});
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

int SheetBuilder::add_priority(const HeadingText& h, std::uint32_t row, std::string& reason) {
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
void SheetBuilder::resolve_gap(std::optional<TableKind> next, bool before_header, bool repeated_header) {
    if (pending_.empty()) return;
    std::vector<std::size_t> lone;  // non-bullet lone rows, in order
    for (std::size_t i : pending_)
        if (!is_bullet(rows_[i].cells.front().text)) lone.push_back(i);
    std::optional<std::size_t> chosen;  // the row that names what follows
    if (next == TableKind::Actions) {
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
        bool before_chosen = chosen && i < *chosen;
        if (chosen && i == *chosen) {
            if (next == TableKind::Actions) {
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
std::optional<double> SheetBuilder::percent_in(const RowView& r, std::uint32_t col, const std::string& shown) const {
    for (const RowCell& c : r.cells)
        if (c.col == col && c.cell->type == CellType::Number)
            return parse_percent(shown, sheet_.number_format(*c.cell).find('%') != std::string_view::npos);
    return parse_percent(shown);
}

// A row inside a table that holds only a ref and a title, whose ref the next
// row's ref extends ("8.4 Resources" above "8.4.1 ..."), is a priority heading
// written in the table's own columns.
bool SheetBuilder::is_priority_row(std::size_t i, const std::map<Field, std::string>& values) const {
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
    if (i + 1 >= rows_.size() || rows_[i + 1].header) return false;
    std::uint32_t ref_col = 0;
    for (const auto& [col, field] : table_->fields)
        if (field == Field::Ref) ref_col = col;
    std::string next = value_at(rows_[i + 1], ref_col, nullptr);
    return next.size() > ref.size() && next.compare(0, ref.size(), ref) == 0;
}

void SheetBuilder::add_data_row(std::size_t i) {
    const RowView& r = rows_[i];
    const OpenTable& t = *table_;
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
    std::vector<FilledFrom> filled;
    std::vector<std::pair<std::string, std::string>> extra;
    std::optional<double> percent;
    for (const auto& [col, field] : t.fields) {
        std::string from;
        std::string v = value_at(r, col, &from);
        if (v.empty()) continue;
        const std::string& header = t.headers.at(col);
        if (field == Field::None || values.count(field)) {
            extra.emplace_back(header.empty() ? column_name(col) : header, v);
            continue;
        }
        values[field] = v;
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
    if (is_priority_row(i, values)) {
        HeadingText h;
        h.kind = "area";
        h.ref = get(Field::Ref);
        if (!h.ref.empty() && h.ref.back() == '.') h.ref.pop_back();
        h.title = get(Field::Action);
        h.numbered = true;
        std::string reason = "ref and title only: a priority heading in the table";
        std::string joined;
        priority_ = add_priority(h, r.row, joined);
        priority_from_row_ = true;
        record(r.row, RowRecord::Fate::Priority, priority_, joined.empty() ? reason : joined);
        return;
    }
    Action a;
    a.text_as_written = get(Field::Action);
    if (a.text_as_written.empty()) {
        record(r.row, RowRecord::Fate::Skipped, -1, "no action text in this row");
        return;
    }
    a.ref = get(Field::Ref);
    a.outcome = get(Field::Outcome);
    a.leads_as_written = get(Field::Lead);
    a.due.as_written = get(Field::Due);
    a.status_as_written = get(Field::Status);
    a.percent_complete = percent;
    a.progress = get(Field::Progress);
    a.measures = get(Field::Measures);
    a.risks = get(Field::Risks);
    a.quality_indicators = get(Field::QualityIndicators);
    a.page_ref = get(Field::PageRef);
    a.service = get(Field::Service);
    if (a.service.empty()) a.service = plan_.document.service;
    a.priority = priority_;
    a.source = source(r.row);
    a.filled_from = std::move(filled);
    a.extra = std::move(extra);
    plan_.actions.push_back(std::move(a));
    record(r.row, RowRecord::Fate::Action, int(plan_.actions.size() - 1), "");
}

void SheetBuilder::run() {
    hint_ = profile_.kind_for(sheet_.name);
    first_record_ = plan_.rows.size();
    if (sheet_.visibility != Visibility::Visible)
        plan_.warnings.push_back({source(0), "sheet is " + std::string(to_string(sheet_.visibility)) +
                                                 ": read like the others; check that it belongs in the plan"});
    read_rows();
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
    int headers = 0;
    for (const RowView& r : rows_) headers += is_header(r) ? 1 : 0;
    multi_table_ = headers >= 2;

    std::uint32_t next_row = 0;  // rows before this have a record
    for (std::size_t i = 0; i < rows_.size(); ++i) {
        const RowView& r = rows_[i];
        // Blank rows between non-blank ones.
        if (next_row < r.row) record_run(next_row, r.row - 1, RowRecord::Fate::Blank, -1, "");
        next_row = r.row + 1;

        if (is_header(r)) {
            std::string signature;
            for (const RowCell& c : r.cells) signature += fold_header(c.text) + "|";
            if (table_ && table_->signature == signature) {
                resolve_gap(table_->kind, true);
                plan_.tables[table_->layout].repeated_header_rows.push_back(r.row + 1);
                record(r.row, RowRecord::Fate::Header, int(table_->layout), "repeated header");
            } else {
                open_table(r, true);
                resolve_gap(table_->kind, true);
                record(r.row, RowRecord::Fate::Header, int(table_->layout), "");
            }
            continue;
        }
        if (r.cells.size() == 1 && !lone_is_data(i)) {
            pending_.push_back(i);
            continue;
        }
        // "Service: | Children & Families" above a table: a label and its value.
        if (r.cells.size() == 2 && (!table_ || !pending_.empty()) && r.cells[0].cell->type == CellType::Text &&
            r.cells[0].text.size() <= 40 && r.cells[0].text.back() == ':') {
            std::string label = r.cells[0].text.substr(0, r.cells[0].text.size() - 1);
            if (profile_.field_for(label) == Field::Service && plan_.document.service.empty())
                plan_.document.service = r.cells[1].text;
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
            open_table(r, false);
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
    const Profile& profile = config.profile;
    Plan plan;
    plan.document.file = workbook.path;
    plan.document.service = options.service.empty() ? profile.service : options.service;
    plan.warnings.insert(plan.warnings.end(), workbook.warnings.begin(), workbook.warnings.end());
    for (const Sheet& sheet : workbook.sheets) {
        SheetBuilder builder(plan, workbook, sheet, profile);
        builder.run();
    }
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
