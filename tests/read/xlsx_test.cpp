// The .xlsx reader on fixtures written by openpyxl and recalculated by
// LibreOffice (tests/read/fixtures/make_xlsx_fixtures.py).
#include "plancon/read.hpp"
#include "read/number_format.hpp"
#include "read/readers.hpp"

#include <gtest/gtest.h>

using namespace plancon;

namespace {

std::string fixture(const std::string& name) { return std::string(PLANCON_SOURCE_DIR) + "/tests/read/fixtures/" + name; }

std::string value_at(const Sheet& s, const char* a1) {
    const Cell* c = s.find(*parse_cell_ref(a1));
    return c ? display_value(s, *c) : "<absent>";
}

CellType type_at(const Sheet& s, const char* a1) {
    const Cell* c = s.find(*parse_cell_ref(a1));
    return c ? c->type : CellType::Empty;
}

}  // namespace

TEST(Xlsx, ReadsTypedValuesFromAnIndependentWriter) {
    Workbook wb = read_workbook(fixture("xlsx_features_recalculated.xlsx"));
    EXPECT_EQ(wb.format, Format::Xlsx);
    ASSERT_EQ(wb.sheets.size(), 3u);
    const Sheet& s = wb.sheets[0];
    EXPECT_EQ(s.name, "Tracker");
    EXPECT_EQ(value_at(s, "B2"), "Three-year budget planning");
    EXPECT_EQ(type_at(s, "C2"), CellType::DateTime);
    EXPECT_EQ(value_at(s, "C2"), "2020-03-31");
    EXPECT_EQ(value_at(s, "C3"), "2019-06-30T14:05:00");
    EXPECT_EQ(value_at(s, "D2"), "0.75");
    EXPECT_EQ(type_at(s, "E2"), CellType::Boolean);
    EXPECT_EQ(value_at(s, "E2"), "TRUE");
    EXPECT_EQ(value_at(s, "E3"), "FALSE");
    EXPECT_EQ(value_at(s, "F2"), "34794");
    EXPECT_EQ(value_at(s, "B3"), "Line one\nline two");
    EXPECT_EQ(value_at(s, "B6"), "09:30:00") << "a time alone is a time, not a day in 1899";
    EXPECT_EQ(type_at(s, "B7"), CellType::Number) << "[h]:mm is a duration, not a date";
}

TEST(Xlsx, FormulasKeepTheirTextAndCachedValue) {
    Workbook wb = read_workbook(fixture("xlsx_features_recalculated.xlsx"));
    const Sheet& s = wb.sheets[0];
    const Cell* g2 = s.find(*parse_cell_ref("G2"));
    ASSERT_NE(g2, nullptr);
    EXPECT_EQ(s.formula(*g2), "F2*2");
    EXPECT_EQ(display_value(s, *g2), "69588");
    const Cell* g3 = s.find(*parse_cell_ref("G3"));
    ASSERT_NE(g3, nullptr);
    EXPECT_EQ(g3->type, CellType::Error);
    EXPECT_EQ(display_value(s, *g3), "#DIV/0!");
}

TEST(Xlsx, FormulaWithoutCachedValueIsAnEmptyCellWithItsFormula) {
    Workbook wb = read_workbook(fixture("xlsx_features_openpyxl.xlsx"));
    const Sheet& s = wb.sheets[0];
    const Cell* g2 = s.find(*parse_cell_ref("G2"));
    ASSERT_NE(g2, nullptr);
    EXPECT_EQ(g2->type, CellType::Empty);
    EXPECT_EQ(s.formula(*g2), "F2*2");
}

TEST(Xlsx, MergedRangesHiddenRowsColumnsAndSheets) {
    Workbook wb = read_workbook(fixture("xlsx_features_openpyxl.xlsx"));
    const Sheet& s = wb.sheets[0];
    ASSERT_EQ(s.merged.size(), 1u);
    EXPECT_EQ(range_name(s.merged[0]), "A5:A7");
    ASSERT_NE(s.merge_at({6, 0}), nullptr);
    EXPECT_TRUE(s.row_hidden(3));
    EXPECT_FALSE(s.row_hidden(2));
    EXPECT_TRUE(s.col_hidden(6));
    EXPECT_EQ(wb.sheets[1].visibility, Visibility::Hidden);
    EXPECT_EQ(wb.sheets[2].visibility, Visibility::VeryHidden);
    EXPECT_EQ(s.number_format(*s.find(*parse_cell_ref("C2"))), "dd/mm/yyyy");
}

TEST(Xlsx, The1904DateSystem) {
    Workbook wb = read_workbook(fixture("xlsx_1904_dates.xlsx"));
    EXPECT_EQ(wb.date_system, DateSystem::Excel1904);
    EXPECT_EQ(value_at(wb.sheets[0], "A1"), "2019-06-30");
    EXPECT_EQ(value_at(wb.sheets[0], "A2"), "1904-01-01");
}

TEST(NumberFormat, ClassesAndBuiltInIds) {
    using detail::FormatClass;
    using detail::classify_format;
    using detail::classify_format_code;
    EXPECT_EQ(classify_format_code("dd/mm/yyyy"), FormatClass::Date);
    EXPECT_EQ(classify_format_code("mmm yyyy"), FormatClass::Date);
    EXPECT_EQ(classify_format_code("h:mm:ss"), FormatClass::Time);
    EXPECT_EQ(classify_format_code("mm:ss"), FormatClass::Time) << "m beside s is minutes";
    EXPECT_EQ(classify_format_code("yyyy-mm-dd hh:mm"), FormatClass::DateTime);
    EXPECT_EQ(classify_format_code("[h]:mm:ss"), FormatClass::Duration);
    EXPECT_EQ(classify_format_code("[mm]:ss"), FormatClass::Duration);
    EXPECT_EQ(classify_format_code("#,##0.00"), FormatClass::Number);
    EXPECT_EQ(classify_format(14, ""), FormatClass::Date);
    EXPECT_EQ(classify_format(14, "0.00"), FormatClass::Date) << "a built-in date id whatever its local spelling";
    EXPECT_EQ(classify_format(46, ""), FormatClass::Duration);
    EXPECT_EQ(classify_format(22, ""), FormatClass::DateTime);
    EXPECT_EQ(classify_format(164, "dd/mm/yy"), FormatClass::Date);
    EXPECT_EQ(classify_format(164, ""), FormatClass::Number);
    EXPECT_EQ(detail::builtin_format_code(46), "[h]:mm:ss");
}

TEST(Xlsx, DateFormatCodesFollowOpenpyxlsRule) {
    using detail::is_date_format_code;
    EXPECT_TRUE(is_date_format_code("dd/mm/yyyy"));
    EXPECT_TRUE(is_date_format_code("[$-F800]dddd\\,\\ mmmm\\ dd\\,\\ yyyy"));
    EXPECT_TRUE(is_date_format_code("h:mm AM/PM"));
    EXPECT_FALSE(is_date_format_code("\"£\"#,##0"));
    EXPECT_FALSE(is_date_format_code("0.00%"));
    EXPECT_FALSE(is_date_format_code("[Red]#,##0;[Blue]-#,##0"));
    EXPECT_FALSE(is_date_format_code("\"days\" 0"));
    EXPECT_FALSE(is_date_format_code("[h]:mm:ss")) << "elapsed time is a duration";
    EXPECT_FALSE(is_date_format_code("General"));
}

TEST(Xlsx, ContentDecidesNotTheExtension) {
    // The same workbook bytes under a .csv name still read as a workbook.
    std::string bytes = read_file_bytes(fixture("xlsx_1904_dates.xlsx"));
    EXPECT_EQ(detect_format(bytes), Format::Xlsx);
    Workbook wb = read_workbook_bytes("renamed.csv", bytes);
    EXPECT_EQ(wb.format, Format::Xlsx);
    EXPECT_EQ(value_at(wb.sheets[0], "A1"), "2019-06-30");
}
