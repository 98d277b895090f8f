// The .xls reader against a LibreOffice-written fixture
// (tests/read/fixtures/make_ods_fixtures.py) and calamine's corpus files.
#include "plancon/read.hpp"

#include "read/cell_helpers.hpp"
#include "temp_dir.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <random>
#include <string>

using namespace plancon;

namespace {

const std::string fixture = std::string(PLANCON_SOURCE_DIR) + "/tests/read/fixtures/ods_features.xls";
const std::string& corpus = test::corpus_dir;
using test::at;
using test::text_at;

// Every DIMENSIONS record of a BIFF8 workbook made to declare rows x
// columns from A1; returns how many there were.
int patch_dimensions(std::string& bytes, std::uint32_t rows, std::uint16_t columns) {
    const std::string id("\x00\x02\x0e\x00", 4);  // record 0x0200, 14 bytes
    int patched = 0;
    for (std::size_t at = bytes.find(id); at != std::string::npos; at = bytes.find(id, at + 4), ++patched) {
        const char dims[12] = {0, 0, 0, 0, char(rows), char(rows >> 8), char(rows >> 16), char(rows >> 24),
                               0, 0, char(columns), char(columns >> 8)};  // first row, last row + 1, first column, last column + 1
        bytes.replace(at + 4, 12, dims, 12);
    }
    return patched;
}

std::string problem_reading(const std::string& path, const ReadOptions& options = {}) {
    try {
        read_workbook(path, options);
    } catch (const ReadError& e) {
        return e.problem();
    }
    return "(no error)";
}

TEST(XlsFixture, SheetsTextNumbersAndDates) {
    Workbook wb = read_workbook(fixture);
    EXPECT_EQ(wb.format, Format::Xls);
    ASSERT_EQ(wb.sheets.size(), 3u);
    EXPECT_EQ(wb.sheets[0].name, "Values");
    EXPECT_EQ(wb.sheets[1].name, "Hidden sheet");
    EXPECT_EQ(wb.sheets[2].name, "Last");
    const Sheet& s = wb.sheets[0];
    EXPECT_EQ(text_at(s, "A2"), "1.1");
    const Cell& due = at(s, "B2");
    EXPECT_EQ(due.type, CellType::DateTime);
    EXPECT_EQ(due.number, double(serial_of(std::chrono::year{2019} / 6 / 30)));
    EXPECT_DOUBLE_EQ(at(s, "C2").number, 0.25);
    EXPECT_DOUBLE_EQ(at(s, "D2").number, 34794.5);
    EXPECT_EQ(display_value(s, at(s, "F2")), "2019-06-30T14:05:00");
    EXPECT_EQ(display_value(s, at(s, "G2")), "12:30:00");
    EXPECT_EQ(text_at(s, "A3"), "Value   with 3 spaces");
    EXPECT_EQ(text_at(s, "B3"), "  two leading, two trailing  ");
    EXPECT_EQ(text_at(s, "C3"), "Line one\nLine two\nLine three");
    for (const char* a1 : {"A5", "E5"}) EXPECT_EQ(text_at(s, a1), "same");
    EXPECT_EQ(at(s, "B8").number, 7);
    EXPECT_EQ(text_at(s, "A10"), "merged across and down");
    EXPECT_EQ(text_at(s, "A20"), "after a gap");
    EXPECT_EQ(at(wb.sheets[2], "B2").number, 42);
}

TEST(XlsFixture, BooleansErrorsFormulaResultsMergesAndHiddenRowsAndColumns) {
    Workbook wb = read_workbook(fixture);
    const Sheet& s = wb.sheets.at(0);
    EXPECT_EQ(at(s, "E2").type, CellType::Boolean);
    EXPECT_EQ(at(s, "E2").number, 1);
    EXPECT_EQ(at(s, "I2").type, CellType::Boolean);
    EXPECT_EQ(at(s, "I2").number, 0);
    EXPECT_EQ(at(s, "H2").type, CellType::Error);  // =1/0, cached by LibreOffice
    EXPECT_EQ(s.text(at(s, "H2")), "#DIV/0!");
    EXPECT_EQ(at(s, "J2").type, CellType::Number);  // =2+3
    EXPECT_EQ(at(s, "J2").number, 5);
    ASSERT_EQ(s.merged.size(), 2u);
    EXPECT_EQ(range_name(s.merged[0]), "A10:C11");
    EXPECT_EQ(range_name(s.merged[1]), "E10:E12");
    EXPECT_EQ(s.hidden_rows, (std::vector<std::uint32_t>{13, 14}));
    EXPECT_EQ(s.hidden_cols, (std::vector<std::uint32_t>{10}));  // K
    EXPECT_EQ(wb.sheets[1].visibility, Visibility::Hidden);
    EXPECT_EQ(wb.sheets[2].visibility, Visibility::Visible);
    EXPECT_TRUE(wb.warnings.empty());
}

TEST(XlsCorpus, FormulaResultsStringsAndBlanks) {
    REQUIRE_CORPUS();
    Workbook refs = read_workbook(corpus + "xls_ref_String.xls");
    EXPECT_EQ(text_at(refs.sheets.at(0), "A3"), "aa");  // FORMULA followed by STRING
    EXPECT_EQ(text_at(refs.sheets.at(0), "A4"), "bb");
    Workbook formulas = read_workbook(corpus + "xls_formula.xls");
    EXPECT_EQ(at(formulas.sheets.at(0), "A3").number, 110);
    Workbook dated = read_workbook(corpus + "formula-date-format.xls");
    EXPECT_EQ(display_value(dated.sheets.at(0), at(dated.sheets.at(0), "A2")), "2017-02-28");
    // Stored without a result (blank): nothing to report, plancon does not recalculate.
    Workbook blank = read_workbook(corpus + "xls_formula_columns_beyond_z.xls");
    EXPECT_EQ(blank.sheets.at(0).find(*parse_cell_ref("A1")), nullptr);
    EXPECT_EQ(at(blank.sheets.at(0), "AA3").number, 3);
}

TEST(XlsCorpus, SheetKindsAndVisibility) {
    REQUIRE_CORPUS();
    Workbook wb = read_workbook(corpus + "any_sheets.xls");
    ASSERT_EQ(wb.sheets.size(), 4u);
    EXPECT_EQ(wb.sheets[0].visibility, Visibility::Visible);
    EXPECT_EQ(wb.sheets[1].visibility, Visibility::Hidden);
    EXPECT_EQ(wb.sheets[2].visibility, Visibility::VeryHidden);
    EXPECT_EQ(wb.sheets[3].name, "Chart");
    EXPECT_TRUE(wb.sheets[3].cells.empty());  // a chart sheet has no cells (FreeXL showed sheet 1's here)
}

TEST(XlsCorpus, BooleansAndMergedRanges) {
    REQUIRE_CORPUS();
    Workbook issues = read_workbook(corpus + "issues.xls");
    const Cell& flag = at(issues.sheets.at(0), "A4");
    EXPECT_EQ(flag.type, CellType::Boolean);
    EXPECT_EQ(flag.number, 0);
    Workbook merged = read_workbook(corpus + "merge_cells.xls");
    const Sheet& m = merged.sheets.at(0);
    EXPECT_FALSE(m.merged.empty());
    EXPECT_NE(m.merge_at(*parse_cell_ref("A1")), nullptr);  // "Row Merge"
    EXPECT_EQ(m.merge_at(*parse_cell_ref("C1")), nullptr);  // "Not Merged"
}

// The same workbook saved as .xlsx (openpyxl) and as .xls (LibreOffice):
// each format class gives the same cell type and value from both readers
// (tests/read/fixtures/make_number_format_fixtures.py; column C says which).
TEST(NumberFormats, XlsAndXlsxGiveTheSameTypes) {
    const std::string dir = std::string(PLANCON_SOURCE_DIR) + "/tests/read/fixtures/";
    const Workbook xlsx = read_workbook(dir + "number_formats.xlsx");
    const Workbook xls = read_workbook(dir + "number_formats.xls");
    const Sheet& a = xlsx.sheets.at(0);
    const Sheet& b = xls.sheets.at(0);
    std::size_t rows = 0;
    for (std::uint32_t row = 2; const Cell* wanted = a.find(*parse_cell_ref("C" + std::to_string(row))); ++row, ++rows) {
        const std::string format(a.text(at(a, ("A" + std::to_string(row)).c_str())));
        const Cell& x = at(a, ("B" + std::to_string(row)).c_str());
        const Cell& y = at(b, ("B" + std::to_string(row)).c_str());
        EXPECT_EQ(to_string(x.type), a.text(*wanted)) << format << " from .xlsx";
        EXPECT_EQ(to_string(y.type), a.text(*wanted)) << format << " from .xls";
        EXPECT_EQ(display_value(a, x), display_value(b, y)) << format;
    }
    EXPECT_EQ(rows, 15u);
}

TEST(XlsCorpus, ElapsedDurationIsANumberAsInXlsx) {
    REQUIRE_CORPUS();
    // A3 is serial 10.632 formatted [hh]:mm:ss (FreeXL alone reports a time
    // of day, 15:10:10): a duration, a number, as the same workbook's .xlsx.
    for (const char* name : {"date", "date_1904"}) {
        Workbook xls = read_workbook(corpus + name + ".xls");
        Workbook xlsx = read_workbook(corpus + name + ".xlsx");
        const Cell& a3 = at(xls.sheets.at(0), "A3");
        EXPECT_EQ(a3.type, CellType::Number) << name;
        EXPECT_EQ(a3.type, at(xlsx.sheets.at(0), "A3").type) << name;
        EXPECT_EQ(display_value(xls.sheets.at(0), a3), "10.632060185185185") << name;
    }
}

TEST(XlsRecords, DamagedBytesEndInAReadOrAClearError) {
    std::string good = read_file_bytes(fixture);
    ASSERT_EQ(read_workbook_bytes("good.xls", good).sheets.size(), 3u);
    std::mt19937 rng(20261123);
    int refused = 0;
    for (int round = 0; round < 300; ++round) {
        std::string bytes = good;
        if (round % 3 == 0) bytes.resize(rng() % bytes.size());
        int flips = 1 + int(rng() % 16);
        for (int i = 0; i < flips && !bytes.empty(); ++i) bytes[rng() % bytes.size()] = char(rng());
        // A read or a ReadError; never a crash, a hang or a sanitizer report (PLANCON_SANITIZE builds).
        try {
            (void)read_workbook_bytes("damaged.xls", bytes);
        } catch (const ReadError& e) {
            ++refused;
            EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
        }
    }
    EXPECT_GT(refused, 0);  // truncations cut the compound file's sectors
}

TEST(XlsCorpus, BothDateSystems) {
    REQUIRE_CORPUS();
    for (const char* name : {"date.xls", "date_1904.xls"}) {
        Workbook wb = read_workbook(corpus + name);
        const Sheet& s = wb.sheets.at(0);
        EXPECT_EQ(display_value(s, at(s, "A1")), "2021-01-01") << name;
        EXPECT_EQ(display_value(s, at(s, "A2")), "2021-01-02") << name;
        EXPECT_EQ(at(s, "B1").number, 15) << name;
    }
    EXPECT_EQ(read_workbook(corpus + "date.xls").date_system, DateSystem::Excel1900);
    EXPECT_EQ(read_workbook(corpus + "date_1904.xls").date_system, DateSystem::Excel1904);
}

TEST(XlsCorpus, UnicodeSheetNamesAndSharedStrings) {
    REQUIRE_CORPUS();
    Workbook cjk = read_workbook(corpus + "issue219.xls");
    EXPECT_EQ(cjk.sheets.at(0).name, "工作表1");
    Workbook sst = read_workbook(corpus + "sst_continue.xls");
    const Sheet& s = sst.sheets.at(0);
    EXPECT_EQ(text_at(s, "A1"), "This is a long string with a serial number at the end 0001");
    EXPECT_EQ(text_at(s, "A7"), "This is a long string with a serial number at the end 0007");
}

TEST(XlsCorpus, Biff5WorkbooksAreRead) {
    REQUIRE_CORPUS();
    // Excel 5/95 workbooks (a "Book" stream, byte strings in the code page) FreeXL refused.
    Workbook sheetjs = read_workbook(corpus + "biff5_write.xls");
    ASSERT_EQ(sheetjs.sheets.size(), 1u);
    EXPECT_EQ(sheetjs.sheets[0].name, "SheetJS");
    EXPECT_EQ(at(sheetjs.sheets[0], "C1").number, 3);
    Workbook rich = read_workbook(corpus + "biff5-rich-text-string.xls");  // RSTRING records, Windows-1252
    EXPECT_EQ(text_at(rich.sheets.at(0), "A1"),
              "ELECTORAL DIVISION OF SOMERSET EAST ; FIELD-C\u00D3RN\u00CBTCY No. 5, ZWAGERSH\u00D3\u00CAN.");
}

TEST(XlsCorpus, DamagedContainersEndInAClearError) {
    REQUIRE_CORPUS();
    EXPECT_NE(problem_reading(corpus + "OOM_alloc3.xls").find("compound file's directory is unreadable"), std::string::npos);
    // The stream named "WORKBOOK": names are compared without case, as Excel does.
    EXPECT_EQ(read_workbook(corpus + "capitalized_wbook_stream.xls").sheets.size(), 1u);
}

TEST(XlsCorpus, DeclaredDimensionsAreNotBelieved) {
    REQUIRE_CORPUS();
    // sst_continue.xls holds 136 cells; only the cells read count against the limit.
    ReadOptions tight;
    tight.max_cells = 135;
    std::string problem = problem_reading(corpus + "sst_continue.xls", tight);
    EXPECT_EQ(problem, "sheet 'Sheet1': more than 135 cells in the workbook (the limit)");
    tight.max_cells = 136;
    EXPECT_EQ(read_workbook(corpus + "sst_continue.xls", tight).sheets.at(0).cells.size(), 136u);
}

TEST(XlsCorpus, PasswordProtectedWorkbookIsRefused) {
    REQUIRE_CORPUS();
    EXPECT_NE(problem_reading(corpus + "pass_protected.xlsb").find("password-protected"), std::string::npos);
}

TEST(XlsFixture, PasswordProtectedXlsIsRefused) {
    // Saved by LibreOffice with the password "plancon" (make_password_xls.py): RC4 with a
    // password of its own, not Excel's default, so it stays refused.
    std::string problem = problem_reading(std::string(PLANCON_SOURCE_DIR) + "/tests/read/fixtures/password.xls");
    EXPECT_NE(problem.find("password-protected"), std::string::npos) << problem;
}

TEST(XlsHostile, HugeDeclaredDimensionsCostNothing) {
    // The fixture with every DIMENSIONS record patched to 65536 rows x 256 columns:
    // FreeXL took about 790 MB to open it; the cells read are the same as unpatched.
    std::string bytes = read_file_bytes(fixture);
    ASSERT_EQ(patch_dimensions(bytes, 65536, 256), 3);
    const Workbook huge = read_workbook_bytes("huge.xls", bytes);
    const Workbook plain = read_workbook(fixture);
    ASSERT_EQ(huge.sheets.size(), plain.sheets.size());
    for (std::size_t i = 0; i < huge.sheets.size(); ++i)
        EXPECT_EQ(huge.sheets[i].cells.size(), plain.sheets[i].cells.size()) << huge.sheets[i].name;
}

// Regression (from the FreeXL reader): cells outside the DIMENSIONS record
// (formula results, booleans) escaped --max-cells, and a formatted number
// was counted twice.
TEST(XlsHostile, EveryCellCountsOnceAgainstTheCellLimit) {
    const std::string dir = std::string(PLANCON_SOURCE_DIR) + "/tests/read/fixtures/";
    // Dense: 48 declared positions, 48 cells, 15 of them formatted numbers.
    ReadOptions exact;
    exact.max_cells = 48;
    EXPECT_EQ(read_workbook(dir + "number_formats.xls", exact).sheets.at(0).cells.size(), 48u);

    // A1 text, A2:A201 booleans, DIMENSIONS shrunk to A1.
    std::string bytes = read_file_bytes(dir + "scan_only_cells.xls");
    EXPECT_EQ(read_workbook_bytes("scan_only_cells.xls", bytes).sheets.at(0).cells.size(), 201u);
    ASSERT_EQ(patch_dimensions(bytes, 1, 1), 1);
    ReadOptions tight;
    tight.max_cells = 10;
    try {
        const Workbook wb = read_workbook_bytes("one_cell_declared.xls", bytes, tight);
        FAIL() << "expected a ReadError; read " << wb.sheets.at(0).cells.size() << " cells";
    } catch (const ReadError& e) {
        EXPECT_EQ(e.problem(), "sheet 'Plan': more than 10 cells in the workbook (the limit)");
    }
}

TEST(XlsHostile, DamagedSharedStringIsRefused) {
    REQUIRE_CORPUS();
    // sst_continue.xls's first shared string is 58 Latin-1 characters; claiming 65535
    // runs it past the table (FreeXL 1.0.6 crashed on such mutations).
    std::string bytes = read_file_bytes(corpus + "sst_continue.xls");
    const std::string first("\x3A\x00\x00This is a long string", 24);
    std::size_t at = bytes.find(first);
    ASSERT_NE(at, std::string::npos);
    bytes[at] = '\xFF';
    bytes[at + 1] = '\xFF';
    try {
        read_workbook_bytes("damaged_sst.xls", bytes);
        FAIL() << "expected a ReadError";
    } catch (const ReadError& e) {
        EXPECT_NE(e.problem().find("shared string table"), std::string::npos) << e.problem();
    }
}

TEST(XlsBytes, ReadsFromMemoryAndLeavesNoTemporaryFile) {
    std::string bytes = read_file_bytes(fixture);
    // A private TMPDIR: other tests running at the same time (ctest -j) make
    // and remove their own temporary files in the shared one.
    const test::TempDir dir("plancon_xls_tmp");
    const char* old_tmpdir = std::getenv("TMPDIR");
    const std::string saved = old_tmpdir ? old_tmpdir : "";
    setenv("TMPDIR", dir.path().c_str(), 1);
    Workbook wb = read_workbook_bytes("in-memory.xls", bytes);
    if (old_tmpdir) setenv("TMPDIR", saved.c_str(), 1);
    else unsetenv("TMPDIR");
    EXPECT_EQ(wb.path, "in-memory.xls");
    EXPECT_EQ(wb.sheets.size(), 3u);
    EXPECT_TRUE(std::filesystem::is_empty(dir.path())) << "a temporary file was left in " << dir.path();
}

}  // namespace

namespace {

const std::string fixtures_dir = std::string(PLANCON_SOURCE_DIR) + "/tests/read/fixtures/";

// The bytes of a fixture with the first occurrence of `find` replaced from `offset` on by `with`.
std::string patched(const std::string& name, std::string_view find, std::size_t offset, std::string_view with) {
    std::string bytes = read_file_bytes(fixtures_dir + name);
    const std::size_t at = bytes.find(find);
    if (at == std::string::npos) ADD_FAILURE() << "no such bytes in " << name;
    else bytes.replace(at + offset, with.size(), with);
    return bytes;
}

std::string problem_reading_bytes(const std::string& name, const std::string& bytes) {
    try {
        read_workbook_bytes(name, bytes);
    } catch (const ReadError& e) {
        EXPECT_EQ(std::string(e.what()).find('\n'), std::string::npos) << e.what();
        return e.problem();
    }
    return "(no error)";
}

TEST(XlsCodePages, ByteStringsOfExcel95AreReadInTheWorkbooksCodePage) {
    // Saved as Excel 95 by Gnumeric (make_xls_fixtures.sh): CODEPAGE 1252 and 1251.
    const Workbook latin = read_workbook(fixtures_dir + "codepage_1252.xls");
    EXPECT_EQ(text_at(latin.sheets.at(0), "A2"), "Caf\u00E9 budget \u00A35");
    EXPECT_EQ(text_at(latin.sheets.at(0), "C2"), "\u201Cquoted\u201D \u2013 na\u00EFve");
    EXPECT_EQ(text_at(latin.sheets.at(0), "A3"), "\u00C9tude \u20AC costs");
    const Workbook cyrillic = read_workbook(fixtures_dir + "codepage_1251.xls");
    EXPECT_EQ(text_at(cyrillic.sheets.at(0), "A1"), "\u041C\u0435\u0440\u043E\u043F\u0440\u0438\u044F\u0442\u0438\u0435");
    EXPECT_EQ(text_at(cyrillic.sheets.at(0), "C3"), "\u041E\u0442\u0434\u0435\u043B \u043E\u0431\u0440\u0430\u0437\u043E\u0432\u0430\u043D\u0438\u044F");
    EXPECT_EQ(at(cyrillic.sheets.at(0), "B3").number, 2.5);
    EXPECT_TRUE(cyrillic.warnings.empty());
}

TEST(XlsCodePages, ACodePageIconvDoesNotKnowIsReadAsWindows1252WithAWarning) {
    // CODEPAGE 1251 (E3 04) made 0x1234, a code page that does not exist.
    const std::string bytes = patched("codepage_1251.xls", std::string("\x42\x00\x02\x00\xE3\x04", 6), 4, "\x34\x12");
    const Workbook wb = read_workbook_bytes("no_such_code_page.xls", bytes);
    ASSERT_EQ(wb.warnings.size(), 1u);
    EXPECT_EQ(wb.warnings[0].message, "code page 4660 unknown to iconv; texts read as Windows-1252");
    EXPECT_EQ(text_at(wb.sheets.at(0), "A2"), "\u00CF\u00EB\u00E0\u00ED \u00F3\u00EB\u00F3\u00F7\u00F8\u00E5\u00ED\u00E8\u00E9");
}

TEST(XlsEncryption, DefaultPasswordWorkbooksReadAsTheirPlainCopy) {
    // ods_features.xls encrypted with "VelvetSweatshop": RC4 by LibreOffice, XOR and RC4
    // CryptoAPI by make_encrypted_xls.py (LibreOffice opens all three; corpus_test compares
    // them with its dumps). Each must give the plain file's cells.
    const Workbook plain = read_workbook(fixture);
    for (const char* name : {"default_password.xls", "xor_default_password.xls", "cryptoapi_default_password.xls"}) {
        const Workbook wb = read_workbook(fixtures_dir + name);
        ASSERT_EQ(wb.sheets.size(), plain.sheets.size()) << name;
        for (std::size_t i = 0; i < wb.sheets.size(); ++i) {
            const Sheet& a = wb.sheets[i];
            const Sheet& b = plain.sheets[i];
            EXPECT_EQ(a.name, b.name) << name;
            EXPECT_EQ(a.visibility, b.visibility) << name;
            EXPECT_EQ(a.merged, b.merged) << name;
            EXPECT_EQ(a.hidden_rows, b.hidden_rows) << name;
            ASSERT_EQ(a.cells.size(), b.cells.size()) << name << " " << a.name;
            for (std::size_t c = 0; c < a.cells.size(); ++c)
                EXPECT_EQ(display_value(a, a.cells[c]), display_value(b, b.cells[c])) << name << " " << cell_name(a.cells[c].ref());
        }
    }
}

TEST(XlsEncryption, AnyOtherPasswordIsRefusedAsToday) {
    // The XOR verifier changed: the password is no longer the default one.
    const std::string xor_other = patched("xor_default_password.xls", std::string("\x2F\x00\x06\x00\x00\x00", 6), 8, "\x01");
    EXPECT_EQ(problem_reading_bytes("xor_other.xls", xor_other),
              "password-protected (encrypted) workbook; save an unprotected copy and try again");
    // The RC4 CryptoAPI salt changed: the verifier no longer decrypts to its hash.
    const std::string rc4_other =
        patched("cryptoapi_default_password.xls", std::string("\x2F\x00\x6C\x00\x01\x00\x04\x00\x02\x00", 10), 4 + 48 + 4, "\xFF");
    EXPECT_EQ(problem_reading_bytes("cryptoapi_other.xls", rc4_other),
              "password-protected (encrypted) workbook; save an unprotected copy and try again");
}

TEST(XlsHostile, Rc4HeadersWithBadSizesEndInAClearError) {
    const std::string filepass("\x2F\x00\x6C\x00\x01\x00\x04\x00\x02\x00", 10);  // RC4 CryptoAPI, 108 bytes
    // EncryptionHeaderSize far beyond the record.
    std::string problem = problem_reading_bytes(
        "huge_header.xls", patched("cryptoapi_default_password.xls", filepass, 4 + 10, std::string("\x00\xFF\xFF\xFF", 4)));
    EXPECT_EQ(problem, "encrypted workbook: its RC4 CryptoAPI header declares 4294967040 bytes in a record of 108 (damaged?)");
    // A salt size other than 16.
    problem = problem_reading_bytes("salt_size.xls",
                                    patched("cryptoapi_default_password.xls", filepass, 4 + 14 + 34, std::string("\x40", 1)));
    EXPECT_EQ(problem, "encrypted workbook: its RC4 CryptoAPI salt is 64 bytes, not 16 (damaged?)");
    // An unknown FILEPASS version.
    problem = problem_reading_bytes("version.xls", patched("cryptoapi_default_password.xls", filepass, 4 + 2, std::string("\x09", 1)));
    EXPECT_NE(problem.find("FILEPASS type 1, version 9.2"), std::string::npos) << problem;
}

TEST(XlsHostile, SharedStringsCutShortEndInAClearErrorOrAWarning) {
    REQUIRE_CORPUS();
    // sst_continue.xls's last shared string, "New CONTINUE block" (18 characters), is
    // alone in a CONTINUE record of 21 bytes.
    const std::string cont("\x3C\x00\x15\x00\x12\x00\x00New CONTINUE", 19);
    std::string bytes = read_file_bytes(corpus + "sst_continue.xls");
    const std::size_t at = bytes.find(cont);
    ASSERT_NE(at, std::string::npos);
    // Its count made 64: the string runs past the last CONTINUE.
    std::string longer = bytes;
    longer[at + 4] = '\x40';
    EXPECT_EQ(problem_reading_bytes("sst_cut.xls", longer).rfind("record 0x00FC at offset ", 0), 0u);
    EXPECT_NE(problem_reading_bytes("sst_cut.xls", longer).find("the shared string table (SST) is damaged: string 136 runs past its records"),
              std::string::npos);
    // The CONTINUE record renamed: the table ends one string short, and the cell
    // that shows it is left empty, with a warning.
    std::string renamed = bytes;
    renamed[at] = '\x3D';
    const Workbook wb = read_workbook_bytes("sst_short.xls", renamed);
    ASSERT_EQ(wb.warnings.size(), 1u);
    EXPECT_EQ(wb.warnings[0].message, "1 cells refer to shared strings the table does not hold (left empty)");
}

TEST(XlsHostile, StreamsClaimingHugeLengthsAreRefusedBeforeAllocation) {
    // The Book stream's directory entry says 2 GiB.
    const std::string problem =
        problem_reading_bytes("huge_stream.xls", patched("ods_features_biff5.xls", std::string("B\0o\0o\0k\0\0\0", 10), 120, std::string("\xFF\xFF\xFF\x7F", 4)));
    EXPECT_EQ(problem, "the Book stream declares 2147483647 bytes, more than the whole file (damaged or crafted?)");
}

TEST(XlsHostile, RecordsClaimingHugeLengthsAreCutAtTheStreamsEnd) {
    // Every record header of the Excel 95 fixture's sheet made to claim 65535 bytes: the
    // reader reads what is there and stops, within the stream.
    std::string bytes = read_file_bytes(fixtures_dir + "ods_features_biff5.xls");
    const std::size_t label = bytes.find(std::string("\x04\x02", 2));  // the first LABEL record
    ASSERT_NE(label, std::string::npos);
    bytes[label + 2] = '\xFF';
    bytes[label + 3] = '\xFF';
    EXPECT_NO_THROW(read_workbook_bytes("huge_record.xls", bytes));
}

TEST(XlsBiff2, ABareExcel2StreamIsReadWithItsOwnRecordForms) {
    // Excel 2.x saved a bare BIFF2 record stream, no compound file. No writer at hand
    // makes one, so these bytes follow the BIFF2 record forms: BOF (worksheet), CODEPAGE
    // 1252, FORMAT "General" and "d/m/yy" (counted, not numbered), XF 0 and XF 1 (format 1), LABEL A1 "Caf\xE9 \xA35 \x80" (8-bit length),
    // NUMBER B1 3.5, NUMBER C1 43646 under XF 1, INTEGER B2 7, BOOLERR A3 TRUE and
    // B3 #DIV/0!, EOF; each cell with 3 attribute bytes, the XF in the first. LibreOffice
    // 7.4 reads the same values from them (naming the sheet after the file, TRUE as 1).
    const std::string hex =
        "090004000200100042000200e4041e0008000747656e6572616c1e00070006642f6d2f797943000400000000004300040000000100040011000000000000000009436166e920a335208003000f00000001000000000000000000000c4003000f000000020001000000000000c04fe5400200090001000100000000070005000900020000000000000100050009000200010000000007010a000000";
    std::string bytes;
    for (std::size_t i = 0; i + 1 < hex.size(); i += 2) bytes += char(std::stoi(hex.substr(i, 2), nullptr, 16));
    EXPECT_EQ(detect_format(bytes), Format::Xls);
    const Workbook wb = read_workbook_bytes("excel2.xls", bytes);
    ASSERT_EQ(wb.sheets.size(), 1u);
    const Sheet& s = wb.sheets[0];
    EXPECT_EQ(text_at(s, "A1"), "Caf\u00E9 \u00A35 \u20AC");
    EXPECT_EQ(at(s, "B1").number, 3.5);
    EXPECT_EQ(display_value(s, at(s, "C1")), "2019-06-30");
    EXPECT_EQ(at(s, "B2").number, 7);
    EXPECT_EQ(at(s, "A3").type, CellType::Boolean);
    EXPECT_EQ(at(s, "A3").number, 1);
    EXPECT_EQ(s.text(at(s, "B3")), "#DIV/0!");
    EXPECT_EQ(s.cells.size(), 6u);
}

}  // namespace
