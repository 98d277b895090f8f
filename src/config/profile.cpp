// Layout profiles: header synonyms and sheet hints, parsed from text.
#include "plancon/config.hpp"
#include "plancon/text.hpp"
#include "config/template_table.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <utility>

namespace plancon {

namespace {

constexpr std::array<std::pair<Field, std::string_view>, field_count - 1> field_names{{
    {Field::Ref, "ref"}, {Field::Action, "action"}, {Field::Outcome, "outcome"}, {Field::Lead, "lead"},
    {Field::Due, "due"}, {Field::Measures, "measures"}, {Field::Risks, "risks"}, {Field::Progress, "progress"},
    {Field::Status, "status"}, {Field::PercentComplete, "percent-complete"},
    {Field::QualityIndicators, "quality-indicators"}, {Field::PageRef, "page-ref"}, {Field::Service, "service-column"},
    {Field::Strength, "strength"}, {Field::Afi, "afi"}, {Field::PlannedAction, "planned-action"},
    {Field::Start, "start"},
}};

bool name_matches(std::string_view pattern, bool prefix, std::string_view name) {
    return prefix ? name.substr(0, pattern.size()) == pattern : name == pattern;
}

// Where a profile line is, for its errors.
struct ProfileLine {
    const std::string& name;
    std::size_t number;
    [[noreturn]] void fail(const std::string& problem) const {
        throw config_detail::line_error(name, int(number), problem);
    }
};

void read_service(Profile& profile, std::string_view value, const ProfileLine& line) {
    if (value.empty()) line.fail("service: needs a name");
    profile.service = value;
}

// "item-kinds: action | task | risk": what a table's items can be called.
void read_item_kinds(Profile& profile, std::string_view value, const ProfileLine& line) {
    for (std::string_view rest = value; !rest.empty();) {
        const std::size_t bar = rest.find('|');
        const std::string kind = fold_header(trim(rest.substr(0, bar)));
        if (kind.empty() || kind.find(' ') != std::string::npos) line.fail("item-kinds: single words separated by \"|\"");
        profile.item_kinds.push_back(kind);
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    }
}

void read_sheet_kind(Profile& profile, std::string_view value, const ProfileLine& line) {
    std::size_t eq = value.find('=');
    if (eq == std::string_view::npos) line.fail("expected \"sheet-kind: SHEET = plan|findings|appendix|ignore\"");
    std::string_view sheet = trim(value.substr(0, eq)), kind = trim(value.substr(eq + 1));
    Profile::SheetHint hint;
    hint.prefix = !sheet.empty() && sheet.back() == '*';
    if (hint.prefix) sheet.remove_suffix(1);
    if (sheet.empty()) line.fail("sheet-kind: needs a sheet name");
    hint.sheet = sheet;
    if (kind == "plan") hint.kind = SheetKind::Plan;
    else if (kind == "findings") hint.kind = SheetKind::Findings;
    else if (kind == "appendix") hint.kind = SheetKind::Appendix;
    else if (kind == "ignore") hint.kind = SheetKind::Ignore;
    else line.fail("unknown sheet kind \"" + std::string(kind) + "\" (plan, findings, appendix or ignore)");
    profile.sheet_hints.push_back(std::move(hint));
}

// The keys of a profile line that are not a field (or "FIELD words").
using Directive = void (*)(Profile&, std::string_view value, const ProfileLine&);
constexpr std::array<std::pair<std::string_view, Directive>, 3> directives{{
    {"service", read_service}, {"item-kinds", read_item_kinds}, {"sheet-kind", read_sheet_kind},
}};

// What a profile line may start with, for an error about one that is none of them.
std::string known_keys() {
    std::string out;
    for (const auto& [f, n] : field_names) out += (out.empty() ? "" : " ") + std::string(n);
    out += ", FIELD words";
    for (const auto& [key, read] : directives) out += ", " + std::string(key);
    return out;
}

}  // namespace

std::string_view to_string(Field f) {
    for (const auto& [field, name] : field_names)
        if (field == f) return name;
    return "";
}

std::string_view to_string(SheetKind k) {
    switch (k) {
        case SheetKind::Auto: return "auto";
        case SheetKind::Plan: return "plan";
        case SheetKind::Findings: return "findings";
        case SheetKind::Appendix: return "appendix";
        case SheetKind::Ignore: return "ignore";
    }
    return "?";
}

std::string fold_header(std::string_view text) {
    // Headers match on the matching key (text.hpp), with "%" and "#" read as
    // the words they stand for, so "% Complete" (a percentage) and "Complete?"
    // (a yes/no) differ, and "Task #" (an id) is not "Task"; "£" separates.
    std::string spelled;
    for (char c : text) {
        if (c == '#') spelled += " number ";
        else spelled += c;
    }
    std::string key = fold_for_matching(spelled);
    std::string out;
    bool gap = false;
    auto word = [&](std::string_view w) {
        if (!out.empty()) out += ' ';
        out += w;
        gap = true;
    };
    for (std::size_t i = 0; i < key.size(); ++i) {
        if (key[i] == '%') {
            word("percent");
            continue;
        }
        if (key[i] == ' ' || key.compare(i, 2, "\xC2\xA3") == 0) {
            gap = true;
            if (key[i] != ' ') ++i;  // the second byte of "£"
            continue;
        }
        if (gap && !out.empty()) out += ' ';
        gap = false;
        out += key[i];
    }
    return out;
}

Field Profile::field_for(std::string_view header) const {
    std::string folded = fold_header(header);
    if (folded.empty()) return Field::None;
    for (const Synonym& s : synonyms)
        if (name_matches(s.folded, s.prefix, folded)) return s.field;
    return Field::None;
}

std::array<double, field_count> Profile::word_weights(std::string_view folded_word) const {
    std::array<double, field_count> weights{};
    std::array<bool, field_count> decided{};
    for (const Word& w : words) {
        const auto f = std::size_t(w.field);
        if (decided[f] || !name_matches(w.folded, w.prefix, folded_word)) continue;
        decided[f] = true;
        weights[f] = w.weight;
    }
    return weights;
}

SheetKind Profile::kind_for(std::string_view sheet) const {
    for (const SheetHint& h : sheet_hints)
        if (name_matches(h.sheet, h.prefix, sheet)) return h.kind;
    return SheetKind::Auto;
}

Profile parse_profile(std::string_view text, const std::string& name) {
    Profile profile;
    profile.sources.push_back(name);
    std::size_t line_no = 0;
    while (!text.empty()) {
        ++line_no;
        std::size_t end = text.find('\n');
        std::string_view line = trim(text.substr(0, end));
        text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
        if (line.empty() || line.front() == '#') continue;
        const ProfileLine where{name, line_no};
        auto fail = [&](const std::string& problem) { where.fail(problem); };
        std::size_t colon = line.find(':');
        if (colon == std::string_view::npos) fail("expected \"FIELD: synonym | synonym\", got \"" + std::string(line) + "\"");
        std::string_view key = trim(line.substr(0, colon));
        std::string_view value = trim(line.substr(colon + 1));
        const auto directive = std::find_if(directives.begin(), directives.end(), [&](const auto& d) { return d.first == key; });
        if (directive != directives.end()) {
            directive->second(profile, value, where);
            continue;
        }
        const bool word_list = key.size() > 6 && key.substr(key.size() - 6) == " words";
        if (word_list) key = trim(key.substr(0, key.size() - 6));
        Field field = Field::None;
        for (const auto& [f, n] : field_names)
            if (n == key) field = f;
        if (field == Field::None) fail("unknown field \"" + std::string(key) + "\" (known: " + known_keys() + ")");
        if (word_list) {
            // "due words: deadline 3 | date 1 | start* -3"
            while (true) {
                const std::size_t bar = value.find('|');
                std::string_view item = trim(value.substr(0, bar));
                const std::size_t space = item.rfind(' ');
                Profile::Word w{field, {}, false, 1};
                std::string_view word = item;
                if (space != std::string_view::npos) {
                    const std::string number(trim(item.substr(space + 1)));
                    char* end = nullptr;
                    const double weight = std::strtod(number.c_str(), &end);
                    if (end != number.c_str() + number.size() || number.empty())
                        fail("expected \"word weight\" in the " + std::string(key) + " words, got \"" + std::string(item) + "\"");
                    w.weight = weight;
                    word = trim(item.substr(0, space));
                }
                w.prefix = !word.empty() && word.back() == '*';
                if (w.prefix) word.remove_suffix(1);
                w.folded = fold_header(word);
                if (w.folded.empty() || w.folded.find(' ') != std::string::npos)
                    fail("a word list holds single words, not \"" + std::string(word) + "\"");
                profile.words.push_back(std::move(w));
                if (bar == std::string_view::npos) break;
                value = value.substr(bar + 1);
            }
            continue;
        }
        while (true) {
            std::size_t bar = value.find('|');
            std::string_view synonym = trim(value.substr(0, bar));
            Profile::Synonym s{field, {}, !synonym.empty() && synonym.back() == '*'};
            if (s.prefix) synonym.remove_suffix(1);
            s.folded = fold_header(synonym);
            if (s.folded.empty()) fail("empty synonym for " + std::string(key));
            profile.synonyms.push_back(std::move(s));
            if (bar == std::string_view::npos) break;
            value = value.substr(bar + 1);
        }
    }
    return profile;
}

Profile merge_profiles(const Profile& base, const Profile& over) {
    Profile merged = over;
    merged.sources.insert(merged.sources.begin(), base.sources.begin(), base.sources.end());
    merged.synonyms.insert(merged.synonyms.end(), base.synonyms.begin(), base.synonyms.end());
    merged.words.insert(merged.words.end(), base.words.begin(), base.words.end());
    merged.item_kinds.insert(merged.item_kinds.end(), base.item_kinds.begin(), base.item_kinds.end());
    merged.sheet_hints.insert(merged.sheet_hints.end(), base.sheet_hints.begin(), base.sheet_hints.end());
    if (merged.service.empty()) merged.service = base.service;
    return merged;
}

}  // namespace plancon
