#include "plancon/values.hpp"

#include "test_config.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace plancon {
namespace {

using test::test_config;

TEST(Status, RagColoursAndLetters) {
    EXPECT_EQ(parse_status("Red", std::nullopt, test_config().statuses), Status::OffTrack);
    EXPECT_EQ(parse_status("AMBER", std::nullopt, test_config().statuses), Status::Slippage);
    EXPECT_EQ(parse_status("green", std::nullopt, test_config().statuses), Status::OnTrack);
    EXPECT_EQ(parse_status("Blue", std::nullopt, test_config().statuses), Status::Complete);
    EXPECT_EQ(parse_status("R", std::nullopt, test_config().statuses), Status::OffTrack);
    EXPECT_EQ(parse_status(" a ", std::nullopt, test_config().statuses), Status::Slippage);
    EXPECT_EQ(parse_status("G", std::nullopt, test_config().statuses), Status::OnTrack);
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
    for (const auto& [cell, expected] : cases) EXPECT_EQ(parse_status(cell, std::nullopt, test_config().statuses), expected) << cell;
}

TEST(Status, UnknownWordsStayUnknown) {
    EXPECT_EQ(parse_status("", std::nullopt, test_config().statuses), Status::Unknown);
    EXPECT_EQ(parse_status("See latest note", std::nullopt, test_config().statuses), Status::Unknown);
    EXPECT_EQ(parse_status("Agreed", std::nullopt, test_config().statuses), Status::Unknown) << "'a' alone only as a whole cell";
    EXPECT_EQ(parse_status("Greenock", std::nullopt, test_config().statuses), Status::Unknown);
    EXPECT_EQ(parse_status("Not complete", std::nullopt, test_config().statuses), Status::Unknown) << "a negated word is not that status";
    EXPECT_EQ(parse_status("No slippage", std::nullopt, test_config().statuses), Status::Unknown);
    EXPECT_EQ(parse_status("3", std::nullopt, test_config().statuses), Status::Unknown);
    EXPECT_EQ(parse_status("On hold", std::nullopt, test_config().statuses), Status::Unknown) << "no status of ours means on hold";
}

TEST(Status, PercentComplete) {
    EXPECT_EQ(parse_status("", 100.0, test_config().statuses), Status::Complete);
    EXPECT_EQ(parse_status("On track", 100.0, test_config().statuses), Status::Complete);
    EXPECT_EQ(parse_status("", 75.0, test_config().statuses), Status::Unknown) << "a percentage alone says nothing of track";
    EXPECT_EQ(parse_status("Amber", 100.0, test_config().statuses), Status::Slippage) << "the words win over the figure";
    EXPECT_EQ(parse_status("100%", std::nullopt, test_config().statuses), Status::Complete);
    EXPECT_EQ(parse_status("75%", std::nullopt, test_config().statuses), Status::Unknown);
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

TEST(StatusTable, OwnVocabulary) {
    const StatusVocabulary v = parse_status_vocabulary("# ours\nParked\tNot started\nBRAG black\tCancelled\n", "status.tsv");
    EXPECT_EQ(v.size(), 2u);
    EXPECT_EQ(parse_status("parked", std::nullopt, v), Status::NotStarted);
    EXPECT_EQ(parse_status("Red", std::nullopt, v), Status::Unknown);
}

TEST(StatusTable, ErrorsNameFileAndLine) {
    try {
        parse_status_vocabulary("Parked\tNot started\nFoo\tSomewhere\n", "status.tsv");
        FAIL() << "no error";
    } catch (const TemplateError& e) {
        EXPECT_NE(std::string(e.what()).find("status.tsv: line 2: unknown status \"Somewhere\""), std::string::npos) << e.what();
    }
    try {
        parse_status_vocabulary("Parked Not started\n", "status.tsv");
        FAIL() << "no error";
    } catch (const TemplateError& e) {
        EXPECT_NE(std::string(e.what()).find("status.tsv: line 1: expected WORDS<TAB>Status"), std::string::npos) << e.what();
    }
}

TEST(StatusTemplate, ShippedVocabularyLoads) {
    EXPECT_GE(test_config().statuses.size(), 30u);
}

}  // namespace
}  // namespace plancon
