// OpenDocument spreadsheet (.ods) reader: content.xml, inflated piece by piece
// and walked once with the streaming XmlScanner, into the grid. (It used a
// pugixml DOM until a 200 KB file whose content.xml was 200 MiB of empty
// elements took 3.5 GB: a DOM node costs 64 bytes however small the element.
// Now memory is one chunk of the part plus the cells.)
//
// ODF compresses runs of identical rows and cells with number-rows-repeated /
// number-columns-repeated. Empty repeats (LibreOffice pads every sheet to its
// full width and height that way) only move the position; non-empty repeats
// are expanded against options.max_cells so a few hundred bytes cannot ask for
// billions of cells.
#include "read/readers.hpp"
#include "read/xml_part_stream.hpp"

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

// The scanner has no namespaces: qualified names are built from the prefixes
// the document itself declares, so a producer using other prefixes still reads
// (and office:value-type is not confused with calcext:value-type).
struct Names {
    std::string body, spreadsheet, automatic_styles, annotation;                      // office:
    std::string value_type, value, date_value, time_value, boolean_value, string_value;  // office: attributes
    std::string table, table_name, table_style, row, cell, covered_cell, column;        // table:
    std::string rows_repeated, cols_repeated, rows_spanned, cols_spanned, visibility;
    std::string formula, display, header_rows, rows, row_group, header_columns, columns, column_group;
    std::string p, h, s, c, tab, line_break, list, list_item;  // text:
    std::string style, style_name, family, data_style_name, table_properties;  // style:
    std::string calc_value_type;  // calcext:value-type

    // From the root element's Start event.
    explicit Names(const XmlScanner& root) {
        auto prefix = [&](std::string_view uri, std::string_view fallback) {
            std::string found;
            root.each_attr([&](std::string_view name, std::string_view value) {
                if (found.empty() && name.substr(0, 6) == "xmlns:" && value == uri) found = std::string(name.substr(6)) + ":";
            });
            return found.empty() ? std::string(fallback) + ":" : found;
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
std::uint64_t repeat_count(std::string_view s) {
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n);
    if (ec != std::errc() || n == 0) return 1;
    return n;
}

// An attribute value as an XML parser reports it: literal tabs and line
// ends become spaces (a CR LF pair one space), then references are decoded.
std::string attribute_value(std::string_view raw) {
    if (raw.find_first_of("&\t\r\n") == std::string_view::npos) return std::string(raw);
    std::string spaced;
    spaced.reserve(raw.size());
    for (std::size_t i = 0; i < raw.size(); ++i) {
        char c = raw[i];
        if (c == '\r' && i + 1 < raw.size() && raw[i + 1] == '\n') continue;
        spaced += (c == '\t' || c == '\r' || c == '\n') ? ' ' : c;
    }
    std::string out;
    append_decoded(out, spaced);
    return out;
}

bool parse_double(std::string_view s, double& out) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (!s.empty() && s.front() == '+') s.remove_prefix(1);
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size() && !s.empty();
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
    auto parsed = parse_iso8601(s);
    if (!parsed || !parsed->date) return std::nullopt;
    return parsed->serial_days();
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
        XmlPartStream stream(zip.open_required("content.xml"));
        stream_ = &stream;
        wb_.path = path_;
        wb_.format = Format::Ods;
        XmlScanner& scanner = stream.scanner();
        sc_ = &scanner;
        try {
            if (next() != Event::Start) throw XmlError(scanner.offset(), "no root element");
            const Names names(scanner);
            n_ = &names;
            bool spreadsheet = false;
            children([&] {
                if (scanner.qname() == names.automatic_styles) {
                    read_styles();
                } else if (scanner.qname() == names.body) {
                    children([&] {
                        if (scanner.qname() != names.spreadsheet) return skip();
                        spreadsheet = true;
                        children([&] { scanner.qname() == names.table ? read_table() : skip(); });
                    });
                } else {
                    skip();
                }
            });
            n_ = nullptr;
            if (!spreadsheet) throw ReadError(path_, "content.xml: no office:spreadsheet (not a spreadsheet document?)");
        } catch (const XmlError& e) {
            throw ReadError(path_, "content.xml: " + stream.malformed(e));
        }
        return std::move(wb_);
    }

private:
    using Event = XmlScanner::Event;

    const std::string& path_;
    const ReadOptions& options_;
    const Names* n_ = nullptr;
    // content.xml, inflated as the scanner needs it: views into it last
    // until the next event, so whatever outlives one is copied.
    XmlPartStream* stream_ = nullptr;
    XmlScanner* sc_ = nullptr;
    Workbook wb_;
    std::uint64_t expanded_cells_ = 0;
    std::unordered_map<std::string, bool> hidden_table_styles_;
    std::unordered_map<std::string, std::string> data_style_of_;  // cell style -> data style
    std::unordered_map<std::string, std::uint32_t> format_ids_;   // data style -> pool id

    void refuse_encrypted(ZipArchive& zip) {
        auto manifest = zip.read("META-INF/manifest.xml");
        if (!manifest) return;
        // Any prefix: the element's local name is what matters.
        if (manifest->find(":encryption-data") != std::string::npos || manifest->find("<encryption-data") != std::string::npos)
            throw ReadError(path_, "password-protected (encrypted) spreadsheet; save an unprotected copy and try again");
    }

    Event next() { return stream_->next(); }

    // After a Start: calls on_start for each child element, which must read
    // or skip that child whole; returns once the parent's End is read.
    template <class F>
    void children(F on_start) {
        for (;;) {
            switch (next()) {
                case Event::Start: on_start(); break;
                case Event::End: return;
                case Event::Text: break;
                case Event::Eof:
                case Event::NeedMore: throw XmlError(sc_->offset(), "document ends inside an element (truncated?)");
            }
        }
    }
    // After a Start: read to its End. (XmlScanner::skip_element cannot
    // refill the buffer.)
    void skip() {
        const int target = sc_->depth() - 1;
        while (sc_->depth() > target)
            if (next() == Event::Eof) return;
    }
    std::string_view attr(const std::string& qname) const { return sc_->attr_qualified(qname); }

    void read_styles() {
        children([&] {
            if (sc_->qname() != n_->style) return skip();
            const std::string_view family = attr(n_->family);
            const std::string name(attr(n_->style_name));
            if (family == "table") {
                bool& hidden = hidden_table_styles_[name];
                bool seen = false;
                children([&] {
                    if (!seen && sc_->qname() == n_->table_properties) {
                        hidden = attr(n_->display) == "false";
                        seen = true;
                    }
                    skip();
                });
                return;
            }
            if (family == "table-cell") {
                const std::string_view data = attr(n_->data_style_name);
                if (!data.empty()) data_style_of_[name] = std::string(data);
            }
            skip();
        });
    }

    std::uint32_t format_id(const std::string& style) {
        if (style.empty()) return 0;
        auto it = data_style_of_.find(style);
        if (it == data_style_of_.end()) return 0;
        auto [f, inserted] = format_ids_.try_emplace(it->second, 0);
        if (inserted) f->second = wb_.strings->add(it->second);
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

    // The text of the element just started, to its End.
    void append_inline(TextBuilder& text, int depth = 0) {
        check_depth(depth);
        std::string decoded;
        for (;;) {
            switch (next()) {
                case Event::Text:
                    decoded.clear();
                    sc_->append_text(decoded);
                    text.xml_text(decoded);
                    break;
                case Event::End: return;
                case Event::Eof:
                case Event::NeedMore: throw XmlError(sc_->offset(), "document ends inside an element (truncated?)");
                case Event::Start: {
                    const std::string_view name = sc_->qname();
                    if (name == n_->s) {
                        const std::uint64_t count = repeat_count(attr(n_->c));
                        text.literal(std::string(std::size_t(std::min<std::uint64_t>(count, 1024)), ' '));
                        skip();
                    } else if (name == n_->tab) {
                        text.literal("\t");
                        skip();
                    } else if (name == n_->line_break) {
                        text.literal("\n");
                        skip();
                    } else if (name == n_->annotation || name.substr(0, 5) == "draw:") {
                        skip();  // comments and drawings anchored in the text are not the cell's value
                    } else {
                        append_inline(text, depth + 1);  // text:span, text:a, fields: their text
                    }
                    break;
                }
            }
        }
    }

    // The paragraphs of the element just started, joined with "\n" (lists
    // flattened into paragraphs); anything else in it is skipped.
    void append_paragraphs(std::string& out, bool& first, int depth = 0) {
        check_depth(depth);
        children([&] {
            const std::string_view name = sc_->qname();
            if (name == n_->p || name == n_->h) {
                TextBuilder text;
                append_inline(text);
                if (!first) out += '\n';
                out += text.out;
                first = false;
            } else if (name == n_->list || name == n_->list_item) {
                append_paragraphs(out, first, depth + 1);
            } else {
                skip();
            }
        });
    }

    std::string cell_text() {
        std::string out;
        bool first = true;
        append_paragraphs(out, first);
        return out;
    }

    // The value of the cell element just started, read to its End; Empty when
    // it holds none. The attributes are copied first: reading the content
    // moves the scanner on and may refill its buffer.
    Cell read_cell_value() {
        Cell cell;
        const std::string type(attr(n_->value_type)), calc_type(attr(n_->calc_value_type));
        bool has_formula = false, has_string_value = false;
        const std::string formula(sc_->attr_qualified(n_->formula, &has_formula));
        const std::string string_value(sc_->attr_qualified(n_->string_value, &has_string_value));
        const std::string value(attr(n_->value)), date_value(attr(n_->date_value));
        const std::string time_value(attr(n_->time_value)), boolean_value(attr(n_->boolean_value));
        const std::string style(attr(n_->table_style));
        const bool number_type = type == "float" || type == "percentage" || type == "currency";
        const bool other_type = type == "date" || type == "time" || type == "boolean";
        if (calc_type == "error") {
            cell.type = CellType::Error;
            cell.text_id = wb_.strings->add(cell_text());
        } else if (number_type || other_type) {
            skip();
            double v = 0;
            if (number_type && parse_double(value, v)) {
                cell.type = CellType::Number;
                cell.number = v;
            } else if (type == "date") {
                if (auto d = parse_date_value(date_value)) {
                    cell.type = CellType::DateTime;
                    cell.number = *d;
                }
            } else if (type == "time") {
                if (auto t = parse_time_value(time_value)) {
                    cell.type = CellType::DateTime;
                    cell.number = *t;
                }
            } else if (type == "boolean") {
                cell.type = CellType::Boolean;
                cell.number = (boolean_value == "true" || boolean_value == "1") ? 1 : 0;
            }
        } else {
            // "string", or no type at all (some producers write bare paragraphs).
            std::string text;
            if (has_string_value) {
                skip();
                text = attribute_value(string_value);
            } else {
                text = cell_text();
            }
            if (!text.empty() || (type == "string" && has_formula)) {
                cell.type = CellType::Text;
                cell.text_id = wb_.strings->add(std::move(text));
            }
        }
        if (cell.type == CellType::Empty) return cell;
        if (has_formula) cell.formula_id = wb_.strings->add(attribute_value(formula));
        cell.format_id = format_id(style);
        return cell;
    }

    struct TableState {
        Sheet sheet;
        std::uint64_t row = 0;
        std::uint64_t col = 0;  // next column of <table:table-column> elements
        std::vector<std::pair<std::uint64_t, std::uint64_t>> hidden_row_runs;  // (first, count)
    };

    void charge(std::uint64_t cells, const std::string& where) {
        if (cells > options_.max_cells || expanded_cells_ > options_.max_cells - cells)
            throw ReadError(path_, where + ": repeated cells would expand past the limit of " +
                                       std::to_string(options_.max_cells) + " cells (a repeat bomb?); refusing to read");
        expanded_cells_ += cells;
    }

    void read_row(TableState& state) {
        const std::uint64_t repeat = repeat_count(attr(n_->rows_repeated));
        const std::uint64_t first_row = state.row;
        state.row += repeat;
        const std::string_view vis = attr(n_->visibility);
        if ((vis == "collapse" || vis == "filter") && first_row < max_rows)
            state.hidden_row_runs.emplace_back(first_row, repeat);
        if (first_row >= max_rows) return skip();
        const std::uint64_t rows_here = std::min<std::uint64_t>(repeat, max_rows - first_row);

        // One pass over the row's cells, collecting the values of one instance;
        // the other repeated rows are copies.
        std::vector<Cell> row_cells;
        std::uint64_t col = 0;
        children([&] {
            const std::string_view name = sc_->qname();
            const bool covered = name == n_->covered_cell;
            if (name != n_->cell && !covered) return skip();
            const std::uint64_t cols = repeat_count(attr(n_->cols_repeated));
            const std::uint64_t first_col = col;
            col += cols;
            if (first_col >= max_cols) return skip();
            const std::uint64_t cols_here = std::min<std::uint64_t>(cols, max_cols - first_col);
            if (!covered) {
                const std::uint64_t span_cols = repeat_count(attr(n_->cols_spanned)),
                                    span_rows = repeat_count(attr(n_->rows_spanned));
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
            Cell value = read_cell_value();
            if (value.type == CellType::Empty) return;
            charge(cols_here * rows_here, "sheet '" + state.sheet.name + "' cell " +
                                              cell_name({std::uint32_t(first_row), std::uint32_t(first_col)}));
            for (std::uint64_t k = 0; k < cols_here; ++k) {
                value.col = std::uint32_t(first_col + k);
                row_cells.push_back(value);
            }
        });
        for (std::uint64_t r = 0; r < rows_here; ++r)
            for (Cell cell : row_cells) {
                cell.row = std::uint32_t(first_row + r);
                state.sheet.cells.push_back(cell);
            }
    }

    void read_column(TableState& state) {
        const std::uint64_t repeat = repeat_count(attr(n_->cols_repeated));
        const std::string_view vis = attr(n_->visibility);
        if (vis == "collapse" || vis == "filter")
            for (std::uint64_t k = state.col; k < std::min<std::uint64_t>(state.col + repeat, max_cols); ++k)
                state.sheet.hidden_cols.push_back(std::uint32_t(k));
        state.col += repeat;
        skip();
    }

    // Rows and columns of the table (or of a row or column group) just started.
    void read_table_content(TableState& state, int depth = 0) {
        check_depth(depth);
        children([&] {
            const std::string_view name = sc_->qname();
            if (name == n_->row) {
                read_row(state);
            } else if (name == n_->column) {
                read_column(state);
            } else if (name == n_->header_rows || name == n_->rows || name == n_->row_group ||
                       name == n_->header_columns || name == n_->columns || name == n_->column_group) {
                read_table_content(state, depth + 1);
            } else {
                skip();
            }
        });
    }

    void read_table() {
        TableState state;
        Sheet& sheet = state.sheet;
        sheet.name = attribute_value(attr(n_->table_name));
        sheet.strings = wb_.strings;
        auto style = hidden_table_styles_.find(std::string(attr(n_->table_style)));
        if (style != hidden_table_styles_.end() && style->second) sheet.visibility = Visibility::Hidden;
        read_table_content(state);
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
