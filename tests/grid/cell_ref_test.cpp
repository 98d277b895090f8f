#include "plancon/grid.hpp"

#include <gtest/gtest.h>

using namespace plancon;

TEST(CellRef, ParsesAndNamesColumnsAcrossLetterWidths) {
    EXPECT_EQ(column_name(0), "A");
    EXPECT_EQ(column_name(25), "Z");
    EXPECT_EQ(column_name(26), "AA");
    EXPECT_EQ(column_name(16383), "XFD");
    auto r = parse_cell_ref("XFD1048576");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->row, 1048575u);
    EXPECT_EQ(r->col, 16383u);
    EXPECT_EQ(cell_name(*r), "XFD1048576");
    EXPECT_EQ(cell_name(*parse_cell_ref("$B$7")), "B7");
}

TEST(CellRef, RefusesAbsurdReferences) {
    EXPECT_FALSE(parse_cell_ref("ZZZZZZ99999999999"));
    EXPECT_FALSE(parse_cell_ref("XFE1"));
    EXPECT_FALSE(parse_cell_ref("A1048577"));
    EXPECT_FALSE(parse_cell_ref("A0"));
    EXPECT_FALSE(parse_cell_ref("12"));
    EXPECT_FALSE(parse_cell_ref("A1B"));
    EXPECT_FALSE(parse_cell_ref(""));
}

TEST(CellRef, RangesAreNormalisedTopLeftFirst) {
    auto r = parse_range("C3:A1");
    ASSERT_TRUE(r);
    EXPECT_EQ(range_name(*r), "A1:C3");
    EXPECT_TRUE(r->contains({1, 1}));
    EXPECT_FALSE(r->contains({3, 0}));
}

TEST(Dates, SerialsFollowExcelIncludingThe1900LeapYearQuirk) {
    // Serial 1 is 1900-01-01, 59 is 1900-02-28, 61 is 1900-03-01 (60 is Excel's fictitious 29 Feb).
    EXPECT_EQ(serial_to_iso(excel_serial_to_days(1, DateSystem::Excel1900)), "1900-01-01");
    EXPECT_EQ(serial_to_iso(excel_serial_to_days(59, DateSystem::Excel1900)), "1900-02-28");
    EXPECT_EQ(serial_to_iso(excel_serial_to_days(61, DateSystem::Excel1900)), "1900-03-01");
    EXPECT_EQ(serial_to_iso(excel_serial_to_days(43646, DateSystem::Excel1900)), "2019-06-30");
    // The 1904 system counts from 1904-01-01.
    EXPECT_EQ(serial_to_iso(excel_serial_to_days(0, DateSystem::Excel1904)), "1904-01-01");
    EXPECT_EQ(serial_to_iso(excel_serial_to_days(42184, DateSystem::Excel1904)), "2019-06-30");
    EXPECT_EQ(serial_to_iso(43646.5), "2019-06-30T12:00:00");
    EXPECT_EQ(serial_to_iso(0.25), "06:00:00");
}

TEST(Dates, OneIso8601ParserForEveryReader) {
    auto serial = [](std::string_view s) { return parse_iso8601(s).value().serial_days(); };
    EXPECT_EQ(serial("2019-06-30"), 43646);
    EXPECT_EQ(serial("2019-06-30T12:00:00"), 43646.5);
    EXPECT_EQ(serial("2019-06-30 12:00:00"), 43646.5);  // FreeXL's spelling
    EXPECT_EQ(serial("2019-06-30T12:00:00.5Z"), 43646.5 + 0.5 / 86400);
    EXPECT_EQ(serial("06:00"), 0.25);
    EXPECT_EQ(parse_iso8601("2019-06-30T12:00:00+01:00")->rest, "+01:00");
    EXPECT_FALSE(parse_iso8601("2019-13-01"));
    EXPECT_FALSE(parse_iso8601("2019-06-30T25:00"));
    EXPECT_FALSE(parse_iso8601("30/06/2019"));
    EXPECT_FALSE(parse_iso8601("2019-02-30")->date->ok()) << "fields are read; the caller judges the day";
    EXPECT_EQ(parse_iso_date("2020-02-29"), (Date{2020, 2, 29}));
    EXPECT_FALSE(parse_iso_date("2019-02-29"));
    EXPECT_FALSE(parse_iso_date("2019-06-30T00:00"));
}

TEST(Dates, CivilRoundTrip) {
    for (long d = -1000; d < 80000; d += 37) {
        std::chrono::year_month_day c = date_of_serial(d);
        EXPECT_EQ(serial_of(c), d);
    }
    EXPECT_EQ(serial_of(std::chrono::year{1899} / 12 / 30), 0);
}

TEST(Sheet, FinishSortsAndKeepsTheLastWriteOfAPosition) {
    Sheet s;
    auto pool = std::make_shared<StringPool>();
    s.strings = pool;
    s.cells.push_back({2, 0, 1.0, 0, 0, 0, CellType::Number});
    s.cells.push_back({0, 1, 2.0, 0, 0, 0, CellType::Number});
    s.cells.push_back({2, 0, 3.0, 0, 0, 0, CellType::Number});
    s.finish();
    ASSERT_EQ(s.cells.size(), 2u);
    EXPECT_EQ(s.cells[0].row, 0u);
    EXPECT_EQ(s.find({2, 0})->number, 3.0);
    EXPECT_EQ(s.find({5, 5}), nullptr);
    EXPECT_EQ(range_name(*s.used_range()), "A1:B3");
}
