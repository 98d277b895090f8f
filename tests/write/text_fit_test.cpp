// The writer's estimate of how a text wraps (src/write/text_fit.hpp).
// Digits are exactly one unit wide and a space half of one, so texts of
// digits give exact figures; letters are checked against each other.
#include "write/text_fit.hpp"

#include <gtest/gtest.h>

#include <string>

using namespace plancon::write_detail;

TEST(TextFit, CharactersHaveTheirOwnWidths) {
    EXPECT_EQ(character_width(U'0'), width_of_zero);
    EXPECT_LT(character_width(U'i'), character_width(U'n'));
    EXPECT_LT(character_width(U'n'), character_width(U'm'));
    EXPECT_GT(character_width(U'W'), character_width(U'w'));
    EXPECT_EQ(character_width(U'\u00a3'), width_of_zero);       // £
    EXPECT_EQ(character_width(U'\u4e2d'), 2 * width_of_zero);   // a CJK ideograph: two
    // A line of narrow letters is narrower than one of wide letters, characters counted not bytes.
    EXPECT_LT(text_shape("illicit").longest_line, text_shape("mammoth").longest_line);
    EXPECT_DOUBLE_EQ(text_shape("\xc3\xa9\xc3\xa9\xc3\xa9").longest_line, 3.0);  // three é
}

TEST(TextFit, ShapeMeasuresLinesAndWords) {
    TextShape shape = text_shape("0000 0000 0000\n00");
    EXPECT_DOUBLE_EQ(shape.longest_line, 13.0);  // 12 digits and two half-unit spaces
    EXPECT_DOUBLE_EQ(shape.longest_word, 4.0);
    const double holds = width_to_hold(13.0);
    EXPECT_EQ(wrapped_lines(shape, holds), 2u);          // each line whole
    EXPECT_EQ(wrapped_lines(shape, holds - 0.6), 3u);    // the last "0000" moves down
}

TEST(TextFit, WrapsAtSpacesAndLineBreaks) {
    TextShape shape = text_shape("00000 00000 00000");
    // Width 12 holds floor(11.7 x 0.97 x 100) = 1134 hundredths: "00000 00000" is 1050.
    EXPECT_EQ(line_capacity(12), 1134u);
    EXPECT_EQ(wrapped_lines(shape, 12), 2u);
    EXPECT_EQ(wrapped_lines(shape, 6.2), 3u);
    EXPECT_EQ(wrapped_lines(text_shape(""), 10), 1u);
    EXPECT_EQ(wrapped_lines(text_shape("a\n\nb"), 10), 3u);
}

TEST(TextFit, AWordLongerThanALineRunsOverSeveral) {
    // Width 11 holds 1037 hundredths: 25 digits run over 10.37 + 10.37 + 4.26.
    EXPECT_EQ(wrapped_lines(text_shape(std::string(25, '0')), 11), 3u);
    // "00", then 20 digits from the next line: 10.37 + 9.63.
    EXPECT_EQ(wrapped_lines(text_shape("00 " + std::string(20, '0')), 11), 3u);
}

// LibreOffice breaks after "/" (Excel does not): the estimate takes the more
// lines of the two ways.
TEST(TextFit, BreaksAfterSlashAsLibreOfficeDoes) {
    TextShape path = text_shape("0000/000000000000");
    EXPECT_DOUBLE_EQ(path.longest_line, 4 + 0.77 + 12);
    EXPECT_DOUBLE_EQ(path.longest_word, path.longest_line);
    EXPECT_EQ(wrapped_lines(path, width_to_hold(path.longest_line)), 1u);
    // Width 14 holds 13.28 units. Excel: 16.77 units of one word over 2 lines;
    // LibreOffice: "0000/" alone, then twelve digits on the next.
    EXPECT_EQ(wrapped_lines(path, 14), 2u);
    EXPECT_EQ(wrapped_lines(text_shape("Q1/Q2"), 10), 1u);
}
