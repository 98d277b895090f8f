// Worksheets (xl/worksheets/sheetN.xml): the cells, merged ranges, hidden
// rows and columns. A sheet part can hold a million cells in hundreds of MB,
// so it is never held whole: it is scanned as it is inflated (XmlPartStream;
// a big part inflates on a second thread meanwhile), and each cell costs one
// 32-byte Cell and nothing more (a DOM would cost about 270 bytes).
//
// What a cell holds follows its t= attribute and, for numbers, its style:
// s (shared string), inlineStr and str (text in the cell), b, e, d (ISO 8601,
// calendar.hpp), and n, a date when the style's number format shows one
// (xlsx_styles.cpp). The last of two cells at one place wins, as in Excel.
#include "read/number_format.hpp"
#include "read/xlsx_parts.hpp"
#include "read/xml_part_stream.hpp"
#include "read/xml_util.hpp"

#include <charconv>

namespace plancon::detail {

namespace {

bool parse_double(std::string_view s, double& out) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    auto res = std::from_chars(s.data(), s.data() + s.size(), out);
    return res.ec == std::errc() && res.ptr == s.data() + s.size();
}

// An event-driven state machine over the streamed part: the scanner's
// events in, cells out. Elements are matched by local name (any prefix:
// Strict OOXML and some producers write x:c).
class SheetReader {
public:
    SheetReader(ZipArchive::PartReader part, const WorksheetContext& context, Sheet& sheet)
        : stream_(std::move(part)), file_(context.file), sheet_(sheet), pool_(context.pool),
          sst_(context.shared_strings), styles_(context.styles), system_(context.date_system),
          options_(context.options), cell_budget_(context.cell_budget) {}

    void read() {
        for (XmlScanner::Event ev; (ev = stream_.next()) != XmlScanner::Event::Eof;) handle(ev);
        stream_.release();
        gather_cells();
        sheet_.finish();
    }

    std::vector<Warning> warnings_;
    // An XmlError from read(), with its offset in the whole part.
    std::string malformed(const XmlError& e) const { return stream_.malformed(e); }

private:
    void warn(std::string message) { warnings_.push_back({{file_, sheet_.name, 0}, std::move(message)}); }
    [[noreturn]] void fail(const std::string& where, const std::string& problem) {
        throw ReadError(file_, "sheet '" + sheet_.name + "'" + (where.empty() ? "" : " " + where) + ": " + problem);
    }

    // Elements whose content plancon does not use.
    static bool ignored(std::string_view n) {
        return is_name(n, "sheetPr") || is_name(n, "sheetViews") || is_name(n, "sheetFormatPr") ||
               is_name(n, "dimension") || is_name(n, "pageMargins") || is_name(n, "pageSetup") ||
               is_name(n, "headerFooter") || is_name(n, "drawing") || is_name(n, "legacyDrawing") ||
               is_name(n, "extLst") || is_name(n, "conditionalFormatting") || is_name(n, "dataValidations") ||
               is_name(n, "hyperlinks") || is_name(n, "printOptions") || is_name(n, "tableParts") ||
               is_name(n, "rPh") || is_name(n, "phoneticPr") || is_name(n, "rPr");
    }

    void handle(XmlScanner::Event ev) {
        XmlScanner& x = stream_.scanner();
        if (skip_below_ > 0) {  // inside an ignored element
            if (ev == XmlScanner::Event::End && x.depth() < skip_below_) skip_below_ = 0;
            return;
        }
        if (ev == XmlScanner::Event::Text) {
            if (capture_) x.append_text(*capture_);
            return;
        }
        std::string_view n = x.name();
        if (ev == XmlScanner::Event::End) {
            if (is_name(n, "c") && in_cell_) finish_cell();
            else if (is_name(n, "is")) in_inline_ = false;
            capture_ = nullptr;
            return;
        }
        // Start. The common elements first: ignored() is for the rare rest.
        if (in_cell_) {
            if (is_name(n, "v")) {
                has_value_ = true;
                capture_ = &value_;
            } else if (is_name(n, "f")) {
                has_formula_ = true;
                capture_ = &formula_;
            } else if (is_name(n, "is")) {
                in_inline_ = inline_string_ = has_value_ = true;
                value_.clear();  // an inline string wins over a <v> beside it
            } else if (is_name(n, "t") && in_inline_) {
                capture_ = &value_;  // <is><t> and <is><r><t> runs concatenate
            } else if (ignored(n)) {
                skip_below_ = x.depth();  // phonetic runs, extensions
            }
        } else if (is_name(n, "c")) {
            start_cell();
        } else if (is_name(n, "row")) {
            start_row();
        } else if (ignored(n)) {
            skip_below_ = x.depth();
        } else if (is_name(n, "mergeCell")) {
            std::string_view ref = x.attr("ref");
            if (auto r = parse_range(ref)) sheet_.merged.push_back(*r);
            else warn("merged range '" + std::string(ref.substr(0, 40)) + "' is not a cell range; ignored");
        } else if (is_name(n, "col")) {
            read_col();
        }
    }

    void start_row() {
        bool has_r = false;
        std::string_view r = stream_.scanner().attr("r", &has_r);
        if (has_r) {
            std::uint64_t v = 0;
            auto res = std::from_chars(r.data(), r.data() + r.size(), v);
            if (res.ec != std::errc() || res.ptr != r.data() + r.size() || v == 0 || v > max_rows)
                fail("", "row number '" + std::string(r.substr(0, 40)) + "' is out of range");
            row_ = std::uint32_t(v - 1);
        } else {
            row_ = next_row_;
        }
        if (row_ >= max_rows) fail("", "more than " + std::to_string(max_rows) + " rows");
        next_row_ = row_ + 1;
        next_col_ = 0;
        if (xml_true(stream_.scanner().attr("hidden"))) sheet_.hidden_rows.push_back(row_);
    }

    void read_col() {
        if (!xml_true(stream_.scanner().attr("hidden"))) return;
        std::uint32_t lo = 0, hi = 0;
        std::string_view mn = stream_.scanner().attr("min"), mx = stream_.scanner().attr("max");
        std::from_chars(mn.data(), mn.data() + mn.size(), lo);
        std::from_chars(mx.data(), mx.data() + mx.size(), hi);
        if (lo == 0 || hi < lo) return;
        hi = std::min(hi, max_cols);
        // "Hide everything to the right" is one range of 16,000 columns;
        // hidden columns are listed one by one, so cap what a range may cost.
        for (std::uint32_t c = lo; c <= hi && c - lo < 1024; ++c) sheet_.hidden_cols.push_back(c - 1);
    }

    void start_cell() {
        bool has_r = false;
        std::string_view r = stream_.scanner().attr("r", &has_r);
        cell_ = Cell{};
        if (has_r) {
            auto ref = parse_cell_ref(r);
            if (!ref) fail("", "malformed or out-of-range cell reference '" + std::string(r.substr(0, 40)) + "'");
            cell_.row = ref->row;
            cell_.col = ref->col;
            // A cell's own reference wins over its row's (Excel writes both).
            if (ref->row != row_) {
                row_ = ref->row;
                next_row_ = row_ + 1;
            }
        } else {
            cell_.row = row_;
            cell_.col = next_col_;
            if (cell_.col >= max_cols) fail("row " + std::to_string(row_ + 1), "more than " + std::to_string(max_cols) + " columns");
        }
        next_col_ = cell_.col + 1;
        type_ = stream_.scanner().attr("t");
        type_ = type_ == "s" ? "s" : type_ == "b" ? "b" : type_ == "e" ? "e" : type_ == "d" ? "d"
                : type_ == "inlineStr" ? "inlineStr" : type_ == "str" ? "str" : "n";
        std::string_view s = stream_.scanner().attr("s");
        std::uint32_t style = 0;
        if (!s.empty()) std::from_chars(s.data(), s.data() + s.size(), style);
        style_ = style < styles_.size() ? &styles_[style] : nullptr;
        if (style_) cell_.format_id = style_->format_id;
        value_.clear();
        formula_.clear();
        has_value_ = has_formula_ = inline_string_ = in_inline_ = false;
        in_cell_ = true;
    }

    void finish_cell() {
        in_cell_ = false;
        Cell& cell = cell_;
        std::string_view t = type_;
        if (has_formula_ && !formula_.empty()) cell.formula_id = pool_.add(formula_);
        // <v></v> says nothing, whatever the type claims (openpyxl agrees).
        bool has_value = has_value_ && !(value_.empty() && !inline_string_ && t != "str");
        if (!has_value) {
            if (!cell.formula_id) return;  // a styled blank: nothing to keep
            cell.type = CellType::Empty;
            push(cell);
            return;
        }
        auto where = [&] { return "cell " + cell_name(cell.ref()); };  // for errors only
        if (inline_string_ || t == "inlineStr" || t == "str") {
            decode_ooxml_escapes(value_);
            if (value_.empty() && !cell.formula_id) return;
            cell.type = value_.empty() ? CellType::Empty : CellType::Text;
            cell.text_id = value_.empty() ? 0 : pool_.add(value_);
        } else if (t == "s") {
            std::size_t idx = 0;
            auto res = std::from_chars(value_.data(), value_.data() + value_.size(), idx);
            if (res.ec != std::errc() || res.ptr != value_.data() + value_.size())
                fail(where(), "shared string index '" + value_.substr(0, 20) + "' is not a number");
            if (idx >= sst_.size())
                fail(where(), "shared string index " + std::to_string(idx) + " is beyond the table of " +
                                  std::to_string(sst_.size()) + " strings");
            if (sst_[idx] == 0 && !cell.formula_id) return;  // an empty shared string
            cell.type = sst_[idx] == 0 ? CellType::Empty : CellType::Text;
            cell.text_id = sst_[idx];
        } else if (t == "b") {
            cell.type = CellType::Boolean;
            cell.number = (value_ == "1" || value_ == "true") ? 1 : 0;
        } else if (t == "e") {
            cell.type = CellType::Error;
            cell.text_id = pool_.add(value_);
        } else if (t == "d") {
            // What follows the time (a zone) is ignored: a spreadsheet date has none.
            auto parsed = parse_iso8601(value_);
            if (!parsed) fail(where(), "date value '" + value_.substr(0, 40) + "' is not ISO 8601");
            cell.type = CellType::DateTime;
            cell.number = parsed->serial_days();
        } else {
            if (!parse_double(value_, cell.number))
                fail(where(), "numeric value '" + value_.substr(0, 40) + "' is not a number");
            cell.type = CellType::Number;
            if (style_ && style_->is_date) {
                if (auto days = stored_date_to_days(cell.number, system_)) {
                    cell.type = CellType::DateTime;
                    cell.number = *days;
                } else {
                    warn(where() + ": date serial " + value_.substr(0, 40) + " is outside years 1-9999; kept as a number");
                }
            }
        }
        push(cell);
    }

    // Cells go into fixed-size chunks while the part streams by (no
    // regrowth copies), then into one vector, each chunk freed once copied:
    // the peak is the cells plus one chunk.
    static constexpr std::size_t chunk_cells = 1 << 16;
    void push(const Cell& cell) {
        if (cell_budget_ == 0)
            fail("", "more than " + std::to_string(options_.max_cells) + " cells in the workbook (the limit)");
        --cell_budget_;
        if (chunks_.empty() || chunks_.back().size() == chunk_cells) {
            chunks_.emplace_back();
            chunks_.back().reserve(chunk_cells);
        }
        chunks_.back().push_back(cell);
    }

    void gather_cells() {
        std::size_t total = 0;
        for (const auto& c : chunks_) total += c.size();
        sheet_.cells.reserve(total);
        for (auto& c : chunks_) {
            sheet_.cells.insert(sheet_.cells.end(), c.begin(), c.end());
            std::vector<Cell>().swap(c);
        }
        chunks_.clear();
    }

    XmlPartStream stream_;
    const std::string& file_;
    Sheet& sheet_;
    StringPool& pool_;
    const std::vector<std::uint32_t>& sst_;
    const std::vector<CellStyle>& styles_;
    DateSystem system_;
    const ReadOptions& options_;
    std::uint64_t& cell_budget_;

    int skip_below_ = 0;

    std::uint32_t row_ = 0, next_row_ = 0, next_col_ = 0;
    Cell cell_;
    std::string_view type_;
    const CellStyle* style_ = nullptr;
    std::string value_, formula_;
    std::string* capture_ = nullptr;
    bool in_cell_ = false, has_value_ = false, has_formula_ = false, inline_string_ = false, in_inline_ = false;
    std::vector<std::vector<Cell>> chunks_;
};

}  // namespace

void read_worksheet(ZipArchive& zip, const std::string& part, const WorksheetContext& context, Sheet& sheet,
                    std::vector<Warning>& warnings) {
    SheetReader reader(zip.open_required(part), context, sheet);
    try {
        reader.read();
    } catch (const XmlError& e) {
        throw ReadError(context.file, "part " + part + " (sheet '" + sheet.name + "'): " + reader.malformed(e));
    }
    warnings.insert(warnings.end(), reader.warnings_.begin(), reader.warnings_.end());
}

}  // namespace plancon::detail
