// The writer's estimate of how a text wraps (src/write/text_fit.hpp).
#include "write/text_fit.hpp"

#include <gtest/gtest.h>

using namespace plancon::write_detail;

TEST(TextFit, ShapeCountsCharactersNotBytes) {
    TextShape shape = text_shape("£34,794 café");
    EXPECT_EQ(shape.longest_line, 12u);
    EXPECT_EQ(shape.longest_word, 7u);
    EXPECT_EQ(wrapped_lines(shape, 13), 1u);  // 12 characters in a line of 12
    EXPECT_EQ(wrapped_lines(shape, 12), 2u);
}

TEST(TextFit, WrapsAtSpacesAndLineBreaks) {
    TextShape shape = text_shape("Review performance management processes\nat service and team level");
    EXPECT_EQ(shape.longest_line, 39u);
    EXPECT_EQ(wrapped_lines(shape, 41), 2u);  // each line whole
    // Width 20 holds 19 characters: "Review performance" | "management" | "processes" | "at service and team" | "level".
    EXPECT_EQ(wrapped_lines(shape, 20), 5u);
    EXPECT_EQ(wrapped_lines(text_shape(""), 10), 1u);
    EXPECT_EQ(wrapped_lines(text_shape("a\n\nb"), 10), 3u);
}

TEST(TextFit, AWordLongerThanALineRunsOverSeveral) {
    EXPECT_EQ(wrapped_lines(text_shape(std::string(25, 'x')), 11), 3u);  // 10 + 10 + 5
    EXPECT_EQ(wrapped_lines(text_shape("ab " + std::string(20, 'x')), 11), 3u);
}

// LibreOffice breaks after "/" (Excel does not): "fixtures/" alone on a line,
// then the file name over two; the estimate takes the more lines of the two.
TEST(TextFit, BreaksAfterSlashAsLibreOfficeDoes) {
    TextShape path = text_shape("fixtures/community_justice_several_tables_one_sheet.xls");
    EXPECT_EQ(path.longest_line, 55u);
    EXPECT_EQ(path.longest_word, 55u);
    EXPECT_EQ(wrapped_lines(path, 56), 1u);
    EXPECT_EQ(wrapped_lines(path, 45), 3u);  // Excel: 2 lines of 44; LibreOffice: "fixtures/" + 46 over 2
    EXPECT_EQ(wrapped_lines(text_shape("Q1/Q2"), 10), 1u);
}
