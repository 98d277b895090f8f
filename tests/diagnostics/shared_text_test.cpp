// SharedText: a file's name carried by every provenance of its plan, kept once.
#include "plancon/diagnostics.hpp"

#include <gtest/gtest.h>

#include <map>
#include <tuple>

namespace plancon {
namespace {

TEST(SharedText, CopiesShareOneStringAndReadAsIt) {
    const SharedText file(std::string("trackers/education.xlsx"));
    const Provenance a{file, "Plan", 4}, b{file, "Plan", 5};
    EXPECT_EQ(a.file.c_str(), b.file.c_str()) << "copies share the characters";
    EXPECT_EQ(a.file, "trackers/education.xlsx");
    EXPECT_EQ(a.file, std::string("trackers/education.xlsx"));
    EXPECT_EQ(to_string(b), "trackers/education.xlsx|Plan|5");
    const std::string& as_string = a.file;
    EXPECT_EQ(as_string.size(), 23u);
}

TEST(SharedText, ComparesByTextNotByCopy) {
    const SharedText one("a.xlsx"), other(std::string("a.xlsx")), later("b.xlsx");
    EXPECT_NE(one.c_str(), other.c_str());
    EXPECT_EQ(one, other);
    EXPECT_TRUE(one < later);
    EXPECT_FALSE(later < one);
    // Provenances order by file, sheet, row as std::string fields did.
    const Provenance p{one, "S", 9}, q{later, "A", 1};
    EXPECT_TRUE(std::tie(p.file, p.sheet, p.row) < std::tie(q.file, q.sheet, q.row));
    EXPECT_TRUE(Provenance({other, "S", 9}) == p);
    std::map<std::string, int> by_file;
    by_file[p.file] = 1;
    EXPECT_EQ(by_file.count("a.xlsx"), 1u);
}

TEST(SharedText, EmptyIsAnEmptyString) {
    const SharedText none, blank(std::string{});
    EXPECT_TRUE(none.empty());
    EXPECT_TRUE(blank.empty());
    EXPECT_EQ(none, blank);
    EXPECT_EQ(none.str(), "");
    EXPECT_EQ(none + "|x", "|x");
    EXPECT_EQ(place_name(Provenance{}), "");
}

}  // namespace
}  // namespace plancon
