// Every spreadsheet in ../shared/corpus/calamine is either read with values
// equal to an independent reader's dump, or refused with the specific error
// its expectations line names. See tests/read/corpus/README.md.
#include "plancon/read.hpp"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace fs = std::filesystem;
using namespace plancon;

namespace {

const fs::path corpus_dir = fs::path(PLANCON_CORPUS_DIR) / "calamine";
const fs::path expectations_dir = fs::path(PLANCON_SOURCE_DIR) / "tests/read/corpus";

struct Expectation {
    std::string outcome;  // "values" or "error:SUBSTRING"
    std::string reason;
    std::string listed_in;
};

std::map<std::string, Expectation> load_expectations() {
    std::map<std::string, Expectation> out;
    for (const auto& entry : fs::directory_iterator(expectations_dir)) {
        std::string name = entry.path().filename().string();
        if (name.rfind("expectations-", 0) != 0 || entry.path().extension() != ".tsv") continue;
        std::ifstream in(entry.path());
        std::string line;
        while (std::getline(in, line)) {
            if (line.empty() || line[0] == '#') continue;
            std::istringstream fields(line);
            std::string file, outcome, reason;
            std::getline(fields, file, '\t');
            std::getline(fields, outcome, '\t');
            std::getline(fields, reason);
            EXPECT_FALSE(out.count(file)) << file << " listed twice";
            out[file] = {outcome, reason, name};
        }
    }
    return out;
}

std::string escape(std::string_view s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            default: out += c;
        }
    }
    return out;
}

// The dump format of tests/read/corpus/README.md, made from our grid.
std::vector<std::string> dump(const Workbook& wb) {
    std::vector<std::string> lines;
    for (const Sheet& s : wb.sheets) {
        std::string vis = s.visibility == Visibility::Visible ? "visible" : s.visibility == Visibility::Hidden ? "hidden" : "veryhidden";
        lines.push_back("#sheet\t" + escape(s.name) + "\t" + vis);
        for (const Cell& c : s.cells) {
            const char* type = nullptr;
            switch (c.type) {
                case CellType::Empty: continue;
                case CellType::Text: type = "s"; break;
                case CellType::Number: type = "n"; break;
                case CellType::Boolean: type = "b"; break;
                case CellType::DateTime: type = "d"; break;
                case CellType::Error: type = "e"; break;
            }
            std::string value = display_value(s, c);
            if (c.type == CellType::Text && value.empty()) continue;
            lines.push_back(cell_name(c.ref()) + "\t" + type + "\t" + escape(value));
        }
    }
    return lines;
}

std::vector<std::string> read_lines(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::vector<std::string> lines;
    std::string line;
    while (std::getline(in, line)) lines.push_back(line);
    return lines;
}

// Lines agree when equal, or when both are numbers within 1e-9 relative.
bool same_line(const std::string& ours, const std::string& theirs) {
    if (ours == theirs) return true;
    auto split = [](const std::string& l) {
        std::vector<std::string> f;
        std::istringstream in(l);
        std::string x;
        while (std::getline(in, x, '\t')) f.push_back(x);
        return f;
    };
    auto a = split(ours), b = split(theirs);
    if (a.size() != 3 || b.size() != 3 || a[0] != b[0] || a[1] != "n" || b[1] != "n") return false;
    double x = 0, y = 0;
    auto ra = std::from_chars(a[2].data(), a[2].data() + a[2].size(), x);
    auto rb = std::from_chars(b[2].data(), b[2].data() + b[2].size(), y);
    if (ra.ec != std::errc() || rb.ec != std::errc()) return false;
    return std::fabs(x - y) <= 1e-9 * std::max(1.0, std::max(std::fabs(x), std::fabs(y)));
}

// Our dump of wb against a reference dump, line by line (the first ten differences shown).
void expect_same_as_dump(const std::string& file, const Workbook& wb, const fs::path& reference) {
    std::vector<std::string> ours = dump(wb);
    std::vector<std::string> theirs = read_lines(reference);
    ASSERT_FALSE(theirs.empty()) << "no reference dump " << reference;
    std::size_t shown = 0;
    for (std::size_t i = 0; i < std::max(ours.size(), theirs.size()) && shown < 10; ++i) {
        std::string a = i < ours.size() ? ours[i] : "(nothing)";
        std::string b = i < theirs.size() ? theirs[i] : "(nothing)";
        if (!same_line(a, b)) {
            ADD_FAILURE() << file << " line " << i + 1 << ": plancon '" << a << "' reference '" << b << "'";
            ++shown;
        }
    }
    EXPECT_EQ(ours.size(), theirs.size()) << file << ": line counts differ";
}

class Corpus : public ::testing::TestWithParam<std::string> {};

std::vector<std::string> corpus_files() {
    std::vector<std::string> files;
    if (!fs::is_directory(corpus_dir)) return files;
    for (const auto& entry : fs::directory_iterator(corpus_dir)) {
        std::string ext = entry.path().extension().string();
        if (ext == ".xlsx" || ext == ".xlsm" || ext == ".ods" || ext == ".xls" || ext == ".xlsb")
            files.push_back(entry.path().filename().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

TEST(CorpusList, EveryCorpusFileHasAnExpectation) {
    if (!fs::is_directory(corpus_dir)) GTEST_SKIP() << "no corpus at " << corpus_dir << " (a user's clone has no ../shared)";
    auto expectations = load_expectations();
    for (const std::string& f : corpus_files())
        EXPECT_TRUE(expectations.count(f)) << f << " is not listed in any tests/read/corpus/expectations-*.tsv";
    for (const auto& [f, e] : expectations) {
        EXPECT_TRUE(fs::exists(corpus_dir / f)) << f << " is listed in " << e.listed_in << " but is not in the corpus";
        EXPECT_FALSE(e.reason.empty()) << f << " has no reason in " << e.listed_in;
    }
}

TEST_P(Corpus, ReadsAsTheReferenceOrFailsAsExpected) {
    if (!fs::is_directory(corpus_dir)) GTEST_SKIP() << "no corpus at " << corpus_dir;
    const std::string file = GetParam();
    auto expectations = load_expectations();
    auto it = expectations.find(file);
    if (it == expectations.end()) GTEST_SKIP() << file << " has no expectation yet (CorpusList fails for it)";
    const Expectation& e = it->second;
    const std::string path = (corpus_dir / file).string();
    if (e.outcome.rfind("error:", 0) == 0) {
        const std::string wanted = e.outcome.substr(6);
        try {
            Workbook wb = read_workbook(path);
            ADD_FAILURE() << file << " was read, but " << e.listed_in << " expects an error containing '" << wanted << "' (" << e.reason << ")";
        } catch (const ReadError& err) {
            EXPECT_NE(err.problem().find(wanted), std::string::npos) << file << ": got '" << err.what() << "', expected '" << wanted << "'";
            EXPECT_EQ(err.file(), path);
            EXPECT_EQ(std::string(err.what()).find('\n'), std::string::npos) << "an error is one line";
        }
        return;
    }
    ASSERT_EQ(e.outcome, "values") << file << ": unknown outcome '" << e.outcome << "'";
    Workbook wb;
    try {
        wb = read_workbook(path);
    } catch (const ReadError& err) {
        FAIL() << file << ": " << err.what();
    }
    expect_same_as_dump(file, wb, expectations_dir / "expected" / (file + ".tsv"));
}

// Legacy .xls fixtures made by other writers (tests/read/fixtures/make_xls_fixtures.sh:
// Gnumeric's Excel 95, code pages 1252 and 1251, LibreOffice's default-password RC4;
// make_encrypted_xls.py: the XOR and RC4 CryptoAPI encryptions LibreOffice only reads),
// each read as LibreOffice reads it (its dump in tests/read/fixtures/libreoffice/).
TEST(LegacyXlsFixtures, ReadAsLibreOfficeReadsThem) {
    const fs::path fixtures = fs::path(PLANCON_SOURCE_DIR) / "tests/read/fixtures";
    std::size_t compared = 0;
    for (const auto& entry : fs::directory_iterator(fixtures / "libreoffice")) {
        if (entry.path().extension() != ".tsv") continue;
        const std::string file = entry.path().stem().string();  // NAME.xls from NAME.xls.tsv
        SCOPED_TRACE(file);
        expect_same_as_dump(file, read_workbook((fixtures / file).string()), entry.path());
        ++compared;
    }
    EXPECT_EQ(compared, 6u);
}

// A user's clone has no ../shared: then there is nothing to instantiate,
// and CorpusList says so by skipping.
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(Corpus);
INSTANTIATE_TEST_SUITE_P(Calamine, Corpus, ::testing::ValuesIn(corpus_files()),
                         [](const ::testing::TestParamInfo<std::string>& info) {
                             std::string n = info.param;
                             for (char& c : n)
                                 if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
                             return n;
                         });
