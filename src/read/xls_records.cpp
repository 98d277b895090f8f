#include "read/xls_records.hpp"

#include "plancon/text.hpp"

namespace plancon::detail {

void append_latin1(std::string& out, std::string_view bytes) {
    for (char c : bytes) {
        if (std::uint8_t(c) < 0x80) out += c;
        else append_utf8(out, std::uint8_t(c));
    }
}

void append_utf16le(std::string& out, std::string_view bytes) {
    for (std::size_t at = 0; at + 2 <= bytes.size(); at += 2) {
        char32_t cp = le16(bytes, at);
        if (is_high_surrogate(cp) && at + 4 <= bytes.size() && is_low_surrogate(le16(bytes, at + 2))) {
            cp = combine_surrogates(cp, le16(bytes, at + 2));
            at += 2;
        }
        append_utf8(out, cp);  // a lone surrogate becomes U+FFFD there
    }
}

bool ContinuedData::next_segment() {
    Record r;
    if (!continues_ || !continues_->next_is(record::continue_) || !continues_->next(r)) return false;
    data_ = r.data;
    at_ = 0;
    return true;
}

bool ContinuedData::at_end() {
    while (at_ >= data_.size())
        if (!next_segment()) return true;
    return false;
}

bool ContinuedData::read_u8(std::uint8_t& v) {
    if (at_end()) return false;
    v = std::uint8_t(data_[at_++]);
    return true;
}

bool ContinuedData::read_u16(std::uint16_t& v) {
    std::uint8_t lo = 0, hi = 0;
    if (!read_u8(lo) || !read_u8(hi)) return false;
    v = std::uint16_t(lo | hi << 8);
    return true;
}

bool ContinuedData::read_u32(std::uint32_t& v) {
    std::uint16_t lo = 0, hi = 0;
    if (!read_u16(lo) || !read_u16(hi)) return false;
    v = std::uint32_t(lo) | std::uint32_t(hi) << 16;
    return true;
}

bool ContinuedData::skip(std::uint64_t bytes) {
    while (bytes > 0) {
        if (at_end()) return false;
        const std::uint64_t here = std::min<std::uint64_t>(bytes, data_.size() - at_);
        at_ += std::size_t(here);
        bytes -= here;
    }
    return true;
}

bool ContinuedData::read_chars(std::uint64_t count, bool wide, std::string& out) {
    while (count > 0) {
        if (at_ >= data_.size()) {
            // The characters go on in the next CONTINUE, after a flags byte of its own.
            if (!next_segment() || data_.empty()) return false;
            wide = std::uint8_t(data_[0]) & 1;
            at_ = 1;
            continue;
        }
        const std::size_t unit = wide ? 2 : 1;
        const std::uint64_t here = std::min<std::uint64_t>(count, (data_.size() - at_) / unit);
        if (here == 0) return false;  // half a character at the end of a record
        const std::string_view run = data_.substr(at_, std::size_t(here) * unit);
        if (wide) append_utf16le(out, run);
        else append_latin1(out, run);
        at_ += run.size();
        count -= here;
    }
    return true;
}

bool ContinuedData::read_unicode_string(std::string& out) {
    std::uint16_t count = 0, runs = 0;
    std::uint8_t flags = 0;
    std::uint32_t phonetic = 0;
    if (!read_u16(count) || !read_u8(flags)) return false;
    if ((flags & 0x08) && !read_u16(runs)) return false;
    if ((flags & 0x04) && !read_u32(phonetic)) return false;
    return read_chars(count, flags & 1, out) && skip(std::uint64_t(runs) * 4 + phonetic);
}

}  // namespace plancon::detail
