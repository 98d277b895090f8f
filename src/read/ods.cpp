// OpenDocument spreadsheet (.ods) reader: content.xml through pugixml, into the grid.
//
// ODF compresses runs of identical rows and cells with number-rows-repeated /
// number-columns-repeated. Empty repeats (LibreOffice pads every sheet to its
// full width and height that way) only move the position; non-empty repeats
// are expanded against options.max_cells so a few hundred bytes cannot ask for
// billions of cells.
#include "read/readers.hpp"
#include "read/zip_archive.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace plancon::detail {

namespace {

constexpr std::string_view ns_office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr std::string_view ns_table = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr std::string_view ns_text = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view ns_style = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
constexpr std::string_view ns_calcext = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0";

// pugixml has no namespaces: qualified names are built from the prefixes the
// document itself declares, so a producer using other prefixes still reads.
struct Names {
    std::string body, spreadsheet, automatic_styles, annotation;                      // office:
    std::string value_type, value, date_value, time_value, boolean_value, string_value;  // office: attributes
    std::string table, table_name, table_style, row, cell, covered_cell, column;        // table:
    std::string rows_repeated, cols_repeated, rows_spanned, cols_spanned, visibility;
    std::string formula, display, header_rows, rows, row_group, header_columns, columns, column_group;
    std::string p, h, s, c, tab, line_break, list, list_item;  // text:
    std::string style, style_name, family, data_style_name, table_properties;  // style:
    std::string calc_value_type;  // calcext:value-type

    explicit Names(const pugi::xml_node& root) {
        auto prefix = [&](std::string_view uri, std::string_view fallback) {
            for (const pugi::xml_attribute& a : root.attributes()) {
                std::string_view name = a.name();
                if (name.substr(0, 6) == "xmlns:" && a.value() == uri) return std::string(name.substr(6)) + ":";
            }
            return std::string(fallback) + ":";
        };
        const std::string o = prefix(ns_office, "office"), t = prefix(ns_table, "table"), x = prefix(ns_text, "text"),
                          st = prefix(ns_style, "style"), ce = prefix(ns_calcext, "calcext");
        body = o + "body", spreadsheet = o + "spreadsheet", automatic_styles = o + "automatic-styles", annotation = o + "annotation";
        value_type = o + "value-type", value = o + "value", date_value = o + "date-value", time_value = o + "time-value";
        boolean_value = o + "boolean-value", string_value = o + "string-value";
        table = t + "table", table_name = t + "name", table_style = t + "style-name", row = t + "table-row";
        cell = t + "table-cell", covered_cell = t + "covered-table-cell", column = t + "table-column";
        rows_repeated = t + "number-rows-repeated", cols_repeated = t + "number-columns-repeated";
        rows_spanned = t + "number-rows-spanned", cols_spanned = t + "number-columns-spanned";
        visibility = t + "visibility", formula = t + "formula", display = t + "display";
        header_rows = t + "table-header-rows", rows = t + "table-rows", row_group = t + "table-row-group";
        header_columns = t + "table-header-columns", columns = t + "table-columns", column_group = t + "table-column-group";
        p = x + "p", h = x + "h", s = x + "s", c = x + "c", tab = x + "tab", line_break = x + "line-break";
        list = x + "list", list_item = x + "list-item";
        style = st + "style", style_name = st + "name", family = st + "family", data_style_name = st + "data-style-name";
        table_properties = st + "table-properties";
        calc_value_type = ce + "value-type";
    }
};

// A repeat count: absent means 1; garbage or 0 is read as 1 (as LibreOffice does).
std::uint64_t repeat_count(const pugi::xml_node& node, const std::string& attr) {
    const char* s = node.attribute(attr.c_str()).value();
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(s, s + std::strlen(s), n);
    if (ec != std::errc() || n == 0) return 1;
    return n;
}

bool parse_double(std::string_view s, double& out) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

// Reads leading digits into n; returns how many were read.
std::size_t read_digits(std::string_view s, std::size_t& i, long long& n) {
    std::size_t start = i;
    n = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9' && i - start < 12) n = n * 10 + (s[i++] - '0');
    return i - start;
}

// Seconds with an optional fraction, e.g. "05" or "05.123".
bool read_seconds(std::string_view s, std::size_t& i, double& seconds) {
    std::size_t start = i;
    while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.')) ++i;
    return i > start && parse_double(s.substr(start, i - start), seconds);
}

// office:date-value: "2019-06-30", "2019-06-30T14:05:00", "2019-06-30T14:05:00.5",
// possibly followed by a time zone (ignored: a spreadsheet date has none).
std::optional<double> parse_date_value(std::string_view s) {
    std::size_t i = 0;
    bool negative = !s.empty() && s[0] == '-';
    if (negative) ++i;
    long long year = 0, month = 0, day = 0;
    if (read_digits(s, i, year) < 4 || i >= s.size() || s[i++] != '-') return std::nullopt;
    if (read_digits(s, i, month) != 2 || i >= s.size() || s[i++] != '-') return std::nullopt;
    if (read_digits(s, i, day) != 2) return std::nullopt;
    if (month < 1 || month > 12 || day < 1 || day > 31 || year > 9999) return std::nullopt;
    double days = double(days_from_civil(int(negative ? -year : year), unsigned(month), unsigned(day)));
    if (i < s.size() && s[i] == 'T') {
        ++i;
        long long hour = 0, minute = 0;
        double second = 0;
        if (read_digits(s, i, hour) != 2 || i >= s.size() || s[i++] != ':') return std::nullopt;
        if (read_digits(s, i, minute) != 2 || i >= s.size() || s[i++] != ':') return std::nullopt;
        if (!read_seconds(s, i, second)) return std::nullopt;
        if (hour > 24 || minute > 59 || second >= 61) return std::nullopt;
        days += (double(hour) * 3600 + double(minute) * 60 + second) / 86400.0;
    }
    return days;
}

// office:time-value, an ISO 8601 duration: "PT12H30M00S", "PT12H30M00.5S", "P1DT2H", "-PT1H".
std::optional<double> parse_time_value(std::string_view s) {
    std::size_t i = 0;
    bool negative = !s.empty() && s[0] == '-';
    if (negative) ++i;
    if (i >= s.size() || s[i++] != 'P') return std::nullopt;
    double seconds = 0;
    bool in_time = false, any = false;
    while (i < s.size()) {
        if (s[i] == 'T') {
            in_time = true;
            ++i;
            continue;
        }
        double n = 0;
        if (!read_seconds(s, i, n) || i >= s.size()) return std::nullopt;
        char unit = s[i++];
        any = true;
        if (unit == 'D' && !in_time) seconds += n * 86400;
        else if (unit == 'H' && in_time) seconds += n * 3600;
        else if (unit == 'M' && in_time) seconds += n * 60;
        else if (unit == 'S' && in_time) seconds += n;
        else return std::nullopt;  // years and months have no fixed length
    }
    if (!any) return std::nullopt;
    return (negative ? -seconds : seconds) / 86400.0;
}

class OdsReader {
public:
    OdsReader(const std::string& path, const ReadOptions& options) : path_(path), options_(options) {}

    Workbook read(std::string bytes) {
        ZipArchive zip(path_, bytes, options_.max_bytes);
        refuse_encrypted(zip);
        std::string content = zip.read_required("content.xml");
        pugi::xml_document doc = parse(content, "content.xml");
        pugi::xml_node root = doc.document_element();
        Names names(root);
        n_ = &names;
        collect_styles(root.child(names.automatic_styles.c_str()));

        wb_.path = path_;
        wb_.format = Format::Ods;
        pugi::xml_node spreadsheet = root.child(names.body.c_str()).child(names.spreadsheet.c_str());
        if (!spreadsheet) throw ReadError(path_, "content.xml: no office:spreadsheet (not a spreadsheet document?)");
        for (pugi::xml_node t : spreadsheet.children(names.table.c_str())) read_table(t);
        return std::move(wb_);
    }

private:
    const std::string& path_;
    const ReadOptions& options_;
    const Names* n_ = nullptr;
    Workbook wb_;
    std::uint64_t expanded_cells_ = 0;
    std::unordered_map<std::string_view, bool> hidden_table_styles_;
    std::unordered_map<std::string_view, std::string_view> data_style_of_;  // cell style -> data style
    std::unordered_map<std::string_view, std::uint32_t> format_ids_;        // data style -> pool id

    void refuse_encrypted(ZipArchive& zip) {
        auto manifest = zip.read("META-INF/manifest.xml");
        if (!manifest) return;
        // Any prefix: the element's local name is what matters.
        if (manifest->find(":encryption-data") != std::string::npos || manifest->find("<encryption-data") != std::string::npos)
            throw ReadError(path_, "password-protected (encrypted) spreadsheet; save an unprotected copy and try again");
    }

    pugi::xml_document parse(std::string& xml, const char* part) {
        // pugixml never fetches external entities, but a DTD in a document part has
        // no business there and internal entities could still be used to blow up text.
        if (xml.find("<!DOCTYPE") != std::string::npos || xml.find("<!ENTITY") != std::string::npos)
            throw ReadError(path_, std::string(part) + ": refusing a document type declaration (DTD/entities)");
        pugi::xml_document doc;
        // parse_ws_pcdata keeps a lone space in <text:span> </text:span>; whitespace
        // between elements is never looked at.
        pugi::xml_parse_result r = doc.load_buffer_inplace(xml.data(), xml.size(),
                                                           (pugi::parse_default | pugi::parse_ws_pcdata) & ~pugi::parse_doctype);
        if (!r)
            throw ReadError(path_, std::string(part) + ": malformed XML at byte " + std::to_string(r.offset) + " (" +
                                       r.description() + ")");
        return doc;
    }

    void collect_styles(const pugi::xml_node& styles) {
        for (pugi::xml_node s : styles.children(n_->style.c_str())) {
            std::string_view family = s.attribute(n_->family.c_str()).value();
            std::string_view name = s.attribute(n_->style_name.c_str()).value();
            if (family == "table") {
                std::string_view display = s.child(n_->table_properties.c_str()).attribute(n_->display.c_str()).value();
                hidden_table_styles_[name] = display == "false";
            } else if (family == "table-cell") {
                std::string_view data = s.attribute(n_->data_style_name.c_str()).value();
                if (!data.empty()) data_style_of_[name] = data;
            }
        }
    }

    std::uint32_t format_id(const pugi::xml_node& cell) {
        std::string_view style = cell.attribute(n_->table_style.c_str()).value();
        if (style.empty()) return 0;
        auto it = data_style_of_.find(style);
        if (it == data_style_of_.end()) return 0;
        auto [f, inserted] = format_ids_.try_emplace(it->second, 0);
        if (inserted) f->second = wb_.strings->add(std::string(it->second));
        return f->second;
    }

    // Paragraph text as ODF defines it: runs of white space in the XML collapse
    // to one space (leading white space of a paragraph is dropped), and
    // <text:s text:c="n"/>, <text:tab/>, <text:line-break/> stand for the real thing.
    struct TextBuilder {
        std::string out;
        bool last_was_space = true;  // true at paragraph start, so leading space is dropped
        void literal(std::string_view s) {
            out += s;
            last_was_space = false;
        }
        void xml_text(std::string_view s) {
            for (char ch : s) {
                if (ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r') {
                    if (!last_was_space) out += ' ';
                    last_was_space = true;
                } else {
                    out += ch;
                    last_was_space = false;
                }
            }
        }
    };

    // Spans, lists and row groups nest a level or two in real files; a crafted file nesting
    // them a million deep must not exhaust the stack.
    static constexpr int max_depth = 100;
    void check_depth(int depth) const {
        if (depth > max_depth)
            throw ReadError(path_, "content.xml: elements nested more than " + std::to_string(max_depth) + " deep (crafted?)");
    }

    void append_inline(const pugi::xml_node& node, TextBuilder& text, int depth = 0) {
        check_depth(depth);
        for (pugi::xml_node child : node.children()) {
            if (child.type() == pugi::node_pcdata || child.type() == pugi::node_cdata) {
                text.xml_text(child.value());
                continue;
            }
            if (child.type() != pugi::node_element) continue;
            std::string_view name = child.name();
            if (name == n_->s) {
                std::uint64_t count = repeat_count(child, n_->c);
                text.literal(std::string(std::size_t(std::min<std::uint64_t>(count, 1024)), ' '));
            } else if (name == n_->tab) {
                text.literal("\t");
            } else if (name == n_->line_break) {
                text.literal("\n");
            } else if (name == n_->annotation || name.find("draw:") == 0) {
                // comments and drawings anchored in the text are not the cell's value
            } else {
                append_inline(child, text, depth + 1);  // text:span, text:a, fields: their text
            }
        }
    }

    // The cell's paragraphs joined with "\n" (lists flattened into paragraphs).
    void append_paragraphs(const pugi::xml_node& node, std::string& out, bool& first, int depth = 0) {
        check_depth(depth);
        for (pugi::xml_node child : node.children()) {
            std::string_view name = child.name();
            if (name == n_->p || name == n_->h) {
                TextBuilder text;
                append_inline(child, text);
                if (!first) out += '\n';
                out += text.out;
                first = false;
            } else if (name == n_->list || name == n_->list_item) {
                append_paragraphs(child, out, first, depth + 1);
            }
        }
    }

    std::string cell_text(const pugi::xml_node& cell) {
        std::string out;
        bool first = true;
        append_paragraphs(cell, out, first);
        return out;
    }

    // The value of one cell element; Empty when it holds none.
    Cell read_cell_value(const pugi::xml_node& node) {
        Cell cell;
        std::string_view type = node.attribute(n_->value_type.c_str()).value();
        std::string_view calc_type = node.attribute(n_->calc_value_type.c_str()).value();
        auto number_attr = [&](const std::string& attr) -> std::optional<double> {
            double v = 0;
            if (parse_double(node.attribute(attr.c_str()).value(), v)) return v;
            return std::nullopt;
        };
        if (calc_type == "error") {
            cell.type = CellType::Error;
            cell.text_id = wb_.strings->add(cell_text(node));
        } else if (type == "float" || type == "percentage" || type == "currency") {
            if (auto v = number_attr(n_->value)) {
                cell.type = CellType::Number;
                cell.number = *v;
            }
        } else if (type == "date") {
            if (auto v = parse_date_value(node.attribute(n_->date_value.c_str()).value())) {
                cell.type = CellType::DateTime;
                cell.number = *v;
            }
        } else if (type == "time") {
            if (auto v = parse_time_value(node.attribute(n_->time_value.c_str()).value())) {
                cell.type = CellType::DateTime;
                cell.number = *v;
            }
        } else if (type == "boolean") {
            std::string_view b = node.attribute(n_->boolean_value.c_str()).value();
            cell.type = CellType::Boolean;
            cell.number = (b == "true" || b == "1") ? 1 : 0;
        } else {
            // "string", or no type at all (some producers write bare paragraphs).
            pugi::xml_attribute sv = node.attribute(n_->string_value.c_str());
            std::string text = sv ? std::string(sv.value()) : cell_text(node);
            if (!text.empty() || (type == "string" && node.attribute(n_->formula.c_str()))) {
                cell.type = CellType::Text;
                cell.text_id = wb_.strings->add(std::move(text));
            }
        }
        if (cell.type == CellType::Empty) return cell;
        if (pugi::xml_attribute f = node.attribute(n_->formula.c_str())) cell.formula_id = wb_.strings->add(f.value());
        cell.format_id = format_id(node);
        return cell;
    }

    struct TableState {
        Sheet sheet;
        std::uint64_t row = 0;
        std::vector<std::pair<std::uint64_t, std::uint64_t>> hidden_row_runs;  // (first, count)
    };

    void charge(std::uint64_t cells, const std::string& where) {
        if (cells > options_.max_cells || expanded_cells_ > options_.max_cells - cells)
            throw ReadError(path_, where + ": repeated cells would expand past the limit of " +
                                       std::to_string(options_.max_cells) + " cells (a repeat bomb?); refusing to read");
        expanded_cells_ += cells;
    }

    void read_row(const pugi::xml_node& row, TableState& state) {
        const std::uint64_t repeat = repeat_count(row, n_->rows_repeated);
        const std::uint64_t first_row = state.row;
        state.row += repeat;
        std::string_view vis = row.attribute(n_->visibility.c_str()).value();
        if ((vis == "collapse" || vis == "filter") && first_row < max_rows)
            state.hidden_row_runs.emplace_back(first_row, repeat);
        if (first_row >= max_rows) return;
        const std::uint64_t rows_here = std::min<std::uint64_t>(repeat, max_rows - first_row);

        // One pass over the row's cells, collecting the values of one instance;
        // the other repeated rows are copies.
        std::vector<Cell> row_cells;
        std::uint64_t col = 0;
        for (pugi::xml_node c : row.children()) {
            std::string_view name = c.name();
            bool covered = name == n_->covered_cell;
            if (name != n_->cell && !covered) continue;
            const std::uint64_t cols = repeat_count(c, n_->cols_repeated);
            const std::uint64_t first_col = col;
            col += cols;
            if (first_col >= max_cols) continue;
            const std::uint64_t cols_here = std::min<std::uint64_t>(cols, max_cols - first_col);
            if (!covered) {
                std::uint64_t span_cols = repeat_count(c, n_->cols_spanned), span_rows = repeat_count(c, n_->rows_spanned);
                if (span_cols > 1 || span_rows > 1) {
                    charge(cols_here * rows_here, "sheet '" + state.sheet.name + "' row " + std::to_string(first_row + 1));
                    for (std::uint64_t r = 0; r < rows_here; ++r)
                        for (std::uint64_t k = 0; k < cols_here; ++k) {
                            std::uint64_t r0 = first_row + r, c0 = first_col + k;
                            state.sheet.merged.push_back(
                                Range{{std::uint32_t(r0), std::uint32_t(c0)},
                                      {std::uint32_t(std::min<std::uint64_t>(r0 + span_rows - 1, max_rows - 1)),
                                       std::uint32_t(std::min<std::uint64_t>(c0 + span_cols - 1, max_cols - 1))}});
                        }
                }
            }
            Cell value = read_cell_value(c);
            if (value.type == CellType::Empty) continue;
            charge(cols_here * rows_here, "sheet '" + state.sheet.name + "' cell " +
                                              cell_name({std::uint32_t(first_row), std::uint32_t(first_col)}));
            for (std::uint64_t k = 0; k < cols_here; ++k) {
                value.col = std::uint32_t(first_col + k);
                row_cells.push_back(value);
            }
        }
        for (std::uint64_t r = 0; r < rows_here; ++r)
            for (Cell cell : row_cells) {
                cell.row = std::uint32_t(first_row + r);
                state.sheet.cells.push_back(cell);
            }
    }

    void read_rows(const pugi::xml_node& parent, TableState& state, int depth = 0) {
        check_depth(depth);
        for (pugi::xml_node child : parent.children()) {
            std::string_view name = child.name();
            if (name == n_->row) read_row(child, state);
            else if (name == n_->header_rows || name == n_->rows || name == n_->row_group) read_rows(child, state, depth + 1);
        }
    }

    void read_columns(const pugi::xml_node& parent, Sheet& sheet, std::uint64_t& col, int depth = 0) {
        check_depth(depth);
        for (pugi::xml_node child : parent.children()) {
            std::string_view name = child.name();
            if (name == n_->column) {
                std::uint64_t repeat = repeat_count(child, n_->cols_repeated);
                std::string_view vis = child.attribute(n_->visibility.c_str()).value();
                if (vis == "collapse" || vis == "filter")
                    for (std::uint64_t k = col; k < std::min<std::uint64_t>(col + repeat, max_cols); ++k)
                        sheet.hidden_cols.push_back(std::uint32_t(k));
                col += repeat;
            } else if (name == n_->header_columns || name == n_->columns || name == n_->column_group) {
                read_columns(child, sheet, col, depth + 1);
            }
        }
    }

    void read_table(const pugi::xml_node& table) {
        TableState state;
        Sheet& sheet = state.sheet;
        sheet.name = table.attribute(n_->table_name.c_str()).value();
        sheet.strings = wb_.strings;
        auto style = hidden_table_styles_.find(table.attribute(n_->table_style.c_str()).value());
        if (style != hidden_table_styles_.end() && style->second) sheet.visibility = Visibility::Hidden;
        std::uint64_t col = 0;
        read_columns(table, sheet, col);
        read_rows(table, state);
        sheet.finish();
        // Hidden rows matter only where there is something; LibreOffice hides
        // whole blocks of a million empty rows at a time.
        std::uint64_t end = 0;
        for (const Cell& c : sheet.cells) end = std::max<std::uint64_t>(end, std::uint64_t(c.row) + 1);
        for (const Range& m : sheet.merged) end = std::max<std::uint64_t>(end, std::uint64_t(m.last.row) + 1);
        for (auto [first, count] : state.hidden_row_runs)
            for (std::uint64_t r = first; r < std::min(first + count, end); ++r) sheet.hidden_rows.push_back(std::uint32_t(r));
        std::sort(sheet.hidden_rows.begin(), sheet.hidden_rows.end());
        sheet.hidden_rows.erase(std::unique(sheet.hidden_rows.begin(), sheet.hidden_rows.end()), sheet.hidden_rows.end());
        wb_.sheets.push_back(std::move(sheet));
    }
};

}  // namespace

Workbook read_ods(const std::string& path, std::string bytes, const ReadOptions& options) {
    return OdsReader(path, options).read(std::move(bytes));
}

}  // namespace plancon::detail
