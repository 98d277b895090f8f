// Legacy Excel (.xls): one pass over the BIFF records of every version, from
// Excel 2.x (BIFF2, a bare record stream) to Excel 97-2003 (BIFF8, inside a
// compound file), modelled on calamine's xls.rs.
//
// The workbook globals come first: code page, date system, FILEPASS (a
// workbook encrypted with Excel's default password is decrypted, see
// xls_crypto.hpp), the shared strings (SST), number formats (FORMAT, XF) and
// the sheets (BOUNDSHEET). Each sheet's substream follows, from its BOF to
// its EOF, read once: numbers (NUMBER, RK, MULRK, INTEGER), texts (LABELSST,
// LABEL, RSTRING), booleans and errors (BOOLERR), formula results (FORMULA,
// STRING), merged ranges, hidden rows and columns. Blank cells (BLANK,
// MULBLANK) hold no value and are not kept, as for .xlsx. Whether a number
// is a date is decided by its format (number_format.hpp), as for .xlsx.
//
// Nothing is allocated from a size the file declares: a cell costs memory
// only once it is read, and counts against --max-cells.
#include "read/cfb.hpp"
#include "read/number_format.hpp"
#include "read/readers.hpp"
#include "read/xls_codepage.hpp"
#include "read/xls_crypto.hpp"
#include "read/xls_records.hpp"

#include <algorithm>
#include <bitset>
#include <deque>
#include <unordered_map>

namespace plancon::detail {

namespace {

constexpr const char* password_refused =
    "password-protected (encrypted) workbook; save an unprotected copy and try again";

std::string error_text(std::uint8_t code) {
    switch (code) {
        case 0x00: return "#NULL!";
        case 0x07: return "#DIV/0!";
        case 0x0F: return "#VALUE!";
        case 0x17: return "#REF!";
        case 0x1D: return "#NAME?";
        case 0x24: return "#NUM!";
        case 0x2A: return "#N/A";
        case 0x2B: return "#GETTING_DATA";
    }
    return "#ERR" + std::to_string(code);
}

double rk_value(std::uint32_t rk) {
    double v;
    if (rk & 2) {
        v = double(std::int32_t(rk) >> 2);
    } else {
        const std::uint64_t bits = std::uint64_t(rk & 0xFFFFFFFC) << 32;
        std::memcpy(&v, &bits, 8);
    }
    return (rk & 1) ? v / 100 : v;
}

std::string hex16(std::uint16_t v) {
    static const char digits[] = "0123456789ABCDEF";
    return {'0', 'x', digits[v >> 12 & 15], digits[v >> 8 & 15], digits[v >> 4 & 15], digits[v & 15]};
}

// BIFF2-4, 5/7 (both say 0x0500) and 8.
enum class Biff : std::uint8_t { v2 = 2, v3 = 3, v4 = 4, v5 = 5, v8 = 8 };

std::optional<Biff> bof_version(const Record& r) {
    switch (r.type) {
        case record::bof2: return Biff::v2;
        case record::bof3: return Biff::v3;
        case record::bof4: return Biff::v4;
        case record::bof: return le16(r.data, 0) >= 0x0600 ? Biff::v8 : Biff::v5;
        default: return std::nullopt;
    }
}

bool is_bof(std::uint16_t type) {
    return type == record::bof2 || type == record::bof3 || type == record::bof4 || type == record::bof;
}

// A sheet as BOUNDSHEET (BUNDLESHEET in BIFF4 workbooks) lists it.
struct SheetEntry {
    std::uint32_t offset = 0;   // of its BOF in the stream
    std::string raw_name;       // BIFF5: bytes in the code page, decoded once CODEPAGE is known
    std::string name;
    Visibility visibility = Visibility::Visible;
    bool worksheet = true;      // false for chart, macro and VB module sheets
    bool read = false;
};

// What an XF gives a number: whether it shows a date, and its format code.
struct NumberStyle {
    FormatClass kind = FormatClass::Number;
    std::uint32_t format_id = 0;  // the code in the string pool, 0 for General
};

class XlsReader {
public:
    XlsReader(const std::string& path, const ReadOptions& options)
        : path_(path), options_(options), cells_left_(options.max_cells) {}

    Workbook read(std::string bytes) {
        std::string stream = workbook_stream(std::move(bytes));
        wb_.path = path_;
        wb_.format = Format::Xls;
        RecordCursor cursor(stream, 0);
        Record r;
        if (!cursor.next(r) || !bof_version(r))
            throw ReadError(path_, "the workbook stream does not start with a BOF record (damaged, or not an Excel workbook)");
        const Biff version = *bof_version(r);
        const std::uint16_t kind = le16(r.data, 2);  // every version's BOF says what its substream holds
        read_globals(stream, cursor, version);
        if (kind != 0x0005 && kind != 0x0100) {  // not workbook globals (BIFF5-8) nor a BIFF4 workbook's
            // A BIFF2-4 worksheet file (or BIFF5+ without globals): one sheet, the whole
            // stream, whose code page, date system and formats the pass above has read.
            SheetEntry only;
            only.name = "Sheet1";
            entries_.push_back(only);
            cursor = RecordCursor(stream, 0);
        }
        read_sheets(cursor);
        return std::move(wb_);
    }

private:
    const std::string& path_;
    const ReadOptions& options_;
    std::uint64_t cells_left_;  // --max-cells, for the whole workbook
    Workbook wb_;
    CodePageDecoder code_page_;
    std::vector<std::uint32_t> shared_strings_;  // SST index -> string pool id
    std::vector<SheetEntry> entries_;
    // FORMAT records: by id (BIFF5/8) or by order (BIFF2-4), with their codes.
    std::unordered_map<std::uint16_t, std::string> format_codes_;
    std::uint16_t formats_seen_ = 0;
    std::vector<std::uint16_t> xf_formats_;  // XF records: format id or index
    std::vector<NumberStyle> xf_styles_;     // the same XFs, resolved
    bool ids_are_order_ = false;            // BIFF2-4 number formats are counted, not numbered
    std::optional<Biff> globals_version_;   // none for a file of one sheet without globals

    // ---- the container ---------------------------------------------------------------

    std::string workbook_stream(std::string bytes) const {
        if (!has_compound_file_signature(bytes)) return bytes;  // a BIFF2-4 file is the record stream itself
        CompoundFile cfb(bytes);
        if (!cfb.readable()) throw ReadError(path_, cfb.problem());
        std::string problem;
        // "Workbook" (BIFF8) or "Book" (BIFF5), spelled in any case.
        const char* name = cfb.has_stream("Workbook") ? "Workbook" : cfb.has_stream("Book") ? "Book" : nullptr;
        if (!name)
            throw ReadError(path_, "no Workbook or Book stream in the compound file (not an Excel workbook: a Word or "
                                   "other Office document?)");
        std::optional<std::string> stream = cfb.stream(name, problem);
        if (!stream) throw ReadError(path_, problem);
        return std::move(*stream);
    }

    // ---- workbook globals ------------------------------------------------------------

    [[noreturn]] void fail(const Record& r, const std::string& what) const {
        throw ReadError(path_, "record " + hex16(r.type) + " at offset " + std::to_string(r.offset) +
                                   " of the workbook stream: " + what);
    }

    std::string byte_string(std::string_view bytes) {
        std::string out;
        code_page_.append_utf8(out, bytes);
        return out;
    }

    // A string of 8-bit length: BIFF5's byte string, or BIFF8's ShortXLUnicodeString.
    std::string short_string(std::string_view data, std::size_t at, Biff version) {
        const std::size_t count = at < data.size() ? std::uint8_t(data[at]) : 0;
        if (version < Biff::v8) return byte_string(data.substr(std::min(at + 1, data.size()), count));
        std::string out;
        const bool wide = at + 1 < data.size() && (std::uint8_t(data[at + 1]) & 1);
        const std::string_view chars = data.substr(std::min(at + 2, data.size()), count * (wide ? 2 : 1));
        if (wide) append_utf16le(out, chars);
        else append_latin1(out, chars);
        return out;
    }

    // The workbook globals, from after their BOF to their EOF.
    void read_globals(std::string& stream, RecordCursor& cursor, Biff version) {
        globals_version_ = version;
        bool decrypted = false;
        Record r;
        while (cursor.next(r) && r.type != record::eof) {
            switch (r.type) {
                case record::codepage:
                    if (!code_page_.set(le16(r.data, 0)))
                        wb_.warnings.push_back({{path_, "", 0}, "code page " + std::to_string(le16(r.data, 0)) +
                                                                    " unknown to iconv; texts read as Windows-1252"});
                    break;
                case record::datemode:
                    if (le16(r.data, 0) == 1) wb_.date_system = DateSystem::Excel1904;
                    break;
                case record::filepass:
                    // Only the first counts: what follows it is decrypted once (a crafted
                    // run of FILEPASS records would otherwise decrypt the stream again and again).
                    if (!decrypted) decrypt(stream, r, cursor.position(), version);
                    decrypted = true;
                    break;
                case record::sst:
                    if (version == Biff::v8) read_shared_strings(r, cursor);
                    break;
                case record::format2:
                case record::format: read_format(r, version); break;
                case record::xf2: xf_formats_.push_back(std::uint16_t(r.data.size() > 2 ? std::uint8_t(r.data[2]) & 0x3F : 0)); break;
                case record::xf3:
                case record::xf4: xf_formats_.push_back(r.data.size() > 1 ? std::uint8_t(r.data[1]) : 0); break;
                case record::xf: xf_formats_.push_back(le16(r.data, 2)); break;
                case record::boundsheet: {
                    SheetEntry e;
                    e.offset = le32(r.data, 0);
                    const std::uint8_t state = r.data.size() > 4 ? std::uint8_t(r.data[4]) & 3 : 0;
                    e.visibility = state == 1 ? Visibility::Hidden : state == 2 ? Visibility::VeryHidden : Visibility::Visible;
                    e.worksheet = r.data.size() > 5 && r.data[5] == 0;
                    if (version == Biff::v8) {
                        e.name = short_string(r.data, 6, version);
                    } else {
                        const std::size_t count = r.data.size() > 6 ? std::uint8_t(r.data[6]) : 0;
                        e.raw_name = std::string(r.data.substr(std::min<std::size_t>(7, r.data.size()), count));
                    }
                    entries_.push_back(std::move(e));
                    break;
                }
                default: break;
            }
        }
        for (SheetEntry& e : entries_)
            if (version < Biff::v8) e.name = byte_string(e.raw_name);
        finish_styles(version);
    }

    void decrypt(std::string& stream, const Record& r, std::size_t after, Biff version) {
        std::string problem;
        // The records after FILEPASS are decrypted in place; the cursor reads on from after.
        const std::string filepass(r.data);
        switch (decrypt_workbook_stream(stream, filepass, after, version == Biff::v8, problem)) {
            case Decryption::Decrypted: return;
            case Decryption::OtherPassword: throw ReadError(path_, password_refused);
            case Decryption::Unsupported: throw ReadError(path_, std::string("encrypted workbook: ") + problem);
        }
    }

    // The shared string table: SST and the CONTINUE records after it.
    void read_shared_strings(const Record& r, RecordCursor& cursor) {
        ContinuedData data(r.data, &cursor);
        std::uint32_t total = 0, unique = 0;
        if (!data.read_u32(total) || !data.read_u32(unique)) fail(r, "shared string table (SST) too short");
        // Each string takes at least 3 bytes: the declared count is believed only that far.
        shared_strings_.reserve(std::min<std::size_t>(unique, r.data.size() / 3 + 1));
        std::string text;
        while (!data.at_end()) {
            text.clear();
            if (!data.read_unicode_string(text))
                fail(r, "the shared string table (SST) is damaged: string " + std::to_string(shared_strings_.size() + 1) +
                                 " runs past its records");
            shared_strings_.push_back(text.empty() ? 0 : wb_.strings->add(text));
        }
    }

    void read_format(const Record& r, Biff version) {
        std::string code;
        std::uint16_t id = formats_seen_++;
        if (version == Biff::v8) {
            id = le16(r.data, 0);
            ContinuedData data(r.data.substr(std::min<std::size_t>(2, r.data.size())), nullptr);
            data.read_unicode_string(code);  // a damaged code is read as far as it goes
        } else if (version >= Biff::v4) {
            if (version == Biff::v5) id = le16(r.data, 0);
            code = short_string(r.data, 2, version);
        } else {
            code = short_string(r.data, 0, version);
        }
        format_codes_[id] = std::move(code);
    }

    // Each XF's number format resolved once: its class and its code in the pool.
    void finish_styles(Biff version) {
        ids_are_order_ = version < Biff::v5;
        std::unordered_map<std::string, std::uint32_t> pooled;
        xf_styles_.reserve(xf_formats_.size());
        for (std::uint16_t id : xf_formats_) {
            auto it = format_codes_.find(id);
            const std::string_view in_file = it != format_codes_.end() ? std::string_view(it->second) : std::string_view();
            NumberStyle style;
            std::string_view code = in_file;
            // A FORMAT record's code is what Excel shows, whatever its id: writers
            // number their own formats from 50 in BIFF5 (Gnumeric's "£"#,##0.00 is
            // id 50, an East Asian date id in .xlsx). Ids without a record are built-in.
            if (it != format_codes_.end() || ids_are_order_) {
                style.kind = classify_format_code(in_file);
            } else {
                style.kind = classify_format(id, {});
                code = builtin_format_code(id);
            }
            if (!code.empty() && code != "General") {
                auto [pos, inserted] = pooled.try_emplace(std::string(code), 0);
                if (inserted) pos->second = wb_.strings->add(code);
                style.format_id = pos->second;
            }
            xf_styles_.push_back(style);
        }
    }

    const NumberStyle& style_of(std::uint16_t xf) const {
        static const NumberStyle general;
        return xf < xf_styles_.size() ? xf_styles_[xf] : general;
    }

    // ---- sheets ----------------------------------------------------------------------

    // The substreams after the globals, in stream order, each read once. A
    // substream belongs to the BOUNDSHEET that points at its BOF, else to the
    // first one not yet read (some writers get the offsets wrong). A BIFF4
    // workbook names each sheet in a SHEETHEADER record just before its BOF.
    void read_sheets(RecordCursor& cursor) {
        std::vector<Sheet> sheets;
        // Where each sheet's BOF should be (unread ones), and the first sheet not yet read.
        // Each index leaves its queue once, so crafted duplicates cost no more than one pass.
        std::unordered_map<std::uint32_t, std::deque<std::size_t>> by_offset;
        for (std::size_t i = 0; i < entries_.size(); ++i) by_offset[entries_[i].offset].push_back(i);
        std::size_t first_unread = 0;
        Record r;
        while (cursor.next(r)) {
            if (r.type == record::bundlesheet) {
                SheetEntry e;
                e.offset = std::uint32_t(cursor.position());
                const std::size_t count = r.data.size() > 4 ? std::uint8_t(r.data[4]) : 0;
                e.name = byte_string(r.data.substr(std::min<std::size_t>(5, r.data.size()), count));
                by_offset[e.offset].push_back(entries_.size());
                entries_.push_back(std::move(e));
                continue;
            }
            if (!is_bof(r.type)) continue;  // anything else between substreams
            std::size_t index = entries_.size();
            if (auto it = by_offset.find(std::uint32_t(r.offset)); it != by_offset.end()) {
                std::deque<std::size_t>& waiting = it->second;
                while (!waiting.empty() && entries_[waiting.front()].read) waiting.pop_front();
                if (!waiting.empty()) {
                    index = waiting.front();
                    waiting.pop_front();
                }
            }
            if (index == entries_.size()) {
                while (first_unread < entries_.size() && entries_[first_unread].read) ++first_unread;
                index = first_unread;
            }
            if (index == entries_.size()) break;  // more substreams than sheets: nothing to put them in
            SheetEntry& entry = entries_[index];
            entry.read = true;
            sheets.resize(entries_.size());
            Sheet& sheet = sheets[index];
            sheet.name = entry.name;
            sheet.visibility = entry.visibility;
            read_sheet(cursor, r, sheet, entry.worksheet);
        }
        sheets.resize(entries_.size());
        for (std::size_t i = 0; i < sheets.size(); ++i) {
            Sheet& sheet = sheets[i];
            sheet.name = entries_[i].name;
            sheet.visibility = entries_[i].visibility;
            sheet.strings = wb_.strings;
            sheet.finish();
            wb_.sheets.push_back(std::move(sheet));
        }
    }

    // Every cell kept goes through here, once, and counts against --max-cells.
    Cell& push(Sheet& sheet, std::uint32_t row, std::uint32_t col, CellType type) {
        if (cells_left_ == 0)
            throw ReadError(path_, "sheet '" + sheet.name + "': more than " + std::to_string(options_.max_cells) +
                                       " cells in the workbook (the limit)");
        --cells_left_;
        Cell cell;
        cell.row = row;
        cell.col = col;
        cell.type = type;
        sheet.cells.push_back(cell);
        return sheet.cells.back();
    }

    void number(Sheet& sheet, std::uint32_t row, std::uint32_t col, std::uint16_t xf, double value) {
        const NumberStyle& style = style_of(xf);
        Cell& cell = push(sheet, row, col, CellType::Number);
        cell.number = value;
        cell.format_id = style.format_id;
        if (!shows_moment(style.kind)) return;
        if (auto days = stored_date_to_days(value, wb_.date_system)) {
            cell.type = CellType::DateTime;
            cell.number = *days;
        } else {
            wb_.warnings.push_back({{path_, sheet.name, row + 1}, "cell " + cell_name({row, col}) +
                                                                      ": date serial outside years 1-9999; kept as a number"});
        }
    }

    void text(Sheet& sheet, std::uint32_t row, std::uint32_t col, std::uint32_t text_id) {
        if (text_id == 0) return;  // an empty text is no value
        push(sheet, row, col, CellType::Text).text_id = text_id;
    }

    void read_sheet(RecordCursor& cursor, const Record& bof, Sheet& sheet, bool worksheet) {
        // The workbook's version rules its records: SheetJS and others write BIFF5
        // globals and BIFF5 records under sheet BOFs that say BIFF8 (as LibreOffice reads them).
        const Biff version = globals_version_.value_or(*bof_version(bof));
        // BIFF2 cells carry 3 bytes of attributes (the XF in the low 6 bits of
        // the first) where later versions have a 16-bit XF index.
        const bool biff2 = version == Biff::v2;
        const std::size_t value_at = biff2 ? 7 : 6;
        constexpr std::size_t none = std::size_t(-1);
        std::size_t pending_string = none;  // a string formula's cell, waiting for its STRING record
        std::size_t bad_string_refs = 0;
        std::bitset<256> hidden_cols;
        int depth = 1;
        Record r;
        while (depth > 0 && cursor.next(r)) {
            if (is_bof(r.type)) {
                ++depth;  // an embedded chart, read past
                continue;
            }
            if (r.type == record::eof) {
                --depth;
                continue;
            }
            if (depth != 1 || !worksheet) continue;
            const std::uint32_t row = le16(r.data, 0), col = le16(r.data, 2);
            const std::uint16_t xf = biff2 ? std::uint16_t(r.data.size() > 4 ? std::uint8_t(r.data[4]) & 0x3F : 0)
                                           : le16(r.data, 4);
            const bool in_grid = col < max_cols;  // a crafted column beyond XFD is passed over
            if (r.type != record::string && r.type != record::string2 && r.type != record::shrfmla &&
                r.type != record::array && r.type != record::table && r.type != record::continue_)
                pending_string = none;  // STRING must follow its FORMULA
            switch (r.type) {
                case record::number:
                case record::number2:
                    if (in_grid && r.data.size() >= value_at + 8) number(sheet, row, col, xf, le_double(r.data, value_at));
                    break;
                case record::integer2:
                    if (in_grid && r.data.size() >= 9) number(sheet, row, col, xf, le16(r.data, 7));
                    break;
                case record::rk:
                    if (in_grid && r.data.size() >= 10) number(sheet, row, col, xf, rk_value(le32(r.data, 6)));
                    break;
                case record::mulrk: {
                    // (xf, rk) pairs from column col on, then the last column.
                    const std::size_t pairs = r.data.size() >= 6 ? (r.data.size() - 6) / 6 : 0;
                    for (std::size_t i = 0; i < pairs && col + i < max_cols; ++i)
                        number(sheet, row, std::uint32_t(col + i), le16(r.data, 4 + 6 * i), rk_value(le32(r.data, 6 + 6 * i)));
                    break;
                }
                case record::labelsst: {
                    if (!in_grid || r.data.size() < 10) break;
                    const std::uint32_t index = le32(r.data, 6);
                    if (index < shared_strings_.size()) text(sheet, row, col, shared_strings_[index]);
                    else ++bad_string_refs;
                    break;
                }
                case record::label:
                case record::rstring:
                case record::label2:
                    if (in_grid) label(sheet, r, row, col, version);
                    break;
                case record::boolerr:
                case record::boolerr2: {
                    if (!in_grid || r.data.size() < value_at + 2) break;
                    const std::uint8_t value = std::uint8_t(r.data[value_at]);
                    if (r.data[value_at + 1]) {
                        push(sheet, row, col, CellType::Error).text_id = wb_.strings->add(error_text(value));
                    } else {
                        push(sheet, row, col, CellType::Boolean).number = value ? 1 : 0;
                    }
                    break;
                }
                case record::formula:
                case record::formula3:
                case record::formula4:
                    if (in_grid && r.data.size() >= value_at + 8)
                        pending_string = formula(sheet, r, row, col, xf, value_at).value_or(none);
                    break;
                case record::string:
                case record::string2:
                    if (pending_string != none) {
                        std::string value = formula_string(r, cursor, version);
                        if (!value.empty()) sheet.cells[pending_string].text_id = wb_.strings->add(value);
                    }
                    pending_string = none;
                    break;
                case record::mergedcells: {
                    const std::size_t n = le16(r.data, 0);
                    for (std::size_t i = 0; i < n && 2 + 8 * (i + 1) <= r.data.size(); ++i) {
                        const std::size_t at = 2 + 8 * i;
                        const std::uint32_t r1 = le16(r.data, at), r2 = le16(r.data, at + 2);
                        const std::uint32_t c1 = le16(r.data, at + 4), c2 = le16(r.data, at + 6);
                        if (r1 > r2 || c1 > c2 || c2 >= max_cols) continue;
                        sheet.merged.push_back(Range{{r1, c1}, {r2, c2}});
                    }
                    break;
                }
                case record::row:
                    if (r.data.size() >= 14 && (le16(r.data, 12) & 0x20)) sheet.hidden_rows.push_back(row);
                    break;
                case record::colinfo:
                    // A run of columns, capped at the 256 of BIFF8 (a crafted run is not a million
                    // columns), each column once however many records name it.
                    if (r.data.size() >= 10 && (le16(r.data, 8) & 1))
                        for (std::uint32_t c = le16(r.data, 0); c <= std::min<std::uint32_t>(le16(r.data, 2), 255); ++c)
                            hidden_cols[c] = true;
                    break;
                default: break;  // BLANK, MULBLANK and the rest hold no value
            }
        }
        for (std::uint32_t c = 0; c < hidden_cols.size(); ++c)
            if (hidden_cols[c]) sheet.hidden_cols.push_back(c);
        // A string formula whose STRING record never came has no value to report.
        const std::size_t before = sheet.cells.size();
        std::erase_if(sheet.cells, [](const Cell& c) { return c.type == CellType::Text && c.text_id == 0; });
        cells_left_ += before - sheet.cells.size();
        if (bad_string_refs)
            wb_.warnings.push_back({{path_, sheet.name, 0}, std::to_string(bad_string_refs) +
                                                                " cells refer to shared strings the table does not hold (left empty)"});
    }

    // LABEL (BIFF2: 8-bit length; BIFF3-5: 16-bit length, byte string; BIFF8: XLUnicodeString) and RSTRING.
    void label(Sheet& sheet, const Record& r, std::uint32_t row, std::uint32_t col, Biff version) {
        std::string value;
        if (r.type == record::label2) {
            const std::size_t count = r.data.size() > 7 ? std::uint8_t(r.data[7]) : 0;
            value = byte_string(r.data.substr(std::min<std::size_t>(8, r.data.size()), count));
        } else if (version == Biff::v8) {
            ContinuedData data(r.data.substr(std::min<std::size_t>(6, r.data.size())), nullptr);
            data.read_unicode_string(value);  // a damaged string is read as far as it goes
        } else {
            value = byte_string(r.data.substr(std::min<std::size_t>(8, r.data.size()), le16(r.data, 6)));
        }
        if (!value.empty()) text(sheet, row, col, wb_.strings->add(value));
    }

    // FORMULA: the cached result. Returns the cell's index when its text comes in the next STRING record.
    std::optional<std::size_t> formula(Sheet& sheet, const Record& r, std::uint32_t row, std::uint32_t col,
                                       std::uint16_t xf, std::size_t at) {
        if (le16(r.data, at + 6) != 0xFFFF) {
            number(sheet, row, col, xf, le_double(r.data, at));
            return std::nullopt;
        }
        const std::uint8_t kind = std::uint8_t(r.data[at]), value = std::uint8_t(r.data[at + 2]);
        switch (kind) {
            case 0:
                push(sheet, row, col, CellType::Text);  // its text follows
                return sheet.cells.size() - 1;
            case 1: push(sheet, row, col, CellType::Boolean).number = value ? 1 : 0; break;
            case 2: push(sheet, row, col, CellType::Error).text_id = wb_.strings->add(error_text(value)); break;
            default: break;  // an empty result: no value
        }
        return std::nullopt;
    }

    std::string formula_string(const Record& r, RecordCursor& cursor, Biff version) {
        std::string value;
        if (r.type == record::string2) {
            const std::size_t count = r.data.empty() ? 0 : std::uint8_t(r.data[0]);
            value = byte_string(r.data.substr(std::min<std::size_t>(1, r.data.size()), count));
        } else if (version == Biff::v8) {
            ContinuedData data(r.data, &cursor);
            data.read_unicode_string(value);
        } else {
            value = byte_string(r.data.substr(std::min<std::size_t>(2, r.data.size()), le16(r.data, 0)));
        }
        return value;
    }
};

}  // namespace

Workbook read_xls(const std::string& path, std::string bytes, const ReadOptions& options) {
    return XlsReader(path, options).read(std::move(bytes));
}

}  // namespace plancon::detail
