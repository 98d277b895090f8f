// CSV/TSV reading: fixtures written by Python's csv module and codecs
// (tests/read/fixtures/make_csv_fixtures.py), read back to exact cell texts.
#include "plancon/read.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

using namespace plancon;
using ::testing::HasSubstr;

namespace {

std::string fixture(const std::string& name) { return std::string(PLANCON_SOURCE_DIR) + "/tests/read/fixtures/" + name; }

// The sheet as rows of texts, "" where there is no cell; also checks every cell is Text.
std::vector<std::vector<std::string>> texts(const Sheet& sheet) {
    std::vector<std::vector<std::string>> rows;
    for (const Cell& c : sheet.cells) {
        EXPECT_EQ(c.type, CellType::Text) << cell_name(c.ref());
        if (rows.size() <= c.row) rows.resize(c.row + 1);
        if (rows[c.row].size() <= c.col) rows[c.row].resize(c.col + 1);
        rows[c.row][c.col] = std::string(sheet.text(c));
    }
    return rows;
}

// What make_csv_fixtures.py writes into every tracker file. Empty fields have
// no cell, so a row ends at its last non-empty field.
const std::vector<std::vector<std::string>> tracker = {
    {"Ref", "Action", "Lead", "Due", "Budget"},
    {"1.1", "Three-year budget planning \u2013 \u201cagreed\u201d by CMT", "C&F / DCC", "June 2019", "\u00a334,794"},
    {"1.2", "Review the \u2018Pentana\u2019 import; report to CMT", "", "Immediate", "\u20ac1,200"},
    {"1.3", "Staff survey (\"annual\")", "JMG, COG", "2019/20"},
};

void expect_tracker(const std::string& name, Format format) {
    SCOPED_TRACE(name);
    Workbook wb = read_workbook(fixture(name));
    EXPECT_EQ(wb.format, format);
    ASSERT_EQ(wb.sheets.size(), 1u);
    EXPECT_EQ(texts(wb.sheets[0]), tracker);
    // The empty Lead of 1.2 and Budget of 1.3 are no cells at all.
    EXPECT_EQ(wb.sheets[0].find({2, 2}), nullptr);
    EXPECT_EQ(wb.sheets[0].find({3, 4}), nullptr);
}

Workbook read_text(std::string bytes, ReadOptions options = {}) {
    return read_workbook_bytes("inline.csv", std::move(bytes), options);
}

std::string read_error(std::string bytes, ReadOptions options = {}) {
    try {
        read_text(std::move(bytes), options);
    } catch (const ReadError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST(Csv, ReadsUtf8WithAndWithoutBom) {
    expect_tracker("utf8_bom.csv", Format::Csv);
    expect_tracker("utf8.csv", Format::Csv);
}

TEST(Csv, ConvertsUtf16WithBomToUtf8) {
    expect_tracker("utf16le_bom.csv", Format::Csv);
    expect_tracker("utf16be_bom.csv", Format::Csv);
    expect_tracker("utf16le_tab.txt", Format::Tsv);
}

TEST(Csv, FallsBackToWindows1252WhenNotUtf8AndSaysSo) {
    expect_tracker("windows1252.csv", Format::Csv);
    Workbook wb = read_workbook(fixture("windows1252.csv"));
    ASSERT_EQ(wb.warnings.size(), 1u);
    EXPECT_THAT(wb.warnings[0].message, HasSubstr("Windows-1252"));
}

TEST(Csv, SniffsSemicolonAndTabDelimiters) {
    expect_tracker("semicolon.csv", Format::Csv);
    expect_tracker("tab.tsv", Format::Tsv);
}

TEST(Csv, AcceptsCarriageReturnAloneAsLineEnd) { expect_tracker("cr_line_ends.csv", Format::Csv); }

TEST(Csv, KeepsLineBreaksAndDoubledQuotesInsideQuotedFields) {
    Workbook wb = read_workbook(fixture("embedded_newlines.csv"));
    ASSERT_EQ(wb.sheets.size(), 1u);
    const Sheet& sheet = wb.sheets[0];
    EXPECT_EQ(sheet.name, "embedded_newlines");
    const std::vector<std::vector<std::string>> expected = {
        {"Outcome", "Improvement actions", "Lead"},
        {"Better planning", "\u2022 Agree the plan\n\u2022 Publish it\n\u2022 Review \"quarterly\"", "CMT"},
        {},  // the blank line is an empty row: later rows keep their line's place
        {"", "One line\nthen another", "Learning & Organisational Development"},
    };
    EXPECT_EQ(texts(sheet), expected);
    EXPECT_EQ(sheet.find({3, 0}), nullptr);  // "" quoted is still empty
}

TEST(Csv, SheetIsNamedAfterTheFileStem) {
    Workbook wb = read_workbook(fixture("semicolon.csv"));
    EXPECT_EQ(wb.sheets[0].name, "semicolon");
    EXPECT_EQ(wb.path, fixture("semicolon.csv"));
}

TEST(Csv, OptionsOverrideDelimiterAndEncoding) {
    ReadOptions semicolon;
    semicolon.delimiter = ';';
    Workbook wb = read_text("a,b;c\n", semicolon);
    EXPECT_EQ(texts(wb.sheets[0]), (std::vector<std::vector<std::string>>{{"a,b", "c"}}));

    // 0xC2 0xA3 is "£" in UTF-8, but "Â£" when the file is declared Windows-1252.
    ReadOptions cp1252;
    cp1252.encoding = "windows-1252";
    wb = read_text("\xC2\xA3" "5\n", cp1252);
    EXPECT_EQ(texts(wb.sheets[0]), (std::vector<std::vector<std::string>>{{"\u00c2\u00a35"}}));
    EXPECT_EQ(texts(read_text("\xC2\xA3" "5\n").sheets[0]), (std::vector<std::vector<std::string>>{{"\u00a35"}}));

    ReadOptions utf16;
    utf16.encoding = "UTF-16LE";
    wb = read_text(std::string("a\0,\0b\0", 6), utf16);  // no BOM: only the option says UTF-16
    EXPECT_EQ(texts(wb.sheets[0]), (std::vector<std::vector<std::string>>{{"a", "b"}}));

    ReadOptions bad;
    bad.encoding = "latin-9";
    EXPECT_THAT(read_error("a,b\n", bad), HasSubstr("unknown encoding \"latin-9\""));
}

TEST(Csv, MapsTheWholeWindows1252UpperControlRange) {
    // 0x80-0x9F is where Windows-1252 differs from Latin-1; spot-check its ends and the undefined 0x81.
    Workbook wb = read_text("\x80,\x81,\x91\x92\x93\x94,\x96\x97,\x9F,\xA3\xE9\n");
    EXPECT_EQ(texts(wb.sheets[0]), (std::vector<std::vector<std::string>>{
                                       {"\u20ac", "\u0081", "\u2018\u2019\u201c\u201d", "\u2013\u2014", "\u0178", "\u00a3\u00e9"}}));
}

TEST(Csv, DecodesUtf16SurrogatePairs) {
    // U+1F600 as a UTF-16BE surrogate pair D83D DE00.
    Workbook wb = read_text(std::string("\xFE\xFF\x00x\xD8\x3D\xDE\x00", 8));
    EXPECT_EQ(texts(wb.sheets[0]), (std::vector<std::vector<std::string>>{{"x\U0001F600"}}));
}

TEST(Csv, SniffingIgnoresDelimitersInsideQuotesAndStrayCounts) {
    // Commas appear inside quotes and in one unquoted field; semicolons are the consistent delimiter.
    Workbook wb = read_text("Ref;Lead;Note\n1;\"JMG, COG; CPC\";a, b\n2;CMT;c\n3;DCC;d\n");
    EXPECT_EQ(texts(wb.sheets[0]), (std::vector<std::vector<std::string>>{
                                       {"Ref", "Lead", "Note"}, {"1", "JMG, COG; CPC", "a, b"}, {"2", "CMT", "c"}, {"3", "DCC", "d"}}));
    // With no delimiter at all the file is one column.
    wb = read_text("Immediate\nOngoing\n");
    EXPECT_EQ(wb.format, Format::Csv);
    EXPECT_EQ(texts(wb.sheets[0]), (std::vector<std::vector<std::string>>{{"Immediate"}, {"Ongoing"}}));
}

TEST(Csv, SniffingPrefersSemicolonWhenCommasAreDecimalCommas) {
    // Both counts are the same on every line; a European export is the likelier reading.
    Workbook wb = read_text("1,5;2,25\n3,5;4,75\n");
    EXPECT_EQ(texts(wb.sheets[0]), (std::vector<std::vector<std::string>>{{"1,5", "2,25"}, {"3,5", "4,75"}}));
}

TEST(Csv, TextAfterAClosingQuoteAndStrayQuotesAreKept) {
    Workbook wb = read_text("\"a\"b,5\" pipe,\"\"\"x\"\"\"\n");
    EXPECT_EQ(texts(wb.sheets[0]), (std::vector<std::vector<std::string>>{{"ab", "5\" pipe", "\"x\""}}));
}

TEST(Csv, UnterminatedQuoteNamesBothLines) {
    EXPECT_EQ(read_error("a,b\nc,\"open\nstill open\nand more"),
              "inline.csv: line 4: unterminated quoted field (opened at line 2)");
}

TEST(Csv, NulByteIsRefusedAsBinary) {
    EXPECT_EQ(read_error(std::string("a,b\nc,d\0e\n", 10)), "inline.csv: line 2: NUL byte in text (a binary file?)");
}

TEST(Csv, NulBytesOfUtf16WithoutBomSuggestTheEncoding) {
    EXPECT_EQ(read_error(std::string("a\0,\0b\0\n\0", 8)),
              "inline.csv: line 1: NUL byte in text (a binary file? or utf-16le text without a byte-order mark: give that "
              "encoding)");
    EXPECT_EQ(read_error(std::string("\0a\0,\0b\0\n", 8)),
              "inline.csv: line 1: NUL byte in text (a binary file? or utf-16be text without a byte-order mark: give that "
              "encoding)");
}

TEST(Csv, CellLimitIsEnforced) {
    ReadOptions options;
    options.max_cells = 5;
    EXPECT_THAT(read_error("a,b,c\nd,e,f\n", options), HasSubstr("line 2: more than 5 cells"));
    options.max_cells = 6;
    EXPECT_EQ(read_text("a,b,c\nd,e,f\n", options).sheets[0].cells.size(), 6u);
}

TEST(Csv, TooManyFieldsOnALineIsAnError) {
    std::string line(max_cols, ',');
    EXPECT_THAT(read_error("x" + line + "y\n"), HasSubstr("line 1: more than 16384 fields"));
}

TEST(Csv, ArbitraryBytesGiveCellsOrAReadErrorNeverAnythingElse) {
    // Seeded, so a failure reproduces. The alphabet is what the reader branches on.
    const char letters[] = "ab,;\t\"\r\n\0\xA3\xFF\xFE\xEF\xBB\xBF\xD8\xDC\x80";
    const std::string alphabet(letters, sizeof letters - 1);  // keeps the NUL
    std::mt19937 rng(2019);
    for (int round = 0; round < 3000; ++round) {
        std::string bytes(std::uniform_int_distribution<int>(1, 40)(rng), ' ');
        for (char& c : bytes) c = alphabet[std::uniform_int_distribution<std::size_t>(0, alphabet.size() - 1)(rng)];
        try {
            Workbook wb = read_workbook_bytes("fuzz.csv", bytes);
            if (wb.format != Format::Csv && wb.format != Format::Tsv) continue;  // bytes that began like another format
            ASSERT_EQ(wb.sheets.size(), 1u);
            const Sheet& sheet = wb.sheets[0];
            for (std::size_t i = 0; i < sheet.cells.size(); ++i) {
                ASSERT_EQ(sheet.cells[i].type, CellType::Text);
                ASSERT_FALSE(sheet.text(sheet.cells[i]).empty());
                if (i > 0) {
                    ASSERT_LT(sheet.cells[i - 1].ref(), sheet.cells[i].ref());
                }
            }
        } catch (const ReadError&) {
        }
    }
}
