#include "read/xls_records.hpp"
#include "plancon/text.hpp"
#include "read/number_format.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>

namespace plancon::detail {

namespace {

std::uint16_t u16(std::string_view s, std::size_t at) {
    if (at + 2 > s.size()) return 0;
    return std::uint16_t(std::uint8_t(s[at]) | std::uint8_t(s[at + 1]) << 8);
}

std::uint32_t u32(std::string_view s, std::size_t at) {
    if (at + 4 > s.size()) return 0;
    return std::uint32_t(u16(s, at)) | std::uint32_t(u16(s, at + 2)) << 16;
}

double f64(std::string_view s, std::size_t at) {
    double d = 0;
    if (at + 8 <= s.size()) std::memcpy(&d, s.data() + at, 8);  // BIFF and x86-64 are both little-endian
    return d;
}

// ---- Compound File Binary container -------------------------------------------------

constexpr std::uint32_t end_of_chain = 0xFFFFFFFE;

class Cfb {
public:
    explicit Cfb(std::string_view bytes) : bytes_(bytes) {}

    // The named stream's bytes, or nothing (not a CFB, no such stream, broken chains).
    std::optional<std::string> stream(std::string_view wanted) {
        if (bytes_.size() < 512 || bytes_.substr(0, 8) != std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
            return std::nullopt;
        unsigned shift = u16(bytes_, 30), mini_shift = u16(bytes_, 32);
        if ((shift != 9 && shift != 12) || mini_shift != 6) return std::nullopt;
        sector_size_ = std::size_t(1) << shift;
        if (!load_fat()) return std::nullopt;
        auto dir = read_chain(fat_, u32(bytes_, 48), [&](std::uint32_t s) { return sector(s); }, sector_size_);
        if (!dir) return std::nullopt;
        const std::uint32_t cutoff = u32(bytes_, 56);
        std::string_view root;
        for (std::size_t at = 0; at + 128 <= dir->size(); at += 128) {
            std::string_view entry = std::string_view(*dir).substr(at, 128);
            std::uint8_t type = std::uint8_t(entry[66]);
            if (at == 0) root = entry;
            if (type != 2) continue;  // a stream
            std::size_t name_bytes = std::min<std::size_t>(u16(entry, 64), 64);
            std::string name;
            for (std::size_t i = 0; i + 1 < name_bytes; i += 2)
                if (std::uint16_t c = u16(entry, i)) name += c < 128 ? lower_ascii(char(c)) : '?';
            const std::string lowered = lower_ascii(wanted);
            if (name != lowered) continue;
            std::uint32_t start = u32(entry, 116), size = u32(entry, 120);
            std::optional<std::string> data;
            if (size < cutoff) {
                data = mini_stream(root, start);
            } else {
                data = read_chain(fat_, start, [&](std::uint32_t s) { return sector(s); }, sector_size_);
            }
            if (!data || data->size() < size) return std::nullopt;
            data->resize(size);
            return data;
        }
        return std::nullopt;
    }

private:
    std::string_view bytes_;
    std::size_t sector_size_ = 512;
    std::vector<std::uint32_t> fat_;

    std::string_view sector(std::uint32_t s) const {
        std::uint64_t at = (std::uint64_t(s) + 1) * sector_size_;
        if (at >= bytes_.size()) return {};
        return bytes_.substr(std::size_t(at), sector_size_);  // a short last sector is kept as it is
    }

    bool load_fat() {
        std::vector<std::uint32_t> fat_sectors;
        for (std::size_t i = 0; i < 109; ++i) fat_sectors.push_back(u32(bytes_, 76 + 4 * i));
        std::uint32_t difat = u32(bytes_, 68);
        const std::size_t per_sector = sector_size_ / 4 - 1;
        for (std::size_t guard = 0; difat < end_of_chain - 2 && guard < bytes_.size() / sector_size_ + 1; ++guard) {
            std::string_view s = sector(difat);
            if (s.size() < sector_size_) return false;
            for (std::size_t i = 0; i < per_sector; ++i) fat_sectors.push_back(u32(s, 4 * i));
            difat = u32(s, 4 * per_sector);
        }
        std::uint32_t count = u32(bytes_, 44);
        if (count > fat_sectors.size()) return false;
        for (std::uint32_t i = 0; i < count; ++i) {
            std::string_view s = sector(fat_sectors[i]);
            if (s.size() < sector_size_) return false;
            for (std::size_t k = 0; k + 4 <= s.size(); k += 4) fat_.push_back(u32(s, k));
        }
        return !fat_.empty();
    }

    // Follows a sector chain; a loop or an entry out of range ends it as broken.
    template <class SectorOf>
    static std::optional<std::string> read_chain(const std::vector<std::uint32_t>& fat, std::uint32_t start,
                                                 SectorOf sector_of, std::size_t unit) {
        std::string out;
        std::uint32_t s = start;
        for (std::size_t steps = 0; s != end_of_chain; ++steps) {
            if (s >= fat.size() || steps > fat.size()) return std::nullopt;
            std::string_view data = sector_of(s);
            if (data.empty()) return std::nullopt;
            out.append(data.substr(0, unit));
            s = fat[s];
        }
        return out;
    }

    std::optional<std::string> mini_stream(std::string_view root, std::uint32_t start) {
        if (root.empty()) return std::nullopt;
        auto container = read_chain(fat_, u32(root, 116), [&](std::uint32_t s) { return sector(s); }, sector_size_);
        auto mini_fat_bytes = read_chain(fat_, u32(bytes_, 60), [&](std::uint32_t s) { return sector(s); }, sector_size_);
        if (!container || !mini_fat_bytes) return std::nullopt;
        std::vector<std::uint32_t> mini_fat;
        for (std::size_t k = 0; k + 4 <= mini_fat_bytes->size(); k += 4) mini_fat.push_back(u32(*mini_fat_bytes, k));
        std::string_view c(*container);
        return read_chain(mini_fat, start, [&](std::uint32_t s) {
            std::size_t at = std::size_t(s) * 64;
            return at < c.size() ? c.substr(at, 64) : std::string_view();
        }, 64);
    }
};

// ---- BIFF8 records ------------------------------------------------------------------

struct Record {
    std::uint16_t type = 0;
    std::string_view data;
};

class Records {
public:
    Records(std::string_view stream, std::size_t at) : s_(stream), at_(at) {}
    bool next(Record& r) {
        if (at_ + 4 > s_.size()) return false;
        r.type = u16(s_, at_);
        std::size_t len = u16(s_, at_ + 2);
        r.data = s_.substr(at_ + 4, std::min(len, s_.size() - at_ - 4));
        at_ += 4 + len;
        return true;
    }
    // The record after the current one, without consuming it.
    bool peek(Record& r) const {
        Records copy = *this;
        return copy.next(r);
    }

private:
    std::string_view s_;
    std::size_t at_;
};

// Characters of a BIFF8 string: 8-bit (Latin-1 "compressed") or UTF-16LE, per flags.
// Returns how many characters it could take from data starting at at.
std::size_t take_chars(std::string_view data, std::size_t at, std::size_t wanted, bool wide, std::string& out) {
    std::size_t taken = 0;
    while (taken < wanted && at + (wide ? 2 : 1) <= data.size()) {
        char32_t cp = wide ? u16(data, at) : std::uint8_t(data[at]);
        at += wide ? 2 : 1;
        if (wide && is_high_surrogate(cp) && taken + 1 < wanted && at + 2 <= data.size() &&
            is_low_surrogate(u16(data, at))) {
            cp = combine_surrogates(cp, u16(data, at));
            at += 2;
            ++taken;
        }
        append_utf8(out, cp);
        ++taken;
    }
    return taken;
}

// XLUnicodeString (16-bit count) at the start of data, continued into CONTINUE
// records (each starting with a fresh flags byte) when it does not fit.
std::string unicode_string(std::string_view data, Records* continues) {
    std::size_t count = u16(data, 0);
    std::uint8_t flags = data.size() > 2 ? std::uint8_t(data[2]) : 0;
    std::size_t at = 3;
    if (flags & 0x08) at += 2;  // rich text run count
    if (flags & 0x04) at += 4;  // phonetic size
    std::string out;
    std::size_t done = take_chars(data, at, count, flags & 1, out);
    Record r;
    while (done < count && continues && continues->peek(r) && r.type == 0x003C && !r.data.empty()) {
        continues->next(r);
        done += take_chars(r.data, 1, count - done, std::uint8_t(r.data[0]) & 1, out);
    }
    return out;
}

std::string short_unicode_string(std::string_view data, std::size_t at) {
    std::size_t count = at < data.size() ? std::uint8_t(data[at]) : 0;
    bool wide = at + 1 < data.size() && (std::uint8_t(data[at + 1]) & 1);
    std::string out;
    take_chars(data, at + 2, count, wide, out);
    return out;
}

double rk_value(std::uint32_t rk) {
    double v;
    if (rk & 2) {
        v = double(std::int32_t(rk) >> 2);
    } else {
        std::uint64_t bits = std::uint64_t(rk & 0xFFFFFFFC) << 32;
        std::memcpy(&v, &bits, 8);
    }
    return (rk & 1) ? v / 100 : v;
}

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

struct SheetEntry {
    std::uint32_t offset = 0;
    XlsExtraSheet sheet;
};

// Walks the BIFF records of the workbook stream: the globals first (formats,
// XFs, sheet entries), then each worksheet's substream from its BOF.
class BiffRecordScanner {
public:
    explicit BiffRecordScanner(std::string_view stream) : s_(stream) {}

    std::optional<XlsExtras> scan() {
        Records records(s_, 0);
        Record r;
        // BIFF8, or BIFF5 globals in front of BIFF8 sheets (as in calamine's ptgexp file): BIFF5
        // strings are 8-bit without a flags byte, read here as Latin-1 (names are only
        // compared with FreeXL's, formats only classified).
        if (!records.next(r) || r.type != 0x0809) return std::nullopt;
        const std::uint16_t version = u16(r.data, 0);
        if (version != 0x0600 && version != 0x0500) return std::nullopt;
        const bool biff5 = version == 0x0500;
        std::vector<SheetEntry> entries;
        while (records.next(r) && r.type != 0x000A) {
            switch (r.type) {
                case 0x002F: return std::nullopt;  // FILEPASS: encrypted, nothing readable here
                case 0x041E: {
                    std::string code;
                    if (biff5) take_chars(r.data, 3, r.data.size() > 2 ? std::uint8_t(r.data[2]) : 0, false, code);
                    else code = unicode_string(r.data.substr(2), nullptr);
                    formats_.emplace_back(u16(r.data, 0), classify_format(u16(r.data, 0), code));
                    break;
                }
                case 0x00E0: xf_formats_.push_back(u16(r.data, 2)); break;
                case 0x0085: {
                    SheetEntry e;
                    e.offset = u32(r.data, 0);
                    std::uint8_t state = r.data.size() > 4 ? std::uint8_t(r.data[4]) & 3 : 0;
                    e.sheet.visibility = state == 1 ? Visibility::Hidden : state == 2 ? Visibility::VeryHidden : Visibility::Visible;
                    e.sheet.worksheet = r.data.size() > 5 && r.data[5] == 0;
                    if (biff5) take_chars(r.data, 7, r.data.size() > 6 ? std::uint8_t(r.data[6]) : 0, false, e.sheet.name);
                    else e.sheet.name = short_unicode_string(r.data, 6);
                    entries.push_back(std::move(e));
                    break;
                }
                default: break;
            }
        }
        XlsExtras out;
        for (SheetEntry& e : entries) {
            if (e.sheet.worksheet) scan_sheet(e.offset, e.sheet);
            out.sheets.push_back(std::move(e.sheet));
        }
        return out;
    }

private:
    std::string_view s_;
    std::vector<std::pair<std::uint16_t, FormatClass>> formats_;  // FORMAT records: id, class
    std::vector<std::uint16_t> xf_formats_;                        // XF records: format id

    // The format id of an XF (0, General, for an XF the file lacks).
    std::uint16_t format_of_xf(std::uint16_t xf) const { return xf < xf_formats_.size() ? xf_formats_[xf] : 0; }

    FormatClass class_of_format(std::uint16_t ifmt) const {
        for (const auto& [id, kind] : formats_)
            if (id == ifmt) return kind;
        return classify_format(ifmt, {});
    }

    void number_cell(XlsExtraSheet& sheet, std::uint16_t row, std::uint16_t col, std::uint16_t xf, double v) const {
        const std::uint16_t ifmt = format_of_xf(xf);
        if (ifmt != 0) sheet.formatted_numbers.push_back({row, col, v, shows_moment(class_of_format(ifmt))});
    }

    void scan_sheet(std::uint32_t offset, XlsExtraSheet& sheet) const {
        if (offset >= s_.size()) return;
        Records records(s_, offset);
        Record r;
        int depth = 0;
        XlsExtraCell* pending_string = nullptr;  // a string formula waits for its STRING record
        bool biff8_sheet = true;
        while (records.next(r)) {
            if (r.type == 0x0809) {
                if (++depth == 1) biff8_sheet = u16(r.data, 0) == 0x0600;
                continue;
            }
            if (r.type == 0x000A) {
                if (--depth <= 0) break;
                continue;
            }
            if (depth != 1) continue;  // embedded charts have their own BOF..EOF
            const std::uint16_t row = u16(r.data, 0), col = u16(r.data, 2), xf = u16(r.data, 4);
            switch (r.type) {
                case 0x0006: {  // FORMULA: the cached result
                    if (r.data.size() < 14) break;
                    XlsExtraCell cell{row, col, CellType::Number, 0, {}};
                    pending_string = nullptr;
                    if (u16(r.data, 12) == 0xFFFF) {
                        std::uint8_t kind = std::uint8_t(r.data[6]);
                        if (kind == 0) {
                            cell.type = CellType::Text;
                        } else if (kind == 1) {
                            cell.type = CellType::Boolean;
                            cell.number = r.data[8] ? 1 : 0;
                        } else if (kind == 2) {
                            cell.type = CellType::Error;
                            cell.text = error_text(std::uint8_t(r.data[8]));
                        } else {
                            break;  // an empty string: no value
                        }
                    } else {
                        cell.number = f64(r.data, 6);
                        if (shows_moment(class_of_format(format_of_xf(xf)))) cell.type = CellType::DateTime;
                    }
                    sheet.cells.push_back(std::move(cell));
                    if (sheet.cells.back().type == CellType::Text) pending_string = &sheet.cells.back();
                    break;
                }
                case 0x0207:  // STRING: the text of the string formula just before
                    if (pending_string && biff8_sheet) pending_string->text = unicode_string(r.data, &records);
                    else if (pending_string) take_chars(r.data, 2, u16(r.data, 0), false, pending_string->text);
                    pending_string = nullptr;
                    break;
                case 0x0205: {  // BOOLERR
                    if (r.data.size() < 8) break;
                    if (r.data[7]) sheet.cells.push_back({row, col, CellType::Error, 0, error_text(std::uint8_t(r.data[6]))});
                    else sheet.cells.push_back({row, col, CellType::Boolean, r.data[6] ? 1.0 : 0.0, {}});
                    break;
                }
                case 0x00E5: {  // MERGEDCELLS
                    std::size_t n = u16(r.data, 0);
                    for (std::size_t i = 0; i < n && 2 + 8 * (i + 1) <= r.data.size(); ++i) {
                        std::size_t at = 2 + 8 * i;
                        std::uint16_t r1 = u16(r.data, at), r2 = u16(r.data, at + 2), c1 = u16(r.data, at + 4), c2 = u16(r.data, at + 6);
                        if (r1 > r2 || c1 > c2) continue;
                        sheet.merged.push_back(Range{{r1, c1}, {r2, c2}});
                    }
                    break;
                }
                case 0x0208:  // ROW
                    if (r.data.size() >= 14 && (u16(r.data, 12) & 0x20)) sheet.hidden_rows.push_back(row);
                    break;
                case 0x007D: {  // COLINFO: a run of columns (capped at Excel's 256 in BIFF8)
                    if (r.data.size() < 10 || !(u16(r.data, 8) & 1)) break;
                    for (std::uint32_t c = u16(r.data, 0); c <= std::min<std::uint32_t>(u16(r.data, 2), 255); ++c)
                        sheet.hidden_cols.push_back(c);
                    break;
                }
                case 0x0203: number_cell(sheet, row, col, xf, f64(r.data, 6)); break;  // NUMBER
                case 0x027E: number_cell(sheet, row, col, xf, rk_value(u32(r.data, 6))); break;  // RK
                case 0x00BD: {  // MULRK: (xf, rk) pairs from column col onwards
                    for (std::size_t at = 4, c = col; at + 6 <= r.data.size() - std::min<std::size_t>(r.data.size(), 2); at += 6, ++c)
                        number_cell(sheet, row, std::uint16_t(c), u16(r.data, at), rk_value(u32(r.data, at + 2)));
                    break;
                }
                default: break;
            }
            // STRING must follow its FORMULA directly (shared-formula and array records may sit between).
            if (r.type != 0x0006 && r.type != 0x0207 && r.type != 0x04BC && r.type != 0x0221) pending_string = nullptr;
        }
        // A string formula without its STRING record has no value to report.
        std::erase_if(sheet.cells, [](const XlsExtraCell& c) { return c.type == CellType::Text && c.text.empty(); });
    }
};

}  // namespace

namespace {

std::optional<std::string> workbook_stream(std::string_view bytes) {
    Cfb cfb(bytes);
    std::optional<std::string> workbook = cfb.stream("Workbook");
    if (!workbook) workbook = cfb.stream("Book");  // some writers put BIFF8 under the BIFF5 name
    return workbook;
}

}  // namespace

namespace {

// Walks the shared string table as a reader must: character data split across
// CONTINUE records restarts with a flags byte, rich-text runs and phonetic data
// do not. False when a string claims more bytes than the records hold.
class SstWalker {
public:
    explicit SstWalker(std::vector<std::string_view> segments) : segments_(std::move(segments)) {}

    bool walk() {
        if (!skip(8)) return false;  // cstTotal, cstUnique
        while (!at_end()) {
            std::uint64_t count = 0, runs = 0, phonetic = 0;
            std::uint8_t flags = 0;
            if (!read_int(2, count) || !read_byte(flags)) return false;
            if ((flags & 0x08) && !read_int(2, runs)) return false;
            if ((flags & 0x04) && !read_int(4, phonetic)) return false;
            if (!skip_chars(count, flags & 1) || !skip(runs * 4 + phonetic)) return false;
        }
        return true;
    }

private:
    std::vector<std::string_view> segments_;
    std::size_t seg_ = 0, at_ = 0;

    bool at_end() {
        while (seg_ < segments_.size() && at_ >= segments_[seg_].size()) ++seg_, at_ = 0;
        return seg_ >= segments_.size();
    }
    bool read_byte(std::uint8_t& b) {
        if (at_end()) return false;
        b = std::uint8_t(segments_[seg_][at_++]);
        return true;
    }
    bool read_int(int bytes, std::uint64_t& v) {
        v = 0;
        for (int i = 0; i < bytes; ++i) {
            std::uint8_t b = 0;
            if (!read_byte(b)) return false;
            v |= std::uint64_t(b) << (8 * i);
        }
        return true;
    }
    bool skip(std::uint64_t n) {
        while (n > 0) {
            if (at_end()) return false;
            std::uint64_t here = std::min<std::uint64_t>(n, segments_[seg_].size() - at_);
            at_ += std::size_t(here);
            n -= here;
        }
        return true;
    }
    bool skip_chars(std::uint64_t count, bool wide) {
        while (count > 0) {
            if (seg_ >= segments_.size()) return false;
            if (at_ >= segments_[seg_].size()) {  // characters go on in the next CONTINUE, after a flags byte
                if (++seg_ >= segments_.size()) return false;
                at_ = 0;
                std::uint8_t flags = 0;
                if (!read_byte(flags)) return false;
                wide = flags & 1;
                continue;
            }
            const std::size_t size = wide ? 2 : 1;
            std::uint64_t here = std::min<std::uint64_t>(count, (segments_[seg_].size() - at_) / size);
            if (here == 0) return false;  // half a character at the end of a record
            at_ += std::size_t(here * size);
            count -= here;
        }
        return true;
    }
};

}  // namespace

std::optional<XlsPrecheck> xls_precheck(std::string_view bytes) {
    std::optional<std::string> workbook = workbook_stream(bytes);
    if (!workbook) return std::nullopt;
    XlsPrecheck out;
    Records records(*workbook, 0);
    Record r;
    while (records.next(r)) {
        if (r.type == 0x002F) {
            out.encrypted = true;  // nothing after it can be checked (or read by FreeXL)
            return out;
        }
        if (r.type == 0x0200) {
            if (r.data.size() >= 14) out.declared_cells += std::uint64_t(u32(r.data, 4)) * u16(r.data, 10);  // BIFF8: rwMac x colMac
            else out.declared_cells += std::uint64_t(u16(r.data, 2)) * u16(r.data, 6);                       // BIFF5 layout
        } else if (r.type == 0x00FC && out.strings_consistent) {
            std::vector<std::string_view> segments{r.data};
            Record next;
            while (records.peek(next) && next.type == 0x003C) {
                records.next(next);
                segments.push_back(next.data);
            }
            out.strings_consistent = SstWalker(std::move(segments)).walk();
        }
    }
    return out;
}

std::optional<XlsExtras> scan_xls_records(std::string_view bytes) {
    std::optional<std::string> workbook = workbook_stream(bytes);
    if (!workbook) return std::nullopt;
    return BiffRecordScanner(*workbook).scan();
}

}  // namespace plancon::detail
