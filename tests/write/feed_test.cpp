// The XML feed: accepted by xmllint against templates/plan.xsd, checked by
// validate_feed against Pentana's rules, deterministic, XML-1.0-clean; and
// validate_feed rejecting hand-broken feeds with the action codes at fault.
#include "plancon/write.hpp"
#include "write/sha256.hpp"

#include "write_fixture.hpp"

#include "test_config.hpp"

#include <gtest/gtest.h>
#include <pugixml.hpp>

#include <algorithm>
#include <set>
#include <sstream>

using namespace plancon;
using namespace write_test;

namespace {

const std::string xsd = std::string(PLANCON_SOURCE_DIR) + "/templates/plan.xsd";
const Date as_of{2019, 10, 1};

std::pair<int, std::string> xmllint(const std::string& feed) {
    return run("xmllint --noout --nonet --schema " + quoted(xsd) + " " + quoted(feed) + " 2>&1");
}

std::set<std::pair<std::string, std::string>> rules_by_code(const ValidationReport& report) {
    std::set<std::pair<std::string, std::string>> out;
    for (const auto& v : report.violations)
        if (v.rule != "schema") out.insert({v.code, v.rule});
    return out;
}

// The feed is printed action by action, not saved as one document: what it
// prints must be what pugixml saves for the whole document, byte for byte,
// with actions and without.
TEST(Feed, StreamedAsTheWholeDocumentWouldBeSaved) {
    TempDir dir;
    Sample s = sample(dir);
    auto resaved = [](const std::string& path) {
        pugi::xml_document doc;
        EXPECT_TRUE(doc.load_file(path.c_str(), pugi::parse_default | pugi::parse_declaration));
        std::ostringstream out;
        doc.save(out, "  ", pugi::format_indent, pugi::encoding_utf8);
        return out.str();
    };
    const std::string feed = dir / "feed.xml";
    write_feed(feed, s.plans, s.rec, {as_of});
    const std::string written = read_bytes(feed);
    ASSERT_NE(written.find("<action code="), std::string::npos);
    EXPECT_EQ(written, resaved(feed));

    Reconciliation nothing;  // inputs only
    const std::string bare = dir / "bare.xml";
    write_feed(bare, s.plans, nothing, {as_of});
    const std::string bare_text = read_bytes(bare);
    EXPECT_EQ(bare_text.find("<action"), std::string::npos);
    EXPECT_EQ(bare_text, resaved(bare));
}

TEST(Feed, SchemaValidAndCarriesEveryActionWithItsSources) {
    TempDir dir;
    Sample s = sample(dir);
    const std::string feed = dir / "feed.xml";
    auto warnings = write_feed(feed, s.plans, s.rec, {as_of});
    EXPECT_TRUE(warnings.empty()) << warnings.front().message;

    if (have_tool("xmllint")) {
        auto [status, out] = xmllint(feed);
        EXPECT_EQ(status, 0) << out;
    }

    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_file(feed.c_str()));
    pugi::xml_node root = doc.document_element();
    EXPECT_STREQ(root.name(), "plans");
    EXPECT_STREQ(root.attribute("xmlns").value(), "urn:plancon:plan:1");
    EXPECT_STREQ(root.attribute("version").value(), PLANCON_VERSION);
    EXPECT_STREQ(root.attribute("asOf").value(), "2019-10-01");

    // Each input file named with a SHA-256 that sha256sum agrees with.
    std::size_t inputs = 0;
    for (pugi::xml_node input : root.children("input")) {
        ++inputs;
        const std::string file = input.attribute("file").value();
        if (have_tool("sha256sum")) {
            auto [status, out] = run("sha256sum " + quoted(file));
            ASSERT_EQ(status, 0);
            EXPECT_EQ(out.substr(0, 64), input.attribute("sha256").value()) << file;
        }
    }
    EXPECT_EQ(inputs, 2u);

    std::map<std::string, pugi::xml_node> by_code;
    for (pugi::xml_node action : root.children("action")) by_code[action.attribute("code").value()] = action;
    EXPECT_EQ(by_code.size(), s.rec.priorities.size() + s.rec.actions.size());
    for (const auto& p : s.rec.priorities) {
        pugi::xml_node node = by_code[p.code];
        ASSERT_TRUE(node) << p.code;
        EXPECT_STREQ(node.attribute("type").value(), "priority");
        EXPECT_FALSE(node.attribute("parent"));
        EXPECT_EQ(node.child("title").text().get(), p.title);
    }
    for (const auto& a : s.rec.actions) {
        pugi::xml_node node = by_code[a.code];
        ASSERT_TRUE(node) << a.code;
        EXPECT_STREQ(node.attribute("type").value(), "action");
        EXPECT_EQ(node.attribute("parent").value(), a.priority_code);
        EXPECT_EQ(node.child("description").text().get(), a.canonical.text);
        EXPECT_EQ(node.child("due").attribute("text").value(), a.canonical.due.as_written);
        EXPECT_EQ(node.child("due").attribute("date").value(),
                  a.canonical.due.date ? to_iso(*a.canonical.due.date) : std::string());
        std::size_t leads = 0, sources = 0;
        for (pugi::xml_node lead : node.children("lead")) {
            EXPECT_EQ(lead.text().get(), a.canonical.leads.at(leads).name);
            ++leads;
        }
        EXPECT_EQ(leads, a.canonical.leads.size());
        for (pugi::xml_node source : node.children("source")) {
            const Provenance& expected = a.members.at(sources++).source;
            EXPECT_EQ(source.attribute("file").value(), expected.file);
            EXPECT_EQ(source.attribute("sheet").value(), expected.sheet);
            EXPECT_EQ(source.attribute("row").as_uint(), expected.row);
        }
        EXPECT_EQ(sources, a.members.size());
        if (a.canonical.percent_complete) {
            EXPECT_DOUBLE_EQ(node.child("percentComplete").text().as_double(), *a.canonical.percent_complete);
        }
        for (const auto& conflict : a.conflicts) {
            pugi::xml_node c = node.find_child_by_attribute("conflict", "field", conflict.field.c_str());
            ASSERT_TRUE(c) << a.code << " " << conflict.field;
            EXPECT_EQ(std::distance(c.children("value").begin(), c.children("value").end()),
                      std::ptrdiff_t(conflict.values.size()));
        }
    }

    // Pentana's rules: only the honest gaps of the seed plan are reported.
    // "Immediate & Continuous" and "when funding allows" give no date, and
    // improvement action 5 has actions without dates, so it has none either.
    ValidationReport report = validate_feed(feed, xsd);
    EXPECT_EQ(report.actions, by_code.size());
    std::set<std::pair<std::string, std::string>> expected;
    for (const auto& a : s.rec.actions)
        if (!a.canonical.due.date) expected.insert({a.code, "due"});
    for (const auto& p : s.rec.priorities)
        if (p.ref == "5") expected.insert({p.code, "due"});
    EXPECT_EQ(expected.size(), 3u);
    EXPECT_EQ(rules_by_code(report), expected);
    for (const auto& v : report.violations) EXPECT_NE(v.rule, "schema") << v.message;
}

TEST(Feed, SameBytesWhateverTheInputOrder) {
    TempDir dir;
    Sample s = sample(dir);
    write_feed(dir / "one.xml", s.plans, s.rec, {as_of});
    write_feed(dir / "two.xml", s.plans, s.rec, {as_of});
    std::vector<Plan> reversed(s.plans.rbegin(), s.plans.rend());
    write_feed(dir / "three.xml", reversed, reconcile(reversed, test_config()), {as_of});
    const std::string one = read_bytes(dir / "one.xml");
    ASSERT_GT(one.size(), 1000u);
    EXPECT_EQ(one, read_bytes(dir / "two.xml"));
    EXPECT_EQ(one, read_bytes(dir / "three.xml"));
}

TEST(Feed, ControlCharactersAreDroppedAndReported) {
    TempDir dir;
    Sample s = sample(dir);
    auto& action = s.rec.actions[0];
    action.canonical.text = "Review performance\x01 management\x1F processes \xFF at team level";
    const std::string feed = dir / "feed.xml";
    auto warnings = write_feed(feed, s.plans, s.rec, {as_of});
    ASSERT_EQ(warnings.size(), 1u);  // one field, three characters
    EXPECT_NE(warnings[0].message.find(action.code + " title"), std::string::npos) << warnings[0].message;
    EXPECT_NE(warnings[0].message.find("U+0001, U+001F, byte 0xFF"), std::string::npos) << warnings[0].message;
    EXPECT_EQ(warnings[0].source, action.canonical.source);

    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_file(feed.c_str()));
    auto node = doc.document_element().find_child_by_attribute("action", "code", action.code.c_str());
    EXPECT_STREQ(node.child("description").text().get(), "Review performance management processes \xEF\xBF\xBD at team level");
    if (have_tool("xmllint")) {
        auto [status, out] = xmllint(feed);
        EXPECT_EQ(status, 0) << out;
    }
}

// Regression: %.15g wrote 1e-05, which is not an xs:decimal.
TEST(Feed, PercentCompleteIsAnXsDecimalInFixedNotation) {
    TempDir dir;
    Sample s = sample(dir);
    const std::vector<std::pair<double, const char*>> cases{
        {0.00001, "0.00001"}, {75, "75"}, {100.0 / 3, "33.3333333333333"}, {12.5, "12.5"}, {0, "0"}, {1e-9, "0.000000001"}};
    for (const auto& [value, text] : cases) {
        s.rec.actions[0].canonical.percent_complete = value;
        const std::string feed = dir / "feed.xml";
        write_feed(feed, s.plans, s.rec, {as_of});
        pugi::xml_document doc;
        ASSERT_TRUE(doc.load_file(feed.c_str()));
        auto node = doc.document_element().find_child_by_attribute("action", "code", s.rec.actions[0].code.c_str());
        EXPECT_STREQ(node.child("percentComplete").text().get(), text) << value;
        if (have_tool("xmllint")) {
            auto [status, out] = xmllint(feed);
            EXPECT_EQ(status, 0) << value << ": " << out;
        }
    }
}

// Regression: the warning for an input that could not be hashed named the
// file twice ("F: feed: no SHA-256 for the input file: F: cannot read: ...").
TEST(Feed, AnInputThatCannotBeHashedIsOneWarningNamingItOnce) {
    TempDir dir;
    Sample s = sample(dir);
    const std::string gone = s.plans[0].document.file;
    std::filesystem::remove(gone);
    const auto warnings = write_feed(dir / "feed.xml", s.plans, s.rec, {as_of});
    ASSERT_EQ(warnings.size(), 1u);
    EXPECT_EQ(to_string(warnings[0]), gone + ": feed: no SHA-256 for the input file: cannot read: No such file or directory");
}

TEST(Feed, LongTitleIsCutAtAWordAndTheDescriptionKeepsEverything) {
    TempDir dir;
    Sample s = sample(dir);
    std::string text;
    while (text.size() < 400)
        text += "Further develop and communicate to children, young people, families and staff our hierarchy of need model; ";
    auto& action = s.rec.actions[1];
    action.canonical.text = text;
    const std::string feed = dir / "feed.xml";
    write_feed(feed, s.plans, s.rec, {as_of});
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_file(feed.c_str()));
    auto node = doc.document_element().find_child_by_attribute("action", "code", action.code.c_str());
    const std::string title = node.child("title").text().get();
    EXPECT_LE(title.size(), 255u);
    EXPECT_GT(title.size(), 200u);
    EXPECT_EQ(text.rfind(title, 0), 0u) << "the title is the start of the text";
    EXPECT_EQ(text[title.size()], ' ') << "cut before a whole word, not inside one: " << title;
    EXPECT_EQ(node.child("description").text().get(), text);
    for (const auto& v : validate_feed(feed, xsd).violations) EXPECT_NE(v.rule, "title") << v.message;
}

// A feed broken by hand the ways an import would reject.
const char* broken_feed = R"(<?xml version="1.0" encoding="UTF-8"?>
<plans xmlns="urn:plancon:plan:1" generator="plancon" version="0.1.0" asOf="2019-10-01">
  <action code="P-AAAAAA" type="priority">
    <title>Data and evidence informs service improvement</title>
    <due date="2020-06-30"/>
  </action>
  <action code="A-DUPLICAT" type="action" parent="P-AAAAAA">
    <title>Review performance management processes</title>
    <due date="2020-06-30" text="During session 2019/20"/>
  </action>
  <action code="A-DUPLICAT" type="action" parent="P-AAAAAA">
    <title>Three year budget planning</title>
    <due date="2020-03-31"/>
  </action>
  <action code="A-NODUE" type="action" parent="P-AAAAAA">
    <title>Integrated approach to budget planning across the Council</title>
    <due text="Immediate &amp; Continuous"/>
  </action>
  <action code="A-LONGTITLE" type="action" parent="P-AAAAAA">
    <title>TITLE</title>
    <due date="2020-03-31"/>
  </action>
  <action code="A-BACKWARDS" type="action" parent="P-AAAAAA">
    <title>Implementation of the National Health Visitor Pathway</title>
    <start date="2017-04-01"/>
    <due date="2016-09-30"/>
  </action>
  <action code="A-SAMEDAY" type="action" parent="P-AAAAAA">
    <title>A one-day event</title>
    <start date="2020-03-31"/>
    <due date="2020-03-31"/>
  </action>
  <action code="A-ORPHAN" type="action" parent="P-MISSING">
    <title>Evidence that PEF funding is allocated to agreed priorities</title>
    <due date="2020-03-31"/>
  </action>
</plans>
)";

TEST(ValidateFeed, RejectsAHandBrokenFeedNamingEachCode) {
    TempDir dir;
    std::string text = broken_feed;
    std::string long_title;
    while (long_title.size() < 300) long_title += "Three year budget planning allowing a strategic approach ";
    text.replace(text.find(">TITLE<") + 1, 5, long_title);
    const std::string feed = dir / "broken.xml";
    write_bytes(feed, text);

    ValidationReport report = validate_feed(feed, xsd);
    EXPECT_FALSE(report.ok());
    EXPECT_EQ(report.actions, 8u);
    EXPECT_EQ(rules_by_code(report), (std::set<std::pair<std::string, std::string>>{{"A-DUPLICAT", "code"},
                                                                                     {"A-NODUE", "due"},
                                                                                     {"A-LONGTITLE", "title"},
                                                                                     {"A-BACKWARDS", "start"},
                                                                                     {"A-ORPHAN", "parent"}}));
    std::map<std::string, std::string> message;
    for (const auto& v : report.violations)
        if (v.rule != "schema") message[v.code] = v.message;
    EXPECT_EQ(message["A-DUPLICAT"], "A-DUPLICAT: code used by 2 actions; codes must be unique");
    EXPECT_EQ(message["A-NODUE"], "A-NODUE: no due date (written as \"Immediate & Continuous\")");
    EXPECT_EQ(message["A-LONGTITLE"], "A-LONGTITLE: title has " + std::to_string(long_title.size()) +
                                          " characters; Pentana allows 255");
    EXPECT_EQ(message["A-BACKWARDS"], "A-BACKWARDS: start date 2017-04-01 is after due date 2016-09-30");
    EXPECT_EQ(message.count("A-SAMEDAY"), 0u) << "a start on the due date is no violation";
    EXPECT_EQ(message["A-ORPHAN"], "A-ORPHAN: parent code P-MISSING is not in the feed");

    // The schema sees the duplicate key, the long title and the missing parent too.
    std::vector<std::string> schema;
    for (const auto& v : report.violations)
        if (v.rule == "schema") schema.push_back(v.message);
    ASSERT_GE(schema.size(), 3u);
    auto mentions = [&](const std::string& word) {
        return std::any_of(schema.begin(), schema.end(), [&](const std::string& m) { return m.find(word) != std::string::npos; });
    };
    EXPECT_TRUE(mentions("A-DUPLICAT")) << schema[0];
    EXPECT_TRUE(mentions("maxLength"));
    EXPECT_TRUE(mentions("P-MISSING"));
    EXPECT_EQ(schema[0].rfind("line ", 0), 0u) << schema[0];

    if (have_tool("xmllint")) {
        EXPECT_NE(xmllint(feed).first, 0) << "xmllint agrees the feed is broken";
    }
}

TEST(ValidateFeed, AcceptsTheRepairedFeedAndRejectsWhatIsNotXml) {
    TempDir dir;
    std::string text = broken_feed;
    // Repair: drop the broken actions, keep the priority and the first action.
    text = text.substr(0, text.find("  <action code=\"A-DUPLICAT\" type=\"action\" parent=\"P-AAAAAA\">\n    <title>Three")) +
           "</plans>\n";
    const std::string feed = dir / "good.xml";
    write_bytes(feed, text);
    ValidationReport report = validate_feed(feed, xsd);
    EXPECT_TRUE(report.ok()) << report.violations.front().message;
    EXPECT_EQ(report.actions, 2u);

    write_bytes(dir / "not.xml", "Code,Action\nA-1,Review\n");
    ValidationReport bad = validate_feed(dir / "not.xml", xsd);
    ASSERT_EQ(bad.violations.size(), 1u);
    EXPECT_EQ(bad.violations[0].rule, "file");
    ValidationReport missing = validate_feed(dir / "absent.xml", xsd);
    ASSERT_EQ(missing.violations.size(), 1u);
    EXPECT_NE(missing.violations[0].message.find("absent.xml"), std::string::npos);
    ValidationReport no_schema = validate_feed(feed, dir / "absent.xsd");
    ASSERT_FALSE(no_schema.ok());
    EXPECT_EQ(no_schema.violations[0].rule, "schema");
    EXPECT_NE(no_schema.violations[0].message.find("absent.xsd"), std::string::npos);
}

TEST(Sha256, KnownVectorsAndSha256sum) {
    using write_detail::sha256_file_hex;
    using write_detail::sha256_hex;
    EXPECT_EQ(sha256_hex(""), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    EXPECT_EQ(sha256_hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    EXPECT_EQ(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"),
              "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    EXPECT_EQ(sha256_hex(std::string(1000000, 'a')), "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    TempDir dir;
    EXPECT_THROW(sha256_file_hex(dir / "absent"), WriteError);
}

}  // namespace

// What a tracker calls its items ("task", "risk") and a start date column
// reach the feed: kind="task", <start date text>; the feed stays schema-valid
// and validate_feed checks the start is not after the due date.
TEST(Feed, CarriesTheKindOfItemsAndTheStartDate) {
    TempDir dir;
    const std::string file = dir / "wbs.xlsx";
    write_bytes(file, "stand-in bytes for a work breakdown\n");
    Plan plan;
    plan.document.file = file;
    Action a;
    a.kind = "task";
    a.text = a.text_as_written = "Develop the system security plan";
    a.start_as_written = "April 2020";
    a.start = Date{2020, 4, 1};
    a.due.as_written = "31/03/2021";
    a.due.kind = Due::Kind::Date;
    a.due.date = Date{2021, 3, 31};
    a.source = {file, "WBS", 3};
    plan.actions.push_back(a);
    const Reconciliation rec = reconcile({plan}, test_config());
    const std::string feed = dir / "feed.xml";
    write_feed(feed, {plan}, rec, {as_of});
    pugi::xml_document doc;
    ASSERT_TRUE(doc.load_file(feed.c_str()));
    const pugi::xml_node action = doc.document_element().child("action");
    EXPECT_STREQ(action.attribute("kind").value(), "task");
    EXPECT_STREQ(action.child("start").attribute("date").value(), "2020-04-01");
    EXPECT_STREQ(action.child("start").attribute("text").value(), "April 2020");
    const ValidationReport report = validate_feed(feed, test_config().schema.string());
    EXPECT_TRUE(report.ok()) << report.violations.front().message;
}
