// The .ods reader against LibreOffice-written fixtures (tests/read/fixtures/make_ods_fixtures.py)
// and calamine's corpus files.
#include "plancon/read.hpp"

#include "read/cell_helpers.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

using namespace plancon;

namespace {

const std::string fixture = std::string(PLANCON_SOURCE_DIR) + "/tests/read/fixtures/ods_features.ods";
const std::string& corpus = test::corpus_dir;
using test::at;
using test::text_at;

class OdsFeatures : public ::testing::Test {
protected:
    static void SetUpTestSuite() { wb = new Workbook(read_workbook(fixture)); }
    static void TearDownTestSuite() { delete wb; }
    static const Sheet& values() { return wb->sheets.at(0); }
    static Workbook* wb;
};
Workbook* OdsFeatures::wb = nullptr;

TEST_F(OdsFeatures, SheetsInTabOrderWithVisibility) {
    EXPECT_EQ(wb->format, Format::Ods);
    ASSERT_EQ(wb->sheets.size(), 3u);
    EXPECT_EQ(wb->sheets[0].name, "Values");
    EXPECT_EQ(wb->sheets[1].name, "Hidden sheet");
    EXPECT_EQ(wb->sheets[1].visibility, Visibility::Hidden);
    EXPECT_EQ(wb->sheets[2].name, "Last");
    EXPECT_EQ(wb->sheets[2].visibility, Visibility::Visible);
    EXPECT_EQ(at(wb->sheets[2], "B2").number, 42);
}

TEST_F(OdsFeatures, TypedValues) {
    const Sheet& s = values();
    EXPECT_EQ(text_at(s, "A2"), "1.1");  // a text that looks like a number stays text
    const Cell& due = at(s, "B2");
    EXPECT_EQ(due.type, CellType::DateTime);
    EXPECT_EQ(due.number, double(serial_of(std::chrono::year{2019} / 6 / 30)));
    EXPECT_FALSE(s.number_format(due).empty());  // the data style's name, e.g. "N73"
    const Cell& pct = at(s, "C2");
    EXPECT_EQ(pct.type, CellType::Number);
    EXPECT_DOUBLE_EQ(pct.number, 0.25);
    EXPECT_FALSE(s.number_format(pct).empty());
    EXPECT_NE(s.number_format(pct), s.number_format(due));
    EXPECT_EQ(s.number_format(at(s, "A2")), "");  // plain text, no data style
    EXPECT_EQ(at(s, "D2").type, CellType::Number);  // currency
    EXPECT_DOUBLE_EQ(at(s, "D2").number, 34794.5);
    EXPECT_EQ(display_value(s, at(s, "F2")), "2019-06-30T14:05:00");
    const Cell& noon = at(s, "G2");
    EXPECT_EQ(noon.type, CellType::DateTime);
    EXPECT_DOUBLE_EQ(noon.number, 12.5 / 24);
    EXPECT_EQ(display_value(s, noon), "12:30:00");
}

TEST_F(OdsFeatures, FormulaResultsAndErrors) {
    const Sheet& s = values();
    const Cell& err = at(s, "H2");
    EXPECT_EQ(err.type, CellType::Error);
    EXPECT_EQ(s.text(err), "#DIV/0!");
    EXPECT_EQ(s.formula(err), "of:=1/0");
    EXPECT_EQ(at(s, "J2").number, 5);
    EXPECT_EQ(s.formula(at(s, "J2")), "of:=2+3");
    // LibreOffice stores =TRUE() as a float; the file's type is what plancon reports.
    EXPECT_EQ(at(s, "E2").type, CellType::Number);
    EXPECT_EQ(at(s, "E2").number, 1);
    EXPECT_EQ(s.formula(at(s, "E2")), "of:=TRUE()");
}

TEST_F(OdsFeatures, TextSpacingParagraphsAndTabs) {
    const Sheet& s = values();
    EXPECT_EQ(text_at(s, "A3"), "Value   with 3 spaces");
    EXPECT_EQ(text_at(s, "B3"), "  two leading, two trailing  ");
    EXPECT_EQ(text_at(s, "C3"), "Line one\nLine two\nLine three");
    EXPECT_EQ(text_at(s, "D3"), "tab\there");
}

TEST_F(OdsFeatures, RepeatedCellsExpandAndEmptyRepeatsCostNothing) {
    const Sheet& s = values();
    for (const char* a1 : {"A5", "B5", "C5", "D5", "E5"}) EXPECT_EQ(text_at(s, a1), "same");
    EXPECT_EQ(s.find(*parse_cell_ref("F5")), nullptr);
    for (const char* a1 : {"A6", "B6", "A8", "B8"}) EXPECT_EQ(at(s, a1).number, 7);
    EXPECT_EQ(text_at(s, "A20"), "after a gap");
    // Every row is padded to 16384 columns and the sheet to 1048576 rows with empty repeats.
    EXPECT_LT(s.cells.size(), 60u);
    ASSERT_TRUE(s.used_range());
    EXPECT_EQ(range_name(*s.used_range()), "A1:J20");
}

TEST_F(OdsFeatures, MergedRanges) {
    const Sheet& s = values();
    ASSERT_EQ(s.merged.size(), 2u);
    EXPECT_EQ(range_name(s.merged[0]), "A10:C11");
    EXPECT_EQ(range_name(s.merged[1]), "E10:E12");
    EXPECT_EQ(text_at(s, "A10"), "merged across and down");
    EXPECT_EQ(s.find(*parse_cell_ref("B10")), nullptr);  // covered and empty
}

TEST_F(OdsFeatures, HiddenRowsAndColumns) {
    const Sheet& s = values();
    EXPECT_EQ(s.hidden_rows, (std::vector<std::uint32_t>{13, 14}));
    EXPECT_EQ(text_at(s, "A14"), "hidden row");  // hidden, but still read
    EXPECT_EQ(s.hidden_cols, (std::vector<std::uint32_t>{10}));  // K
}

TEST(OdsCorpus, RepeatBombIsRefusedQuickly) {
    REQUIRE_CORPUS();
    try {
        read_workbook(corpus + "issue_594_dos.ods");
        FAIL() << "expected a ReadError";
    } catch (const ReadError& e) {
        EXPECT_NE(e.problem().find("repeat bomb"), std::string::npos) << e.problem();
        EXPECT_NE(e.problem().find("Sheet1"), std::string::npos) << e.problem();
    }
}

TEST(OdsCorpus, MaxCellsBoundsNonEmptyRepeats) {
    REQUIRE_CORPUS();
    // number_rows_repeated.ods expands to 30 non-empty cells on its two sheets.
    ReadOptions tight;
    tight.max_cells = 29;
    EXPECT_THROW(read_workbook(corpus + "number_rows_repeated.ods", tight), ReadError);
    tight.max_cells = 30;
    Workbook wb = read_workbook(corpus + "number_rows_repeated.ods", tight);
    const Sheet& s = wb.sheets.at(0);
    EXPECT_EQ(text_at(s, "A3"), "C");  // from a row repeated twice
    EXPECT_EQ(text_at(s, "B8"), "D");
}

TEST(OdsCorpus, PasswordProtectedIsRefused) {
    REQUIRE_CORPUS();
    try {
        read_workbook(corpus + "pass_protected.ods");
        FAIL() << "expected a ReadError";
    } catch (const ReadError& e) {
        EXPECT_NE(e.problem().find("password-protected"), std::string::npos) << e.problem();
    }
}

TEST(OdsCorpus, SpacesLineBreaksAndAnnotations) {
    REQUIRE_CORPUS();
    Workbook special = read_workbook(corpus + "special_cells.ods");
    const Sheet& s = special.sheets.at(0);
    EXPECT_EQ(text_at(s, "A1"), "Split\nLine");
    EXPECT_EQ(text_at(s, "A4"), " Value   With spaces before and after ");
    EXPECT_EQ(text_at(s, "A5"), "  Value   With 2 spaces before and after  ");
    Workbook annotated = read_workbook(corpus + "with-annotation.ods");
    EXPECT_EQ(text_at(annotated.sheets.at(0), "A1"), "cell a.1");
}

TEST(OdsCorpus, CoveredCellsAndDates) {
    REQUIRE_CORPUS();
    Workbook covered = read_workbook(corpus + "covered.ods");
    const Sheet& c = covered.sheets.at(0);
    ASSERT_EQ(c.merged.size(), 1u);
    EXPECT_EQ(range_name(c.merged[0]), "A2:A3");
    EXPECT_EQ(text_at(c, "A3"), "a3");  // a covered cell's own value, as LibreOffice keeps it
    Workbook dates = read_workbook(corpus + "date.ods");
    const Sheet& d = dates.sheets.at(0);
    EXPECT_EQ(display_value(d, at(d, "A1")), "2021-01-01");
    EXPECT_EQ(display_value(d, at(d, "A2")), "2021-01-01T10:10:10");
    EXPECT_EQ(display_value(d, at(d, "A3")), "10:10:10");
    EXPECT_EQ(display_value(d, at(d, "A4")), "10:10:10.123");
}

TEST(OdsCorpus, BooleansAndHiddenSheets) {
    REQUIRE_CORPUS();
    Workbook issues = read_workbook(corpus + "issues.ods");
    const Sheet& s = issues.sheets.at(0);
    EXPECT_EQ(at(s, "A4").type, CellType::Boolean);
    EXPECT_EQ(at(s, "A4").number, 0);
    EXPECT_EQ(display_value(s, at(s, "A6")), "2016-10-20");
    Workbook any = read_workbook(corpus + "any_sheets.ods");
    ASSERT_EQ(any.sheets.size(), 4u);
    EXPECT_EQ(any.sheets[1].visibility, Visibility::Hidden);
    EXPECT_EQ(any.sheets[2].visibility, Visibility::Hidden);  // "very hidden" does not exist in ODF
    EXPECT_EQ(any.sheets[3].visibility, Visibility::Visible);
}

}  // namespace

namespace {

TEST(OdsHostile, DocumentTypeDeclarationIsRefused) {
    try {
        read_workbook(std::string(PLANCON_SOURCE_DIR) + "/tests/read/fixtures/ods_doctype.ods");
        FAIL() << "expected a ReadError";
    } catch (const ReadError& e) {
        EXPECT_NE(e.problem().find("content.xml"), std::string::npos) << e.problem();
        EXPECT_NE(e.problem().find("DTD"), std::string::npos) << e.problem();
    }
}

TEST(OdsHostile, DeepNestingIsRefused) {
    try {
        read_workbook(std::string(PLANCON_SOURCE_DIR) + "/tests/read/fixtures/ods_deep_nesting.ods");
        FAIL() << "expected a ReadError";
    } catch (const ReadError& e) {
        EXPECT_NE(e.problem().find("nested more than"), std::string::npos) << e.problem();
    }
}

}  // namespace
