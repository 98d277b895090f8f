// SharedText: a file's name carried by every provenance of its plan, kept once.
#include "plancon/diagnostics.hpp"

#include <gtest/gtest.h>

#include <map>
#include <thread>
#include <tuple>
#include <vector>

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

TEST(SharedText, OnePointerWide) {
    // The point of it: a provenance is copied millions of times in a large run.
    EXPECT_EQ(sizeof(SharedText), sizeof(void*));
    EXPECT_LT(sizeof(Provenance), 2 * sizeof(std::string));
}

TEST(SharedText, OutlivesTheCopyItCameFromAndSurvivesSelfAssignment) {
    std::vector<SharedText> kept;
    {
        SharedText first(std::string("a rather long sheet name, past any short-string buffer"));
        kept.push_back(first);
        SharedText moved(std::move(first));
        EXPECT_TRUE(first.empty());  // NOLINT(bugprone-use-after-move): a moved-from text is empty
        kept.push_back(moved);
        moved = moved;  // NOLINT: self-assignment keeps the text
        kept.push_back(moved);
        moved = SharedText("replaced");
        EXPECT_EQ(moved, "replaced");
    }
    ASSERT_EQ(kept.size(), 3u);
    for (const SharedText& t : kept) EXPECT_EQ(t, "a rather long sheet name, past any short-string buffer");
    EXPECT_EQ(kept[0].c_str(), kept[2].c_str());
}

TEST(SharedText, CopiedAndDroppedOnSeveralThreads) {
    // Planning, reconciling and writing copy provenances on several threads;
    // the count must stay exact. A count gone wrong shows as a text freed
    // early or twice, which the sanitizer build (scripts/test's second pass)
    // reports; in the release build the values below still must hold.
    const SharedText file(std::string("trackers/a-file-name-long-enough-to-be-allocated.xlsx"));
    std::vector<std::thread> threads;
    std::vector<std::vector<SharedText>> copies(4);
    for (auto& mine : copies)
        threads.emplace_back([&file, &mine] {
            for (int i = 0; i < 20000; ++i) {
                mine.push_back(file);
                if (i % 2) mine.pop_back();
            }
        });
    for (auto& t : threads) t.join();
    for (const auto& mine : copies) {
        ASSERT_EQ(mine.size(), 10000u);
        EXPECT_EQ(mine.back().c_str(), file.c_str());
    }
    copies.clear();
    EXPECT_EQ(file, "trackers/a-file-name-long-enough-to-be-allocated.xlsx");
}

}  // namespace
}  // namespace plancon
