#include "output_common.hpp"

#include "plancon/calendar.hpp"
#include "plancon/write.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <charconv>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace plancon::write_detail {

namespace {

// Decodes one UTF-8 character at text[i]; returns its length, or 0 when the
// bytes there are not well-formed UTF-8 (overlong, surrogate, truncated).
std::size_t decode_utf8(std::string_view text, std::size_t i, char32_t& out) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    std::size_t length;
    char32_t value;
    if (lead < 0x80) { out = lead; return 1; }
    if (lead >= 0xc2 && lead <= 0xdf) { length = 2; value = lead & 0x1f; }
    else if (lead >= 0xe0 && lead <= 0xef) { length = 3; value = lead & 0x0f; }
    else if (lead >= 0xf0 && lead <= 0xf4) { length = 4; value = lead & 0x07; }
    else return 0;
    if (i + length > text.size()) return 0;
    for (std::size_t k = 1; k < length; ++k) {
        if ((byte(i + k) & 0xc0) != 0x80) return 0;
        value = (value << 6) | (byte(i + k) & 0x3f);
    }
    if ((length == 3 && value < 0x800) || (length == 4 && (value < 0x10000 || value > 0x10ffff)) ||
        (value >= 0xd800 && value <= 0xdfff))
        return 0;
    out = value;
    return length;
}

bool xml_allowed(char32_t c) {
    return c == 0x9 || c == 0xa || c == 0xd || (c >= 0x20 && c <= 0xd7ff) || (c >= 0xe000 && c <= 0xfffd) ||
           (c >= 0x10000 && c <= 0x10ffff);
}

}  // namespace

bool xml_plain(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char ch) {
        const auto c = static_cast<unsigned char>(ch);
        return (c >= 0x20 && c < 0x7F) || c == '\t' || c == '\n' || c == '\r';
    });
}

XmlText xml_legal(std::string_view text) {
    XmlText result;
    if (xml_plain(text)) {
        result.text = text;
        return result;
    }
    result.text.reserve(text.size());
    for (std::size_t i = 0; i < text.size();) {
        char32_t c;
        std::size_t length = decode_utf8(text, i, c);
        char name[16];
        if (length == 0) {
            std::snprintf(name, sizeof name, "byte 0x%02X", static_cast<unsigned char>(text[i]));
            result.dropped.emplace_back(name);
            result.text += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
            ++i;
            continue;
        }
        if (xml_allowed(c)) {
            result.text.append(text.substr(i, length));
        } else {
            std::snprintf(name, sizeof name, "U+%04X", static_cast<unsigned>(c));
            result.dropped.emplace_back(name);
        }
        i += length;
    }
    return result;
}

std::size_t utf16_length(std::string_view utf8) {
    std::size_t units = 0;
    for (unsigned char c : utf8) {
        if ((c & 0xc0) != 0x80) ++units;  // a lead byte starts a character
        if (c >= 0xf0) ++units;           // outside the BMP: a surrogate pair
    }
    return units;
}

std::size_t character_count(std::string_view utf8) {
    std::size_t count = 0;
    for (unsigned char c : utf8)
        if ((c & 0xc0) != 0x80) ++count;
    return count;
}

std::string_view cut_to_utf16(std::string_view utf8, std::size_t limit) {
    std::size_t units = 0;
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(utf8[i]);
        if ((c & 0xc0) == 0x80) continue;
        const std::size_t needed = c >= 0xf0 ? 2 : 1;
        if (units + needed > limit) return utf8.substr(0, i);
        units += needed;
    }
    return utf8;
}

std::string cut_at_word(std::string_view utf8, std::size_t limit) {
    if (character_count(utf8) <= limit) return std::string(utf8);
    std::size_t count = 0, end = utf8.size();
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        if ((static_cast<unsigned char>(utf8[i]) & 0xc0) == 0x80) continue;
        if (count == limit) { end = i; break; }
        ++count;
    }
    std::string_view head = utf8.substr(0, end);
    // Cut before the word the limit falls in, unless that would lose more than half.
    if (end < utf8.size() && utf8[end] != ' ') {
        auto space = head.find_last_of(" \t\n");
        if (space != std::string_view::npos && character_count(head.substr(0, space)) >= limit / 2)
            head = head.substr(0, space);
    }
    while (!head.empty() && (head.back() == ' ' || head.back() == '\t' || head.back() == '\n')) head.remove_suffix(1);
    return std::string(head);
}

std::optional<std::time_t> source_date_epoch() {
    const char* value = std::getenv("SOURCE_DATE_EPOCH");
    if (!value || !*value) return std::nullopt;
    long long seconds = 0;
    auto [end, error] = std::from_chars(value, value + std::strlen(value), seconds);
    if (error != std::errc() || *end != '\0' || seconds < 0) return std::nullopt;
    return static_cast<std::time_t>(seconds);
}

Date date_of_unix_time(std::time_t t) {
    return date_of(std::chrono::floor<std::chrono::days>(std::chrono::sys_seconds{std::chrono::seconds{t}}));
}

Date resolve_as_of(const std::optional<Date>& requested) {
    return requested ? *requested : default_as_of_date();
}

double excel_serial(const Date& d) { return static_cast<double>(serial_of(to_chrono(d))); }

std::string uk_date(const Date& d) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02u/%02u/%04d", d.day, d.month, d.year);
    return buf;
}

std::string decimal_text(double v) {
    if (!std::isfinite(v) || v == 0) return "0";
    // 15 significant digits (as %.15g), in fixed notation whatever the size.
    const int exponent = int(std::floor(std::log10(std::fabs(v))));
    char buf[400];
    std::snprintf(buf, sizeof buf, "%.*f", std::clamp(14 - exponent, 0, 340), v);
    std::string out = buf;
    if (out.find('.') != std::string::npos) {
        out.erase(out.find_last_not_of('0') + 1);
        if (out.back() == '.') out.pop_back();
    }
    return out == "-0" ? "0" : out;
}

}  // namespace plancon::write_detail

namespace plancon {

Date default_as_of_date() {
    auto fixed = write_detail::source_date_epoch();
    return write_detail::date_of_unix_time(fixed ? *fixed : std::time(nullptr));
}

}  // namespace plancon
