// How much room a cell's text needs, estimated: the writer cannot measure
// glyphs (the font is the reader's), so each character is given the width it
// has in the sans fonts a reader will have: Calibri (Excel's default) and
// DejaVu Sans (what LibreOffice draws when Calibri is missing), the wider of
// the two, in Excel's unit of column width (the width of "0"). Before, every
// character counted a whole unit, and rows of ordinary text came out a line
// or more too tall. A column is as wide as its longest line needs, within a
// cap; a row as tall as its most-wrapped cell.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace plancon::write_detail {

// Excel's default row: 15 points, one line of 11-point Calibri.
inline constexpr double points_per_line = 15;
// Excel's highest row.
inline constexpr double max_row_points = 409;

// Widths are kept in hundredths of a unit ("0" is 100, "i" 45, "M" 169).
inline constexpr std::uint32_t width_of_zero = 100;
// The width of one character (a Unicode code point), in hundredths.
std::uint32_t character_width(char32_t c);

// A text as its words' widths (hundredths), a 0 where a line ends ("\n").
// Runs of spaces count as one. A line may also break after "/", "|" or "-"
// (LibreOffice does; Excel breaks at spaces only): the part after one is a
// word `glued` to the one before it, with no space between.
struct TextShape {
    static constexpr std::uint32_t glued = 1u << 31;  // flag on a word's width
    std::vector<std::uint32_t> words;
    double longest_line = 0;  // units: the longest line unwrapped, spaces included
    double longest_word = 0;  // units: the widest run between spaces
};
TextShape text_shape(std::string_view text);

// Lines the text takes when wrapped in a column `width` units wide, the more
// of breaking at spaces only (Excel) and at spaces, "/", "|" and "-" too
// (LibreOffice); a word longer than a line is broken, as both do.
std::uint32_t wrapped_lines(const TextShape& shape, double width);

// What a line of a column `width` units wide holds, in hundredths: the
// width (Excel's width counts the digits that fit; the cell's padding comes
// on top) less a third of a unit and a margin of 3% for the estimate's error
// (hinting, a reader's other font), at least one character.
std::uint32_t line_capacity(double width);
// The narrowest column whose line holds `units` (line_capacity's inverse).
double width_to_hold(double units);
// The most a text's longest line can be, in units, without measuring it:
// no character is wider than "@" (1.77 units) a byte of its UTF-8.
double at_most_units(std::string_view text);
// Whether a text surely takes one line in a column `width` units wide,
// known without measuring it (no line break, and at_most_units fits).
bool surely_one_line(std::string_view text, double width);
// Bold text (headings) is about a tenth wider.
inline constexpr double bold_factor = 1.1;

}  // namespace plancon::write_detail
