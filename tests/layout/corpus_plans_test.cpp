// The layout stage on every odd spreadsheet of the corpus that a reader in
// this build accepts: no crash, and every row accounted for exactly once.
#include "plancon/layout.hpp"
#include "plancon/read.hpp"
#include "row_accounting.hpp"

#include "test_config.hpp"

#include <gtest/gtest.h>

#include <filesystem>

using namespace plancon;

TEST(CorpusPlans, EveryReadableCorpusFileConservesItsRows) {
    const std::filesystem::path dir = std::filesystem::path(PLANCON_CORPUS_DIR) / "calamine";
    if (!std::filesystem::is_directory(dir)) GTEST_SKIP() << "corpus not found at " << dir;
    const Config& config = plancon::test::test_config();
    int planned = 0;
    for (const auto& entry : std::filesystem::directory_iterator(dir)) {
        if (!entry.is_regular_file()) continue;
        Workbook wb;
        try {
            wb = read_workbook(entry.path().string());
        } catch (const ReadError&) {
            continue;  // the read stage's tests say which files must fail and how
        }
        SCOPED_TRACE(entry.path().filename().string());
        Plan plan = build_plan(wb, config);
        test::expect_rows_conserved(wb, plan);
        EXPECT_FALSE(dump_plan(plan).empty());
        ++planned;
    }
    EXPECT_GT(planned, 0) << "no corpus file could be read";
}
