// The BIFF record stream of a legacy Excel workbook: records of a type and at
// most 8,224 bytes of data, read in place, and the strings of every BIFF
// version: byte strings in the workbook's code page (BIFF2-BIFF5/7) and
// BIFF8's Unicode strings, 8-bit ("compressed", Latin-1) or UTF-16LE, whose
// characters may go on in CONTINUE records, each starting with a fresh flags
// byte. Never reads outside the stream.
#pragma once

#include "read/little_endian.hpp"

#include <cstdint>
#include <string>
#include <string_view>

namespace plancon::detail {

namespace record {
// Record types by the name [MS-XLS] (and, for BIFF2-4, the older specs) gives them.
constexpr std::uint16_t bof2 = 0x0009, bof3 = 0x0209, bof4 = 0x0409, bof = 0x0809, eof = 0x000A;
constexpr std::uint16_t filepass = 0x002F, codepage = 0x0042, datemode = 0x0022, sst = 0x00FC, continue_ = 0x003C;
constexpr std::uint16_t format2 = 0x001E, format = 0x041E, xf2 = 0x0043, xf3 = 0x0243, xf4 = 0x0443, xf = 0x00E0;
constexpr std::uint16_t boundsheet = 0x0085, bundlesheet = 0x008F;
constexpr std::uint16_t number2 = 0x0003, integer2 = 0x0002, number = 0x0203, rk = 0x027E, mulrk = 0x00BD;
constexpr std::uint16_t label2 = 0x0004, label = 0x0204, rstring = 0x00D6, labelsst = 0x00FD;
constexpr std::uint16_t blank2 = 0x0001, blank = 0x0201, mulblank = 0x00BE;
constexpr std::uint16_t boolerr2 = 0x0005, boolerr = 0x0205;
constexpr std::uint16_t formula = 0x0006, formula3 = 0x0206, formula4 = 0x0406, string2 = 0x0007, string = 0x0207;
constexpr std::uint16_t shrfmla = 0x04BC, array = 0x0221, table = 0x0236;
constexpr std::uint16_t mergedcells = 0x00E5, row = 0x0208, colinfo = 0x007D;
}  // namespace record

struct Record {
    std::uint16_t type = 0;
    std::string_view data;
    std::size_t offset = 0;  // of the header in the stream
};

class RecordCursor {
public:
    RecordCursor(std::string_view stream, std::size_t at) : s_(stream), at_(at) {}
    // The next record; its data is cut short when the stream ends inside it.
    bool next(Record& r) {
        if (at_ + 4 > s_.size()) return false;
        r.offset = at_;
        r.type = le16(s_, at_);
        const std::size_t size = le16(s_, at_ + 2);
        r.data = s_.substr(at_ + 4, std::min(size, s_.size() - at_ - 4));
        at_ += 4 + r.data.size();
        return true;
    }
    bool next_is(std::uint16_t type) const { return at_ + 4 <= s_.size() && le16(s_, at_) == type; }
    std::size_t position() const { return at_; }

private:
    std::string_view s_;
    std::size_t at_;
};

// Latin-1 bytes or UTF-16LE code units -> UTF-8.
void append_latin1(std::string& out, std::string_view bytes);
void append_utf16le(std::string& out, std::string_view bytes);

// One record's data and the CONTINUE records after it, read as one.
class ContinuedData {
public:
    // continues: the cursor just after the first record; CONTINUE records are
    // taken from it only when the data runs on into them.
    ContinuedData(std::string_view first, RecordCursor* continues) : data_(first), continues_(continues) {}

    bool read_u8(std::uint8_t& v);
    bool read_u16(std::uint16_t& v);
    bool read_u32(std::uint32_t& v);
    bool skip(std::uint64_t bytes);
    // count characters of a BIFF8 string whose flags say wide or not; a
    // CONTINUE record met inside them starts with its own flags byte.
    bool read_chars(std::uint64_t count, bool wide, std::string& out);
    // An XLUnicodeString: 16-bit count, flags, rich-text and phonetic sizes,
    // characters, then the rich-text runs and phonetic data (skipped).
    bool read_unicode_string(std::string& out);
    // Whether nothing is left in this record or a CONTINUE after it.
    bool at_end();

private:
    std::string_view data_;
    std::size_t at_ = 0;
    RecordCursor* continues_;
    bool next_segment();
};

}  // namespace plancon::detail
