#include "layout/evidence.hpp"

#include "plancon/text.hpp"
#include "plancon/values.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace plancon::layout_detail {

namespace {

// Words a header's head noun is never: "Lead(s)" ends in "s", "Responsible
// for" in "for".
bool weak_word(std::string_view w) {
    static constexpr std::string_view words[] = {"of", "the", "a", "an", "to", "for", "if", "and", "or", "in", "on",
                                                 "by", "s", "we", "will", "is", "it", "this", "that", "be", "with"};
    return std::find(std::begin(words), std::end(words), w) != std::end(words);
}

// The text without bracketed asides: "Delivery Dates (Link/Path)" -> "Delivery Dates ".
std::string outside_brackets(std::string_view text) {
    std::string out;
    int depth = 0;
    for (char c : text) {
        if (c == '(' || c == '[') ++depth;
        else if ((c == ')' || c == ']') && depth > 0) --depth;
        else if (depth == 0) out += c;
    }
    return out;
}

std::string format_score(double v) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.1f", v);
    return buf;
}

bool is_type_word(const std::string& folded) {
    // The format hints a template writes under its headers.
    static constexpr std::string_view words[] = {
        "text", "free text", "date", "dates", "number", "numeric", "integer", "identifier", "unique identifier",
        "yes no", "y n", "mm dd yyyy", "dd mm yyyy", "dd mm yy", "yyyy mm dd", "drop down", "dropdown", "select",
        "select one", "choose", "currency", "percentage", "list", "name", "url", "email", "yes no pending"};
    return std::find(std::begin(words), std::end(words), folded) != std::end(words);
}

bool says_example(const std::string& folded) {
    // "Example", "Example: ...", "e.g. ...", "For example ...", "V-1Example",
    // "John Doe - Example CSP", "J. Bloggs (example)"; not "Share an example of
    // good practice" (a real action may use the word).
    if (folded == "e g" || folded == "eg" || folded.rfind("e g ", 0) == 0 || folded.rfind("eg ", 0) == 0 ||
        folded.rfind("for example", 0) == 0)
        return true;
    const auto words = split_words(folded);
    for (std::size_t i = 0; i < words.size(); ++i) {
        const std::string_view w = words[i];
        if (w.size() > 7 && w.substr(w.size() - 7) == "example") return true;  // glued: "1example"
        if (w == "example" && (i == 0 || i + 1 == words.size() || (i + 2 == words.size() && words.size() <= 4)))
            return true;
    }
    return false;
}

bool looks_like_ref(std::string_view t) {
    // "1", "1.2", "2.1.3", "A1", "A-3", "V-1", "R12", "#4", "1a", "3.1.1/2"
    if (t.empty() || t.size() > 12) return false;
    int digits = 0, letters = 0;
    for (char c : t) {
        if (is_digit(c)) ++digits;
        else if (is_alpha(c)) ++letters;
        else if (c != '.' && c != '-' && c != '#' && c != '/' && c != '_') return false;
    }
    return digits > 0 && letters <= 4;
}

std::uint32_t characters(std::string_view s) {
    std::uint32_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

}  // namespace

double HeaderEvidence::best() const {
    double b = 0;
    for (double s : score) b = std::max(b, s);
    return b;
}

HeaderEvidence Evidence::words_of(const std::string& text) {
    HeaderEvidence e;
    if (text.size() > 200) return e;  // a sentence, not a header
    const Profile& profile = config().profile;
    if (const Field exact = profile.field_for(text); exact != Field::None) {
        e.exact = exact;
        e.score[std::size_t(exact)] = 10;
        e.words = "\"" + std::string(trim(text)) + "\" (profile)";
        return e;
    }
    // The first line is the header; later lines explain it ("Mitigation\nWhat
    // will we do about this?"), unless they are a word or two that finish it
    // ("Completion\n%", "Description\nof action").
    std::size_t newline = text.find('\n');
    if (newline != std::string::npos && split_words(fold_header(text.substr(newline + 1))).size() <= 2) newline = std::string::npos;
    std::string main = text.substr(0, newline);
    if (newline == std::string::npos) std::replace(main.begin(), main.end(), '\n', ' ');
    const std::string folded = fold_header(main);
    std::string head;
    const std::string bare = fold_header(outside_brackets(main));  // named: split_words keeps views into it
    for (std::string_view w : split_words(bare))
        if (!weak_word(w)) head = std::string(w);
    std::vector<std::string> seen;
    auto vote = [&](const std::string& words, double scale, bool with_head) {
        for (std::string_view w : split_words(words)) {
            if (std::find(seen.begin(), seen.end(), w) != seen.end()) continue;
            seen.emplace_back(w);
            const FieldScores weights = tables_.words.get(seen.back(), [&] { return profile.word_weights(w); });
            const double times = scale * (with_head && w == head ? 1.5 : 1.0);
            bool voted = false;
            for (std::size_t f = 0; f < field_count; ++f)
                if (weights[f] != 0) {
                    e.score[f] += weights[f] * times;
                    voted = true;
                }
            if (voted) e.words += (e.words.empty() ? "" : ", ") + std::string(w);
        }
    };
    // A header names a field in a few words; the same words inside a
    // sentence (a data row, a note) say much less.
    const std::size_t words = split_words(folded).size();
    double sentence = words <= 4 ? 1.0 : words <= 6 ? 0.7 : words <= 8 ? 0.4 : 0.2;
    if (main.size() > 80) sentence = std::min(sentence, 0.2);
    if (trim(main).ends_with('.') && words > 2) sentence *= 0.5;  // a sentence, with its full stop
    vote(folded, sentence, true);
    if (newline != std::string::npos) vote(fold_header(text.substr(newline + 1)), 0.25 * sentence, false);
    for (double& s : e.score) s = std::clamp(s, -6.0, 6.0);
    return e;
}

Evidence::Evidence(const Config& config, LayoutMemo* memo)
    : own_values_(memo ? nullptr : std::make_unique<ValueMemo>(config)),
      own_memo_(memo ? nullptr : std::make_unique<LayoutMemo>(*own_values_)),
      memo_(memo ? *memo : *own_memo_),
      tables_(memo_.tables()) {}

const HeaderEvidence& Evidence::header(const std::string& text) {
    return tables_.headers.get(text, [&] { return words_of(text); });
}

HeaderEvidence Evidence::header(const std::string& upper, const std::string& lower) {
    if (upper.empty()) return header(lower);
    if (lower.empty()) return header(upper);
    // A profile may name the two rows together, as `plancon profile` writes
    // them ("lead: Who / Lead officer"); written out in full, not as a prefix.
    const std::string both = fold_header(upper + " / " + lower);
    for (const Profile::Synonym& s : config().profile.synonyms)
        if (!s.prefix && s.folded == both) {
            HeaderEvidence e;
            e.exact = s.field;
            e.score[std::size_t(s.field)] = 10;
            e.words = "\"" + std::string(trim(upper)) + " / " + std::string(trim(lower)) + "\" (profile)";
            return e;
        }
    HeaderEvidence e = header(lower);
    const HeaderEvidence& above = header(upper);
    if (e.best() <= 0) {
        // "Progress" over "Q1", "Who" over "Support": the group names the column.
        e = above;
        for (double& v : e.score) v *= 0.8;
        e.exact = Field::None;
        e.words = "above: " + above.words;
    } else if (e.exact == Field::None) {
        for (std::size_t f = 0; f < field_count; ++f) e.score[f] = std::clamp(e.score[f] + 0.5 * above.score[f], -6.0, 6.0);
        if (!above.words.empty()) e.words += (e.words.empty() ? "" : ", ") + std::string("above: ") + above.words;
    }
    return e;
}

CellFacts Evidence::facts(const Sheet& sheet, const Cell& cell, const std::string& shown) {
    CellFacts f;
    switch (cell.type) {
        case CellType::DateTime:
            f.date = true;
            f.length = characters(shown);
            return f;
        case CellType::Boolean:
            f.status = true;
            return f;
        case CellType::Number:
            if (sheet.number_format(cell).find('%') != std::string_view::npos) f.percent = true;
            else f.number = true;
            f.ref = cell.number > 0 && cell.number < 100000 && std::floor(cell.number) == cell.number;
            f.length = characters(shown);
            return f;
        case CellType::Text:
            break;
        default:
            return f;
    }
    f = reading(shown).facts;
    // The indent is the cell's own, not the text's: the same words stand
    // unindented on a summary sheet and indented under a group heading.
    const std::string_view raw = sheet.text(cell);
    f.indent = std::uint32_t(std::find_if(raw.begin(), raw.end(), [](char c) { return c != ' '; }) - raw.begin());
    return f;
}

TextReading& Evidence::reading(const std::string& shown) {
    return tables_.texts.get(shown, [&] {
        TextReading r;
        CellFacts& f = r.facts;
        f.length = characters(shown);
        r.folded = fold_for_matching(shown);
        const std::string& folded = r.folded;
        f.text = std::any_of(shown.begin(), shown.end(), [](char c) { return is_alpha(c) || (c & 0x80); });
        // "(select)", "<insert name>", "[Service name]", "(Cloud Service Provider name)": a template's placeholder.
        const bool bracketed = shown.size() >= 3 && shown.size() <= 60 &&
                               ((shown.front() == '(' && shown.back() == ')') || (shown.front() == '<' && shown.back() == '>') ||
                                (shown.front() == '[' && shown.back() == ']'));
        f.type_word = is_type_word(folded) || bracketed;
        f.example = says_example(folded);
        f.ref = looks_like_ref(shown);
        if (shown.find('%') != std::string::npos && parse_percent(shown)) f.percent = true;
        const std::size_t words = split_words(folded).size();
        static constexpr std::string_view yes_no[] = {"yes", "no", "y", "n", "true", "false", "done", "open", "closed"};
        const Config& config = this->config();
        f.status = config.statuses.find_exact(folded) || (words <= 4 && config.statuses.find_in(folded)) ||
                   std::find(std::begin(yes_no), std::end(yes_no), folded) != std::end(yes_no);
        if (f.length <= 80 && !f.percent) {
            const Due due = parse_due(shown);
            f.date = due.kind == Due::Kind::Date;
            f.due_word = due.kind == Due::Kind::Immediate || due.kind == Due::Kind::Ongoing || folded == "tbc" ||
                         folded == "tbd" || folded == "tba";
        }
        return r;
    });
}

double Evidence::lead(const Cell& cell, const std::string& shown) {
    if (cell.type != CellType::Text) return 0;
    TextReading& r = reading(shown);
    const CellFacts& f = r.facts;
    if (!f.text || f.date || f.status || f.ref || f.length > 120) return 0;
    if (r.lead < 0) r.lead = memo_.values().lead_likeness(shown);
    return r.lead;
}

void ColumnContent::add(const CellFacts& f, const std::string& text, double lead) {
    ++cells;
    texts += f.text;
    dates += f.date;
    due_words += f.due_word;
    statuses += f.status;
    percents += f.percent;
    refs += f.ref;
    numbers += f.number;
    leads += lead;
    if (f.text) length += f.length;
    if (distinct.size() < 256) distinct.insert(text);
}

double ColumnContent::prose() const {
    if (!cells) return 0;
    const double distinct_share = std::min(1.0, double(distinct.size()) / cells);
    return share(texts) * std::min(1.0, mean_length() / 40.0) * distinct_share;
}

// "Ongoing", "Monthly", "TBC" alone say a column is due dates with a quarter the weight of a date.
constexpr double kDueWordWeight = 0.25;

double content_score(const ColumnContent& c, Field field) {
    if (!c.cells) return 0;
    switch (field) {
        case Field::Due: return 3 * c.share(c.dates + kDueWordWeight * c.due_words);
        case Field::Status: return 3 * c.share(c.statuses);
        case Field::PercentComplete: return 3 * c.share(c.percents);
        case Field::Lead: return 2.5 * c.share(c.leads);
        case Field::Ref:  // an item's own ids: short, and one per row (a control or category code repeats)
            return c.mean_length() <= 12 ? 2 * c.share(c.refs) * std::min(1.0, double(c.distinct.size()) / c.cells) : 0;
        case Field::Action: return 2.5 * c.prose();
        case Field::Progress: return 0.5 * c.prose();
        default: return 0;
    }
}

std::string_view kind_name(TableKind k) {
    return k == TableKind::Items ? "actions" : k == TableKind::Findings ? "findings" : "appendix";
}

std::uint32_t TableModel::action_col() const {
    for (const ColumnChoice& c : columns)
        if (c.field == Field::Action) return c.col;
    return max_cols;
}

Field TableModel::field_at(std::uint32_t col) const {
    for (const ColumnChoice& c : columns)
        if (c.col == col) return c.field;
    return Field::None;
}

namespace {

// Fields content alone may give a column (the others need a header word).
bool content_can_tell(Field f) {
    return f == Field::Action || f == Field::Due || f == Field::Status || f == Field::PercentComplete ||
           f == Field::Lead || f == Field::Ref;
}

bool item_field(Field f) {
    return f == Field::Lead || f == Field::Due || f == Field::Status || f == Field::PercentComplete ||
           f == Field::Progress || f == Field::Start;
}

std::string content_words(const ColumnContent& c, Field f) {
    auto pct = [&](double n) { return std::to_string(int(std::lround(100 * c.share(n)))) + "%"; };
    switch (f) {
        case Field::Due: return pct(c.dates + kDueWordWeight * c.due_words) + " dates";
        case Field::Status: return pct(c.statuses) + " status words";
        case Field::PercentComplete: return pct(c.percents) + " percentages";
        case Field::Lead: return pct(c.leads) + " names of people, posts or bodies";
        case Field::Ref: return pct(c.refs) + " short ids";
        case Field::Action:
        case Field::Progress: return "text of " + std::to_string(int(std::lround(c.mean_length()))) + " characters on average";
        default: return "";
    }
}

// The item kind a header names: its head-most word among the profile's kinds,
// singular ("Tasks" -> "task"); the sheet name's when the header names none.
std::string item_kind_of(const std::string& header, const std::string& sheet_name, const Profile& profile) {
    for (const std::string& text : {header, sheet_name}) {
        std::string found;
        const std::string bare = fold_header(outside_brackets(text));  // named: the views below point into it
        for (std::string_view w : split_words(bare)) {
            std::string word(w);
            if (word.size() > 3 && word.back() == 's') word.pop_back();
            if (word.size() > 4 && word.ends_with("ie")) word = word.substr(0, word.size() - 2) + "y";  // activities
            if (std::find(profile.item_kinds.begin(), profile.item_kinds.end(), word) != profile.item_kinds.end())
                found = word;
        }
        if (!found.empty()) return found;
    }
    return "action";
}

}  // namespace

TableModel model_table(const std::vector<HeaderCell>& header, const std::vector<const RowView*>& body,
                       const Sheet& sheet, Evidence& evidence, SheetKind hint) {
    TableModel model;
    // Every column the header or the rows below it use.
    std::vector<std::uint32_t> cols;
    for (const HeaderCell& h : header) cols.push_back(h.col);
    for (const RowView* r : body)
        for (const RowCell& c : r->cells) cols.push_back(c.col);
    std::sort(cols.begin(), cols.end());
    cols.erase(std::unique(cols.begin(), cols.end()), cols.end());
    if (cols.size() > 256) cols.resize(256);  // a row of 16,384 cells is not a header

    std::vector<HeaderEvidence> said(cols.size());
    std::vector<ColumnContent> content(cols.size());
    for (std::size_t k = 0; k < cols.size(); ++k) {
        ColumnChoice choice;
        choice.col = cols[k];
        for (const HeaderCell& h : header)
            if (h.col == cols[k]) {
                choice.header = h.shown();
                said[k] = evidence.header(h.upper, h.text);
                model.signature += fold_header(h.shown());
            }
        model.signature += "|";
        model.strong_cells += said[k].exact != Field::None ? 1 : 0;
        model.columns.push_back(std::move(choice));
    }
    for (const RowView* r : body)
        for (const RowCell& c : r->cells) {
            const auto it = std::lower_bound(cols.begin(), cols.end(), c.col);
            if (it == cols.end() || *it != c.col) continue;
            content[std::size_t(it - cols.begin())].add(evidence.facts(sheet, *c.cell, c.text), c.text,
                                                        evidence.lead(*c.cell, c.text));
        }

    // Every (column, field) pair that has a case, strongest first.
    struct Pair {
        double score, header, content;
        std::size_t k;
        Field field;
    };
    std::vector<Pair> pairs;
    for (std::size_t k = 0; k < cols.size(); ++k)
        for (std::size_t f = 1; f < field_count; ++f) {
            const Field field = Field(f);
            const double h = said[k].score[f];
            const double c = content_score(content[k], field);
            if (h <= -1.5) continue;  // the header says it is not that
            if (h < 1 && (!content_can_tell(field) || c < 1.5)) continue;
            if (h < 2 && c < 0.5) continue;  // a weak word alone does not name a column
            if (h < 1 && said[k].best() >= 2) continue;  // content does not override a header that names another field
            // A column of percentages or plain numbers holds no due dates.
            if ((field == Field::Due || field == Field::Start) && content[k].cells >= 2 &&
                content[k].share(content[k].dates + content[k].due_words) < 0.1 &&
                content[k].share(content[k].percents + content[k].numbers) >= 0.5)
                continue;
            const double s = std::max(h, 0.0) + c;
            if (s >= 1.5) pairs.push_back({s, h, c, k, field});
        }
    std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.score > b.score; });
    std::array<bool, field_count> taken{};
    for (const Pair& p : pairs) {
        ColumnChoice& choice = model.columns[p.k];
        if (choice.field != Field::None || taken[std::size_t(p.field)]) continue;
        taken[std::size_t(p.field)] = true;
        choice.field = p.field;
        choice.header_score = p.header;
        choice.content_score = p.content;
        if (said[p.k].exact == p.field) choice.evidence = "header " + said[p.k].words;
        else if (p.header >= 1) choice.evidence = "header words: " + said[p.k].words + " " + format_score(p.header);
        if (p.content >= 0.1) {
            if (!choice.evidence.empty()) choice.evidence += "; ";
            choice.evidence += "content: " + content_words(content[p.k], p.field) + " " + format_score(p.content);
        }
        model.score += std::min(p.header, 6.0) * (p.header > 0) + p.content;
    }
    for (std::size_t k = 0; k < cols.size(); ++k)
        if (model.columns[k].field == Field::None && !model.columns[k].header.empty()) {
            // Why an unmapped header stayed unmapped: its best case, if it had one.
            double best = 0;
            for (std::size_t f = 1; f < field_count; ++f) best = std::max(best, said[k].score[f]);
            model.columns[k].evidence = best > 0 ? "header words: " + said[k].words + " (lost to a stronger column)"
                                                 : "no header word known";
        }

    // What kind of table it is.
    const std::uint32_t action = model.action_col();
    double action_header = 0;
    bool action_exact = false;  // the profile names the action column outright
    const ColumnContent* action_content = nullptr;
    std::string action_header_text;
    int support = 0;
    bool findings = false;        // a finding column, named by its header
    bool finding_column = false;  // a finding column, however weakly named
    for (std::size_t k = 0; k < cols.size(); ++k) {
        const ColumnChoice& c = model.columns[k];
        if (c.field == Field::Action) {
            action_header = c.header_score;
            action_exact = said[k].exact == Field::Action;
            action_content = &content[k];
            action_header_text = c.header;
        }
        if (item_field(c.field) && c.header_score >= 2) ++support;
        const bool finding_field = c.field == Field::Afi || c.field == Field::PlannedAction || c.field == Field::Strength;
        finding_column |= finding_field;
        findings |= finding_field && c.header_score >= 2;
    }
    const bool empty_body = body.empty();
    const double mean_length = action_content ? action_content->mean_length() : 0;
    // Long text under the action column, seen in more than one row.
    const bool long_text = action_content && action_content->texts >= 2 && mean_length >= 25;
    if (hint == SheetKind::Appendix) {
        model.kind = TableKind::Appendix;
        model.why = "the profile reads this sheet as an appendix";
    } else if (findings && action_header < 4) {
        model.kind = TableKind::Findings;
        model.why = "areas for improvement";
    } else if (hint == SheetKind::Findings && finding_column && action_header < 4) {
        // Only with a finding column: any other table on the sheet (a key, a
        // list of contacts) keeps its rows as an appendix.
        model.kind = TableKind::Findings;
        model.why = "the profile reads this sheet as findings";
    } else if (action != max_cols && action_exact) {
        model.kind = TableKind::Items;
        model.why = "the header names the items";
    } else if (action != max_cols && action_header >= 2 &&
               ((empty_body && support >= 1) || support >= 2 || (long_text && (support >= 1 || action_header >= 4)))) {
        model.kind = TableKind::Items;
        model.why = "the header names the items, and the columns beside them agree";
    } else if (action != max_cols && action_header < 2 && support >= 2) {
        model.kind = TableKind::Items;
        model.why = "no header names the items; the column of longest, most varied text holds them";
    } else {
        model.kind = TableKind::Appendix;
        // Worth a warning when item fields are named: a tracker whose action column went unseen.
        model.action_missing = support >= 2 || (support >= 1 && action == max_cols);
        model.no_plan_field = !model.action_missing;
        model.why = model.action_missing ? "no action column" : "no field of a plan";
    }
    if (model.kind != TableKind::Items)
        for (ColumnChoice& c : model.columns)
            if (model.kind == TableKind::Appendix) c.field = Field::None;
    if (model.kind == TableKind::Items)
        model.item_kind = item_kind_of(action_header_text, sheet.name, evidence.config().profile);
    return model;
}

}  // namespace plancon::layout_detail

namespace plancon {

LayoutMemo::LayoutMemo(ValueMemo& values) : values_(values), tables_(std::make_unique<Tables>()) {}
LayoutMemo::~LayoutMemo() = default;
const Config& LayoutMemo::config() const { return values_.config(); }

}  // namespace plancon
