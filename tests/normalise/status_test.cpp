#include "plancon/normalise.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace plancon {
namespace {

TEST(Status, RagColoursAndLetters) {
    EXPECT_EQ(parse_status("Red", std::nullopt), Status::OffTrack);
    EXPECT_EQ(parse_status("AMBER", std::nullopt), Status::Slippage);
    EXPECT_EQ(parse_status("green", std::nullopt), Status::OnTrack);
    EXPECT_EQ(parse_status("Blue", std::nullopt), Status::Complete);
    EXPECT_EQ(parse_status("R", std::nullopt), Status::OffTrack);
    EXPECT_EQ(parse_status(" a ", std::nullopt), Status::Slippage);
    EXPECT_EQ(parse_status("G", std::nullopt), Status::OnTrack);
}

TEST(Status, Words) {
    const std::pair<const char*, Status> cases[] = {
        {"Not started", Status::NotStarted}, {"On track", Status::OnTrack},     {"On Target", Status::OnTrack},
        {"In progress", Status::OnTrack},    {"Slippage", Status::Slippage},    {"Slipped", Status::Slippage},
        {"Overdue", Status::Overdue},        {"Delayed", Status::Slippage},     {"Complete", Status::Complete},
        {"Completed", Status::Complete},     {"Achieved", Status::Complete},    {"Done", Status::Complete},
        {"Cancelled", Status::Cancelled},    {"Withdrawn", Status::Cancelled},  {"Off track", Status::OffTrack},
        {"NOT ON TRACK", Status::OffTrack},  {"Green - on track", Status::OnTrack},
        {"Amber: some slippage due to staffing", Status::Slippage},
        {"Completed (March 2019)", Status::Complete}, {"not-started", Status::NotStarted},
    };
    for (const auto& [cell, expected] : cases) EXPECT_EQ(parse_status(cell, std::nullopt), expected) << cell;
}

TEST(Status, UnknownWordsStayUnknown) {
    EXPECT_EQ(parse_status("", std::nullopt), Status::Unknown);
    EXPECT_EQ(parse_status("See latest note", std::nullopt), Status::Unknown);
    EXPECT_EQ(parse_status("Agreed", std::nullopt), Status::Unknown) << "'a' alone only as a whole cell";
    EXPECT_EQ(parse_status("Greenock", std::nullopt), Status::Unknown);
    EXPECT_EQ(parse_status("Not complete", std::nullopt), Status::Unknown) << "a negated word is not that status";
    EXPECT_EQ(parse_status("No slippage", std::nullopt), Status::Unknown);
    EXPECT_EQ(parse_status("3", std::nullopt), Status::Unknown);
    EXPECT_EQ(parse_status("On hold", std::nullopt), Status::Unknown) << "no status of ours means on hold";
}

TEST(Status, PercentComplete) {
    EXPECT_EQ(parse_status("", 100.0), Status::Complete);
    EXPECT_EQ(parse_status("On track", 100.0), Status::Complete);
    EXPECT_EQ(parse_status("", 75.0), Status::Unknown) << "a percentage alone says nothing of track";
    EXPECT_EQ(parse_status("Amber", 100.0), Status::Slippage) << "the words win over the figure";
    EXPECT_EQ(parse_status("100%", std::nullopt), Status::Complete);
    EXPECT_EQ(parse_status("75%", std::nullopt), Status::Unknown);
}

TEST(Percent, Forms) {
    EXPECT_EQ(parse_percent("75%"), 75.0);
    EXPECT_EQ(parse_percent(" 75 % "), 75.0);
    EXPECT_EQ(parse_percent("75"), 75.0);
    EXPECT_EQ(parse_percent("0.75"), 75.0);
    EXPECT_EQ(parse_percent("1", true), 100.0);
    EXPECT_EQ(parse_percent("0.5", true), 50.0);
    EXPECT_EQ(parse_percent("100%"), 100.0);
    EXPECT_EQ(parse_percent("12.5%"), 12.5);
    EXPECT_FALSE(parse_percent("150%"));
    EXPECT_FALSE(parse_percent("-5%"));
    EXPECT_FALSE(parse_percent("about half"));
    EXPECT_FALSE(parse_percent(""));
    EXPECT_FALSE(parse_percent("nan"));
    EXPECT_FALSE(parse_percent("75%%"));
}

class StatusFile : public testing::Test {
protected:
    std::filesystem::path dir = std::filesystem::temp_directory_path() / ("norm-status-" + std::to_string(::getpid()));
    void SetUp() override { std::filesystem::create_directories(dir); }
    void TearDown() override { std::filesystem::remove_all(dir); }
    std::filesystem::path write(const std::string& content) {
        const auto p = dir / "status.tsv";
        std::ofstream(p, std::ios::binary) << content;
        return p;
    }
};

TEST_F(StatusFile, OwnVocabulary) {
    const StatusVocabulary v = load_status_vocabulary(write("# ours\nParked\tNot started\nBRAG black\tCancelled\n"));
    EXPECT_EQ(v.size(), 2u);
    EXPECT_EQ(parse_status("parked", std::nullopt, v), Status::NotStarted);
    EXPECT_EQ(parse_status("Red", std::nullopt, v), Status::Unknown);
}

TEST_F(StatusFile, ErrorsNameFileAndLine) {
    try {
        load_status_vocabulary(write("Parked\tNot started\nFoo\tSomewhere\n"));
        FAIL() << "no error";
    } catch (const TemplateError& e) {
        EXPECT_NE(std::string(e.what()).find("status.tsv:2: unknown status \"Somewhere\""), std::string::npos) << e.what();
    }
    try {
        load_status_vocabulary(write("Parked Not started\n"));
        FAIL() << "no error";
    } catch (const TemplateError& e) {
        EXPECT_NE(std::string(e.what()).find("status.tsv:1: expected WORDS<TAB>Status"), std::string::npos) << e.what();
    }
}

TEST(StatusTemplate, ShippedVocabularyLoads) {
    EXPECT_GE(default_status_vocabulary().size(), 30u);
}

}  // namespace
}  // namespace plancon
