// The walk build_plan makes over the rows of one sheet, and what its parts
// share. Internal to the layout stage: build.cpp runs the walk,
// headers.cpp finds and weighs the headers, rows.cpp decides every other
// row's fate, headings.cpp reads headings, labels and footers.
#pragma once

#include "plancon/layout.hpp"
#include "layout/evidence.hpp"
#include "layout/sheet_view.hpp"
#include "plancon/text.hpp"

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace plancon::layout_detail {

// A header candidate needs this much evidence from its words to be weighed,
// and this score (words and the rows below agreeing) to open a table.
constexpr double words_to_weigh = 3.0;
constexpr double score_to_open = 4.0;
// Rows below a candidate that are weighed with it.
constexpr std::size_t body_sample = 30;

// A heading such as "IMPROVEMENT ACTION 1: ...", "AIM 3: ...", "1. ...",
// "Priority 2: ...", possibly marked "(continued)".
struct HeadingText {
    std::string ref, kind, title;
    bool numbered = false;
    bool named = false;  // "Theme: Leadership", "Priority - Early years": a heading word and its title
    bool continued = false;
};

inline std::string trimmed(std::string_view s) { return std::string(trim(s)); }
HeadingText parse_heading(std::string text);
bool is_bullet(std::string_view t);
std::string strip_bullet(std::string t);
bool has_letters(std::string_view t);
// A lone cell that closes a table rather than heading or continuing it:
// page footers, "last updated" lines, keys, totals, footnotes, instructions.
bool footer_text(std::string_view text);
// "Date: 02/03/2022", "Service: Housing": a label and its value in one cell
// (not a heading such as "Theme: Leadership"); the label's length, or 0.
std::size_t label_length(std::string_view text);
// Whether a cell and its column's header share a word of substance.
bool shares_a_word(std::string_view cell, std::string_view header);
// "Q1", "Q2 2020/21", "2019/20": a period a column is for, a header's words.
bool period_label(std::string_view text);

// What a header's rows say, weighed once, however often the rows repeat.
struct WeighedHeader {
    std::vector<HeaderCell> cells;
    TableModel model;
    double score = 0;
    std::size_t body = 0;  // rows of two or more cells weighed below it
};

// A header where it stands: a header repeated at every page break (200,000
// times in a hostile file) shares one WeighedHeader.
struct HeaderCandidate {
    std::size_t first = 0, last = 0;  // indices into the walker's rows: one row, or two
    std::shared_ptr<const WeighedHeader> header;
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
    std::size_t items = 0;     // item rows read under it
    double score = 0;          // its header's score
    std::uint32_t header_end = 0;  // its (last) header row, 0-based
};


class SheetWalker {
public:
    SheetWalker(Plan& plan, const Workbook& wb, const Sheet& sheet, const Config& config, Evidence& evidence)
        : plan_(plan), wb_(wb), sheet_(sheet), sheet_name_(sheet.name), profile_(config.profile), evidence_(evidence),
          merges_(sheet) {}

    void run();
    std::string label_service;  // a "Service: X" row's X
    std::uint32_t label_row = 0;

private:
    Plan& plan_;
    const Workbook& wb_;
    const Sheet& sheet_;
    const SharedText sheet_name_;  // every provenance on the sheet shares it
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

    Provenance source(std::uint32_t row) const { return {plan_.document.file, sheet_name_, row + 1}; }
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


}  // namespace plancon::layout_detail
