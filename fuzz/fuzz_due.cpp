// libFuzzer target: the due-date parser. The first byte picks the context
// (how "Q3 2019" reads) and whether a cell date comes with the text, the
// next three bytes make that date (possibly an impossible one); the rest
// is the text as written.
#include "plancon/values.hpp"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace plancon;
    if (size < 4) return 0;
    DueContext ctx;
    ctx.single_year_quarter = static_cast<DueContext::SingleYearQuarter>(data[0] % 3);
    std::optional<Date> cell_date;
    if (data[0] & 0x80) {
        cell_date = Date{1900 + data[1] * 2, static_cast<unsigned>(data[2] % 14), static_cast<unsigned>(data[3] % 33)};
    }
    const std::string_view text(reinterpret_cast<const char*>(data + 4), size - 4);
    const Due due = parse_due(text, cell_date, ctx);
    // The words as written are kept (a date cell is written as its ISO date),
    // and no date is invented for anything that is not a date.
    if (!cell_date && due.as_written != text) __builtin_trap();
    if (due.kind != Due::Kind::Date && due.date) __builtin_trap();
    if (due.date && !is_valid_date(*due.date)) __builtin_trap();
    return 0;
}
