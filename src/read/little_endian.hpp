// Little-endian integers and doubles at an offset of a byte string, as the
// binary formats store them (compound files, BIFF records); 0 past the end,
// so a short record reads as zeros rather than outside its bytes.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

namespace plancon::detail {

inline std::uint16_t le16(std::string_view s, std::size_t at) {
    if (at + 2 > s.size() || at + 2 < at) return 0;
    return std::uint16_t(std::uint8_t(s[at]) | std::uint8_t(s[at + 1]) << 8);
}

inline std::uint32_t le32(std::string_view s, std::size_t at) {
    if (at + 4 > s.size() || at + 4 < at) return 0;
    return std::uint32_t(le16(s, at)) | std::uint32_t(le16(s, at + 2)) << 16;
}

inline double le_double(std::string_view s, std::size_t at) {
    double d = 0;
    if (at + 8 <= s.size() && at + 8 > at) std::memcpy(&d, s.data() + at, 8);  // x86-64 is little-endian too
    return d;
}

}  // namespace plancon::detail
