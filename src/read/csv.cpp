// CSV/TSV -> grid. RFC 4180 quoting (doubled quotes, new lines inside quotes),
// any of CR LF / CR / LF line ends, text in UTF-8 (with or without BOM),
// UTF-16 with a BOM, or Windows-1252 (what Excel writes for "CSV" on a UK PC).
// Every field stays text: typing what a field means is normalisation's job.
#include "read/readers.hpp"
#include "plancon/text.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <filesystem>
#include <map>

namespace plancon::detail {

namespace {

enum class Encoding { Utf8, Utf16Le, Utf16Be, Windows1252 };

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

constexpr std::string_view utf8_bom("\xEF\xBB\xBF", 3);
constexpr std::string_view utf16le_bom("\xFF\xFE", 2);
constexpr std::string_view utf16be_bom("\xFE\xFF", 2);

bool valid_utf8(std::string_view bytes) {
    const auto* p = reinterpret_cast<const std::uint8_t*>(bytes.data());
    std::size_t i = 0;
    while (i < bytes.size()) {
        if (p[i] < 0x80) {  // ASCII dominates; skip utf8proc for it
            ++i;
            continue;
        }
        std::int32_t codepoint;
        auto n = utf8proc_iterate(p + i, utf8proc_ssize_t(bytes.size() - i), &codepoint);
        if (n <= 0) return false;
        i += std::size_t(n);
    }
    return true;
}

// Windows-1252 differs from Latin-1 only in 0x80-0x9F. The five bytes
// Windows leaves undefined (0x81 0x8D 0x8F 0x90 0x9D) map to the C1 control
// of the same number, as the WHATWG encoding standard does.
constexpr std::array<std::int32_t, 32> cp1252_80_9f = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,  // 88-8F
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,  // 98-9F
};

std::string from_windows_1252(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() + bytes.size() / 8);
    for (char c : bytes) {
        auto b = static_cast<std::uint8_t>(c);
        if (b < 0x80) out += c;
        else if (b < 0xA0) append_utf8(out, cp1252_80_9f[b - 0x80]);
        else append_utf8(out, b);
    }
    return out;
}

// A lone surrogate or a trailing odd byte becomes U+FFFD, with one warning:
// the rest of the file is still worth reading.
std::string from_utf16(std::string_view bytes, bool little_endian, std::vector<std::string>& warnings) {
    std::string out;
    out.reserve(bytes.size() / 2 + bytes.size() / 8);
    auto unit = [&](std::size_t i) -> std::uint32_t {
        auto lo = static_cast<std::uint8_t>(bytes[little_endian ? i : i + 1]);
        auto hi = static_cast<std::uint8_t>(bytes[little_endian ? i + 1 : i]);
        return std::uint32_t(hi) << 8 | lo;
    };
    bool damaged = false;
    std::size_t i = 0;
    for (; i + 1 < bytes.size(); i += 2) {
        const char32_t u = unit(i);
        if (is_high_surrogate(u) && i + 3 < bytes.size() && is_low_surrogate(unit(i + 2))) {
            append_utf8(out, combine_surrogates(u, unit(i + 2)));
            i += 2;
            continue;
        }
        damaged |= is_high_surrogate(u) || is_low_surrogate(u);
        append_utf8(out, u);  // a lone surrogate becomes U+FFFD
    }
    if (i < bytes.size()) {
        damaged = true;
        append_utf8(out, replacement_character);
    }
    if (damaged) warnings.push_back("UTF-16 text has unpaired surrogates or an odd byte count; replaced by U+FFFD");
    return out;
}

Encoding encoding_named(const std::string& path, std::string_view name) {
    const std::string lower = lower_ascii(name);
    if (lower == "utf-8") return Encoding::Utf8;
    if (lower == "utf-16le") return Encoding::Utf16Le;
    if (lower == "utf-16be") return Encoding::Utf16Be;
    if (lower == "windows-1252") return Encoding::Windows1252;
    throw ReadError(path, "unknown encoding \"" + std::string(name) +
                              "\" (expected utf-8, utf-16le, utf-16be or windows-1252)");
}

// The file's text as UTF-8, without BOM.
std::string decode(const std::string& path, std::string bytes, const std::string& requested,
                   std::vector<std::string>& warnings) {
    Encoding encoding;
    std::string_view text = bytes;
    if (!requested.empty()) {
        encoding = encoding_named(path, requested);
    } else if (starts_with(text, utf8_bom)) {
        encoding = Encoding::Utf8;
    } else if (starts_with(text, utf16le_bom)) {
        encoding = Encoding::Utf16Le;
    } else if (starts_with(text, utf16be_bom)) {
        encoding = Encoding::Utf16Be;
    } else if (valid_utf8(text)) {
        encoding = Encoding::Utf8;
    } else {
        encoding = Encoding::Windows1252;
        warnings.push_back("not valid UTF-8; read as Windows-1252");
    }
    switch (encoding) {
        case Encoding::Utf8:
            if (starts_with(text, utf8_bom)) bytes.erase(0, utf8_bom.size());
            if (!requested.empty() && !valid_utf8(bytes))
                throw ReadError(path, "not valid UTF-8 text (the encoding asked for); try windows-1252");
            return bytes;
        case Encoding::Utf16Le:
            if (starts_with(text, utf16le_bom)) text.remove_prefix(2);
            return from_utf16(text, true, warnings);
        case Encoding::Utf16Be:
            if (starts_with(text, utf16be_bom)) text.remove_prefix(2);
            return from_utf16(text, false, warnings);
        case Encoding::Windows1252: return from_windows_1252(text);
    }
    return bytes;
}

// Counts, for each of the first records, how often a delimiter appears outside
// quotes. The delimiter whose count is the same on most records wins; a count
// that is mostly zero never does. No delimiter at all: one column (comma).
char sniff_delimiter(std::string_view text) {
    constexpr std::array<char, 3> candidates = {'\t', ';', ','};  // preference on a tie: tab is rarest in prose
    constexpr std::size_t records_to_sample = 50;
    constexpr std::size_t bytes_to_sample = 1 << 16;

    std::vector<std::array<std::size_t, 3>> counts;
    std::array<std::size_t, 3> current{};
    bool in_quotes = false;
    bool field_start = true;  // as in the parser, only a quote that opens a field quotes
    bool blank = true;
    std::size_t i = 0;
    for (; i < text.size() && counts.size() < records_to_sample && i < bytes_to_sample; ++i) {
        char c = text[i];
        if (in_quotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') ++i;  // a doubled quote is text
                else in_quotes = false;
            }
            continue;
        }
        if (c == '"' && field_start) {
            in_quotes = true;
            field_start = false;
            blank = false;
            continue;
        }
        if (c == '\n' || c == '\r') {
            if (!blank) counts.push_back(current);
            current = {};
            blank = true;
            field_start = true;
            continue;
        }
        blank = false;
        field_start = false;
        for (std::size_t k = 0; k < candidates.size(); ++k)
            if (c == candidates[k]) {
                ++current[k];
                field_start = true;
            }
    }
    if (!blank) counts.push_back(current);
    if (counts.size() > 1 && i < text.size()) counts.pop_back();  // the last sampled record may be cut short

    char best = ',';
    std::size_t best_agreeing = 0;
    for (std::size_t k = 0; k < candidates.size(); ++k) {
        std::map<std::size_t, std::size_t> frequency;  // count per record -> records with that count
        for (const auto& record : counts) ++frequency[record[k]];
        std::size_t mode = 0, agreeing = 0;
        for (auto [count, records] : frequency)
            if (count > 0 && records >= agreeing) {
                mode = count;
                agreeing = records;
            }
        if (mode == 0) continue;
        // On a tie the earlier candidate stays: "1,5;2,25" is two decimal-comma numbers
        // (a European export), far likelier than a comma file with a semicolon on every line.
        if (agreeing > best_agreeing) {
            best = candidates[k];
            best_agreeing = agreeing;
        }
    }
    return best;
}

// Text in UTF-16 without a BOM has a NUL in every other byte of its ASCII
// characters. Names the likely encoding, for the NUL byte error; "" when the
// bytes do not look like that.
std::string utf16_without_bom(std::string_view bytes) {
    std::size_t sample = std::min<std::size_t>(bytes.size(), 64) & ~std::size_t(1);
    if (sample < 4) return "";
    std::size_t nul_even = 0, nul_odd = 0;
    for (std::size_t i = 0; i < sample; ++i)
        if (bytes[i] == '\0') ++(i % 2 ? nul_odd : nul_even);
    if (nul_odd == sample / 2 && nul_even == 0) return "utf-16le";
    if (nul_even == sample / 2 && nul_odd == 0) return "utf-16be";
    return "";
}

std::string sheet_name_for(const std::string& path) {
    std::string stem = std::filesystem::path(path).stem().string();
    return stem.empty() ? "Sheet1" : stem;
}

class Parser {
public:
    Parser(const std::string& path, std::string_view text, char delimiter, std::uint64_t max_cells, std::string nul_hint,
           Workbook& wb, Sheet& sheet)
        : path_(path), text_(text), delimiter_(delimiter), max_cells_(max_cells), nul_hint_(std::move(nul_hint)), wb_(wb),
          sheet_(sheet) {}

    void run() {
        std::size_t i = 0;
        const std::size_t n = text_.size();
        while (i < n) {
            // One field starts at i.
            field_.clear();
            if (text_[i] == '"') {
                const std::size_t opened_line = line_;
                ++i;
                bool closed = false;
                while (i < n) {
                    char c = text_[i];
                    if (c == '"') {
                        if (i + 1 < n && text_[i + 1] == '"') {
                            field_ += '"';
                            i += 2;
                            continue;
                        }
                        ++i;
                        closed = true;
                        break;
                    }
                    if (c == '\r' || c == '\n') {
                        // A line break inside a cell is "\n", as Excel stores it.
                        i += (c == '\r' && i + 1 < n && text_[i + 1] == '\n') ? 2 : 1;
                        field_ += '\n';
                        ++line_;
                        continue;
                    }
                    if (c == '\0') nul();
                    field_ += c;
                    ++i;
                }
                if (!closed)
                    throw ReadError(path_, "line " + std::to_string(line_) + ": unterminated quoted field (opened at line " +
                                               std::to_string(opened_line) + ")");
            }
            // Unquoted text, or what follows a closing quote ("a"b reads as ab, as Excel does).
            while (i < n && text_[i] != delimiter_ && text_[i] != '\r' && text_[i] != '\n') {
                if (text_[i] == '\0') nul();
                field_ += text_[i++];
            }
            add_cell();
            if (i >= n) break;
            if (text_[i] == delimiter_) {
                ++i;
                next_column();
                continue;
            }
            // End of record.
            i += (text_[i] == '\r' && i + 1 < n && text_[i + 1] == '\n') ? 2 : 1;
            ++line_;
            next_row();
        }
    }

private:
    [[noreturn]] void nul() const {
        throw ReadError(path_, "line " + std::to_string(line_) + ": NUL byte in text (a binary file?" + nul_hint_ + ")");
    }

    void next_column() {
        if (++col_ >= max_cols)
            throw ReadError(path_, "line " + std::to_string(line_) + ": more than " + std::to_string(max_cols) + " fields");
    }

    void next_row() {
        col_ = 0;
        ++row_;  // past max_rows only matters if a cell lands there (trailing blank lines don't)
    }

    void add_cell() {
        if (field_.empty()) return;
        if (row_ >= max_rows)
            throw ReadError(path_, "line " + std::to_string(line_) + ": more than " + std::to_string(max_rows) + " rows");
        if (sheet_.cells.size() >= max_cells_)
            throw ReadError(path_, "line " + std::to_string(line_) + ": more than " + std::to_string(max_cells_) +
                                       " cells (the limit); raise it if the file is genuine");
        Cell cell;
        cell.row = std::uint32_t(row_);
        cell.col = col_;
        cell.type = CellType::Text;
        cell.text_id = wb_.strings->add(field_);
        sheet_.cells.push_back(cell);
    }

    const std::string& path_;
    std::string_view text_;
    char delimiter_;
    std::uint64_t max_cells_;
    std::string nul_hint_;
    Workbook& wb_;
    Sheet& sheet_;
    std::string field_;
    std::uint64_t row_ = 0;
    std::uint32_t col_ = 0;
    std::size_t line_ = 1;
};

}  // namespace

Workbook read_csv(const std::string& path, std::string bytes, const ReadOptions& options) {
    Workbook wb;
    wb.path = path;
    std::string nul_hint;
    if (options.encoding.empty())
        if (std::string likely = utf16_without_bom(bytes); !likely.empty())
            nul_hint = " or " + likely + " text without a byte-order mark: give that encoding";
    std::vector<std::string> decoding;
    std::string text = decode(path, std::move(bytes), options.encoding, decoding);
    for (std::string& w : decoding) wb.warnings.push_back({{path, "", 0}, std::move(w)});
    char delimiter = options.delimiter ? options.delimiter : sniff_delimiter(text);
    if (delimiter == '"' || delimiter == '\r' || delimiter == '\n' || delimiter == '\0')
        throw ReadError(path, "cannot use a quote, line end or NUL as the delimiter");
    wb.format = delimiter == '\t' ? Format::Tsv : Format::Csv;

    Sheet& sheet = wb.sheets.emplace_back();
    sheet.name = sheet_name_for(path);
    sheet.strings = wb.strings;
    Parser(path, text, delimiter, options.max_cells, std::move(nul_hint), wb, sheet).run();
    sheet.finish();
    return wb;
}

}  // namespace plancon::detail
