// Evidence for layout decisions, and the decisions it supports.
//
// Two kinds of evidence say which field a column holds:
//  * header words (HeaderEvidence): a synonym of the profile names a field
//    outright (weight 10); otherwise every word of the header votes with the
//    weights of the profile's word lists, the header's last word (its head
//    noun: "Action Owner" is an owner) counting half as much again; a group
//    cell above it counts half, a second line of explanation a quarter;
//  * content (ColumnContent): what the column's cells read as: date cells and
//    date phrases, status and RAG words, percentages, leads, short ids, long
//    varied text.
// model_table weighs both for every column and field, assigns each field to
// at most one column (the strongest pairs first), and decides what kind of
// table it is; every choice keeps the evidence that made it, for
// `plancon inspect --plan` and the profile `plancon profile` writes.
#pragma once

#include "layout/sheet_view.hpp"
#include "plancon/config.hpp"
#include "plancon/layout.hpp"
#include "plancon/values.hpp"

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

namespace plancon::layout_detail {

using FieldScores = std::array<double, field_count>;

// What a header's words say.
struct HeaderEvidence {
    FieldScores score{};
    Field exact = Field::None;  // named outright by a profile synonym
    std::string words;          // the words that voted, for explanations: "target, date"
    double best() const;        // the strongest field's score (0 when none is positive)
};

// What one value reads as.
struct CellFacts {
    bool text = false;       // a text with letters
    bool number = false;     // a number that is not a date or a percentage
    bool date = false;       // a date cell, or a phrase giving a due date ("March 2020", "2019/20")
    bool due_word = false;   // due without a date: "Ongoing", "Immediate", "TBC"
    bool status = false;     // a status or RAG word, yes/no, a boolean
    bool percent = false;    // "75%", or a number shown as a percentage
    bool ref = false;        // a short id: "1", "1.2", "A-3", "V-1"
    bool type_word = false;  // a template's format hint: "Text", "Date", "MM/DD/YYYY", "(select)"
    bool example = false;    // says it is an example: "Example: ...", "John Doe - Example CSP"
    std::uint32_t length = 0;  // characters
    std::uint32_t indent = 0;  // leading spaces of a text cell (WBS and project plans indent sub-tasks)
};

// The cells of one column below a header candidate.
struct ColumnContent {
    std::uint32_t cells = 0, texts = 0, dates = 0, due_words = 0, statuses = 0, percents = 0, refs = 0,
                  numbers = 0;
    double leads = 0;
    std::uint64_t length = 0;  // characters of the text cells
    std::unordered_set<std::string> distinct;
    void add(const CellFacts& facts, const std::string& text, double lead);
    double share(double n) const { return cells ? n / cells : 0; }
    double mean_length() const { return texts ? double(length) / texts : 0; }
    // Long, varied text: 1 for a column of distinct sentences, 0 for codes or numbers.
    double prose() const;
};

// What a text cell's text alone reads as (CellFacts but its indent, which
// is the cell's own), the text folded for matching, and how surely it names leads.
struct TextReading {
    CellFacts facts;
    std::string folded;  // fold_for_matching
    double lead = -1;    // Evidence::lead, once asked (-1: not yet)
};

}  // namespace plancon::layout_detail

namespace plancon {

// The layout's tables of LayoutMemo (layout.hpp): answers by text, for one Config.
struct LayoutMemo::Tables {
    TextTable<layout_detail::HeaderEvidence> headers;
    TextTable<layout_detail::TextReading> texts;
    TextTable<layout_detail::FieldScores> words;  // Profile::word_weights, per word
};

}  // namespace plancon

namespace plancon::layout_detail {

// Evidence, each answer remembered by text: in the thread's LayoutMemo when
// it plans many workbooks (a lead name or status word met in a thousand
// trackers is read once), else for this workbook alone (a workbook repeating
// a word a million times folds it once).
class Evidence {
public:
    // memo: the thread's, made for config; nullptr: remembered for this workbook only.
    Evidence(const Config& config, LayoutMemo* memo);
    const Config& config() const { return memo_.config(); }
    // A header cell's words; lines after the first (an explanation under the
    // header proper: "Mitigation\nWhat will we do about this?") count a quarter.
    const HeaderEvidence& header(const std::string& text);
    // A header of two rows: the lower row's words, and the group cell's above at half weight.
    HeaderEvidence header(const std::string& upper, const std::string& lower);
    // By value: it is 20 bytes, and a reference into the memo would dangle
    // when the memo is emptied by a later call in the same expression.
    CellFacts facts(const Sheet& sheet, const Cell& cell, const std::string& shown);
    // fold_for_matching(text), folded once.
    std::string folded(const std::string& text) { return reading(text).folded; }
    // How surely a text cell names leads (values.hpp lead_likeness), kept apart
    // from the facts because it costs most and few questions need it.
    double lead(const Cell& cell, const std::string& shown);

private:
    TextReading& reading(const std::string& text);
    HeaderEvidence words_of(const std::string& text);
    std::unique_ptr<ValueMemo> own_values_;  // with no memo given: this workbook's
    std::unique_ptr<LayoutMemo> own_memo_;
    LayoutMemo& memo_;
    LayoutMemo::Tables& tables_;
};

// The content evidence a column gives a field, 0 to 3 (0 for fields content
// cannot tell: outcome, measures, risks ...).
double content_score(const ColumnContent& content, Field field);

enum class TableKind { Items, Findings, Appendix };
std::string_view kind_name(TableKind k);  // "actions", "findings", "appendix"

struct HeaderCell {
    std::uint32_t col = 0;
    std::uint32_t span = 1;
    std::string upper;  // the group cell above, in a header of two rows
    std::string text;   // the header cell itself
    std::string shown() const { return upper.empty() ? text : text.empty() ? upper : upper + " / " + text; }
};

struct ColumnChoice {
    std::uint32_t col = 0;
    std::string header;  // as shown ("" for a column with no header cell)
    Field field = Field::None;
    double header_score = 0;
    double content_score = 0;
    std::string evidence;  // "header words: target, date 3.5; content: 93% dates 2.8"
};

struct TableModel {
    std::vector<ColumnChoice> columns;  // by column
    TableKind kind = TableKind::Appendix;
    double score = 0;          // how well the header explains the rows below it
    std::string item_kind;     // what the items are: "action", "task", "risk" ...
    std::string why;           // the reason for the kind
    bool action_missing = false;     // item fields were named, but no action column found
    bool no_plan_field = false;      // an appendix because its header names nothing a plan holds
    int strong_cells = 0;            // header cells the profile names outright
    std::string signature;           // folded header texts, to recognise a repeat
    std::uint32_t action_col() const;  // max_cols when none
    Field field_at(std::uint32_t col) const;
};

// Weighs the header cells against the rows below them (a sample) and decides
// the column -> field map and the kind of table.
TableModel model_table(const std::vector<HeaderCell>& header, const std::vector<const RowView*>& body,
                       const Sheet& sheet, Evidence& evidence, SheetKind hint);

}  // namespace plancon::layout_detail
