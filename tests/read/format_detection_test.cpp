// The reader is chosen by content, not by extension: files whose name lies
// (tests/read/fixtures/make_disguised_fixtures.py) and formats plancon refuses.
#include "plancon/read.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <unistd.h>

using namespace plancon;
using ::testing::HasSubstr;

namespace {

std::string fixture(const std::string& name) { return std::string(PLANCON_SOURCE_DIR) + "/tests/read/fixtures/" + name; }

std::string read_error(const std::string& path) {
    try {
        read_workbook(path);
    } catch (const ReadError& e) {
        return e.what();
    }
    return "(no error)";
}

}  // namespace

TEST(FormatDetection, XlsxSavedAsXlsOrCsvIsSeenAsXlsx) {
    EXPECT_EQ(detect_format(read_file_bytes(fixture("really_xlsx.xls"))), Format::Xlsx);
    EXPECT_EQ(detect_format(read_file_bytes(fixture("xlsx_renamed.csv"))), Format::Xlsx);
}

TEST(FormatDetection, XlsxSavedAsXlsOrCsvIsReadAsXlsx) {
    for (const char* name : {"really_xlsx.xls", "xlsx_renamed.csv"}) {
        SCOPED_TRACE(name);
        Workbook wb = read_workbook(fixture(name));
        EXPECT_EQ(wb.format, Format::Xlsx);
        ASSERT_EQ(wb.sheets.size(), 1u);
        const Sheet& sheet = wb.sheets[0];
        EXPECT_EQ(sheet.name, "Tracker");  // the workbook's own sheet name, not the file's stem
        const Cell* action = sheet.find({1, 1});
        ASSERT_NE(action, nullptr);
        EXPECT_EQ(sheet.text(*action), "Three year budget planning");
        const Cell* status = sheet.find({2, 2});
        ASSERT_NE(status, nullptr);
        EXPECT_EQ(sheet.text(*status), "Complete");
    }
}

TEST(FormatDetection, TextFilesAreSeenAsCsvWhateverTheirName) {
    EXPECT_EQ(detect_format(read_file_bytes(fixture("utf16le_tab.txt"))), Format::Csv);
    EXPECT_EQ(detect_format(read_file_bytes(fixture("windows1252.csv"))), Format::Csv);
}

TEST(FormatDetection, HtmlTableSavedAsXlsGetsAClearError) {
    EXPECT_EQ(detect_format(read_file_bytes(fixture("html_table.xls"))), Format::Unknown);
    std::string error = read_error(fixture("html_table.xls"));
    EXPECT_THAT(error, HasSubstr("html_table.xls: an HTML or XML document, not a spreadsheet"));
    EXPECT_THAT(error, HasSubstr("save as .xlsx"));
}

TEST(FormatDetection, XlsbIsRefusedByName) {
    // The corpus file is read in place (never copied into the repo); copied to a temp
    // file named .xlsx to show that the content, not the name, decides.
    const std::filesystem::path source = std::string(PLANCON_CORPUS_DIR) + "/calamine/any_sheets.xlsb";
    if (!std::filesystem::exists(source)) GTEST_SKIP() << "corpus absent: " << source;
    const std::filesystem::path disguised =
        std::filesystem::temp_directory_path() / ("plancon-csv-test-" + std::to_string(::getpid()) + ".xlsx");
    std::filesystem::copy_file(source, disguised, std::filesystem::copy_options::overwrite_existing);
    EXPECT_EQ(detect_format(read_file_bytes(disguised.string())), Format::Xlsb);
    EXPECT_THAT(read_error(disguised.string()), HasSubstr(".xlsb) is not supported; save it as .xlsx"));
    std::filesystem::remove(disguised);
}

TEST(FormatDetection, MissingEmptyAndNonSpreadsheetZipAreRefused) {
    EXPECT_EQ(detect_format(read_file_bytes(fixture("plain_zip.xlsx"))), Format::Unknown);
    EXPECT_THAT(read_error(fixture("plain_zip.xlsx")), HasSubstr("a zip file that is not a spreadsheet"));
    EXPECT_THAT(read_error(fixture("absent.csv")), HasSubstr("absent.csv: cannot open"));
    EXPECT_EQ(detect_format(""), Format::Csv);
    try {
        read_workbook_bytes("empty.csv", "");
        FAIL() << "no error";
    } catch (const ReadError& e) {
        EXPECT_STREQ(e.what(), "empty.csv: empty file");
    }
}
