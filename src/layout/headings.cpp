// Reading single cells the walk meets: headings ("IMPROVEMENT ACTION 1: ...",
// "Theme: ..."), bullets, labels and their values, footers, period labels.
#include "layout/walker.hpp"
#include "plancon/text.hpp"
#include "plancon/values.hpp"

#include <algorithm>
#include <cmath>

namespace plancon::layout_detail {

HeadingText parse_heading(std::string text) {
    HeadingText h;
    std::string lower = lower_ascii(text);
    for (std::string_view marker : {"(continued", "(cont.", "(cont)", "(contd", "- continued", "continued.."}) {
        std::size_t at = lower.find(marker);
        if (at != std::string::npos && at > 0) {
            h.continued = true;
            text = trimmed(text.substr(0, at));
            lower = lower_ascii(text);
            break;
        }
    }
    auto number_after = [&](std::size_t from, std::size_t& end) {
        std::size_t i = from;
        while (i < text.size() && text[i] == ' ') ++i;
        std::size_t digits = i;
        while (i < text.size() && text[i] >= '0' && text[i] <= '9') ++i;
        end = i;
        return text.substr(digits, i - digits);
    };
    auto rest_after = [&](std::size_t i) {
        while (i < text.size() && (text[i] == ':' || text[i] == '.' || text[i] == '-' || text[i] == ' ' || text[i] == ')'))
            ++i;
        return trimmed(text.substr(i));
    };
    struct Named { std::string_view prefix, kind; bool aim; };
    for (const Named& n : {Named{"improvement action", "improvement action", false}, Named{"aim", "aim", true},
                           Named{"priority", "priority", false}, Named{"area", "area", false},
                           Named{"objective", "objective", false}, Named{"outcome", "outcome", false},
                           Named{"section", "section", false}, Named{"theme", "theme", false},
                           Named{"goal", "goal", false}}) {
        if (!starts_with_ci(text, n.prefix)) continue;
        std::size_t end = 0;
        std::string number = number_after(n.prefix.size(), end);
        if (number.empty()) {
            // "Theme: Service planning": the heading word, a colon and the title.
            const std::size_t after = n.prefix.size();
            if (after < text.size() && text[after] == ':' && !n.aim) {
                h.named = true;
                h.kind = n.kind;
                h.title = rest_after(after);
                return h;
            }
            continue;
        }
        h.numbered = true;
        h.kind = n.kind;
        h.ref = n.aim ? "AIM " + number : number;
        h.title = rest_after(end);
        return h;
    }
    // "1. Our vision ..." or "2) Throughcare", but not "1.1 ..." (an action id).
    std::size_t end = 0;
    std::string number = number_after(0, end);
    if (!number.empty() && end < text.size() && (text[end] == '.' || text[end] == ')') && end + 1 < text.size() &&
        text[end + 1] == ' ') {
        h.numbered = true;
        h.kind = "area";
        h.ref = number;
        h.title = rest_after(end);
        return h;
    }
    h.title = text;
    return h;
}

bool is_bullet(std::string_view t) {
    for (std::string_view b : {"- ", "* ", "\u2022", "\u00b7", "\u2013 ", "\u25aa", "\u2023", "o "})
        if (t.substr(0, b.size()) == b) return true;
    return false;
}

std::string strip_bullet(std::string t) {
    for (std::string_view b : {"- ", "* ", "\u2022", "\u00b7", "\u2013 ", "\u25aa", "\u2023", "o "})
        if (std::string_view(t).substr(0, b.size()) == b) return trimmed(t.substr(b.size()));
    return t;
}

bool has_letters(std::string_view t) {
    return std::any_of(t.begin(), t.end(), [](char c) { return is_alpha(c) || (static_cast<unsigned char>(c) & 0x80); });
}

// A lone cell that closes a table rather than heading or continuing it:
// page footers, "last updated" lines, keys and totals.
bool footer_text(std::string_view text) {
    if (text.starts_with("*") || text.starts_with("\u2020")) return true;  // a footnote
    const std::string f = fold_for_matching(text);
    for (std::string_view start : {"page ", "last updated", "updated ", "printed", "source ", "total", "grand total",
                                   "key ", "key", "legend", "rag key", "notes", "note ", "nb ", "prepared by",
                                   "date of last update", "version ", "please ", "instructions", "guidance"})
        if (f.rfind(start, 0) == 0 && (f.size() == start.size() || start.back() == ' ' || f[start.size()] == ' '))
            return true;
    return std::count(text.begin(), text.end(), '=') >= 2;  // "Red = off track; Amber = ..."
}

// "Date: 02/03/2022", "Service: Housing", "Prepared by: J. Smith": a label
// and its value in one cell (not a heading such as "Theme: Leadership").
// The label's length is where the colon stands.
std::size_t label_length(std::string_view text) {
    const std::size_t colon = text.find(':');
    if (colon == std::string_view::npos || colon == 0 || colon > 30) return 0;
    if (split_words(text.substr(0, colon)).size() > 4) return 0;
    const HeadingText h = parse_heading(std::string(text));
    if (h.named || h.numbered) return 0;
    return colon;
}

// Whether a cell and its column's header share a word of substance
// ("Describe the action to be taken" under "Description of action").
bool shares_a_word(std::string_view cell, std::string_view header) {
    auto stems = [](std::string_view text) {
        std::vector<std::string> out;
        const std::string folded = fold_header(text);  // named: the views below point into it
        for (std::string_view w : split_words(folded)) {
            if (w.size() < 4) continue;  // "of", "the", "by", "%"
            std::string stem(w.substr(0, std::min<std::size_t>(w.size(), 6)));  // "description" ~ "describe"
            out.push_back(std::move(stem));
        }
        return out;
    };
    const std::vector<std::string> a = stems(cell), b = stems(header);
    return std::any_of(a.begin(), a.end(), [&](const std::string& w) { return std::find(b.begin(), b.end(), w) != b.end(); });
}

// "Q1", "Q2 2020/21", "2019/20", "June": a period a column is for, a header's words
// (under "Progress" or "Budget"), though each reads as a date.
bool period_label(std::string_view text) {
    const std::string f = fold_for_matching(text);
    const auto words = split_words(f);
    if (words.empty() || words.size() > 3) return false;
    auto digits = [](std::string_view w, std::size_t n) {
        return w.size() == n && std::all_of(w.begin(), w.end(), [](char c) { return is_digit(c); });
    };
    std::size_t i = 0;
    static constexpr std::string_view months[] = {"january", "february", "march", "april", "may", "june", "july", "august",
                                                   "september", "october", "november", "december", "jan", "feb", "mar",
                                                   "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"};
    if (words[0].size() == 2 && words[0][0] == 'q' && is_digit(words[0][1])) ++i;
    else if (std::find(std::begin(months), std::end(months), words[0]) != std::end(months)) ++i;  // "June", "Sept 2021"
    if (i < words.size() && digits(words[i], 4)) ++i;
    if (i < words.size() && (digits(words[i], 2) || digits(words[i], 4))) ++i;
    return i == words.size() && i > 0;
}

}  // namespace plancon::layout_detail
