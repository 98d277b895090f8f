// How much room a cell's text needs, estimated: the writer cannot measure
// glyphs (the font is the reader's), so a text is seen as words of so many
// characters, each character one unit of Excel's column width (the width of
// "0" in the default font; most letters are narrower, which leaves a margin
// for a reader's wider substitute font). A column is as wide as its longest
// line needs, within a cap; a row as tall as its most-wrapped cell.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace plancon::write_detail {

// Excel's default row: 15 points, one line of 11-point Calibri.
inline constexpr double points_per_line = 15;
// Excel's highest row.
inline constexpr double max_row_points = 409;

// A text as its words' lengths in characters (UTF-8 code points), a 0 where
// a line ends ("\n"). Runs of spaces count as one. A line may also break
// after "/", "|" or "-" (LibreOffice does; Excel breaks at spaces only): the
// part after one is a word `glued` to the one before it, with no space between.
struct TextShape {
    static constexpr std::uint32_t glued = 1u << 31;  // flag on a word's length
    std::vector<std::uint32_t> words;
    std::uint32_t longest_line = 0;  // characters of the longest line unwrapped, spaces included
    std::uint32_t longest_word = 0;
};
TextShape text_shape(std::string_view text);

// Lines the text takes when wrapped in a column `width` units wide, the more
// of breaking at spaces only (Excel) and at spaces, "/", "|" and "-" too
// (LibreOffice); a word longer than a line is broken, as both do.
std::uint32_t wrapped_lines(const TextShape& shape, double width);

// Characters a line of a column `width` units wide holds: the width less
// the cell's padding (about one unit), at least one.
std::uint32_t characters_per_line(double width);

}  // namespace plancon::write_detail
