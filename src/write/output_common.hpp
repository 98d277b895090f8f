// Helpers the workbook and feed writers share: text made safe for XML and cut
// to a limit without splitting a character, and the reproducible timestamp.
#pragma once

#include "plancon/model.hpp"

#include <cstdint>
#include <ctime>
#include <string>
#include <string_view>
#include <vector>

namespace plancon::write_detail {

// Text XML 1.0 can carry: characters outside #x9 | #xA | #xD | [#x20-#xD7FF] |
// [#xE000-#xFFFD] | [#x10000-#x10FFFF] are dropped and bytes that are not
// UTF-8 become U+FFFD; `dropped` names each one ("U+0001", "byte 0xFF").
struct XmlText {
    std::string text;
    std::vector<std::string> dropped;
};
XmlText xml_legal(std::string_view text);
// Printable ASCII (and tab, line feed, carriage return): text xml_legal
// returns as it is, tested without decoding (most text is).
bool xml_plain(std::string_view text);

// Length as Excel counts it (UTF-16 code units) and as Pentana counts it (characters).
std::size_t utf16_length(std::string_view utf8);
std::size_t character_count(std::string_view utf8);

// The longest prefix of whole characters within `limit` UTF-16 units.
std::string_view cut_to_utf16(std::string_view utf8, std::size_t limit);
// At most `limit` characters, cut at the last space when there is one in the
// second half (so a title does not end mid-word), trailing spaces dropped.
std::string cut_at_word(std::string_view utf8, std::size_t limit);

// SOURCE_DATE_EPOCH as a time, when set to a valid number.
std::optional<std::time_t> source_date_epoch();
Date date_of_unix_time(std::time_t t);
Date resolve_as_of(const std::optional<Date>& requested);
// Days since 1899-12-30: Excel's date serial for dates after 1 March 1900.
double excel_serial(const Date& d);
std::string uk_date(const Date& d);  // "31/03/2020"
// A number as xs:decimal: fixed notation (never "1e-05"), 15 significant
// digits, no trailing zeros: 0.00001, 75, 33.3333333333333; "0" for NaN.
std::string decimal_text(double v);

}  // namespace plancon::write_detail
