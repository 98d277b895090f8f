// The lead alias table (templates/leads.tsv): abbreviations and the names of
// bodies and posts that are kept whole.
#include "plancon/config.hpp"
#include "config/template_table.hpp"

namespace plancon {

void LeadAliases::add(LeadAlias alias) {
    for (const std::string* name : {&alias.alias, &alias.expansion}) {
        const auto words = split_words(*name);
        if (words.size() >= 2) multi_word_names_.push_back({{words.begin(), words.end()}, entries_.size()});
    }
    entries_.push_back(std::move(alias));
}

const LeadAlias* LeadAliases::find(std::string_view token) const {
    for (const LeadAlias& a : entries_)
        if (a.alias == token) return &a;
    if (token.size() > 1 && token.back() == 's') {
        const std::string_view singular = token.substr(0, token.size() - 1);
        for (const LeadAlias& a : entries_)
            if (a.alias == singular && a.alias.find(' ') == std::string::npos) return &a;
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
