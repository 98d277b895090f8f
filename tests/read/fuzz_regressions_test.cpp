// Inputs the fuzzers found (tests/read/regressions/README.md says what each
// broke): each now ends in the outcome asserted here.
#include "plancon/read.hpp"

#include <gtest/gtest.h>

using namespace plancon;

namespace {

std::string regression(const std::string& name) {
    return std::string(PLANCON_SOURCE_DIR) + "/tests/read/regressions/" + name;
}

std::string error_reading(const std::string& path) {
    try {
        read_workbook(path);
    } catch (const ReadError& e) {
        return e.what();
    }
    return "<read without error>";
}

}  // namespace

TEST(FuzzRegression, ANewlineQuotedFromTheFileStaysOnOneLine) {
    const std::string path = regression("newline_in_row_number_breaks_error_line.xlsx");
    const std::string what = error_reading(path);
    EXPECT_EQ(what, path + ": sheet 'Sheet1': row number '2s></c>\\n<c s=' is out of range");
    EXPECT_EQ(what.find('\n'), std::string::npos);
}

TEST(FuzzRegression, ControlCharactersInAnErrorAreEscaped) {
    const ReadError e("a\nb.xlsx", std::string("value 'x\ty\r\x01\x7f' bad"));
    EXPECT_STREQ(e.what(), "a\\nb.xlsx: value 'x\\ty\\r\\x01\\x7f' bad");
    EXPECT_EQ(e.file(), "a\nb.xlsx") << "file() is the path as given, for opening it again";
}
