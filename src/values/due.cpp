// Due dates as people type them into plans, read the way a careful UK reader
// reads them: day before month, the financial year 1 April - 31 March, the
// school session August - June, and no date given to words that give none.
// The rules:
//   - a real date cell wins: Kind::Date, as_written = the ISO date, basis "date cell";
//   - day before month: 1/4/17, 01/04/2017, 01.04.2017, 01-04-2017; ISO 2017-04-01;
//     two-digit years are 20yy (plans are all this century);
//   - "1st April 2017", "1 st April 2017", "1 April 2017", "1st of April 2017", "April 1st 2017",
//     "31-Mar-20" (Excel's d-mmm-yy);
//   - a month alone means its last day: "June 2019", "Sept 2016", "Sep-19" (basis "month alone");
//     as a start date (parse_start) every period means its first day: "June 2019" 1 June 2019,
//     "2019/20" 1 April 2019, a school session 1 August, "Q2 2019/20" 1 July 2019;
//   - "2019/20", "2019-20" alone: financial year, due 31 March 2020;
//   - with "session", "academic" or "school" in the same clause: school session, due 30 June 2020;
//   - "Q2 2019/20", "Q2 19/20", "Quarter 2 2019-20": financial quarter (Q1 Apr-Jun ... Q4
//     Jan-Mar), due 30 September 2019;
//     "Q3 2019" (one year): calendar quarter by default (DueContext::single_year_quarter);
//   - "end of 2019": 31 December 2019; a year alone ("2019", "by 2022") is Unreadable;
//   - "by", "during", "end of", "target", "due", "no later than", "until", "to be completed by" are
//     fillers: "end of March 2020" and "by March 2020" are both 31 March 2020;
//   - sentences are clauses. A date after "review" is a review date ("First review of progress
//     September 2016"), a date after "from" or before "onwards" is a start, any other a due date;
//   - "six monthly", "annually"/"annual", "quarterly", "monthly", "weekly", "bi-annually" are
//     recurrences ("December 2016 and six monthly thereafter": due 2016-12-31, "six monthly");
//   - "Immediate(ly)" -> Kind::Immediate; "Ongoing", "Continuous" (also "Immediate & Continuous")
//     -> Kind::Ongoing; a start date alone ("Ongoing from June 2019", "March 2020 onwards") and
//     reviews without a due date ("First review December 2016 and reviewed annually thereafter")
//     are Ongoing too: a start or a review is not a due date, and none is given silently;
//   - anything else is Kind::Unreadable with the words kept and basis saying why: unknown words
//     outside a review clause ("within next three months", "Summer 2019", "Linked to ..."), a day
//     that does not exist (31/02/2019), two different due dates, a span of several years
//     ("2017-2020"), a month or a day without its year.
#include "plancon/values.hpp"
#include "plancon/text.hpp"
#include "plancon/calendar.hpp"

#include <algorithm>
#include <array>
#include <cstdio>

namespace plancon {

bool is_valid_date(const Date& d) {
    // chrono's day and month hold a byte: range-check before converting.
    return d.year >= 1900 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31 &&
           to_chrono(d).ok();
}

Date last_day_of_month(int year, unsigned month) {
    return date_of(std::chrono::year_month_day{std::chrono::year{year} / std::chrono::month{month} / std::chrono::last});
}

namespace {


struct Token {
    enum class Type : std::uint8_t { Word, Number, NumericDate, YearSpan, Boundary, Sep };
    Type type = Type::Word;
    std::string text;        // as in the lower-cased text
    int value = 0;           // Number: value; YearSpan: first year
    int digits = 0;          // Number: digit count
    bool ordinal = false;    // "1st"
    Date date;               // NumericDate (unchecked); YearSpan: .year = second year
    int second_digits = 0;   // YearSpan: digits of the second year
};

Token make_token(Token::Type type, std::string text) {
    Token t;
    t.type = type;
    t.text = std::move(text);
    return t;
}

int to_int(std::string_view digits) {
    int v = 0;
    for (char c : digits.substr(0, 6)) v = v * 10 + (c - '0');
    return v;
}

unsigned month_number(std::string_view w) {
    static constexpr std::array<std::pair<std::string_view, unsigned>, 23> months{{
        {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3}, {"mar", 3}, {"april", 4},
        {"apr", 4}, {"may", 5}, {"june", 6}, {"jun", 6}, {"july", 7}, {"jul", 7}, {"august", 8},
        {"aug", 8}, {"september", 9}, {"sept", 9}, {"sep", 9}, {"october", 10}, {"oct", 10},
        {"november", 11}, {"nov", 11}, {"december", 12},
    }};
    if (w == "dec") return 12;
    for (const auto& [name, n] : months)
        if (name == w) return n;
    return 0;
}

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    std::size_t i = 0;
    auto digit_run = [&](std::size_t from) {
        std::size_t j = from;
        while (j < s.size() && is_digit(s[j])) ++j;
        return j;
    };
    while (i < s.size()) {
        const char c = s[i];
        if (is_digit(c)) {
            const std::size_t a_end = digit_run(i);
            const std::string_view a = s.substr(i, a_end - i);
            const char sep = a_end < s.size() ? s[a_end] : '\0';
            if ((sep == '/' || sep == '.' || sep == '-') && a_end + 1 < s.size() && is_digit(s[a_end + 1])) {
                const std::size_t b_end = digit_run(a_end + 1);
                const std::string_view b = s.substr(a_end + 1, b_end - a_end - 1);
                if (b_end + 1 < s.size() && s[b_end] == sep && is_digit(s[b_end + 1])) {
                    const std::size_t c_end = digit_run(b_end + 1);
                    const std::string_view cpart = s.substr(b_end + 1, c_end - b_end - 1);
                    Token t;
                    t.type = Token::Type::NumericDate;
                    t.text = std::string(s.substr(i, c_end - i));
                    if (a.size() == 4 && sep != '.') {
                        t.date = {to_int(a), static_cast<unsigned>(to_int(b)), static_cast<unsigned>(to_int(cpart))};
                        if (cpart.size() > 2) t.date = {};  // not a date: leave invalid
                    } else if (a.size() <= 2 && b.size() <= 2 && (cpart.size() == 2 || cpart.size() == 4)) {
                        const int year = cpart.size() == 2 ? 2000 + to_int(cpart) : to_int(cpart);
                        t.date = {year, static_cast<unsigned>(to_int(b)), static_cast<unsigned>(to_int(a))};
                    }  // else: left invalid (year 0), read as no such date
                    out.push_back(std::move(t));
                    i = c_end;
                    continue;
                }
                if (a.size() == 4 && sep != '.' && (b.size() == 2 || b.size() == 4)) {
                    Token t;
                    t.type = Token::Type::YearSpan;
                    t.text = std::string(s.substr(i, b_end - i));
                    t.value = to_int(a);
                    t.date.year = to_int(b);
                    t.second_digits = static_cast<int>(b.size());
                    out.push_back(std::move(t));
                    i = b_end;
                    continue;
                }
            }
            Token t;
            t.type = Token::Type::Number;
            t.value = to_int(a);
            t.digits = static_cast<int>(a.size());
            std::size_t j = a_end;
            // "1st", and "1 st" as PDF exports split superscripts.
            std::size_t k = j < s.size() && s[j] == ' ' ? j + 1 : j;
            if (k + 1 < s.size()) {
                const std::string_view suffix = s.substr(k, 2);
                const bool word_ends = k + 2 >= s.size() || !is_alpha(s[k + 2]);
                if (word_ends && (suffix == "st" || suffix == "nd" || suffix == "rd" || suffix == "th")) {
                    t.ordinal = true;
                    j = k + 2;
                }
            }
            t.text = std::string(s.substr(i, j - i));
            out.push_back(std::move(t));
            i = j;
            continue;
        }
        if (is_alpha(c)) {
            std::size_t j = i;
            while (j < s.size() &&
                   (is_alpha(s[j]) || is_digit(s[j]) ||
                    ((s[j] == '-' || s[j] == '\'') && j + 1 < s.size() && is_alpha(s[j + 1]))))
                ++j;
            Token t;
            t.text = std::string(s.substr(i, j - i));
            if (month_number(t.text) != 0 && j < s.size() && s[j] == '.') ++j;  // "Sept."
            out.push_back(std::move(t));
            i = j;
            continue;
        }
        if (c == '.' || c == ';' || c == '\n') {
            out.push_back(make_token(Token::Type::Boundary, std::string(1, c)));
            ++i;
            continue;
        }
        if (c == '-' || c == '/' || c == '\'') {
            out.push_back(make_token(Token::Type::Sep, std::string(1, c)));
            ++i;
            continue;
        }
        if (c == '&') {
            out.push_back(make_token(Token::Type::Word, "and"));
            ++i;
            continue;
        }
        if (c == ' ' || c == ',' || c == ':' || c == '(' || c == ')' || c == '"') {
            ++i;
            continue;
        }
        // Anything else (other punctuation, non-ASCII) is a word nobody reads as a date.
        std::size_t j = i + 1;
        while (j < s.size() && (static_cast<unsigned char>(s[j]) & 0xC0) == 0x80) ++j;
        out.push_back(make_token(Token::Type::Word, std::string(s.substr(i, j - i))));
        i = j;
    }
    return out;
}

enum class Role : std::uint8_t { Due, Review, Start };

struct Found {
    Date date;         // a period's last day ("June 2019": 30 June), as a due date reads it
    Date first;        // the period's first day (1 June), as a start date reads it
    bool valid = true;
    std::string basis;
    std::string text;  // the words it was read from
    Role role = Role::Due;
};

struct Clause {
    std::vector<Found> dates;
    std::vector<std::string> unknown;
    std::vector<std::string> problems;  // readable words that still give no date
    std::string recurrence;
    bool has_review_word = false;
    bool immediate = false;
    bool ongoing = false;
};

bool is_filler(std::string_view w) {
    static constexpr std::array<std::string_view, 31> fillers{
        "during", "by", "the", "end", "of", "in", "target", "due", "date", "deadline", "no", "later", "than",
        "until", "completion", "and", "for", "at", "on", "to", "be", "completed", "complete", "thereafter",
        "first", "next", "progress", "timescale", "then", "with", "effect"};
    return std::find(fillers.begin(), fillers.end(), w) != fillers.end();
}
bool is_session_word(std::string_view w) { return w == "session" || w == "academic" || w == "school"; }
bool is_year_word(std::string_view w) { return w == "year" || w == "financial" || w == "fy" || w == "years"; }
bool is_review_word(std::string_view w) { return w == "review" || w == "reviews" || w == "reviewed" || w == "reviewing"; }
bool is_due_marker(std::string_view w) { return w == "by" || w == "due" || w == "complete" || w == "completed" || w == "deadline" || w == "until" || w == "target"; }
bool is_start_word(std::string_view w) { return w == "from" || w == "starting" || w == "commencing" || w == "beginning"; }

std::string recurrence_of(std::string_view w) {
    if (w == "six-monthly" || w == "half-yearly" || w == "6-monthly") return "six monthly";
    if (w == "annually" || w == "annual" || w == "yearly") return "annually";
    if (w == "quarterly") return "quarterly";
    if (w == "monthly") return "monthly";
    if (w == "weekly") return "weekly";
    if (w == "bi-annually" || w == "biannually" || w == "bi-annual" || w == "biannual") return "bi-annually";
    return {};
}

// "2019/20" -> 2020, "1999/00" -> 2000, "2019/2020" -> 2020.
int second_year(int y1, const Token& span) {
    if (span.second_digits != 2) return span.date.year;
    int y2 = y1 - y1 % 100 + span.date.year;
    if (y2 <= y1) y2 += 100;
    return y2;
}

// Financial quarters of the year starting 1 April y1: Q1 Apr-Jun, Q2 Jul-Sep,
// Q3 Oct-Dec, Q4 Jan-Mar.
Date financial_quarter_end(int y1, int quarter) {
    return quarter == 4 ? last_day_of_month(y1 + 1, 3) : last_day_of_month(y1, static_cast<unsigned>(3 + 3 * quarter));
}
Date financial_quarter_start(int y1, int quarter) {
    return quarter == 4 ? Date{y1 + 1, 1, 1} : Date{y1, static_cast<unsigned>(1 + 3 * quarter), 1};
}

std::string two_digit_year_span(int y1, int y2) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d/%02d", y1, y2 % 100);
    return buf;
}

Clause read_clause(const std::vector<Token>& t, const DueContext& ctx) {
    Clause cl;
    bool session = false;
    Role role = Role::Due;
    auto is_word = [&](std::size_t k, std::string_view w) {
        return k < t.size() && t[k].type == Token::Type::Word && t[k].text == w;
    };
    auto is_year = [&](std::size_t k) {
        return k < t.size() && t[k].type == Token::Type::Number && t[k].digits == 4 && t[k].value >= 1900 && t[k].value <= 2199;
    };
    // A date, or a period: d its last day, first its first (a day is both).
    auto add = [&](Date d, std::string basis, std::string text, std::optional<Date> first = std::nullopt) {
        const Date from = first.value_or(d);
        Found f{d, from, is_valid_date(d) && is_valid_date(from), std::move(basis), std::move(text), role};
        cl.dates.push_back(std::move(f));
    };
    for (std::size_t i = 0; i < t.size(); ++i) {
        const Token& tok = t[i];
        switch (tok.type) {
            case Token::Type::Boundary:
            case Token::Type::Sep:
                continue;
            case Token::Type::NumericDate:
                add(tok.date, "date", tok.text);
                continue;
            case Token::Type::YearSpan: {
                const int y1 = tok.value;
                const int y2 = second_year(y1, tok);
                if (y2 != y1 + 1) {
                    cl.problems.push_back("a span of several years: " + tok.text);
                    continue;
                }
                const std::string span = two_digit_year_span(y1, y2);
                const bool session_after = i + 1 < t.size() && t[i + 1].type == Token::Type::Word && is_session_word(t[i + 1].text);
                if (session || session_after) add({y2, 6, 30}, "school session " + span, tok.text, Date{y1, 8, 1});
                else add({y2, 3, 31}, "financial year " + span, tok.text, Date{y1, 4, 1});
                continue;
            }
            case Token::Type::Number: {
                // day [of] month year
                if (tok.value >= 1 && tok.value <= 31 && tok.digits <= 2) {
                    std::size_t k = i + 1;
                    if (is_word(k, "of")) ++k;
                    else if (k < t.size() && t[k].type == Token::Type::Sep && t[k].text == "-") ++k;  // "31-Mar-20" (Excel d-mmm-yy)
                    if (k < t.size() && t[k].type == Token::Type::Word && month_number(t[k].text) != 0) {
                        std::size_t y = k + 1;
                        if (y < t.size() && t[y].type == Token::Type::Sep) ++y;
                        if (is_year(y) || (y < t.size() && t[y].type == Token::Type::Number && t[y].digits == 2 && !t[y].ordinal)) {
                            const int year = t[y].digits == 2 ? 2000 + t[y].value : t[y].value;
                            add({year, month_number(t[k].text), static_cast<unsigned>(tok.value)}, "date",
                                tok.text + " " + t[k].text + " " + t[y].text);
                            i = y;
                        } else {
                            cl.problems.push_back("a day without its year: " + tok.text + " " + t[k].text);
                            i = k;
                        }
                        continue;
                    }
                }
                if (is_year(i) && i >= 2 && is_word(i - 1, "of") && is_word(i - 2, "end")) {
                    add({tok.value, 12, 31}, "end of year " + tok.text, "end of " + tok.text);
                    continue;
                }
                if (tok.value == 6 && is_word(i + 1, "monthly")) {
                    if (cl.recurrence.empty()) cl.recurrence = "six monthly";
                    ++i;
                    continue;
                }
                cl.unknown.push_back(tok.text);
                continue;
            }
            case Token::Type::Word:
                break;
        }
        const std::string& w = tok.text;
        if (const unsigned month = month_number(w); month != 0) {
            // month day year ("April 1st 2017")
            if (i + 2 < t.size() && t[i + 1].type == Token::Type::Number && t[i + 1].digits <= 2 &&
                t[i + 1].value >= 1 && t[i + 1].value <= 31 && is_year(i + 2)) {
                add({t[i + 2].value, month, static_cast<unsigned>(t[i + 1].value)}, "date",
                    w + " " + t[i + 1].text + " " + t[i + 2].text);
                i += 2;
                continue;
            }
            // month year ("June 2019"), or month-yy as Excel shows mmm-yy ("Sep-19")
            if (is_year(i + 1)) {
                add(last_day_of_month(t[i + 1].value, month), "month alone", w + " " + t[i + 1].text,
                    Date{t[i + 1].value, month, 1});
                i += 1;
                continue;
            }
            if (i + 2 < t.size() && t[i + 1].type == Token::Type::Sep && t[i + 1].text != "." &&
                t[i + 2].type == Token::Type::Number && (t[i + 2].digits == 2 || is_year(i + 2)) && !t[i + 2].ordinal) {
                const int year = t[i + 2].digits == 2 ? 2000 + t[i + 2].value : t[i + 2].value;
                add(last_day_of_month(year, month), "month alone", w + t[i + 1].text + t[i + 2].text, Date{year, month, 1});
                i += 2;
                continue;
            }
            cl.problems.push_back("a month without its year: " + w);
            continue;
        }
        // Quarters: "Q2 2019/20", "Quarter 2 2019/20", "Q3 2019".
        int quarter = 0;
        std::size_t after = i + 1;
        if (w.size() == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4') quarter = w[1] - '0';
        else if ((w == "quarter" || w == "qtr") && i + 1 < t.size() && t[i + 1].type == Token::Type::Number &&
                 t[i + 1].value >= 1 && t[i + 1].value <= 4) {
            quarter = t[i + 1].value;
            after = i + 2;
        }
        if (quarter != 0) {
            if (after < t.size() && t[after].type == Token::Type::Sep) ++after;
            const std::string q = "Q" + std::to_string(quarter);
            if (after < t.size() && t[after].type == Token::Type::YearSpan) {
                const Token& span = t[after];
                const int y1 = span.value;
                const int y2 = second_year(y1, span);
                if (y2 != y1 + 1) {
                    cl.problems.push_back("a span of several years: " + span.text);
                } else {
                    // Financial quarters: Q1 Apr-Jun, Q2 Jul-Sep, Q3 Oct-Dec, Q4 Jan-Mar.
                    add(financial_quarter_end(y1, quarter), "quarter " + q + " " + two_digit_year_span(y1, y2),
                        w + " " + span.text, financial_quarter_start(y1, quarter));
                }
                i = after;
                continue;
            }
            // "Q2 19/20": two-digit years, consecutive, can only be a financial year here.
            if (after + 2 < t.size() && t[after].type == Token::Type::Number && t[after].digits == 2 &&
                t[after + 1].type == Token::Type::Sep && t[after + 1].text != "'" && t[after + 2].type == Token::Type::Number &&
                t[after + 2].digits == 2 && (t[after].value + 1) % 100 == t[after + 2].value) {
                const int y1 = 2000 + t[after].value;
                add(financial_quarter_end(y1, quarter), "quarter " + q + " " + two_digit_year_span(y1, y1 + 1),
                    w + " " + t[after].text + "/" + t[after + 2].text, financial_quarter_start(y1, quarter));
                i = after + 2;
                continue;
            }
            if (is_year(after)) {
                const int y = t[after].value;
                switch (ctx.single_year_quarter) {
                    case DueContext::SingleYearQuarter::Calendar:
                        add(last_day_of_month(y, static_cast<unsigned>(3 * quarter)), "calendar quarter " + q + " " + t[after].text,
                            w + " " + t[after].text, Date{y, static_cast<unsigned>(3 * quarter - 2), 1});
                        break;
                    case DueContext::SingleYearQuarter::Financial:
                        add(financial_quarter_end(y, quarter), "quarter " + q + " " + two_digit_year_span(y, y + 1),
                            w + " " + t[after].text, financial_quarter_start(y, quarter));
                        break;
                    case DueContext::SingleYearQuarter::Unreadable:
                        cl.problems.push_back("a quarter of a single year: " + q + " " + t[after].text);
                        break;
                }
                i = after;
                continue;
            }
            cl.problems.push_back("a quarter without its year: " + q);
            continue;
        }
        if (is_session_word(w)) {
            session = true;
            continue;
        }
        if (is_year_word(w)) continue;
        if (is_review_word(w)) {
            cl.has_review_word = true;
            role = Role::Review;
            continue;
        }
        if (is_due_marker(w)) role = Role::Due;
        if (is_start_word(w)) {
            role = Role::Start;
            continue;
        }
        if (w == "onwards" || w == "onward") {
            if (!cl.dates.empty()) cl.dates.back().role = Role::Start;
            continue;
        }
        if (w == "immediate" || w == "immediately" || w == "asap") {
            cl.immediate = true;
            continue;
        }
        if (w == "ongoing" || w == "on-going" || w == "continuous" || w == "continuously" || w == "continuing" ||
            w == "continual") {
            cl.ongoing = true;
            continue;
        }
        if (w == "six" && is_word(i + 1, "monthly")) {
            if (cl.recurrence.empty()) cl.recurrence = "six monthly";
            ++i;
            continue;
        }
        if (const std::string r = recurrence_of(w); !r.empty()) {
            if (cl.recurrence.empty()) cl.recurrence = r;
            continue;
        }
        if (is_filler(w)) continue;
        cl.unknown.push_back(w);
    }
    return cl;
}

std::string join_limited(const std::vector<std::string>& words, std::size_t limit) {
    std::string out;
    for (std::size_t i = 0; i < words.size() && i < limit; ++i) {
        if (!out.empty()) out += ' ';
        out += words[i];
    }
    if (words.size() > limit) out += " ...";
    return out;
}

Due unreadable(Due due, std::string why) {
    due.kind = Due::Kind::Unreadable;
    due.date.reset();
    due.review.reset();
    due.recurrence.clear();
    due.basis = std::move(why);
    return due;
}

// A date followed by a time of day, as a date-time cell shows in a CSV file
// ("2020-06-30 14:05", "2020-06-30t14:05:00", "30/06/2020 14:05:00"): the
// time says nothing of the due date, so it goes.
void drop_time_of_day(std::string& text) {
    const std::size_t cut = text.find_first_of(" t", 6);
    if (cut == std::string::npos || !is_digit(text[cut - 1])) return;
    std::size_t i = cut + 1, digits = 0, colons = 0;
    for (; i < text.size(); ++i) {
        if (is_digit(text[i])) ++digits;
        else if (text[i] == ':') ++colons;
        else if (text[i] != '.') return;
    }
    if (colons >= 1 && colons <= 2 && digits >= 3 && digits <= 12) text.resize(cut);
}

// Every date a cell's words give, by role; `problem` says why none can be
// trusted (then the lists are not to be used).
struct DatesRead {
    std::string problem;
    std::vector<Found> due_dates, reviews, starts;
    std::string recurrence;
    bool immediate = false, ongoing = false;
};

// text: lower-cased, normalised, not empty.
DatesRead read_dates(std::string text, const DueContext& ctx) {
    DatesRead out;
    drop_time_of_day(text);
    const std::vector<Token> tokens = tokenize(text);
    std::vector<Clause> clauses;
    std::vector<Token> current;
    for (const Token& tok : tokens) {
        if (tok.type == Token::Type::Boundary) {
            if (!current.empty()) clauses.push_back(read_clause(current, ctx));
            current.clear();
        } else {
            current.push_back(tok);
        }
    }
    if (!current.empty()) clauses.push_back(read_clause(current, ctx));

    auto fail = [&](std::string why) {
        out.problem = std::move(why);
        return out;
    };
    for (const Clause& cl : clauses) {
        for (const std::string& p : cl.problems) return fail(p);
        // A review clause may name what is reviewed ("Annual reviews of learning and
        // organisational development thereafter"), as long as it gives a review date or a
        // recurrence; any other clause must be all date words.
        const bool review_read = cl.has_review_word && (!cl.recurrence.empty() ||
            std::any_of(cl.dates.begin(), cl.dates.end(), [](const Found& f) { return f.role == Role::Review; }));
        if (!cl.unknown.empty() && !review_read) return fail("not a date: " + join_limited(cl.unknown, 8));
        for (const Found& f : cl.dates) {
            if (!f.valid) return fail("no such date: " + f.text);
            auto& list = f.role == Role::Review ? out.reviews : f.role == Role::Start ? out.starts : out.due_dates;
            list.push_back(f);
        }
        if (out.recurrence.empty()) out.recurrence = cl.recurrence;
        out.immediate = out.immediate || cl.immediate;
        out.ongoing = out.ongoing || cl.ongoing;
    }
    for (std::size_t k = 1; k < out.due_dates.size(); ++k)
        if (out.due_dates[k].date != out.due_dates[0].date)
            return fail("two different due dates: " + out.due_dates[0].text + ", " + out.due_dates[k].text);
    return out;
}

}  // namespace

Due parse_due(std::string_view as_written, std::optional<Date> cell_date, const DueContext& ctx) {
    Due due;
    if (cell_date) {
        due.as_written = to_iso(*cell_date);
        if (!is_valid_date(*cell_date)) return unreadable(std::move(due), "date cell holds no such date");
        due.kind = Due::Kind::Date;
        due.date = cell_date;
        due.basis = "date cell";
        return due;
    }
    due.as_written = std::string(as_written);
    std::string text = lower_ascii(normalise_text(as_written));
    if (text.empty()) return due;  // Kind::None

    const DatesRead read = read_dates(std::move(text), ctx);
    if (!read.problem.empty()) return unreadable(std::move(due), read.problem);
    due.recurrence = read.recurrence;
    if (!read.reviews.empty()) due.review = read.reviews.front().date;

    if (!read.due_dates.empty()) {
        due.kind = Due::Kind::Date;
        due.date = read.due_dates.front().date;
        due.basis = read.due_dates.front().basis;
        return due;
    }
    if (read.ongoing || !read.starts.empty()) {
        due.kind = Due::Kind::Ongoing;
        due.basis = read.starts.empty() ? "ongoing" : "from " + read.starts.front().text + " (a start, not a due date)";
        return due;
    }
    if (read.immediate) {
        due.kind = Due::Kind::Immediate;
        due.basis = "immediate";
        return due;
    }
    if (due.review || !due.recurrence.empty()) {
        due.kind = Due::Kind::Ongoing;
        due.basis = "reviews only, no due date";
        return due;
    }
    return unreadable(std::move(due), "no date found");
}

std::optional<Date> parse_start(std::string_view as_written, const DueContext& ctx) {
    std::string text = lower_ascii(normalise_text(as_written));
    if (text.empty()) return std::nullopt;
    const DatesRead read = read_dates(std::move(text), ctx);
    if (!read.problem.empty()) return std::nullopt;
    // "From April 2020" says it is a start; in a start column, so does "April 2020".
    const std::vector<Found>& dates = read.starts.empty() ? read.due_dates : read.starts;
    if (dates.empty()) return std::nullopt;
    return dates.front().first;
}

}  // namespace plancon
