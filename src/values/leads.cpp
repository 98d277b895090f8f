// Lead cells: several people, posts or bodies to a cell, separated by "/",
// ";", ",", new lines, sentence ends or "and" -- and, in text pulled out of
// PDFs and Word tables, simply run together ("Chief Education Officer Chief
// Social Work Officer"). The rules:
//   - "/", ";", ",", new lines and a full stop ending a word of 3+ letters separate;
//   - " and " / " & " separate only when what comes before is a complete lead: it ends
//     in a head word (Team, Group, Officer, Manager, Service ...), is an alias ("JMG and
//     COG") or a personal name. So "ICS Strategy and Performance Team" and "Children &
//     Families Management Team" stay whole;
//   - names in the alias table with several words ("Learning & Organisational
//     Development", "Children & Families Management Team"), matched with "&" = "and",
//     are never split inside;
//   - a head word followed by a capitalised word that cannot continue the name starts a
//     new lead ("... Officer Chief ...", "... Group) GIG ...", "... Team Learning ...");
//   - words from an instruction verb on ("Ensure clear links with ...", "Clear link to
//     ...") or from "using"/"via" on are a note, not a lead; "TBC", "N/A", "-" are no lead;
//   - abbreviations are expanded word by word through templates/leads.tsv, plurals too
//     ("SPGs" -> "Strategic Planning Groups"); "ICS Strategy and Performance Team" becomes
//     "Integrated Children's Services Strategy and Performance Team". (In seed 004, 2006,
//     "ICS" is Integrated Community Schools; the table follows the later plans.)
#include "plancon/values.hpp"
#include "plancon/text.hpp"

#include <algorithm>
#include <array>

namespace plancon {


namespace {

template <std::size_t N>
bool in(const std::array<std::string_view, N>& set, std::string_view w) {
    return std::find(set.begin(), set.end(), w) != set.end();
}

// Words that end a lead's name: after them a capitalised word starts a new lead.
constexpr std::array<std::string_view, 30> head_words{
    "team", "teams", "group", "groups", "committee", "committees", "board", "boards", "officer", "officers",
    "manager", "managers", "director", "directors", "development", "activity", "service", "services", "forum",
    "panel", "unit", "practitioner", "practitioners", "leader", "leaders", "worker", "workers", "department",
    "directorate", "subgroup"};
// Capitalised words that continue a name after a head word ("Service Management Team").
// Roles after a body continue it too ("Team Leader", "Group Chair"); "Chief" and
// "Head" do not ("... Officer Chief Social Work Officer").
constexpr std::array<std::string_view, 32> continuation_words{
    "service", "services", "team", "teams", "group", "groups", "management", "manager", "managers", "sub",
    "sub-group", "subgroup", "unit", "board", "committee", "plan", "delivery", "development", "forum", "lead",
    "leads", "leader", "leaders", "officer", "officers", "coordinator", "co-ordinator", "chair", "convener",
    "member", "members", "secretary"};
// Words that open a note rather than a lead.
constexpr std::array<std::string_view, 19> note_openers{
    "ensure", "clear", "link", "links", "linked", "liaise", "liaising", "support", "supported", "supporting",
    "see", "with", "via", "using", "including", "in", "note", "nb", "working"};
constexpr std::array<std::string_view, 2> mid_note_openers{"using", "via"};
constexpr std::array<std::string_view, 6> no_lead_words{"tbc", "tba", "n/a", "na", "-", "none"};

constexpr std::array<std::string_view, 42> post_words{
    "officer", "officers", "manager", "managers", "director", "directors", "head", "heads", "chief", "practitioner",
    "practitioners", "coordinator", "co-ordinator", "coordinators", "co-ordinators", "adviser", "advisers",
    "advisor", "advisors", "worker", "workers", "leader", "leaders", "executive", "principal", "teacher",
    "teachers", "psychologist", "convener", "chair", "chairperson", "analyst", "administrator", "planner",
    "inspector", "supervisor", "supervisors", "lead", "leads", "officer(s)", "manager(s)", "headteacher"};
constexpr std::array<std::string_view, 30> body_words{
    "team", "teams", "group", "groups", "committee", "committees", "service", "services", "partnership",
    "partnerships", "board", "boards", "council", "department", "unit", "forum", "panel", "network",
    "development", "activity", "authority", "agency", "trust", "nhs", "directorate", "division", "section",
    "management", "sub-group", "subgroup"};
// Words that are never part of a personal name in these plans.
constexpr std::array<std::string_view, 22> organisation_words{
    "dundee", "tayside", "city", "council", "children", "families", "people", "health", "social", "care",
    "work", "education", "scotland", "scottish", "community", "protecting", "corporate", "strategy",
    "performance", "learning", "integrated", "all"};

std::string strip_brackets(std::string_view w) { return lower_ascii(trim(w, "()[]{}.,:;\"'")); }

bool looks_like_person(const std::vector<std::string_view>& ws) {
    if (ws.size() < 2 || ws.size() > 3) return false;
    for (std::string_view w : ws) {
        const std::string lower = lower_ascii(w);
        if (in(organisation_words, lower) || in(post_words, lower) || in(body_words, lower)) return false;
        if (w.empty() || !is_upper(w.front())) return false;
        const bool initial = w.size() == 1 || (w.size() == 2 && w[1] == '.');
        if (initial) continue;
        // Capitalised word: letters, apostrophes, hyphens; not an all-capitals abbreviation.
        bool has_lower = false;
        for (char c : w) {
            if (c >= 'a' && c <= 'z') has_lower = true;
            else if (!is_alpha(c) && c != '\'' && c != '-') return false;
        }
        if (!has_lower) return false;
    }
    return true;
}

}  // namespace

Lead::Kind classify_lead(std::string_view name) {
    // Drop bracketed asides: "Corporate Planning Manager (Integrated Children's Services)".
    std::string plain;
    int depth = 0;
    for (char c : name) {
        if (c == '(') ++depth;
        else if (c == ')') depth = depth > 0 ? depth - 1 : 0;
        else if (depth == 0) plain.push_back(c);
    }
    const std::string flat = normalise_text(plain);
    std::vector<std::string_view> ws = split_words(flat);
    for (auto& w : ws) w = trim(w, ".,:;");
    std::erase_if(ws, [](std::string_view w) { return w.empty(); });
    if (ws.empty()) return Lead::Kind::Body;
    // The head of the name is the last word before a preposition ("Managers in ...", "Head of Service").
    static constexpr std::array<std::string_view, 10> cut_words{"in", "across", "for", "at", "within", "using",
                                                                "from", "with", "to", "of"};
    std::size_t end = ws.size();
    for (std::size_t i = 1; i < ws.size(); ++i)
        if (in(cut_words, lower_ascii(ws[i]))) {
            end = i;
            break;
        }
    const std::string head = lower_ascii(ws[end - 1]);
    if (in(post_words, head)) return Lead::Kind::Post;
    if (in(body_words, head)) return Lead::Kind::Body;
    if (looks_like_person(ws)) return Lead::Kind::Person;
    for (std::size_t i = 0; i < end; ++i)
        if (in(post_words, lower_ascii(ws[i]))) return Lead::Kind::Post;
    return Lead::Kind::Body;
}

namespace {

struct Unit {
    std::string text;            // as written
    bool atom = false;           // a multi-word name from the alias table
    const LeadAlias* entry = nullptr;  // for atoms and single-word aliases
};

// Words and separators of a normalised cell. A separator is represented by an
// empty Unit list boundary: the result is a list of segments.
std::vector<std::vector<std::string>> segment_words(std::string_view text) {
    std::vector<std::vector<std::string>> segments(1);
    std::string word;
    auto end_word = [&] {
        if (!word.empty()) segments.back().push_back(word);
        word.clear();
    };
    auto end_segment = [&] {
        end_word();
        if (!segments.back().empty()) segments.emplace_back();
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ' ') {
            end_word();
        } else if (c == '/' || c == ';' || c == ',' || c == '\n') {
            end_segment();
        } else if (c == '.' && (i + 1 >= text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) {
            // A full stop after a word of three or more letters ends a sentence; "J." does not.
            std::size_t letters = 0;
            for (char w : word)
                if (is_alpha(w)) ++letters;
            if (letters >= 3) end_segment();
            else word.push_back(c);
        } else {
            word.push_back(c);
        }
    }
    end_segment();
    if (segments.back().empty()) segments.pop_back();
    return segments;
}

// Case aside, "&" as "and": the word key LeadAliases indexes names by
// (lead_aliases.cpp word_key), compared here without building the keys.
bool same_word(std::string_view a, std::string_view b) {
    auto is_and = [](std::string_view w) { return w == "&" || iequals(w, "and"); };
    if (is_and(a) && is_and(b)) return true;
    return iequals(a, b);
}

// Group words into units, matching the longest multi-word alias-table name at each word.
std::vector<Unit> make_units(const std::vector<std::string>& ws, const LeadAliases& aliases) {
    std::vector<Unit> units;
    std::size_t i = 0;
    while (i < ws.size()) {
        std::size_t best_len = 0;
        const LeadAlias* best = nullptr;
        // Only the names opening with this word could match (same_word below still decides).
        for (const std::size_t index : aliases.multi_word_names_opening(trim(ws[i], "()"))) {
            const LeadAliases::MultiWordName& candidate = aliases.multi_word_names()[index];
            const auto& name_words = candidate.words;
            if (name_words.size() <= best_len || i + name_words.size() > ws.size()) continue;
            bool match = true;
            for (std::size_t k = 0; k < name_words.size() && match; ++k)
                match = same_word(trim(ws[i + k], "()"), name_words[k]) && (k == 0 || ws[i + k].front() != '(');
            if (match) {
                best_len = name_words.size();
                best = &aliases.entries()[candidate.entry];
            }
        }
        if (best) {
            Unit u;
            for (std::size_t k = 0; k < best_len; ++k) u.text += (k ? " " : "") + ws[i + k];
            u.atom = true;
            u.entry = best;
            units.push_back(std::move(u));
            i += best_len;
        } else {
            Unit u;
            u.text = ws[i];
            u.entry = aliases.find(trim(ws[i], "().,:"));
            units.push_back(std::move(u));
            ++i;
        }
    }
    return units;
}

std::string last_word_lower(const std::vector<Unit>& piece) {
    const std::string& t = piece.back().text;
    const auto sp = t.rfind(' ');
    return strip_brackets(sp == std::string::npos ? t : t.substr(sp + 1));
}

bool ends_in_head(const std::vector<Unit>& piece) { return !piece.empty() && in(head_words, last_word_lower(piece)); }

std::string join(const std::vector<Unit>& units, std::size_t from = 0) {
    std::string out;
    for (std::size_t i = from; i < units.size(); ++i) {
        if (!out.empty()) out += ' ';
        out += units[i].text;
    }
    return out;
}

// Whether "and" after piece starts a new lead ("JMG and COG", "Chief Education
// Officer and Chief Social Work Officer") or joins words of one name ("ICS
// Strategy and Performance Team", "Head of Children's Services and Criminal
// Justice": after "X of", only a post or an alias starts a new lead).
bool and_separates(const std::vector<Unit>& piece, const Unit& next) {
    if (piece.empty()) return false;
    const std::string next_word = strip_brackets(next.text);
    for (const Unit& u : piece)
        if (!u.atom && lower_ascii(u.text) == "of") return next.entry || in(post_words, next_word);
    if (ends_in_head(piece)) return true;
    if (piece.size() == 1 && piece[0].entry) return true;  // "JMG and COG"
    const std::string text = join(piece);
    const auto ws = split_words(text);
    return looks_like_person(ws);
}

Lead make_lead(const std::vector<Unit>& piece) {
    Lead lead;
    lead.as_written = std::string(trim(join(piece), " .,:;-"));
    if (piece.size() == 1 && piece[0].entry) {
        lead.name = piece[0].entry->expansion;
        const std::string_view bare = trim(piece[0].text, "().,:");
        if (!piece[0].atom && bare != piece[0].entry->alias) lead.name += "s";  // "SPGs"
        lead.kind = piece[0].entry->kind;
        return lead;
    }
    std::string name;
    for (const Unit& u : piece) {
        if (!name.empty()) name += ' ';
        if (!u.entry || u.atom) {
            name += u.text;
            continue;
        }
        // Keep brackets and punctuation round an expanded alias: "(LAC)".
        const auto b = u.text.find_first_not_of("().,:");
        const auto e = u.text.find_last_not_of("().,:");
        const std::string_view bare = std::string_view(u.text).substr(b, e - b + 1);
        name += u.text.substr(0, b) + u.entry->expansion + (bare != u.entry->alias ? "s" : "") + u.text.substr(e + 1);
    }
    lead.name = std::string(trim(name, " .,:;-"));
    lead.kind = classify_lead(lead.name);
    return lead;
}

}  // namespace

LeadCell read_lead_cell(std::string_view cell, const LeadAliases& aliases) {
    LeadCell result;
    const std::string text = normalise_text(cell);
    if (in(no_lead_words, lower_ascii(text))) {
        result.notes.push_back(text);
        return result;
    }
    for (const auto& segment : segment_words(text)) {
        const std::vector<Unit> units = make_units(segment, aliases);
        std::vector<std::vector<Unit>> pieces(1);
        int depth = 0;
        for (std::size_t i = 0; i < units.size(); ++i) {
            const Unit& u = units[i];
            auto& current = pieces.back();
            const std::string word = strip_brackets(u.text);
            const bool starts_piece = current.empty();
            if (!u.atom && (starts_piece ? in(note_openers, word) : (in(mid_note_openers, word) && depth == 0))) {
                result.notes.push_back(join(units, i));
                break;
            }
            if (!u.atom && depth == 0 && !starts_piece && (u.text == "&" || u.text == "and") && i + 1 < units.size() &&
                and_separates(current, units[i + 1])) {
                pieces.emplace_back();
                continue;
            }
            if (!starts_piece && depth == 0 && ends_in_head(current) && u.text.front() != '(' &&
                (is_upper(u.text.front()) || u.entry) && !in(continuation_words, word)) {
                pieces.emplace_back();
                // The new piece may open with a note verb ("... Team Ensure clear links ...").
                if (!u.atom && in(note_openers, word)) {
                    result.notes.push_back(join(units, i));
                    break;
                }
            }
            for (char c : u.text) {
                if (c == '(') ++depth;
                else if (c == ')' && depth > 0) --depth;
            }
            pieces.back().push_back(u);
        }
        for (const auto& piece : pieces) {
            if (piece.empty()) continue;
            const std::string written = std::string(trim(join(piece), " .,:;-"));
            if (written.empty()) continue;
            if (in(no_lead_words, lower_ascii(written))) {
                result.notes.push_back(written);
                continue;
            }
            result.leads.push_back(make_lead(piece));
        }
    }
    return result;
}

std::vector<Lead> split_leads(std::string_view cell, const LeadAliases& aliases) {
    return read_lead_cell(cell, aliases).leads;
}

double lead_likeness(std::string_view cell, const LeadAliases& aliases) {
    if (cell.size() > 120) return 0;
    return lead_likeness(read_lead_cell(cell, aliases));
}

double lead_likeness(const LeadCell& read) {
    if (read.leads.empty() || !read.notes.empty()) return 0;
    double least = 1;
    for (const Lead& lead : read.leads) {
        // Without bracketed asides: "Team Leader (Fostering)" is a Team Leader.
        std::string plain;
        int depth = 0;
        for (char c : lead.name) {
            if (c == '(') ++depth;
            else if (c == ')') depth = depth > 0 ? depth - 1 : 0;
            else if (depth == 0) plain.push_back(c);
        }
        const std::string flat = normalise_text(plain);
        const auto ws = split_words(flat);
        if (ws.empty() || ws.size() > 8) return 0;
        const bool expanded = lead.name != lead.as_written;  // an alias
        const std::string head = lower_ascii(trim(ws.back(), "().,:;"));
        double likeness = 0;
        if ((expanded && ws.size() <= 4) || in(post_words, head) || in(body_words, head) || looks_like_person(ws)) {
            likeness = 1;
        } else if (ws.size() == 1) {
            // "Mark", "CSP", "PMO": a first name or an unknown abbreviation.
            const std::string_view w = trim(ws[0], "().,:;");
            const bool capitalised = !w.empty() && is_upper(w.front());
            likeness = capitalised && w.size() <= 20 ? 0.5 : 0;
        }
        least = std::min(least, likeness);
    }
    return least;
}

}  // namespace plancon
