#include "plancon/config.hpp"
#include "temp_dir.hpp"

#include "test_config.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

using namespace plancon;
using plancon::test::test_config;

TEST(FoldHeader, FoldsCasePunctuationAndSpace) {
    EXPECT_EQ(fold_header("Lead(s)"), "lead s");
    EXPECT_EQ(fold_header("  Implications [Risk, Cost, Resource] "), "implications risk cost resource");
    EXPECT_EQ(fold_header("Implications (Risk,Cost,Resource)"), "implications risk cost resource");
    EXPECT_EQ(fold_header("CURRENT/PLANNED\nACTION"), "current planned action");
    EXPECT_EQ(fold_header("Échéance"), "echeance");
    EXPECT_EQ(fold_header("% Complete"), "percent complete");
    EXPECT_EQ(fold_header("Complete?"), "complete") << "a yes/no, not a percentage";
    EXPECT_EQ(fold_header("Task #"), "task number") << "an id, not the task";
    EXPECT_EQ(fold_header("--"), "");
}

TEST(DefaultProfile, MapsTheHeadersOfTheSeedPlansAndTrackers) {
    const Profile& p = test_config().profile;
    struct Case { const char* header; Field field; };
    for (const Case& c : std::initializer_list<Case>{
             {"Lead", Field::Lead}, {"Lead(s)", Field::Lead}, {"Responsible Officer", Field::Lead},
             {"LEAD OFFICER", Field::Lead}, {"Owner", Field::Lead},
             {"Target Date", Field::Due}, {"Timescale", Field::Due}, {"Due Date", Field::Due}, {"Deadline", Field::Due},
             {"Improvement actions", Field::Action}, {"Improvement Actions", Field::Action}, {"Actions", Field::Action},
             {"Action", Field::Action}, {"We will", Field::Action},
             {"How can we measure or know that the improvement action is being implemented", Field::Measures},
             {"Measure", Field::Measures}, {"Success Criteria", Field::Measures},
             {"Implications [Risk, Cost, Resource]", Field::Risks}, {"Implications (Risk, Cost, Resource)", Field::Risks},
             {"Risks", Field::Risks},
             {"Progress", Field::Progress}, {"Progress update (Q2 2019/20)", Field::Progress},
             {"Progress Update (Q4 2018/19)", Field::Progress}, {"Latest Note", Field::Progress},
             {"Status", Field::Status}, {"RAG", Field::Status}, {"% Complete", Field::PercentComplete},
             {"Ref", Field::Ref}, {"No.", Field::Ref}, {"Outcomes", Field::Outcome},
             {"Quality Indicator(s)", Field::QualityIndicators},
             {"Care Inspectorate Report Page No.", Field::PageRef}, {"Service", Field::Service},
             {"STRENGTHS", Field::Strength}, {"AFI", Field::Afi}, {"Areas for improvement", Field::Afi},
             {"CURRENT/PLANNED ACTION", Field::PlannedAction}, {"CURRENT/PLANNED ACTION (AFI)", Field::PlannedAction},
         })
        EXPECT_EQ(p.field_for(c.header), c.field) << c.header;
    for (const char* other : {"Organisation", "Name of Service", "Budget", "Quality of Environment", "", "Progressive"})
        EXPECT_EQ(p.field_for(other), Field::None) << other;
}

TEST(ParseProfile, ReadsSynonymsPrefixesServiceAndSheetHints) {
    Profile p = parse_profile(
        "# a comment\n"
        "\n"
        "lead: Accountable Manager | Champion\n"
        "progress: Commentary*\n"
        "service: Community Justice\n"
        "sheet-kind: Lookup* = ignore\n"
        "sheet-kind: Grades = appendix\n",
        "cj.profile");
    EXPECT_EQ(p.field_for("accountable  manager"), Field::Lead);
    EXPECT_EQ(p.field_for("Champion"), Field::Lead);
    EXPECT_EQ(p.field_for("Commentary - September"), Field::Progress);
    EXPECT_EQ(p.field_for("Lead"), Field::None);  // not the default profile
    EXPECT_EQ(p.service, "Community Justice");
    EXPECT_EQ(p.kind_for("Lookups"), SheetKind::Ignore);
    EXPECT_EQ(p.kind_for("Grades"), SheetKind::Appendix);
    EXPECT_EQ(p.kind_for("Grades 2"), SheetKind::Auto);
    EXPECT_EQ(p.kind_for("Plan"), SheetKind::Auto);
}

TEST(ParseProfile, ErrorsNameTheFileAndLine) {
    auto error_of = [](const std::string& text) {
        try {
            parse_profile(text, "my.profile");
        } catch (const TemplateError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    auto starts = [](const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; };
    EXPECT_PRED2(starts, error_of("lead: Boss\nleed: Owner\n"), "my.profile: line 2: unknown field \"leed\"");
    EXPECT_PRED2(starts, error_of("\n\nlead Owner\n"), "my.profile: line 3: expected");
    EXPECT_EQ(error_of("lead: Owner | | Boss\n"), "my.profile: line 1: empty synonym for lead");
    EXPECT_PRED2(starts, error_of("sheet-kind: Plan = chart\n"), "my.profile: line 1: unknown sheet kind \"chart\"");
    EXPECT_EQ(error_of("service:\n"), "my.profile: line 1: service: needs a name");
}

TEST(LoadConfig, ReadsAUserProfileOverTheDefault) {
    plancon::test::TempDir dir;
    const std::string path = dir.file("user.profile", "lead: Accountable Manager\naction: Lead\nservice: Children & Families\n");
    const Config config = load_config({std::filesystem::path(PLANCON_SOURCE_DIR) / "templates", {path}});
    const Profile& p = config.profile;
    EXPECT_EQ(p.field_for("Accountable Manager"), Field::Lead);
    EXPECT_EQ(p.field_for("Responsible Officer"), Field::Lead);  // still there from the default
    EXPECT_EQ(p.field_for("Lead"), Field::Action);               // the user's profile is tried first
    EXPECT_EQ(p.service, "Children & Families");
    ASSERT_EQ(p.sources.size(), 2u);
    EXPECT_NE(p.sources[0].find("default.profile"), std::string::npos);

    try {
        load_config({std::filesystem::path(PLANCON_SOURCE_DIR) / "templates", {"/nonexistent/x.profile"}});
        FAIL() << "no error for a missing profile";
    } catch (const TemplateError& e) {
        EXPECT_NE(std::string(e.what()).find("/nonexistent/x.profile"), std::string::npos) << e.what();
    }
}

// Regression: each --profile merged the default in again, so with two
// profiles the first one's words lost to the default's.
TEST(LoadConfig, TwoProfilesBothComeBeforeTheDefault) {
    plancon::test::TempDir dir;
    const std::string first = dir.file("u1.profile", "action: Lead\n");
    const std::string second = dir.file("u2.profile", "lead: Champion\n");
    const Config config = load_config({std::filesystem::path(PLANCON_SOURCE_DIR) / "templates", {first, second}});
    EXPECT_EQ(config.profile.field_for("Lead"), Field::Action);  // u1 over the default's "lead: Lead"
    EXPECT_EQ(config.profile.field_for("Champion"), Field::Lead);
    EXPECT_EQ(config.profile.sources.size(), 3u);
}

// Regression: PLANCON_TEMPLATES was honoured for profiles and the schema only;
// leads.tsv and status.tsv came from the compile-time folder.
TEST(LoadConfig, EveryTemplateComesFromTheFolderGiven) {
    plancon::test::TempDir dir;
    const std::filesystem::path source = std::filesystem::path(PLANCON_SOURCE_DIR) / "templates";
    const std::filesystem::path moved = std::filesystem::path(dir.path()) / "moved-templates";
    std::filesystem::copy(source, moved, std::filesystem::copy_options::recursive);
    {
        std::ofstream leads(moved / "leads.tsv", std::ios::app);
        leads << "HoH\tHead of Housing\tpost\n";
        std::ofstream status(moved / "status.tsv", std::ios::app);
        status << "Parked\tCancelled\n";
    }
    const Config config = load_config({moved, {}});
    ASSERT_NE(config.leads.find("HoH"), nullptr);
    EXPECT_EQ(config.leads.find("HoH")->expansion, "Head of Housing");
    EXPECT_EQ(config.statuses.find_exact("parked"), Status::Cancelled);
    EXPECT_EQ(config.schema, moved / "plan.xsd");

    std::filesystem::remove(moved / "status.tsv");
    try {
        load_config({moved, {}});
        FAIL() << "no error for a missing status.tsv";
    } catch (const TemplateError& e) {
        EXPECT_NE(std::string(e.what()).find("status.tsv"), std::string::npos) << e.what();
    }
}

// Regression: a folder given as a profile was "larger than 4 MiB", a file
// that could not be opened did not say why, and a missing templates folder
// named 3 of its 6 files.
TEST(LoadConfig, FilesThatCannotBeReadSayWhy) {
    const std::filesystem::path templates = std::filesystem::path(PLANCON_SOURCE_DIR) / "templates";
    auto problem = [&](const ConfigSources& sources) {
        try {
            load_config(sources);
        } catch (const TemplateError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    const std::string folder = templates.string();
    EXPECT_EQ(problem({templates, {folder}}), folder + ": the profile is a folder, not a file");
    EXPECT_EQ(problem({templates, {"/nonexistent/x.profile"}}),
              "/nonexistent/x.profile: cannot open the profile: No such file or directory");
    EXPECT_EQ(problem({"/nonexistent-templates", {}}),
              "/nonexistent-templates: no templates folder here (set PLANCON_TEMPLATES to the folder holding "
              "profiles/default.profile, leads.tsv, status.tsv, abbreviations.tsv, synonyms.tsv, contrasts.tsv, "
              "services.tsv, workbook_columns.tsv, workbook_colours.tsv and plan.xsd)");
}

// Regression: the list of known keys left out item-kinds and "FIELD words".
TEST(ParseProfile, AnUnknownFieldListsEveryKeyTheParserKnows) {
    try {
        parse_profile("bogus: x\n", "u.profile");
        FAIL() << "no error for an unknown field";
    } catch (const TemplateError& e) {
        EXPECT_EQ(std::string(e.what()),
                  "u.profile: line 1: unknown field \"bogus\" (known: ref action outcome lead due measures risks progress "
                  "status percent-complete quality-indicators page-ref service-column strength afi planned-action start, "
                  "FIELD words, service, item-kinds, sheet-kind)");
    }
    // Each key it lists is one it reads.
    const Profile p = parse_profile("service: Housing\nitem-kinds: task\nsheet-kind: Notes = ignore\nlead words: owner 2\n", "u.profile");
    EXPECT_EQ(p.service, "Housing");
    EXPECT_EQ(p.item_kinds, std::vector<std::string>{"task"});
    EXPECT_EQ(p.kind_for("Notes"), SheetKind::Ignore);
    EXPECT_EQ(p.word_weights("owner")[std::size_t(Field::Lead)], 2);
}

// Regression: every command refused to start without plan.xsd, which only
// validating reads; and the path was built in two places.
TEST(LoadConfig, TheSchemaIsKnownButNotRequired) {
    plancon::test::TempDir dir;
    const std::filesystem::path moved = std::filesystem::path(dir.path()) / "templates";
    std::filesystem::copy(std::filesystem::path(PLANCON_SOURCE_DIR) / "templates", moved,
                          std::filesystem::copy_options::recursive);
    std::filesystem::remove(moved / "plan.xsd");
    const Config config = load_config({moved, {}});
    EXPECT_EQ(config.schema, moved / "plan.xsd");
    EXPECT_EQ(feed_schema_path(moved), config.schema);
}

// ---- The workbook's layout (templates/workbook_columns.tsv, workbook_colours.tsv) ----

namespace {
std::string layout_problem(const std::string& columns, const std::string& colours = "") {
    try {
        WorkbookLayout layout = parse_workbook_columns(columns, "cols.tsv");
        parse_workbook_colours(layout, colours, "colours.tsv");
    } catch (const TemplateError& e) {
        return e.what();
    }
    return "";
}
const std::string minimal_columns =
    "Actions\tcode\tCode\t11\tprint\nActions\taction\tAction\t20-40\tprint\n"
    "Sources\tfile\tFile\t16-60\tprint\nSources\tsheet\tSheet\t10\tprint\nSources\trow\tRow\t6\tprint\n"
    "Sources\tfate\tFate\t10-22\tprint\nFindings\tarea\tArea\t20\tprint\nFindings\tsource\tSource\t20\tprint\n"
    "Issues\tmessage\tMessage\t30-80\tprint\n";
}  // namespace

TEST(WorkbookLayout, TheShippedTemplatesLayEverySheetOut) {
    const WorkbookLayout& layout = plancon::test::test_config().workbook;
    for (const auto& sheet : WorkbookLayout::sheets()) EXPECT_FALSE(layout.columns_of(sheet.sheet).empty()) << sheet.sheet;
    const auto& actions = layout.columns_of("Actions");
    EXPECT_EQ(actions.front().field, "code");
    EXPECT_FALSE(actions.back().printed);  // Sources: for the screen
    EXPECT_EQ(layout.statuses[std::size_t(Status::OnTrack)].fill, 0xC6EFCEu);
    EXPECT_EQ(layout.header_fill, 0xD9E1F2u);
}

TEST(WorkbookLayout, ColumnsAreReadInOrderWithHeadingsAndWidths) {
    const std::string rest = minimal_columns.substr(minimal_columns.find("Sources"));
    WorkbookLayout layout = parse_workbook_columns(
        "Actions\taction\tWhat we will do\t20-50\tprint\nactions\tref\tNo.\t5\tPRINT\n"
        "Actions\tcode\tCode\t11\tscreen\n" + rest, "cols.tsv");
    const auto& actions = layout.columns_of("Actions");
    ASSERT_EQ(actions.size(), 3u);
    EXPECT_EQ(actions[0].field, "action");
    EXPECT_EQ(actions[0].heading, "What we will do");
    EXPECT_EQ(actions[0].min_width, 20);
    EXPECT_EQ(actions[0].max_width, 50);
    EXPECT_EQ(actions[1].field, "ref");
    EXPECT_EQ(actions[1].min_width, 5);
    EXPECT_EQ(actions[1].max_width, 5);
    EXPECT_TRUE(actions[1].printed);
    EXPECT_FALSE(actions[2].printed);
}

TEST(WorkbookLayout, MistakesAreRefusedNamingTheLine) {
    EXPECT_EQ(layout_problem(minimal_columns + "Actions\tactoin\tAction\t20\tprint\n"),
              "cols.tsv: line 10: the Actions sheet has no field 'actoin' (fields: code, priority, ref, kind, action, "
              "outcome, leads, due, due-as-written, start, status, status-as-written, percent-complete, progress, "
              "measures, risks, quality-indicators, page-ref, services, sources)");
    EXPECT_EQ(layout_problem(minimal_columns + "Summary\tcode\tCode\t11\tprint\n"),
              "cols.tsv: line 10: no sheet 'Summary' to lay out (sheets: Actions, Sources, Findings, Issues)");
    EXPECT_EQ(layout_problem(minimal_columns + "Actions\tcode\tCode again\t11\tprint\n"),
              "cols.tsv: line 10: field 'code' is already a column of Actions");
    EXPECT_EQ(layout_problem(minimal_columns + "Actions\tdue\tDue\twide\tprint\n"),
              "cols.tsv: line 10: width 'wide' is not a width from 1 to 255 (\"12\") or a range (\"10-40\")");
    EXPECT_EQ(layout_problem(minimal_columns + "Actions\tdue\tDue\t40-10\tprint\n"),
              "cols.tsv: line 10: width '40-10' is not a width from 1 to 255 (\"12\") or a range (\"10-40\")");
    EXPECT_EQ(layout_problem(minimal_columns + "Actions\tdue\tDue\t11\tyes\n"),
              "cols.tsv: line 10: 'yes': say print or screen");
    EXPECT_EQ(layout_problem(minimal_columns + "Actions\tdue\tDue\t11\tscreen\nActions\tstatus\tStatus\t10\tprint\n"),
              "cols.tsv: line 11: a printed column after a screen-only one (due): put screen-only columns last");
    EXPECT_EQ(layout_problem(minimal_columns + "Actions\tdue\tDue\t11\n"),
              "cols.tsv: line 10: expected SHEET<TAB>FIELD<TAB>HEADING<TAB>WIDTH<TAB>print|screen");
    EXPECT_EQ(layout_problem(minimal_columns.substr(minimal_columns.find("Actions\taction"))),
              "cols.tsv: the Actions sheet needs a column for 'code' (it must show code, action)");
    EXPECT_EQ(layout_problem(minimal_columns, "On track\tC6EFCE\tgreen\t70AD47\n"),
              "colours.tsv: line 1: font colour 'green' is not RRGGBB in hex or -");
    EXPECT_EQ(layout_problem(minimal_columns, "Amber\tFFEB9C\t-\t-\n"),
              "colours.tsv: line 1: 'Amber' is not a status (Not started, On track, Slippage, Off track, Overdue, "
              "Complete, Cancelled, Not given), header or overdue date");
    EXPECT_EQ(layout_problem(minimal_columns, "header\tD9E1F2\t-\t70AD47\n"),
              "colours.tsv: line 1: header has no chart colour: write - there");
    EXPECT_EQ(layout_problem(minimal_columns, "#  a comment\nnot given\t-\t-\t#7f7f7f\nheader\t-\t-\t-\n"), "");
}

// The synonym and contrast tables reconciliation reads: forms and mistakes.
TEST(ParseMatchingTables, SynonymsAndContrastsReadTheirFormsAndNameBadLines) {
    const auto synonyms = parse_synonyms("# comment\nrevisit\treview\ncarry out\tundertake\n", "synonyms.tsv");
    ASSERT_EQ(synonyms.size(), 2u);
    EXPECT_EQ(synonyms[1].words, "carry out");
    EXPECT_EQ(synonyms[1].same_as, "undertake");
    const auto contrasts = parse_contrasts("child | adult | older\n\none|all\n", "contrasts.tsv");
    ASSERT_EQ(contrasts.size(), 2u);
    EXPECT_EQ(contrasts[0], (ContrastSet{"child", "adult", "older"}));
    EXPECT_EQ(contrasts[1], (ContrastSet{"one", "all"}));
    auto problem = [](auto parse) {
        try {
            parse();
        } catch (const TemplateError& e) {
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(problem([] { parse_synonyms("revisit\n", "synonyms.tsv"); }), "synonyms.tsv: line 1: expected WORDS<TAB>SAME AS");
    EXPECT_EQ(problem([] { parse_contrasts("# sets\nchild\n", "contrasts.tsv"); }),
              "contrasts.tsv: line 2: a contrast needs at least two words");
    EXPECT_EQ(problem([] { parse_contrasts("child || adult\n", "contrasts.tsv"); }),
              "contrasts.tsv: line 1: empty word between \"|\"");
}
