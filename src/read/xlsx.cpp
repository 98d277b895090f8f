// .xlsx / .xlsm reader: OPC package (libzip) -> grid.
//
// Parts are found the way Excel finds them, through relationships:
// _rels/.rels -> workbook part -> its .rels -> sheets, shared strings, styles.
// Small parts go through pugixml; worksheets and the shared-string table are
// streamed with XmlScanner so that a million cells cost a million Cells and
// nothing more.
#include "plancon/text.hpp"
#include "read/readers.hpp"
#include "read/xml_scanner.hpp"
#include "read/xml_util.hpp"
#include "read/zip_archive.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <map>
#include <unordered_map>

namespace plancon::detail {

namespace {

constexpr std::string_view rel_office_document = "/officeDocument";
constexpr std::string_view rel_worksheet = "/worksheet";
constexpr std::string_view rel_shared_strings = "/sharedStrings";
constexpr std::string_view rel_styles = "/styles";

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Resolve a relationship target against the folder of the part that owns it.
std::string resolve_target(std::string_view owner_dir, std::string_view target) {
    std::string joined = !target.empty() && target[0] == '/' ? std::string(target.substr(1))
                                                                 : std::string(owner_dir) + std::string(target);
    std::replace(joined.begin(), joined.end(), '\\', '/');
    std::vector<std::string> parts;
    std::size_t i = 0;
    while (i <= joined.size()) {
        std::size_t j = joined.find('/', i);
        if (j == std::string::npos) j = joined.size();
        std::string seg = joined.substr(i, j - i);
        if (seg == "..") {
            if (!parts.empty()) parts.pop_back();
        } else if (!seg.empty() && seg != ".") {
            parts.push_back(seg);
        }
        i = j + 1;
    }
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "/") + p;
    return out;
}

std::string dir_of(std::string_view part) {
    auto slash = part.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

std::string rels_of(std::string_view part) { return dir_of(part) + "_rels/" + std::string(part.substr(part.rfind('/') + 1)) + ".rels"; }

struct Relationship {
    std::string type;
    std::string target;  // resolved part name
    bool external = false;
};

std::map<std::string, Relationship> read_relationships(ZipArchive& zip, const std::string& file, const std::string& owner) {
    std::map<std::string, Relationship> rels;
    std::string rels_name = rels_of(owner);
    auto bytes = zip.read(rels_name);
    if (!bytes) return rels;
    pugi::xml_document doc;
    load_part(doc, *bytes, file, rels_name);
    pugi::xml_node root = doc.document_element();
    for_each_named(root, "Relationship", [&](const pugi::xml_node& r) {
        Relationship rel;
        rel.type = attr_named(r, "Type").value();
        rel.external = std::string_view(attr_named(r, "TargetMode").value()) == "External";
        rel.target = rel.external ? attr_named(r, "Target").value() : resolve_target(dir_of(owner), attr_named(r, "Target").value());
        rels[attr_named(r, "Id").value()] = std::move(rel);
    });
    return rels;
}

// Excel's built-in number formats that are not spelled out in styles.xml.
std::string_view builtin_format(unsigned id) {
    switch (id) {
        case 0: return "General";
        case 1: return "0";
        case 2: return "0.00";
        case 3: return "#,##0";
        case 4: return "#,##0.00";
        case 9: return "0%";
        case 10: return "0.00%";
        case 11: return "0.00E+00";
        case 12: return "# ?/?";
        case 13: return "# ?" "?/??";
        case 14: return "mm-dd-yy";
        case 15: return "d-mmm-yy";
        case 16: return "d-mmm";
        case 17: return "mmm-yy";
        case 18: return "h:mm AM/PM";
        case 19: return "h:mm:ss AM/PM";
        case 20: return "h:mm";
        case 21: return "h:mm:ss";
        case 22: return "m/d/yy h:mm";
        case 37: return "#,##0 ;(#,##0)";
        case 38: return "#,##0 ;[Red](#,##0)";
        case 39: return "#,##0.00;(#,##0.00)";
        case 40: return "#,##0.00;[Red](#,##0.00)";
        case 45: return "mm:ss";
        case 46: return "[h]:mm:ss";
        case 47: return "mmss.0";
        case 48: return "##0.0E+0";
        case 49: return "@";
        default: return "";
    }
}

}  // namespace

// A format code shows a date or time when, in its first section and outside
// quoted literals, escapes and [bracketed] locale/colour codes, it uses d, m,
// y, h or s (openpyxl's rule), unless it shows elapsed time ([h], [mm], [ss]).
bool is_date_format_code(std::string_view code) {
    code = code.substr(0, code.find(';'));
    std::string stripped;
    for (std::size_t i = 0; i < code.size(); ++i) {
        char c = code[i];
        if (c == '"') {
            std::size_t end = code.find('"', i + 1);
            if (end == std::string_view::npos) break;
            i = end;
        } else if (c == '\\' || c == '_' || c == '*') {
            ++i;  // the next character is a literal (or a padding/fill character)
        } else if (c == '[') {
            std::size_t end = code.find(']', i + 1);
            if (end == std::string_view::npos) break;
            std::string_view inside = code.substr(i + 1, end - i - 1);
            bool elapsed = !inside.empty() && inside.size() <= 2 &&
                           std::all_of(inside.begin(), inside.end(), [&](char x) { return std::tolower(x) == std::tolower(inside[0]); }) &&
                           (std::tolower(inside[0]) == 'h' || std::tolower(inside[0]) == 'm' || std::tolower(inside[0]) == 's');
            // An elapsed-time format ([h]:mm:ss) shows a duration, not a
            // moment: the value stays a number.
            if (elapsed) return false;
            i = end;
        } else {
            stripped += c;
        }
    }
    return stripped.find_first_of("dmhysDMHYS") != std::string::npos;
}

namespace {

struct CellStyle {
    std::uint32_t format_id = 0;  // in the StringPool
    bool is_date = false;
};

std::vector<CellStyle> read_styles(ZipArchive& zip, const std::string& file, const std::string& part, StringPool& pool) {
    std::vector<CellStyle> styles;
    auto bytes = zip.read(part);
    if (!bytes) return styles;
    pugi::xml_document doc;
    load_part(doc, *bytes, file, part);
    pugi::xml_node root = doc.document_element();
    std::unordered_map<unsigned, std::string> custom;
    for_each_named(child_named(root, "numFmts"), "numFmt", [&](const pugi::xml_node& f) {
        custom[attr_named(f, "numFmtId").as_uint()] = attr_named(f, "formatCode").value();
    });
    std::unordered_map<std::string, std::uint32_t> pooled;
    for_each_named(child_named(root, "cellXfs"), "xf", [&](const pugi::xml_node& xf) {
        unsigned id = attr_named(xf, "numFmtId").as_uint();
        auto it = custom.find(id);
        std::string code = it != custom.end() ? it->second : std::string(builtin_format(id));
        CellStyle style;
        // Built-in ids 14-22, 45 and 47 are dates and times whatever their local
        // spelling (46 is elapsed time, a duration); 27-36 and 50-58 are the
        // East Asian built-in date formats.
        style.is_date = (id >= 14 && id <= 22) || id == 45 || id == 47 || (id >= 27 && id <= 36) ||
                        (id >= 50 && id <= 58) || (it != custom.end() && is_date_format_code(code));
        if (code != "General" && !code.empty()) {
            auto [pos, inserted] = pooled.try_emplace(code, 0);
            if (inserted) pos->second = pool.add(code);
            style.format_id = pos->second;
        }
        styles.push_back(style);
    });
    return styles;
}

// Excel escapes characters XML cannot carry as _xHHHH_ (and a literal
// "_x" as _x005F_x). Decoded left to right without rescanning the output.
void decode_ooxml_escapes(std::string& s) {
    if (s.find("_x") == std::string::npos) return;
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    };
    auto unit_at = [&](std::size_t i) -> long {
        if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
        long v = 0;
        for (std::size_t k = i + 2; k < i + 6; ++k) {
            int d = hex(s[k]);
            if (d < 0) return -1;
            v = v * 16 + d;
        }
        return v;
    };
    std::string out;
    out.reserve(s.size());
    std::size_t i = 0;
    while (i < s.size()) {
        long u = unit_at(i);
        if (u < 0) {
            out += s[i++];
            continue;
        }
        i += 7;
        char32_t cp = char32_t(u);
        if (is_high_surrogate(cp) && unit_at(i) >= 0 && is_low_surrogate(char32_t(unit_at(i)))) {
            cp = combine_surrogates(cp, char32_t(unit_at(i)));
            i += 7;
        }
        append_utf8(out, cp);  // a lone surrogate becomes U+FFFD
    }
    s.swap(out);
}

// Collect the text of an <si> or <is> element the scanner has just entered:
// <t> directly inside, and <t> inside rich-text runs <r>; phonetic runs
// <rPh> are readings, not text.
std::string read_string_item(XmlScanner& x) {
    std::string text;
    int base = x.depth();
    bool in_t = false;
    for (;;) {
        auto ev = x.next();
        if (ev == XmlScanner::Event::Eof) break;
        if (ev == XmlScanner::Event::Start) {
            if (x.name() == "rPh" || x.name() == "phoneticPr") {
                x.skip_element();
                continue;
            }
            in_t = x.name() == "t";
        } else if (ev == XmlScanner::Event::End) {
            if (x.depth() < base) break;
            in_t = false;
        } else if (ev == XmlScanner::Event::Text && in_t) {
            x.append_text(text);
        }
    }
    decode_ooxml_escapes(text);
    return text;
}

// Shared strings -> pool ids, in table order.
std::vector<std::uint32_t> read_shared_strings(ZipArchive& zip, const std::string& file, const std::string& part,
                                               StringPool& pool) {
    std::vector<std::uint32_t> ids;
    auto bytes = zip.read(part);
    if (!bytes) return ids;
    try {
        XmlScanner x(*bytes);
        for (;;) {
            auto ev = x.next();
            if (ev == XmlScanner::Event::Eof) break;
            if (ev == XmlScanner::Event::Start && x.name() == "sst") {
                std::string_view count = x.attr("uniqueCount");
                std::size_t n = 0;
                std::from_chars(count.data(), count.data() + count.size(), n);
                // A declared count is a hint only (it can be wrong or hostile).
                ids.reserve(std::min<std::size_t>(n, bytes->size() / 8 + 1));
            } else if (ev == XmlScanner::Event::Start && x.name() == "si") {
                std::string s = read_string_item(x);
                ids.push_back(s.empty() ? 0 : pool.add(std::move(s)));
            }
        }
    } catch (const XmlError& e) {
        throw ReadError(file, "part " + part + ": " + e.what());
    }
    return ids;
}

bool parse_double(std::string_view s, double& out) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\n' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\n' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    auto res = std::from_chars(s.data(), s.data() + s.size(), out);
    return res.ec == std::errc() && res.ptr == s.data() + s.size();
}

// Reads one worksheet as its part is inflated, chunk by chunk, so the
// part's XML is never held whole: an event-driven state machine over a
// resumable XmlScanner.
class SheetReader {
public:
    SheetReader(const std::string& file, Sheet& sheet, StringPool& pool, const std::vector<std::uint32_t>& sst,
                const std::vector<CellStyle>& styles, DateSystem system, const ReadOptions& options,
                std::uint64_t& cell_budget)
        : file_(file), sheet_(sheet), pool_(pool), sst_(sst), styles_(styles), system_(system), options_(options),
          cell_budget_(cell_budget) {}

    // One inflated piece of the part; the last call has last=true.
    void feed(std::string_view chunk, bool last) {
        buffer_.erase(0, consumed_);
        buffer_.append(chunk);
        scanner_.rebind(buffer_, !last);
        for (;;) {
            auto ev = scanner_.next();
            if (ev == XmlScanner::Event::NeedMore) {
                consumed_ = scanner_.offset();
                return;
            }
            if (ev == XmlScanner::Event::Eof) break;
            handle(ev);
        }
        consumed_ = 0;
        buffer_.clear();
        buffer_.shrink_to_fit();
        gather_cells();
        sheet_.finish();
    }

    std::vector<Warning> warnings_;

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
        XmlScanner& x = scanner_;
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
        std::string_view r = scanner_.attr("r", &has_r);
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
        if (xml_true(scanner_.attr("hidden"))) sheet_.hidden_rows.push_back(row_);
    }

    void read_col() {
        if (!xml_true(scanner_.attr("hidden"))) return;
        std::uint32_t lo = 0, hi = 0;
        std::string_view mn = scanner_.attr("min"), mx = scanner_.attr("max");
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
        std::string_view r = scanner_.attr("r", &has_r);
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
        type_ = scanner_.attr("t");
        type_ = type_ == "s" ? "s" : type_ == "b" ? "b" : type_ == "e" ? "e" : type_ == "d" ? "d"
                : type_ == "inlineStr" ? "inlineStr" : type_ == "str" ? "str" : "n";
        std::string_view s = scanner_.attr("s");
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
                double days = excel_serial_to_days(cell.number, system_);
                // Out-of-range serials stay numbers (Excel shows ####); openpyxl likewise gives up.
                if (std::isfinite(days) && days >= -693593 && days <= 2958466) {
                    cell.type = CellType::DateTime;
                    cell.number = days;
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

    const std::string& file_;
    Sheet& sheet_;
    StringPool& pool_;
    const std::vector<std::uint32_t>& sst_;
    const std::vector<CellStyle>& styles_;
    DateSystem system_;
    const ReadOptions& options_;
    std::uint64_t& cell_budget_;

    XmlScanner scanner_{std::string_view()};
    std::string buffer_;
    std::size_t consumed_ = 0;
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

Workbook read_xlsx(const std::string& path, std::string bytes, const ReadOptions& options) {
    ZipArchive zip(path, bytes, options.max_bytes);
    Workbook wb;
    wb.path = path;
    wb.format = Format::Xlsx;
    StringPool& pool = *wb.strings;

    // The workbook part, through the package relationships; the usual name
    // when a producer left them out.
    std::string workbook_part;
    for (const auto& [id, rel] : read_relationships(zip, path, ""))
        if (ends_with(rel.type, rel_office_document) && !rel.external) workbook_part = rel.target;
    if (workbook_part.empty() || !zip.find_name(workbook_part)) workbook_part = "xl/workbook.xml";
    if (!zip.find_name(workbook_part)) throw ReadError(path, "missing part xl/workbook.xml (not an Excel workbook?)");

    std::string workbook_xml = zip.read_required(workbook_part);
    pugi::xml_document workbook_doc;
    load_part(workbook_doc, workbook_xml, path, workbook_part);
    pugi::xml_node root = workbook_doc.document_element();
    if (xml_true(attr_named(child_named(root, "workbookPr"), "date1904").value())) wb.date_system = DateSystem::Excel1904;

    auto rels = read_relationships(zip, path, workbook_part);
    std::string sst_part, styles_part;
    for (const auto& [id, rel] : rels) {
        if (ends_with(rel.type, rel_shared_strings)) sst_part = rel.target;
        if (ends_with(rel.type, rel_styles)) styles_part = rel.target;
    }
    auto existing = [&](const std::string& part) { return zip.find_name(part) ? part : std::string(); };
    sst_part = existing(sst_part.empty() ? "xl/sharedStrings.xml" : sst_part);
    styles_part = existing(styles_part.empty() ? "xl/styles.xml" : styles_part);

    std::vector<CellStyle> styles = styles_part.empty() ? std::vector<CellStyle>{} : read_styles(zip, path, styles_part, pool);
    std::vector<std::uint32_t> sst = sst_part.empty() ? std::vector<std::uint32_t>{} : read_shared_strings(zip, path, sst_part, pool);

    std::uint64_t cell_budget = options.max_cells;
    for_each_named(child_named(root, "sheets"), "sheet", [&](const pugi::xml_node& s) {
        Sheet sheet;
        sheet.name = attr_named(s, "name").value();
        sheet.strings = wb.strings;
        std::string_view state = attr_named(s, "state").value();
        sheet.visibility = state == "hidden" ? Visibility::Hidden : state == "veryHidden" ? Visibility::VeryHidden : Visibility::Visible;
        std::string rid = attr_named(s, "id").value();
        auto rel = rels.find(rid);
        if (rel == rels.end()) {
            wb.warnings.push_back({{path, sheet.name, 0}, "no relationship " + rid + " in the workbook; sheet skipped"});
            return;
        }
        if (!ends_with(rel->second.type, rel_worksheet)) {
            // Chart sheets and dialog sheets hold no cells.
            wb.warnings.push_back({{path, sheet.name, 0}, "not a worksheet (" +
                                  rel->second.type.substr(rel->second.type.rfind('/') + 1) + "); it has no cells"});
            wb.sheets.push_back(std::move(sheet));
            return;
        }
        std::string part = existing(rel->second.target);
        if (part.empty()) throw ReadError(path, "missing part " + rel->second.target + " (sheet '" + sheet.name + "')");
        SheetReader reader(path, sheet, pool, sst, styles, wb.date_system, options, cell_budget);
        try {
            zip.read_chunks(part, [&](std::string_view chunk, bool last) { reader.feed(chunk, last); });
        } catch (const XmlError& e) {
            throw ReadError(path, "part " + part + " (sheet '" + sheet.name + "'): " + e.what());
        }
        wb.warnings.insert(wb.warnings.end(), reader.warnings_.begin(), reader.warnings_.end());
        wb.sheets.push_back(std::move(sheet));
    });
    if (wb.sheets.empty() && !child_named(child_named(root, "sheets"), "sheet"))
        throw ReadError(path, "part " + workbook_part + ": the workbook lists no sheets");
    return wb;
}

}  // namespace plancon::detail
