// Broken and hostile .xlsx files (tests/read/hostile/make_hostile.py): each
// ends in a correct read or one ReadError naming the file and the problem.
#include "plancon/read.hpp"
#include "temp_dir.hpp"
#include "xlsx_with_sheet.hpp"

#include <gtest/gtest.h>

using namespace plancon;

namespace {

std::string hostile(const std::string& name) { return std::string(PLANCON_SOURCE_DIR) + "/tests/read/hostile/" + name; }

// The error's problem text (and that it is one line naming the file).
std::string problem_reading(const std::string& name, const ReadOptions& options = {}) {
    const std::string path = hostile(name);
    try {
        read_workbook(path, options);
    } catch (const ReadError& e) {
        EXPECT_EQ(e.file(), path);
        EXPECT_EQ(std::string(e.what()).rfind(path + ": ", 0), 0u);
        EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos);
        return e.problem();
    }
    return "<read without error>";
}

}  // namespace

TEST(Hostile, TheGoodBaselineReads) {
    Workbook wb = read_workbook(hostile("good_minimal.xlsx"));
    ASSERT_EQ(wb.sheets.size(), 1u);
    EXPECT_EQ(display_value(wb.sheets[0], *wb.sheets[0].find({0, 0})), "Action");
}

TEST(Hostile, EachBrokenPackageGivesItsOwnError) {
    EXPECT_EQ(problem_reading("missing_workbook_part.xlsx"), "missing part xl/workbook.xml (not an Excel workbook?)");
    EXPECT_EQ(problem_reading("missing_sheet_part.xlsx"), "missing part xl/worksheets/sheet1.xml (sheet 'Plan')");
    EXPECT_NE(problem_reading("truncated_zip.xlsx").find("not a readable zip container"), std::string::npos);
    EXPECT_NE(problem_reading("not_a_zip.xlsx").find("neither a workbook nor text"), std::string::npos);
    EXPECT_NE(problem_reading("malformed_sheet_xml.xlsx").find("part xl/worksheets/sheet1.xml (sheet 'Plan'): malformed XML at byte"),
              std::string::npos);
    EXPECT_NE(problem_reading("billion_laughs_dtd.xlsx").find("DTD"), std::string::npos);
    EXPECT_NE(problem_reading("deep_nesting.xlsx").find("nested deeper than 256"), std::string::npos);
    EXPECT_EQ(problem_reading("absurd_cell_reference.xlsx"),
              "sheet 'Plan': malformed or out-of-range cell reference 'ZZZZZZ99999999999'");
    EXPECT_EQ(problem_reading("shared_string_index_beyond_table.xlsx"),
              "sheet 'Plan' cell A1: shared string index 7 is beyond the table of 1 strings");
}

TEST(Hostile, AFarCellCostsOneCell) {
    Workbook wb = read_workbook(hostile("far_cell_reference.xlsx"));
    const Sheet& s = wb.sheets[0];
    ASSERT_EQ(s.cells.size(), 1u);
    EXPECT_EQ(cell_name(s.cells[0].ref()), "XFD1048576");
}

TEST(Hostile, ExpansionBeyondTheByteLimitIsRefused) {
    ReadOptions small;
    small.max_bytes = 10 << 20;
    EXPECT_NE(problem_reading("zip_bomb_64MiB_part.xlsx", small).find("exceeds the limit of 10485760 bytes"), std::string::npos);
    // Under the default limit (1 GiB) the same file is just a big part.
    Workbook wb = read_workbook(hostile("zip_bomb_64MiB_part.xlsx"));
    EXPECT_EQ(wb.sheets[0].cells.size(), 1u);
}

TEST(Hostile, CellLimitIsEnforced) {
    ReadOptions tiny;
    tiny.max_cells = 1;
    EXPECT_NE(problem_reading("good_minimal.xlsx", tiny).find("more than 1 cells"), std::string::npos);
}

// Parts that inflate to 32 MiB of empty elements (make_hostile_more.py). A
// DOM of them once cost 3.5 GB per 200 MiB: the .xlsx parts read into a tree
// are refused by their element count, the .ods content.xml is streamed.
TEST(Hostile, ElementBombsInTreePartsAreRefusedByCount) {
    for (const char* name : {"more/xlsx_empty_elements_in_workbook.xlsx", "more/xlsx_empty_elements_in_relationships.xlsx"}) {
        const std::string problem = problem_reading(name);
        EXPECT_NE(problem.find("more than 2000000 XML elements and attributes"), std::string::npos) << name << ": " << problem;
    }
}

TEST(Hostile, ElementBombsInOdsContentAreStreamedPast) {
    for (const char* name : {"more/ods_empty_elements_in_body.ods", "more/ods_empty_elements_in_a_cell.ods"}) {
        Workbook wb = read_workbook(hostile(name));
        ASSERT_EQ(wb.sheets.size(), 1u) << name;
        ASSERT_EQ(wb.sheets[0].cells.size(), 1u) << name;
        EXPECT_EQ(display_value(wb.sheets[0], wb.sheets[0].cells[0]), "Action") << name;
    }
}

// Regression: a worksheet's parse error gave its offset in the scanner's
// buffer (one 256 KiB chunk of the inflated part), not in the part.
TEST(Hostile, AMalformedSheetNamesTheByteInTheWholePart) {
    test::TempDir dir;
    // The same flaw (a tag without a name) near the start and 3 MiB in.
    for (const std::size_t padding : {std::size_t(0), std::size_t(3) << 20}) {
        std::string xml = test::sheet_xml_head;
        while (xml.size() < padding) xml += "<row><c t=\"b\"><v>1</v></c></row>";
        const std::size_t flaw = xml.size();
        xml += "<></sheetData></worksheet>";
        const std::string path = dir / "flaw.xlsx";
        test::write_xlsx_with_sheet(path, xml);
        try {
            read_workbook(path);
            ADD_FAILURE() << "expected a ReadError";
        } catch (const ReadError& e) {
            EXPECT_EQ(e.problem(), "part xl/worksheets/sheet1.xml (sheet 'Plan'): malformed XML at byte " +
                                       std::to_string(flaw) + ": tag without a name");
        }
    }
}
