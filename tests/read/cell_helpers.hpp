// Small look-ups the reader tests share.
#pragma once

#include "plancon/read.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

namespace plancon::test {

inline const std::string corpus_dir = std::string(PLANCON_CORPUS_DIR) + "/calamine/";

// Skips the test (with a message) when ../shared/corpus is not there.
#define REQUIRE_CORPUS()                                                                             \
    if (!std::filesystem::exists(plancon::test::corpus_dir))                                         \
    GTEST_SKIP() << "corpus not found at " << plancon::test::corpus_dir

// The cell at an A1 reference; a failed expectation (and an empty cell) when absent.
inline const Cell& at(const Sheet& sheet, const char* a1) {
    static const Cell none;
    const Cell* c = sheet.find(*parse_cell_ref(a1));
    EXPECT_NE(c, nullptr) << sheet.name << "!" << a1 << " is missing";
    return c ? *c : none;
}

// The text of a cell that must be a text cell.
inline std::string text_at(const Sheet& sheet, const char* a1) {
    const Cell& c = at(sheet, a1);
    EXPECT_EQ(c.type, CellType::Text) << a1;
    return std::string(sheet.text(c));
}

}  // namespace plancon::test
