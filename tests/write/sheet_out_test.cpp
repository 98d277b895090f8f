// SheetOut streams a long sheet through a window of rows; what it writes
// must be what holding the whole sheet would have written, byte for byte.
#include "write/sheet_out.hpp"

#include "write_fixture.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <sstream>

namespace plancon::write_detail {
namespace {

using write_test::TempDir;

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A long sheet whose widest and most-wrapped cells come late, written either
// streamed (with its measuring pass, as the workbook writer does) or held whole.
void write_long_sheet(const std::string& path, bool streams, lxw_row_t rows, lxw_row_t max_rows) {
    lxw_workbook_options streaming{};
    streaming.constant_memory = LXW_TRUE;
    lxw_workbook* book = workbook_new_opt(path.c_str(), &streaming);
    ASSERT_NE(book, nullptr);
    Formats formats{};
    formats.header = workbook_add_format(book);
    format_set_text_wrap(formats.header);
    format_set_bold(formats.header);
    formats.wrap = workbook_add_format(book);
    format_set_text_wrap(formats.wrap);
    formats.link = workbook_add_format(book);
    format_set_text_wrap(formats.link);
    std::vector<Issue> issues;
    const std::string name = "Sheet";
    LibraryThread library;
    SheetOut out(book, library, SheetParts(name, 1, max_rows), rows + 1, streams, path, issues, formats);
    auto fill = [&] {
        out.columns(0, {{"Code", 8, 14}, {"Text", 10, 60}, {"Note", 6, 30, false}});
        for (lxw_row_t row = 1; row <= rows; ++row) {
            if (!out.has_room(row)) continue;
            out.text(row, 0, "A-" + std::to_string(row), formats.wrap);
            // Late rows are wider, and one of them wraps over several lines.
            std::string text = "row " + std::to_string(row) + (row > rows - 10 ? " with a much longer text than before" : "");
            if (row == rows - 3) text += "\nand a second line\nand a third";
            out.text(row, 1, text, formats.wrap);
            if (row % 7 == 0) out.number(row, 2, row, nullptr);
            if (row % 11 == 0) out.text(row, 1, "written over: " + text, formats.wrap);  // the later write stands
            if (row % 13 == 0) out.link(row, 0, "internal:'Sheet'!A1", "A-" + std::to_string(row));
        }
        out.finish();
    };
    if (streams && out.longer_than_window()) {
        out.measure_ahead();
        fill();
    }
    fill();
    library.sync();
    ASSERT_EQ(workbook_close(book), LXW_NO_ERROR);
}

std::string sheet_xml(const std::string& xlsx, const TempDir& dir, const std::string& part) {
    const std::string out = dir / "part.xml";
    const std::string command = "unzip -p '" + xlsx + "' " + part + " > '" + out + "'";
    EXPECT_EQ(std::system(command.c_str()), 0) << command;
    return slurp(out);
}

TEST(SheetOut, StreamingWritesWhatHoldingTheWholeSheetWrites) {
    TempDir dir;
    const lxw_row_t rows = SheetOut::window_rows + 900;
    const std::string streamed = dir / "streamed.xlsx", held = dir / "held.xlsx";
    write_long_sheet(streamed, true, rows, LXW_ROW_MAX);
    write_long_sheet(held, false, rows, LXW_ROW_MAX);
    const std::string a = sheet_xml(streamed, dir, "xl/worksheets/sheet1.xml");
    const std::string b = sheet_xml(held, dir, "xl/worksheets/sheet1.xml");
    ASSERT_FALSE(a.empty());
    EXPECT_EQ(a, b);
    // The late text (past the first window) is there, its three lines setting its row's height.
    EXPECT_NE(a.find("<row r=\"" + std::to_string(rows - 2) + "\" ht=\"45\""), std::string::npos);
}

TEST(SheetOut, StreamedPartsMatchHeldParts) {
    TempDir dir;
    const lxw_row_t rows = SheetOut::window_rows + 3000, max_rows = 2500;  // three parts
    const std::string streamed = dir / "streamed.xlsx", held = dir / "held.xlsx";
    write_long_sheet(streamed, true, rows, max_rows);
    write_long_sheet(held, false, rows, max_rows);
    for (int part = 1; part <= 3; ++part) {
        const std::string name = "xl/worksheets/sheet" + std::to_string(part) + ".xml";
        const std::string a = sheet_xml(streamed, dir, name);
        ASSERT_FALSE(a.empty()) << name;
        EXPECT_EQ(a, sheet_xml(held, dir, name)) << name;
        // Each part opens with the headings and holds at most max_rows rows.
        EXPECT_NE(a.find("<row r=\"1\""), std::string::npos) << name;
        EXPECT_EQ(a.find("<row r=\"" + std::to_string(max_rows + 1) + "\""), std::string::npos) << name;
    }
}

TEST(SheetOut, PartsSayWhereEachRowLands) {
    const SheetParts parts("Sources", 1, 6);  // a heading row and five rows of data a part
    EXPECT_EQ(parts.parts_for(0), 1u);
    EXPECT_EQ(parts.parts_for(6), 1u);
    EXPECT_EQ(parts.parts_for(7), 2u);
    EXPECT_EQ(parts.parts_for(11), 2u);
    EXPECT_EQ(parts.parts_for(12), 3u);
    EXPECT_EQ(parts.link(0), "internal:'Sources'!A1");
    EXPECT_EQ(parts.link(5), "internal:'Sources'!A6");
    EXPECT_EQ(parts.link(6), "internal:'Sources (2)'!A2");
    EXPECT_EQ(parts.link(11, 2), "internal:'Sources (3)'!C2");
    // A part keeps a row for data however many heading rows are asked for.
    const SheetParts tight("Duplicates", 5, 2);
    EXPECT_EQ(tight.header_rows, 1u);
    EXPECT_EQ(tight.link(3), "internal:'Duplicates (3)'!A2");
}

}  // namespace
}  // namespace plancon::write_detail
