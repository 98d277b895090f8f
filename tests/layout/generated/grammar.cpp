// The grammar. A tracker is drawn in this order: format; sheets (the tracker,
// sometimes a second one, sometimes sheets that are not trackers); per
// tracker sheet: title rows, label rows and form blocks, the header (one or
// two rows, words from many departments' vocabularies, columns in any
// order, extra and empty columns), template guidance and example rows,
// blocks of actions under priority headings of every style, repeated
// headers, spacer rows, placeholder rows, footers, sometimes a second table.
// Every row records what it is and, for an action, what must be read from it.
#include "layout/generated/grammar.hpp"

#include "layout/generated/prng.hpp"
#include "plancon/values.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace plancon::gen {

namespace {

using S = std::vector<std::string>;

// ---- vocabulary ---------------------------------------------------------------

const S services = {"Housing", "Children & Families", "Community Justice", "Neighbourhood Services",
                    "Corporate Services", "Education", "Environment", "Health & Social Care Partnership",
                    "City Development", "Leisure & Culture"};

enum class Field : std::uint8_t { Ref, Action, Lead, Due, Status, Progress, Percent, Extra, EmptyColumn, Gap };

const S action_words = {"Action", "Key actions", "What we will do", "Task", "Task Description",
                        "Planned Corrective Action", "Mitigation Plan", "Action required", "Description of action",
                        "Activity", "Deliverable", "Milestone", "Improvement actions", "Actions", "Improvement Action"};
const S lead_words = {"Lead", "Who", "Owner", "Action owner", "Responsibility", "Responsible Party",
                      "Responsible person", "Accountable officer", "Assignee", "Point of Contact", "Lead Officer",
                      "Lead(s)", "Responsible Officer"};
const S due_words = {"Due", "By when", "When", "Date due", "Target date", "Deadline", "Timescale", "End Date",
                     "Planned Completion Date", "Scheduled Completion Date", "Due Date", "Target Completion Date"};
const S status_words = {"Status", "RAG", "RAG rating", "Current status", "Progress status", "RAG Status"};
const S progress_words = {"Progress", "Commentary", "Progress to date", "Latest Note", "Update", "Progress update"};
const S percent_words = {"% Complete", "Percent complete", "% complete", "Completion %", "% Done"};
const S ref_words = {"Ref", "No.", "#", "ID", "Task #", "Ref No.", "Action No."};

struct ExtraKind {
    const char* header;
    const char* kind;
};
const std::vector<ExtraKind> extra_kinds = {
    {"Budget", "money"},         {"Cost", "money"},           {"Evidence", "evidence"},
    {"Link to Council Plan", "link"}, {"Priority", "level"},  {"Risk", "level"},
    {"Notes", "notes"},          {"Start date", "start"},     {"Resources required", "resources"},
    {"Success measures", "measure"}, {"Expected outcome", "outcome"}, {"Control ID", "control"},
    {"Frequency", "frequency"},  {"Risk Rating", "level"},    {"Directorate", "service"},
    {"Complete?", "flag"},       {"Done?", "flag"},
};
const S empty_column_words = {"Comments", "Officer notes", "Date completed", "Evidence link", "Sign-off"};

const S verbs = {"Review", "Develop", "Implement", "Introduce", "Update", "Establish", "Deliver", "Improve",
                 "Publish", "Agree", "Monitor", "Evaluate", "Consult on", "Roll out", "Embed", "Strengthen",
                 "Extend", "Complete", "Refresh", "Streamline"};
const S objects = {"the allocations policy", "a workforce development plan", "the self-evaluation framework",
                   "tenant participation arrangements", "the corporate parenting strategy",
                   "quality assurance processes", "the service risk register", "performance reporting to committee",
                   "the customer complaints procedure", "training for front-line staff", "the transitions protocol",
                   "data sharing agreements with NHS Tayside", "the school improvement plan",
                   "the homelessness prevention strategy", "case file audits", "the family support service",
                   "the capital programme", "budget monitoring arrangements", "the staff survey action plan",
                   "the fleet replacement programme", "multi-agency chronologies", "the children's rights charter",
                   "supervision arrangements for social workers", "the rent arrears procedure",
                   "the community safety partnership's strategy", "an integrated approach to budget planning"};
const S qualifiers = {"by the end of the year", "across all teams", "in line with national guidance",
                      "with partners", "to reduce waiting times", "and report progress to CMT",
                      "so that young people are supported into positive destinations",
                      "using the agreed audit tool", "for all looked after children", "within existing resources",
                      "following consultation with tenants", "to meet the Care Inspectorate's recommendations"};
const S short_texts = {"Review policy", "Update procedures", "Recruit staff", "Publish annual report",
                       "Train managers", "Agree budget", "Audit case files", "Refresh strategy", "Staff survey",
                       "Implement IT system", "Review charges", "Consult tenants", "Close gaps"};
const S extra_sentences = {"This will include a review of current practice and the views of service users.",
                           "Progress will be reported to the Scrutiny Committee every six months.",
                           "Links to the Council Plan outcome on fair work and enterprise.",
                           "Resources will be identified from within the existing budget.",
                           "A short-life working group will be set up, chaired by the Head of Service.",
                           "The findings of the 2019 inspection will inform the work.",
                           "Staff & partners will be consulted at each stage."};

const S names = {"J. Smith", "Karen Lawson", "A. Patel", "Mark Harris", "Sue Brown", "Dr L. Chen", "Paul Clark",
                 "E. Devine", "Fiona McLeod", "R. O'Neill"};
const S posts = {"Head of Housing", "Service Manager", "Chief Social Work Officer", "Team Leader (Fostering)",
                 "Education Officer", "Head of Service, Community Justice", "Senior Performance Officer",
                 "Principal Officer", "Director of Children & Families"};
const S bodies = {"Children & Families Management Team", "Learning & Organisational Development",
                  "Council Management Team", "Housing Senior Management Team", "Strategic Planning Group",
                  "ICS Strategy and Performance Team", "Child Protection Committee"};
const S abbreviations = {"CMT", "C&F", "DCC", "ICS", "GIG", "CPC", "COG", "JMG", "SPG", "DHSCP", "CSWO", "LAC"};
const S lead_separators = {" / ", "/", "; ", ", ", "\n", " and "};

const S heading_titles = {"Leadership and direction", "Improving outcomes for looked after children",
                          "Service planning", "Partnership working", "Workforce development",
                          "Self-evaluation and quality assurance", "Communication and engagement",
                          "Tenant participation", "Homelessness prevention", "Financial sustainability",
                          "Early intervention", "Protecting children and young people"};
const S themes = {"LEADERSHIP", "SERVICE PLANNING", "PEOPLE (STAFF)", "PARTNERSHIPS & RESOURCES",
                  "PROCESSES & SERVICES", "RESULTS"};
const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                        "July",    "August",   "September", "October", "November", "December"};

// ---- helpers ------------------------------------------------------------------

std::string upper(std::string s) {
    for (char& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}
std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}
std::string fy(int start) {  // 2019 -> "2019/20"
    const int next = (start + 1) % 100;
    return std::to_string(start) + "/" + (next < 10 ? "0" : "") + std::to_string(next);
}
double serial(int y, unsigned m, unsigned d) { return double(serial_of(std::chrono::year{y} / m / d)); }
Date last_of_month(int y, unsigned m) { return last_day_of_month(y, m); }
std::string ordinal(unsigned d) {
    const char* suffix = (d % 10 == 1 && d != 11) ? "st" : (d % 10 == 2 && d != 12) ? "nd" : (d % 10 == 3 && d != 13) ? "rd" : "th";
    return std::to_string(d) + suffix;
}
std::string two(unsigned v) { return (v < 10 ? "0" : "") + std::to_string(v); }

GenCell text_cell(std::uint32_t col, std::string text) {
    GenCell c;
    c.col = col;
    c.text = std::move(text);
    return c;
}
GenCell number_cell(std::uint32_t col, double v, std::string format = "") {
    GenCell c;
    c.col = col;
    c.type = GenCell::Type::Number;
    c.number = v;
    c.format = std::move(format);
    return c;
}
GenCell date_cell(std::uint32_t col, double days, std::string format, bool with_time) {
    GenCell c;
    c.col = col;
    c.type = with_time ? GenCell::Type::DateTime : GenCell::Type::Date;
    c.number = days;
    c.format = std::move(format);
    return c;
}

// ---- the generator --------------------------------------------------------------

struct Column {
    Field field = Field::Gap;
    std::string header;       // as written in the (bottom) header row
    std::string group;        // two-row header: the group cell above, "" when none
    std::string extra;        // Extra columns: which kind of values
    std::uint32_t col = 0;
};

enum class HeaderMode : std::uint8_t { OneRow, TwoRowGroup, TwoRowSplit };
enum class HeadingStyle : std::uint8_t {
    ImprovementAction, Priority, Numbered, Aim, Theme, CapitalTheme, Objective, RefAndTitle, Section
};
const char* heading_style_names[] = {"improvement-action", "priority", "numbered", "aim", "theme",
                                     "capital-theme", "objective", "ref-and-title", "section"};
enum class HeadingPlace : std::uint8_t { Merged, FirstColumn, ActionColumn };
const char* heading_place_names[] = {"merged-across", "first-column", "action-column"};

enum class DueStyle : std::uint8_t { DateCells, Phrases, Mixed };

class Generator {
public:
    explicit Generator(std::uint64_t seed) : rng_(seed) { t_.seed = seed; }

    GeneratedTracker run() {
        const int f = int(rng_.below(100));
        t_.format = f < 60 ? FileFormat::Xlsx : f < 80 ? FileFormat::Ods : FileFormat::Csv;
        csv_ = t_.format == FileFormat::Csv;
        t_.features.push_back(std::string("format:") + to_string(t_.format));
        if (csv_ && t_.seed % 3 == 0) t_.features.push_back("csv:bom");  // write_csv adds the BOM on these seeds
        service_ = rng_.pick(services);
        year_ = rng_.between(2016, 2023);
        if (csv_) {
            t_.sheets.emplace_back();
            t_.sheets.back().name = "layout-" + std::to_string(t_.seed);  // the reader names a CSV's sheet after the file
            tracker_sheet(t_.sheets.back());
            return std::move(t_);
        }
        const S tracker_names = {"Action Plan", "Improvement Plan", "Tracker", fy(year_).replace(4, 1, "-"), "Sheet1",
                                 "Actions", "Open Items"};
        const S other_kinds = {"instructions", "contacts", "lookup", "changes"};
        std::vector<std::string> others;
        if (rng_.percent(25)) {
            others.push_back(rng_.pick(other_kinds));
            if (rng_.percent(30)) {
                std::string second = rng_.pick(other_kinds);
                if (second != others[0]) others.push_back(second);
            }
            t_.features.push_back("extra-sheet");
        }
        const bool others_first = rng_.percent(50);
        if (others_first)
            for (const auto& k : others) other_sheet(k);
        t_.sheets.emplace_back();
        t_.sheets.back().name = rng_.pick(tracker_names);
        tracker_sheet(t_.sheets.back());
        if (rng_.percent(6)) {
            t_.sheets.emplace_back();
            t_.sheets.back().name = fy(year_ + 1).replace(4, 1, "-") + " plan";
            tracker_sheet(t_.sheets.back());
        }
        if (!others_first)
            for (const auto& k : others) other_sheet(k);
        return std::move(t_);
    }

private:
    Prng rng_;
    GeneratedTracker t_;
    bool csv_ = false;
    std::string service_;
    int year_ = 2019;

    // The sheet being written.
    GenSheet* sheet_ = nullptr;
    std::size_t add_row(RowKind kind) {
        sheet_->rows.emplace_back();
        sheet_->rows.back().kind = kind;
        return sheet_->rows.size() - 1;
    }
    GenRow& row(std::size_t i) { return sheet_->rows[i]; }
    void merge(std::uint32_t r1, std::uint32_t c1, std::uint32_t r2, std::uint32_t c2) {
        if (csv_ || r2 < r1 || c2 < c1 || (r1 == r2 && c1 == c2)) return;
        sheet_->merges.push_back(Range{{r1, c1}, {r2, c2}});
    }
    void blanks(int n) {
        for (int i = 0; i < n; ++i) add_row(RowKind::Blank);
    }

    // ---- words ----
    std::string action_text(std::string& length) {
        const int k = int(rng_.below(100));
        std::string text;
        if (k < 20) {
            length = "short";
            text = rng_.percent(50) ? rng_.pick(short_texts) : rng_.pick(verbs) + " " + rng_.pick(S{"policy", "procedures", "guidance", "training", "budgets", "staffing"});
        } else if (k < 75) {
            length = "medium";
            text = rng_.pick(verbs) + " " + rng_.pick(objects);
            if (rng_.percent(60)) text += " " + rng_.pick(qualifiers);
            if (rng_.percent(60)) text += ".";
        } else {
            length = "long";
            text = rng_.pick(verbs) + " " + rng_.pick(objects) + " " + rng_.pick(qualifiers) + ".";
            const int style = int(rng_.below(3));
            const int more = rng_.between(1, 3);
            std::vector<std::size_t> order(extra_sentences.size());
            for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
            rng_.shuffle(order);  // no sentence twice in one text
            for (int i = 0; i < more; ++i) {
                const std::string& sentence = extra_sentences[order[std::size_t(i)]];
                if (style == 0) text += " " + sentence;
                else if (style == 1) text += "\n" + sentence;
                else text += "\n\u2022 " + rng_.pick(verbs) + " " + rng_.pick(objects);
            }
        }
        return text;
    }

    std::string one_lead(std::string& kind) {
        const int k = int(rng_.below(100));
        if (k < 30) return kind = "name", rng_.pick(names);
        if (k < 55) return kind = "post", rng_.pick(posts);
        if (k < 75) return kind = "body", rng_.pick(bodies);
        return kind = "abbreviation", rng_.pick(abbreviations);
    }
    std::string lead_text(std::string& kind) {
        if (!rng_.percent(25)) return one_lead(kind);
        const int n = rng_.between(2, 3);
        const std::string sep = rng_.pick(lead_separators);
        std::string out, ignored;
        std::vector<std::string> chosen;
        while (int(chosen.size()) < n) {
            std::string l = rng_.percent(60) ? rng_.pick(abbreviations) : one_lead(ignored);
            if (std::find(chosen.begin(), chosen.end(), l) == chosen.end()) chosen.push_back(l);
        }
        for (std::size_t i = 0; i < chosen.size(); ++i) out += (i ? sep : "") + chosen[i];
        kind = "several";
        return out;
    }

    std::string heading_text(HeadingStyle style, int n, std::string& ref_cell) {
        const std::string title = rng_.pick(heading_titles);
        switch (style) {
            case HeadingStyle::ImprovementAction:
                return "IMPROVEMENT ACTION " + std::to_string(n) + ": " + (rng_.percent(50) ? upper(title) : title);
            case HeadingStyle::Priority: return "Priority " + std::to_string(n) + (rng_.percent(50) ? " - " : ": ") + title;
            case HeadingStyle::Numbered: return std::to_string(n) + ". " + title;
            case HeadingStyle::Aim: return "AIM " + std::to_string(n) + (rng_.percent(50) ? "" : " - " + title);
            case HeadingStyle::Theme: return "Theme: " + title;
            case HeadingStyle::CapitalTheme: return themes[std::size_t(n - 1) % themes.size()];
            case HeadingStyle::Objective: return "Objective " + std::to_string(n) + ": " + title;
            case HeadingStyle::RefAndTitle: ref_cell = std::to_string(n) + ".0"; return title;
            case HeadingStyle::Section: return "Section " + std::to_string(n) + " \u2013 " + title;
        }
        return title;
    }

    // A due cell and what a careful reader derives from it.
    GenCell due_cell(std::uint32_t col, DueStyle style, const std::string& date_format, Expected& e, std::string& feature) {
        const int y = year_ + int(rng_.below(3));
        const bool as_cell = !csv_ && (style == DueStyle::DateCells || (style == DueStyle::Mixed && rng_.percent(50)));
        if (as_cell || (csv_ && style != DueStyle::Phrases && rng_.percent(60))) {
            const unsigned m = unsigned(rng_.between(1, 12));
            const Date d = rng_.percent(60) ? last_of_month(y, m) : Date{y, m, unsigned(rng_.between(1, 28))};
            const bool with_time = rng_.percent(15);
            const std::string format = with_time ? (rng_.percent(50) ? "dd/mm/yyyy hh:mm" : "yyyy-mm-dd hh:mm:ss") : date_format;
            double days = serial(d.year, d.month, d.day);
            if (with_time) days += double(rng_.between(8 * 4, 18 * 4)) / 96.0;  // quarter hours in the working day
            GenCell c = date_cell(col, days, format, with_time);
            if (!with_time && rng_.percent(8)) {  // a formula giving the date (FedRAMP's completion dates are formulas)
                c.type = GenCell::Type::Formula;
                c.formula = "DATE(" + std::to_string(d.year) + "," + std::to_string(d.month) + "," + std::to_string(d.day) + ")";
                feature = "due:formula-date";
            } else {
                feature = with_time ? "due:date-time-cell" : "due:date-cell";
            }
            e.due_text = display_text(c);
            e.due_date = d;
            e.due_is_cell = !csv_;
            if (csv_) {
                feature = with_time ? "due:date-time-as-text" : "due:date-as-text";
                if (format == "mmmm yyyy") e.due_date = last_of_month(d.year, d.month);  // the text names a month only
                c = text_cell(col, e.due_text);
            }
            return c;
        }
        // A phrase.
        const int k = int(rng_.below(100));
        const unsigned m = unsigned(rng_.between(1, 12));
        std::string text;
        std::optional<Date> date;
        feature = "due:phrase-dated";
        if (k < 14) {
            text = std::string(months[m - 1]) + " " + std::to_string(y);
            date = last_of_month(y, m);
        } else if (k < 24) {
            const Date d = last_of_month(y, m);
            text = two(d.day) + "/" + two(d.month) + "/" + std::to_string(y);
            date = d;
        } else if (k < 30) {
            const Date d = last_of_month(y, m);
            text = ordinal(d.day) + " " + months[m - 1] + " " + std::to_string(y);
            date = d;
        } else if (k < 40) {
            text = fy(y);
            date = Date{y + 1, 3, 31};
        } else if (k < 48) {
            text = (rng_.percent(50) ? "During session " : "Session ") + fy(y);
            date = Date{y + 1, 6, 30};
        } else if (k < 58) {
            const int q = rng_.between(1, 4);
            text = "Q" + std::to_string(q) + " " + fy(y);
            date = q == 4 ? Date{y + 1, 3, 31} : last_of_month(y, unsigned(3 + 3 * q));
        } else if (k < 62) {
            text = std::string(months[m - 1]) + " " + std::to_string(y) + " and six monthly thereafter";
            date = last_of_month(y, m);
        } else if (k < 65) {
            text = "1st April " + std::to_string(y + 1) + ". First review of progress September " + std::to_string(y);
            date = Date{y + 1, 4, 1};
        } else {
            feature = "due:phrase-no-date";
            text = rng_.pick(S{"Ongoing", "Immediate", "TBC", "Immediate & Continuous", "Continuous", "ongoing", "TBD"});
        }
        e.due_text = text;
        e.due_date = date;
        return text_cell(col, text);
    }

    // ---- non-tracker sheets ----
    void other_sheet(const std::string& kind) {
        t_.sheets.emplace_back();
        GenSheet& s = t_.sheets.back();
        s.tracker = false;
        sheet_ = &s;
        auto line = [&](std::vector<GenCell> cells) {
            const std::size_t r = add_row(RowKind::Other);
            row(r).cells = std::move(cells);
            row(r).features.push_back("other:" + kind);
            return r;
        };
        if (kind == "instructions") {
            s.name = "Instructions";
            line({text_cell(0, "Instructions")});
            line({});
            const S steps = {"1. Enter each action on a new row; do not change the column headings.",
                             "2. Select the RAG status from the drop-down list.",
                             "3. Give a due date for every action (DD/MM/YYYY).",
                             "4. Update the progress column every quarter.",
                             "Please return the completed tracker to the Performance Team by 15 April " + std::to_string(year_ + 1) + ".",
                             "Review the allocations policy is an example of a good action: short, with a lead and a date."};
            for (const auto& step : steps)
                if (rng_.percent(75)) line({text_cell(rng_.percent(70) ? 0 : 1, step)});
        } else if (kind == "contacts") {
            s.name = "Contacts";
            line({text_cell(0, "Name"), text_cell(1, "Role"), text_cell(2, "Email"), text_cell(3, "Phone")});
            const int n = rng_.between(2, 6);
            for (int i = 0; i < n; ++i) {
                const std::string name = rng_.pick(names);
                line({text_cell(0, name), text_cell(1, rng_.pick(posts)),
                      text_cell(2, lower(name.substr(name.find(' ') + 1)) + "@example.gov.uk"),
                      text_cell(3, "01382 43" + std::to_string(1000 + rng_.below(9000)))});
            }
        } else if (kind == "lookup") {
            s.name = "Lists";
            line({text_cell(0, "Status"), text_cell(1, "RAG"), text_cell(2, "Service")});
            const S st = {"Not started", "On track", "Slippage", "Complete", "Cancelled"};
            const S rag = {"Red", "Amber", "Green"};
            for (std::size_t i = 0; i < st.size(); ++i) {
                std::vector<GenCell> cells{text_cell(0, st[i])};
                if (i < rag.size()) cells.push_back(text_cell(1, rag[i]));
                if (i < services.size()) cells.push_back(text_cell(2, services[i]));
                line(cells);
            }
        } else {
            s.name = "Record of Changes";
            line({text_cell(1, "Record of Changes")});
            merge(0, 1, 0, 4);
            line({text_cell(1, "Date"), text_cell(2, "Version"), text_cell(3, "Description of change"), text_cell(4, "Author")});
            const int n = rng_.between(1, 4);
            for (int i = 0; i < n; ++i)
                line({date_cell(1, serial(year_, unsigned(1 + 2 * i), 10), "dd/mm/yyyy", false), number_cell(2, 1.0 + i),
                      text_cell(3, rng_.pick(S{"Template issued", "Added Q2 updates", "Revised due dates for actions 3 and 4",
                                                 "Columns reordered"})),
                      text_cell(4, rng_.pick(names))});
        }
    }

    // ---- tracker sheets ----
    void tracker_sheet(GenSheet& s) {
        sheet_ = &s;
        const int n_tables = rng_.percent(10) ? 2 : 1;
        for (int i = 0; i < n_tables; ++i) table(i, n_tables);
    }

    // One table with everything above and below it.
    void table(int index, int n_tables) {
        std::vector<std::string> tf;  // features of every action row of this table
        if (n_tables > 1) tf.push_back("several-tables");
        std::vector<std::size_t> action_rows;

        // Columns.
        std::vector<Column> cols;
        auto add_col = [&](Field f, std::string header, std::string extra = "") {
            Column c;
            c.field = f;
            c.header = std::move(header);
            c.extra = std::move(extra);
            cols.push_back(c);
        };
        const bool has_ref = rng_.percent(60), has_lead = rng_.percent(92), has_due = rng_.percent(92);
        const std::string action_word = rng_.pick(action_words), lead_word = rng_.pick(lead_words),
                          due_word = rng_.pick(due_words);
        tf.push_back("vocab:action=" + action_word);
        if (has_lead) tf.push_back("vocab:lead=" + lead_word);
        else tf.push_back("columns:no-lead");
        if (has_due) tf.push_back("vocab:due=" + due_word);
        else tf.push_back("columns:no-due");
        if (has_ref) add_col(Field::Ref, rng_.pick(ref_words));
        add_col(Field::Action, action_word);
        if (has_lead) add_col(Field::Lead, lead_word);
        if (has_due) add_col(Field::Due, due_word);
        if (rng_.percent(55)) add_col(Field::Status, rng_.pick(status_words));
        if (rng_.percent(20)) add_col(Field::Percent, rng_.pick(percent_words));
        if (rng_.percent(40)) add_col(Field::Progress, rng_.pick(progress_words));
        const int n_extra = int(rng_.below(4));
        std::vector<std::size_t> extra_pool(extra_kinds.size());
        for (std::size_t i = 0; i < extra_pool.size(); ++i) extra_pool[i] = i;
        rng_.shuffle(extra_pool);
        for (int i = 0; i < n_extra; ++i)
            add_col(Field::Extra, extra_kinds[extra_pool[std::size_t(i)]].header, extra_kinds[extra_pool[std::size_t(i)]].kind);
        if (n_extra) tf.push_back("columns:extra");
        if (rng_.percent(10)) {
            add_col(Field::EmptyColumn, rng_.pick(empty_column_words));
            tf.push_back("columns:empty-with-header");
        }
        // Order.
        if (rng_.percent(45)) {
            rng_.shuffle(cols);
            tf.push_back("columns:shuffled");
        } else {
            // The usual order, extra columns moved to random places after the action.
            std::vector<Column> extras;
            for (auto it = cols.begin(); it != cols.end();)
                if (it->field == Field::Extra || it->field == Field::EmptyColumn) {
                    extras.push_back(*it);
                    it = cols.erase(it);
                } else {
                    ++it;
                }
            for (auto& e : extras) {
                const std::size_t after = has_ref ? 2 : 1;
                cols.insert(cols.begin() + std::ptrdiff_t(after + rng_.below(cols.size() - after + 1)), e);
            }
            tf.push_back("columns:usual-order");
        }
        if (rng_.percent(8) && cols.size() > 2) {
            Column gap;
            gap.field = Field::Gap;
            cols.insert(cols.begin() + std::ptrdiff_t(1 + rng_.below(cols.size() - 1)), gap);
            tf.push_back("columns:gap");
        }

        // Header mode and two-row groups.
        const int hm = int(rng_.below(100));
        HeaderMode mode = hm < 70 ? HeaderMode::OneRow : hm < 90 ? HeaderMode::TwoRowGroup : HeaderMode::TwoRowSplit;
        if (mode == HeaderMode::TwoRowGroup) {
            // One or two groups: a quarterly progress pair, dates as Start | End over the due column,
            // Responsibility as Lead | Support over the lead column.
            bool grouped = false;
            const std::string period = rng_.pick(S{"Q1", "Q1 " + fy(year_), "June"});
            const std::string period2 = period == "Q1" ? "Q2" : period == "June" ? "September" : "Q2 " + fy(year_);
            if (rng_.percent(60)) {
                const std::string g = rng_.pick(S{"Progress", "Progress updates", "Quarterly update"});
                Column a, b;
                a.field = b.field = Field::Extra;
                a.extra = b.extra = "quarterly";
                a.header = period;
                b.header = period2;
                a.group = b.group = g;
                const std::size_t at = 1 + rng_.below(cols.size());
                cols.insert(cols.begin() + std::ptrdiff_t(at), {a, b});
                grouped = true;
            }
            for (std::size_t i = 0; i < cols.size(); ++i) {
                if (cols[i].field == Field::Due && rng_.percent(50)) {
                    Column start;
                    start.field = Field::Extra;
                    start.extra = "start";
                    start.header = "Start";
                    start.group = cols[i].group = rng_.pick(S{"Timescale", "Timescales", "Dates"});
                    cols[i].header = rng_.pick(S{"End", "Finish", "Due", "Target"});
                    cols.insert(cols.begin() + std::ptrdiff_t(i), start);
                    for (std::string& f : tf)
                        if (f.rfind("vocab:due=", 0) == 0) f = "vocab:due=" + cols[i + 1].header + " under " + cols[i + 1].group;
                    grouped = true;
                    break;
                }
            }
            for (std::size_t i = 0; i < cols.size(); ++i) {
                if (cols[i].field == Field::Lead && rng_.percent(40)) {
                    Column support;
                    support.field = Field::Extra;
                    support.extra = "support";
                    support.header = "Support";
                    support.group = cols[i].group = rng_.pick(S{"Responsibility", "Who"});
                    cols[i].header = "Lead";
                    for (std::string& f : tf)
                        if (f.rfind("vocab:lead=", 0) == 0) f = "vocab:lead=Lead under " + cols[i].group;
                    cols.insert(cols.begin() + std::ptrdiff_t(i + 1), support);
                    grouped = true;
                    break;
                }
            }
            if (!grouped) mode = HeaderMode::OneRow;
        }
        tf.push_back(mode == HeaderMode::OneRow ? "header:one-row" : mode == HeaderMode::TwoRowGroup ? "header:two-row-group" : "header:two-row-split");

        // Header words as departments write them.
        const int case_mode = int(rng_.below(100));
        for (Column& c : cols) {
            if (c.field == Field::Gap) continue;
            if (rng_.percent(4)) c.header += ":";
            else if (rng_.percent(4)) c.header += " *";
            else if (c.field == Field::Due && rng_.percent(8)) c.header += rng_.pick(S{" (DD/MM/YYYY)", " (dd/mm/yy)"});
            if (case_mode < 15) c.header = upper(c.header), c.group = upper(c.group);
            else if (case_mode < 20) c.header = lower(c.header), c.group = lower(c.group);
            const auto space = c.header.find(' ');
            if (mode != HeaderMode::TwoRowSplit && space != std::string::npos && rng_.percent(6)) c.header[space] = '\n';
        }
        if (case_mode < 15) tf.push_back("header:upper-case");
        else if (case_mode < 20) tf.push_back("header:lower-case");

        // Where the table starts.
        const std::uint32_t first_col = rng_.percent(70) ? 0 : rng_.percent(85) ? 1 : 2;
        if (first_col) tf.push_back("columns:offset");
        for (std::size_t i = 0; i < cols.size(); ++i) cols[i].col = first_col + std::uint32_t(i);
        const std::uint32_t last_col = cols.back().col;
        auto col_of = [&](Field f) -> int {
            for (const Column& c : cols)
                if (c.field == f) return int(c.col);
            return -1;
        };
        const int ref_col = col_of(Field::Ref), action_col = col_of(Field::Action), lead_col = col_of(Field::Lead),
                  due_col = col_of(Field::Due);

        // Above the header.
        if (index > 0) {
            blanks(rng_.between(1, 3));
            const std::size_t r = add_row(RowKind::Title);
            row(r).cells.push_back(text_cell(first_col, rng_.pick(S{"Part 2: actions carried forward from " + fy(year_ - 1),
                                                                     "Actions completed in " + fy(year_ - 1),
                                                                     "Table 2 - Corporate actions"})));
            row(r).features.push_back("title:second-table");
        } else {
            above_header(first_col, last_col, tf);
        }

        // The header.
        std::vector<std::size_t> header_rows = header(cols, mode, RowKind::Header);

        // Template guidance and examples under the header.
        const std::size_t rows_before_guidance = sheet_->rows.size();
        if (rng_.percent(12)) guidance(cols, first_col, last_col, tf);
        if (rng_.percent(10)) examples(cols, tf);
        const bool body_right_under_header = sheet_->rows.size() == rows_before_guidance;

        // Styles of this table's body.
        const bool headings = rng_.percent(50);
        HeadingStyle hstyle = HeadingStyle(rng_.below(9));
        if (hstyle == HeadingStyle::RefAndTitle && ref_col < 0) hstyle = HeadingStyle::Numbered;
        HeadingPlace hplace = HeadingPlace(rng_.below(3));
        if (csv_ && hplace == HeadingPlace::Merged) hplace = HeadingPlace::FirstColumn;
        if (hstyle == HeadingStyle::RefAndTitle) hplace = HeadingPlace::ActionColumn;
        const bool heading_under_header = rng_.percent(70);
        const int n_blocks = headings ? rng_.between(2, 5) : rng_.between(1, 3);
        const bool repeat_header = rng_.percent(15) && n_blocks > 1;
        const bool merged_leads = !csv_ && has_lead && rng_.percent(20);
        const bool merged_leads_csv = csv_ && has_lead && rng_.percent(20);
        const int ds = int(rng_.below(100));
        const DueStyle due_style = ds < 45 ? DueStyle::DateCells : ds < 75 ? DueStyle::Phrases : DueStyle::Mixed;
        const std::string date_format = rng_.pick(S{"dd/mm/yyyy", "dd/mm/yyyy", "d mmmm yyyy", "d-mmm-yy", "mmmm yyyy"});
        const int status_style = int(rng_.below(4));
        const int ref_style = int(rng_.below(5));
        if (headings) {
            tf.push_back(std::string("heading:") + heading_style_names[int(hstyle)]);
            tf.push_back(std::string("heading-place:") + heading_place_names[int(hplace)]);
            if (heading_under_header && body_right_under_header) tf.push_back("heading:right-under-header");
        }
        if (repeat_header) tf.push_back("header-repeated");
        if (merged_leads) tf.push_back("leads:merged-table");

        int action_number = 0;
        int total_actions = 0;
        for (int b = 0; b < n_blocks; ++b) {
            if (b > 0 && repeat_header) {
                if (rng_.percent(40)) blanks(1);
                header(cols, mode, RowKind::HeaderRepeat);
            }
            const bool heading_here = headings && (b > 0 || heading_under_header);
            if (heading_here) {
                if (b > 0 && rng_.percent(35)) blanks(1);
                std::string ref_cell;
                const std::string text = heading_text(hstyle, b + 1, ref_cell);
                const std::size_t r = add_row(RowKind::Heading);
                row(r).features.push_back(std::string("heading:") + heading_style_names[int(hstyle)]);
                row(r).features.push_back(std::string("heading-place:") + heading_place_names[int(hplace)]);
                if (b == 0 && body_right_under_header) row(r).features.push_back("heading:right-under-header");
                if (hstyle == HeadingStyle::RefAndTitle) {
                    row(r).cells.push_back(text_cell(std::uint32_t(ref_col), ref_cell));
                    row(r).cells.push_back(text_cell(std::uint32_t(action_col), text));
                } else if (hplace == HeadingPlace::Merged) {
                    row(r).cells.push_back(text_cell(first_col, text));
                    merge(std::uint32_t(r), first_col, std::uint32_t(r), last_col);
                } else {
                    row(r).cells.push_back(text_cell(hplace == HeadingPlace::FirstColumn ? first_col : std::uint32_t(action_col), text));
                }
            }
            const int n_actions = rng_.between(1, headings ? 5 : 8);
            int merged_left = 0;        // rows still under the current merged lead
            std::size_t merge_top = 0;
            std::string merged_value;
            for (int a = 0; a < n_actions; ++a) {
                if (a > 0 && merged_left == 0 && rng_.percent(8)) {
                    const std::size_t r = add_row(RowKind::Blank);
                    row(r).features.push_back("spacer");
                }
                ++action_number;
                ++total_actions;
                const std::size_t r = add_row(RowKind::Action);
                action_rows.push_back(r);
                GenRow& ar = row(r);
                Expected& e = ar.expect;
                std::string length;
                e.text = action_text(length);
                ar.features.push_back("text:" + length);
                for (const Column& c : cols) {
                    const std::uint32_t col = c.col;
                    switch (c.field) {
                        case Field::Gap:
                        case Field::EmptyColumn: break;
                        case Field::Action: row(r).cells.push_back(text_cell(col, e.text)); break;
                        case Field::Ref: {
                            std::string ref;
                            if (hstyle == HeadingStyle::RefAndTitle && headings) ref = std::to_string(b + 1) + "." + std::to_string(a + 1);
                            else if (ref_style == 0) {
                                row(r).cells.push_back(number_cell(col, action_number));
                                break;
                            } else if (ref_style == 1) {
                                GenCell f = number_cell(col, double(r + 1) - double(header_rows.back() + 1));
                                f.type = GenCell::Type::Formula;
                                f.formula = "ROW()-" + std::to_string(header_rows.back() + 1);
                                row(r).cells.push_back(f);
                                row(r).features.push_back("ref:formula");
                                break;
                            } else if (ref_style == 2) ref = std::to_string(b + 1) + "." + std::to_string(a + 1);
                            else if (ref_style == 3) ref = upper(service_.substr(0, 3)) + "-" + two(unsigned(action_number));
                            else ref = "A" + std::to_string(action_number);
                            row(r).cells.push_back(text_cell(col, ref));
                            break;
                        }
                        case Field::Lead: {
                            if (merged_left > 0) {
                                --merged_left;
                                e.leads = merged_value;
                                if (merged_leads_csv) e.leads_may_be_empty = true;
                                row(r).features.push_back(merged_leads_csv ? "leads:merged-csv" : "leads:merged");
                                if (merged_left == 0 && !csv_) merge(std::uint32_t(merge_top), col, std::uint32_t(r), col);
                                break;
                            }
                            std::string kind;
                            e.leads = lead_text(kind);
                            row(r).features.push_back("leads:" + kind);
                            if (rng_.percent(4)) {  // a lead cell left empty
                                e.leads.clear();
                                row(r).features.back() = "leads:empty";
                                break;
                            }
                            row(r).cells.push_back(text_cell(col, e.leads));
                            if ((merged_leads || merged_leads_csv) && a + 1 < n_actions && rng_.percent(60)) {
                                merged_left = std::min(rng_.between(1, 3), n_actions - a - 1);
                                merge_top = r;
                                merged_value = e.leads;
                                row(r).features.push_back(merged_leads_csv ? "leads:merged-csv" : "leads:merged");
                            }
                            break;
                        }
                        case Field::Due: {
                            if (rng_.percent(5)) {
                                row(r).features.push_back("due:empty");
                                break;
                            }
                            std::string feature;
                            row(r).cells.push_back(due_cell(col, due_style, date_format, e, feature));
                            row(r).features.push_back(feature);
                            break;
                        }
                        case Field::Status: {
                            if (rng_.percent(12)) break;
                            if (status_style == 0) row(r).cells.push_back(text_cell(col, rng_.pick(S{"Red", "Amber", "Green"})));
                            else if (status_style == 1) row(r).cells.push_back(text_cell(col, rng_.pick(S{"R", "A", "G", "Complete"})));
                            else if (status_style == 2)
                                row(r).cells.push_back(text_cell(col, rng_.pick(S{"On track", "Complete", "Completed", "Not started", "Slippage", "Overdue", "In progress", "Cancelled"})));
                            else if (rng_.percent(50)) row(r).cells.push_back(number_cell(col, double(rng_.below(5)) / 4, "0%"));
                            else row(r).cells.push_back(text_cell(col, std::to_string(25 * rng_.below(5)) + "%"));
                            break;
                        }
                        case Field::Percent: {
                            if (rng_.percent(50)) row(r).cells.push_back(number_cell(col, double(rng_.below(11)) / 10, "0%"));
                            else if (rng_.percent(50)) row(r).cells.push_back(number_cell(col, double(10 * rng_.below(11))));
                            else row(r).cells.push_back(text_cell(col, std::to_string(10 * rng_.below(11)) + "%"));
                            break;
                        }
                        case Field::Progress: {
                            if (rng_.percent(30)) break;
                            row(r).cells.push_back(text_cell(col, rng_.pick(S{
                                "Draft policy prepared; consultation planned for May.", "Complete.", "No update this quarter",
                                "On schedule", "Delayed by staff vacancies.\nRevised date agreed with CMT.",
                                "Working group met twice; terms of reference agreed."})));
                            break;
                        }
                        case Field::Extra: {
                            GenCell cell;
                            if (extra_cell(c, col, e, cell)) row(r).cells.push_back(cell);
                            break;
                        }
                    }
                }
            }
            // A merged lead still open at the end of the block ends there.
            if (merged_left > 0 && !csv_) {
                const std::size_t last = sheet_->rows.size() - 1;
                merge(std::uint32_t(merge_top), std::uint32_t(lead_col), std::uint32_t(last), std::uint32_t(lead_col));
            }
        }

        // Below the table.
        if (rng_.percent(10)) placeholders(cols, ref_col, due_col, action_number, header_rows.back(), tf);
        if (rng_.percent(40)) footer(first_col, last_col, total_actions, tf);

        for (std::size_t r : action_rows)
            for (const std::string& f : tf) row(r).features.push_back(f);
        (void)lead_col;
    }

    void above_header(std::uint32_t first_col, std::uint32_t last_col, std::vector<std::string>& tf) {
        const int tw = int(rng_.below(100));
        const int n_titles = tw < 25 ? 0 : tw < 60 ? 1 : tw < 85 ? 2 : tw < 95 ? 3 : 4;
        tf.push_back("titles:" + std::to_string(n_titles));
        const S titles = {service_ + " Service Improvement Plan " + fy(year_).replace(4, 1, "-"),
                          "Appendix 1b " + service_ + " Service - PSIF Assessment " + std::to_string(year_),
                          service_ + " Action Plan " + fy(year_),
                          "Dundee City Council",
                          "Improvement Plan \u2013 Progress Report as at 30 September " + std::to_string(year_),
                          "Joint Inspection of Services for Children \u2013 Improvement Plan",
                          "Quarter 2 update",
                          upper(service_) + " TRACKER"};
        std::vector<std::string> chosen = titles;
        rng_.shuffle(chosen);
        const bool merged = !csv_ && rng_.percent(40);
        for (int i = 0; i < n_titles; ++i) {
            const std::size_t r = add_row(RowKind::Title);
            const std::uint32_t col = rng_.percent(10) ? first_col + 1 : first_col;
            row(r).cells.push_back(text_cell(col, chosen[std::size_t(i)]));
            row(r).features.push_back(merged ? "title:merged" : "title");
            if (merged) merge(std::uint32_t(r), col, std::uint32_t(r), last_col);
        }
        if (n_titles && rng_.percent(50)) blanks(1);
        // Label rows and form blocks.
        if (rng_.percent(45)) {
            tf.push_back("labels");
            const int n = rng_.between(1, 4);
            // No label twice: the service is given one way (0, 1 or the pairs row 8), the others once each.
            std::vector<int> kinds = {int(rng_.pick(std::vector<int>{0, 1, 8})), 2, 3, 4, 5, 6, 7};
            rng_.shuffle(kinds);
            for (int i = 0; i < n; ++i) label_row(first_col, kinds[std::size_t(i)]);
            if (rng_.percent(60)) blanks(rng_.between(1, 2));
        }
    }

    void label_row(std::uint32_t c, int k) {
        const std::size_t r = add_row(RowKind::Label);
        auto& cells = row(r).cells;
        const double date = serial(year_, unsigned(rng_.between(1, 12)), unsigned(rng_.between(1, 28)));
        std::string feature = "label";
        switch (k) {
            case 0: cells = {text_cell(c, "Service: " + service_)}; break;
            case 1: cells = {text_cell(c, "Service:"), text_cell(c + 1, service_)}; break;
            case 2: cells = {text_cell(c, "Prepared by:"), text_cell(c + 1, rng_.pick(names))}; break;
            case 3:
                if (csv_ || rng_.percent(40)) cells = {text_cell(c, "Date: " + two(unsigned(rng_.between(1, 28))) + "/0" + std::to_string(rng_.between(1, 9)) + "/" + std::to_string(year_))};
                else cells = {text_cell(c, "Date:"), date_cell(c + 1, date, "dd/mm/yyyy", false)};
                break;
            case 4: cells = {text_cell(c, "Version:"), number_cell(c + 1, rng_.between(1, 5))}; break;
            case 5: cells = {text_cell(c, "Review period:"), text_cell(c + 1, "Q2 " + fy(year_))}; break;
            case 6: cells = {text_cell(c, "Lead officer:"), text_cell(c + 1, rng_.pick(posts))}; break;
            case 7:
                feature = "label:placeholder";
                cells = {text_cell(c, rng_.pick(S{"CSP:", "System Name:", "Completed by:", "Service:"})),
                         text_cell(c + 1, rng_.pick(S{"(Cloud Service Provider name)", "<insert name>", "(select)", "[Service name]"})),
                         text_cell(c + 2, rng_.pick(S{"Date completed:", "Impact Level:", "POAM Date:"})),
                         text_cell(c + 3, rng_.pick(S{"MM/DD/YYYY", "DD/MM/YYYY", "(select)"}))};
                break;
            default:
                feature = "label:pairs";
                cells = {text_cell(c, "Service:"), text_cell(c + 1, service_), text_cell(c + 2, "Date:"),
                         csv_ ? text_cell(c + 3, "31/03/" + std::to_string(year_)) : date_cell(c + 3, date, "dd/mm/yyyy", false)};
        }
        row(r).features.push_back(feature);
    }

    // Writes the header (one or two rows); returns the rows written.
    std::vector<std::size_t> header(const std::vector<Column>& cols, HeaderMode mode, RowKind kind) {
        const char* feature = kind == RowKind::Header ? "header" : "header-repeat";
        if (mode == HeaderMode::OneRow) {
            const std::size_t r = add_row(kind);
            for (const Column& c : cols)
                if (c.field != Field::Gap) row(r).cells.push_back(text_cell(c.col, c.header));
            row(r).features.push_back(feature);
            return {r};
        }
        const std::size_t top = add_row(kind), bottom = add_row(kind);
        row(top).features.push_back(feature);
        row(bottom).features.push_back(feature);
        if (mode == HeaderMode::TwoRowSplit) {
            for (const Column& c : cols) {
                if (c.field == Field::Gap) continue;
                const auto space = c.header.find(' ');
                if (space != std::string::npos && rng_.percent(80)) {
                    row(top).cells.push_back(text_cell(c.col, c.header.substr(0, space)));
                    row(bottom).cells.push_back(text_cell(c.col, c.header.substr(space + 1)));
                } else {
                    row(rng_.percent(70) ? bottom : top).cells.push_back(text_cell(c.col, c.header));
                }
            }
            return {top, bottom};
        }
        const bool vertical_merges = !csv_ && rng_.percent(60);
        for (std::size_t i = 0; i < cols.size(); ++i) {
            const Column& c = cols[i];
            if (c.field == Field::Gap) continue;
            if (!c.group.empty()) {
                if (i == 0 || cols[i - 1].group != c.group) {
                    std::size_t j = i;
                    while (j + 1 < cols.size() && cols[j + 1].group == c.group) ++j;
                    row(top).cells.push_back(text_cell(c.col, c.group));
                    merge(std::uint32_t(top), c.col, std::uint32_t(top), cols[j].col);
                }
                row(bottom).cells.push_back(text_cell(c.col, c.header));
            } else if (vertical_merges) {
                row(top).cells.push_back(text_cell(c.col, c.header));
                merge(std::uint32_t(top), c.col, std::uint32_t(bottom), c.col);
            } else {
                row(rng_.percent(75) ? bottom : top).cells.push_back(text_cell(c.col, c.header));
            }
        }
        return {top, bottom};
    }

    void guidance(const std::vector<Column>& cols, std::uint32_t first_col, std::uint32_t last_col, std::vector<std::string>& tf) {
        tf.push_back("guidance-rows");
        const int k = int(rng_.below(4));
        auto describe = [&](const Column& c) -> std::string {
            switch (c.field) {
                case Field::Ref: return "Unique identifier for each action";
                case Field::Action: return "Describe the action to be taken";
                case Field::Lead: return "Name or post of the person responsible";
                case Field::Due: return "Date by which the action will be completed";
                case Field::Status: return "Red / Amber / Green (select from list)";
                case Field::Progress: return "Brief update on progress this quarter";
                case Field::Percent: return "Percentage of the action completed";
                case Field::Extra: return "Enter the " + lower(c.header);
                default: return "";
            }
        };
        auto format_of = [&](const Column& c) -> std::string {
            switch (c.field) {
                case Field::Ref: return "Number";
                case Field::Action: case Field::Lead: case Field::Progress: return "Text";
                case Field::Due: return rng_.pick(S{"Date", "DD/MM/YYYY", "MM/DD/YYYY"});
                case Field::Status: return rng_.pick(S{"Red / Amber / Green", "Select"});
                case Field::Percent: return "%";
                case Field::Extra: return "Text";
                default: return "";
            }
        };
        if (k == 0 || k == 3) {
            const std::size_t r = add_row(RowKind::Guidance);
            for (const Column& c : cols)
                if (const std::string d = describe(c); !d.empty()) row(r).cells.push_back(text_cell(c.col, d));
            row(r).features.push_back("guidance:descriptions");
        }
        if (k == 1 || k == 3) {
            const std::size_t r = add_row(RowKind::Guidance);
            for (const Column& c : cols)
                if (const std::string d = format_of(c); !d.empty()) row(r).cells.push_back(text_cell(c.col, d));
            row(r).features.push_back("guidance:formats");
        }
        if (k == 2) {
            const std::size_t r = add_row(RowKind::Guidance);
            row(r).cells.push_back(text_cell(first_col, rng_.pick(S{
                "Please complete one row per action. Add rows as needed.",
                "Instructions: enter each action on a new row; do not change the column headings.",
                "Guidance: delete the example row before submitting."})));
            if (rng_.percent(50)) merge(std::uint32_t(r), first_col, std::uint32_t(r), last_col);
            row(r).features.push_back("guidance:instruction");
        }
    }

    void examples(const std::vector<Column>& cols, std::vector<std::string>& tf) {
        tf.push_back("example-rows");
        const int n = rng_.between(1, 2);
        const bool has_ref = std::any_of(cols.begin(), cols.end(), [](const Column& c) { return c.field == Field::Ref; });
        for (int i = 0; i < n; ++i) {
            const std::size_t r = add_row(RowKind::Example);
            row(r).features.push_back("example");
            const int marker = int(rng_.below(has_ref ? 3 : 2));
            for (const Column& c : cols) {
                switch (c.field) {
                    case Field::Ref:
                        if (marker == 2) row(r).cells.push_back(text_cell(c.col, rng_.pick(S{"Example", "e.g.", "V-1Example"})));
                        break;
                    case Field::Action: {
                        const std::string text = rng_.pick(verbs) + " " + rng_.pick(objects);
                        row(r).cells.push_back(text_cell(c.col, marker == 0 ? "Example: " + text : marker == 1 ? "e.g. " + text : text));
                        break;
                    }
                    case Field::Lead: row(r).cells.push_back(text_cell(c.col, rng_.pick(S{"John Doe - Example", "J. Bloggs (example)", "Head of Service"}))); break;
                    case Field::Due:
                        row(r).cells.push_back(csv_ ? text_cell(c.col, "31/03/" + std::to_string(year_ + 1))
                                                    : date_cell(c.col, serial(year_ + 1, 3, 31), "dd/mm/yyyy", false));
                        break;
                    case Field::Status: row(r).cells.push_back(text_cell(c.col, "Green")); break;
                    default: break;
                }
            }
        }
    }

    bool extra_cell(const Column& c, std::uint32_t col, const Expected& e, GenCell& out) {
        const std::string& k = c.extra;
        if (k == "money") {
            if (rng_.percent(20)) out = text_cell(col, rng_.pick(S{"Within existing resources", "Nil", "TBC"}));
            else if (csv_ || rng_.percent(30)) out = text_cell(col, "\u00a3" + std::to_string(rng_.between(1, 90)) + ",000");
            else out = number_cell(col, 1000.0 * rng_.between(1, 90), "\u00a3#,##0");
        } else if (k == "evidence") {
            if (rng_.percent(30)) return false;
            out = text_cell(col, rng_.pick(S{"Minutes of CMT meeting", "Audit report", "Survey results", "Committee report " + std::to_string(rng_.between(100, 400)) + "-" + std::to_string(year_)}));
        } else if (k == "link") {
            out = text_cell(col, rng_.pick(S{"Outcome 2", "Priority 3: Fair Work", "Strategic priority 1", "Council Plan outcome 4"}));
        } else if (k == "level") {
            out = text_cell(col, rng_.pick(S{"High", "Medium", "Low"}));
        } else if (k == "notes") {
            if (rng_.percent(50)) return false;
            out = text_cell(col, rng_.pick(extra_sentences));
        } else if (k == "start") {
            if (csv_ || rng_.percent(30)) out = text_cell(col, rng_.pick(S{"April ", "August ", "June "}) + std::to_string(year_));
            else out = date_cell(col, serial(year_, unsigned(rng_.between(1, 6)), 1), "dd/mm/yyyy", false);
        } else if (k == "resources" || k == "measure" || k == "outcome") {
            out = text_cell(col, rng_.pick(S{"Staff time", "Reduction in complaints by 10%", "Improved outcomes for children",
                                             "Positive inspection report", "All staff trained"}));
        } else if (k == "control") {
            out = text_cell(col, rng_.pick(S{"CA-05", "RA-05a", "CA-07g", "CM-06"}));
        } else if (k == "frequency") {
            out = text_cell(col, rng_.pick(S{"Monthly", "Annually", "Quarterly", "Ad hoc"}));
        } else if (k == "quarterly") {
            if (rng_.percent(30)) return false;
            out = text_cell(col, rng_.pick(S{"Green", "On track", "Work started", "Complete", "Delayed"}));
        } else if (k == "support") {
            if (rng_.percent(40)) return false;
            out = text_cell(col, rng_.pick(names));
        } else if (k == "flag") {  // booleans, or the letters people type instead (18_poi's "Complete?")
            if (!csv_ && rng_.percent(70)) {
                out.col = col;
                out.type = GenCell::Type::Boolean;
                out.number = rng_.percent(50) ? 1 : 0;
            } else {
                out = text_cell(col, rng_.pick(S{"Y", "N", "Yes", "No", "TRUE", "FALSE"}));
            }
        } else if (k == "service") {
            out = text_cell(col, service_);
        } else {
            return false;
        }
        (void)e;
        return true;
    }

    void placeholders(const std::vector<Column>& cols, int ref_col, int due_col, int action_number, std::size_t header_row,
                      std::vector<std::string>& tf) {
        tf.push_back("placeholder-rows");
        const int n = rng_.between(2, 8);
        const int mode = int(rng_.below(3));
        const std::uint32_t col = ref_col >= 0 ? std::uint32_t(ref_col) : cols.front().col;
        for (int i = 0; i < n; ++i) {
            const std::size_t r = add_row(RowKind::Placeholder);
            if (mode == 0) {
                row(r).cells.push_back(number_cell(col, action_number + i + 1));
                row(r).features.push_back("placeholder:number");
            } else if (mode == 1 && due_col >= 0) {
                // FedRAMP's pattern: a formula that shows nothing until the row is filled in.
                GenCell f;
                f.col = std::uint32_t(due_col);
                f.type = GenCell::Type::Formula;
                f.formula_text = true;
                const std::string ref = column_name(std::uint32_t(due_col) > 0 ? std::uint32_t(due_col) - 1 : 1) + std::to_string(r + 1);
                f.formula = "IF(" + ref + "=\"\",\"\"," + ref + "+90)";
                row(r).cells.push_back(f);
                row(r).features.push_back("placeholder:formula-empty");
            } else {
                GenCell f = number_cell(col, double(r + 1) - double(header_row + 1));
                f.type = GenCell::Type::Formula;
                f.formula = "ROW()-" + std::to_string(header_row + 1);
                row(r).cells.push_back(f);
                row(r).features.push_back("placeholder:formula-number");
            }
        }
    }

    void footer(std::uint32_t first_col, std::uint32_t last_col, int total_actions, std::vector<std::string>& tf) {
        tf.push_back("footer");
        blanks(int(rng_.below(3)));
        const int n = rng_.between(1, 3);
        const S kinds = {"key", "key-rows", "total", "total-cells", "updated", "updated-cell", "page", "source", "note", "carried"};
        for (int i = 0; i < n; ++i) {
            const std::string k = rng_.pick(kinds);
            auto one = [&](std::vector<GenCell> cells) {
                const std::size_t r = add_row(RowKind::Footer);
                row(r).cells = std::move(cells);
                row(r).features.push_back("footer:" + k);
                return r;
            };
            const std::string date = two(unsigned(rng_.between(1, 28))) + "/0" + std::to_string(rng_.between(1, 9)) + "/" + std::to_string(year_ + 1);
            if (k == "key") {
                const std::size_t r = one({text_cell(first_col, "RAG key: Red = off track, Amber = at risk, Green = on track or complete")});
                if (rng_.percent(40)) merge(std::uint32_t(r), first_col, std::uint32_t(r), last_col);
            } else if (k == "key-rows") {
                one({text_cell(first_col, "Key")});
                one({text_cell(first_col, "Red"), text_cell(first_col + 1, "Off track / significant slippage")});
                one({text_cell(first_col, "Amber"), text_cell(first_col + 1, "Some slippage")});
                one({text_cell(first_col, "Green"), text_cell(first_col + 1, "On track")});
            } else if (k == "total") {
                one({text_cell(first_col, "Total actions: " + std::to_string(total_actions))});
            } else if (k == "total-cells") {
                one({text_cell(first_col, rng_.pick(S{"Total", "Total number of actions"})), number_cell(first_col + 1, total_actions)});
            } else if (k == "updated") {
                one({text_cell(first_col, "Last updated " + date)});
            } else if (k == "updated-cell") {
                one({text_cell(first_col, "Last updated:"),
                     csv_ ? text_cell(first_col + 1, date) : date_cell(first_col + 1, serial(year_ + 1, 4, 3), "dd/mm/yyyy", false)});
            } else if (k == "page") {
                one({text_cell(first_col, "Page " + std::to_string(rng_.between(1, 2)) + " of 3")});
            } else if (k == "source") {
                one({text_cell(first_col, "Source: Pentana, extracted " + date)});
            } else if (k == "note") {
                one({text_cell(first_col, rng_.pick(S{"Notes: timescales are subject to budget approval.",
                                                       "Note: completed actions will be removed at the next review."}))});
            } else {
                one({text_cell(first_col, "* Carried forward from the " + fy(year_ - 1) + " plan")});
            }
        }
    }
};

}  // namespace

GeneratedTracker generate_tracker(std::uint64_t seed) { return Generator(seed).run(); }

}  // namespace plancon::gen
