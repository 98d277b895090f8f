// The lead alias table (templates/leads.tsv): abbreviations and the names of
// bodies and posts that are kept whole.
#include "plancon/config.hpp"
#include "config/template_table.hpp"

namespace plancon {

namespace {

// Words as a lead cell's words are compared with a name's: case aside, "&" as
// "and" (values/leads.cpp same_word compares two words the same way).
std::string word_key(std::string_view word) {
    std::string key = lower_ascii(word);
    return key == "&" ? "and" : key;
}

const std::vector<std::size_t> no_names;

}  // namespace

void LeadAliases::add(LeadAlias alias) {
    for (const std::string* name : {&alias.alias, &alias.expansion}) {
        const auto words = split_words(*name);
        if (words.size() < 2) continue;
        opening_[word_key(words.front())].push_back(multi_word_names_.size());
        multi_word_names_.push_back({{words.begin(), words.end()}, entries_.size()});
    }
    by_alias_.emplace(alias.alias, entries_.size());
    entries_.push_back(std::move(alias));
}

const std::vector<std::size_t>& LeadAliases::multi_word_names_opening(std::string_view word) const {
    const auto it = opening_.find(word_key(word));
    return it == opening_.end() ? no_names : it->second;
}

const LeadAlias* LeadAliases::find(std::string_view token) const {
    if (const auto it = by_alias_.find(std::string(token)); it != by_alias_.end()) return &entries_[it->second];
    // A plural of a one-word alias ("CSWOs"): the alias without its "s".
    if (token.size() > 1 && token.back() == 's' && token.find(' ') == std::string_view::npos) {
        const auto it = by_alias_.find(std::string(token.substr(0, token.size() - 1)));
        if (it != by_alias_.end()) return &entries_[it->second];
    }
    return nullptr;
}

LeadAliases parse_lead_aliases(std::string_view text, const std::string& name) {
    LeadAliases aliases;
    config_detail::for_each_record(text, name, 3, "ALIAS<TAB>EXPANSION<TAB>person|post|body",
                                   [&](const std::vector<std::string_view>& f, int line) {
        LeadAlias a;
        a.alias = std::string(f[0]);
        a.expansion = std::string(f[1]);
        const std::string kind = lower_ascii(f[2]);
        if (a.alias.empty() || a.expansion.empty()) throw config_detail::line_error(name, line, "empty alias or expansion");
        if (kind == "person") a.kind = Lead::Kind::Person;
        else if (kind == "post") a.kind = Lead::Kind::Post;
        else if (kind == "body") a.kind = Lead::Kind::Body;
        else throw config_detail::line_error(name, line, "kind must be person, post or body, not \"" + kind + "\"");
        for (const LeadAlias& existing : aliases.entries())
            if (existing.alias == a.alias)
                throw config_detail::line_error(name, line, "alias \"" + a.alias + "\" given twice");
        aliases.add(std::move(a));
    });
    return aliases;
}

}  // namespace plancon
