// The organisation's services and the short forms they go by
// (templates/services.tsv), to read the service a title or a file name names.
#include "plancon/config.hpp"
#include "config/template_table.hpp"

#include <algorithm>

namespace plancon {

void ServiceDirectory::add(std::string name, const std::vector<std::string>& aliases) {
    const std::size_t index = names_.size();
    names_.push_back(std::move(name));
    auto add_alias = [&](std::string_view alias) {
        std::string folded = fold_for_matching(alias);
        if (!folded.empty()) aliases_.emplace_back(std::move(folded), index);
    };
    add_alias(names_.back());
    for (const std::string& a : aliases) add_alias(a);
    std::stable_sort(aliases_.begin(), aliases_.end(),
                     [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
}

const std::string* ServiceDirectory::find_in(std::string_view text) const {
    const std::string folded = " " + fold_for_matching(text) + " ";
    for (const auto& [alias, index] : aliases_)
        if (folded.find(" " + alias + " ") != std::string::npos) return &names_[index];
    return nullptr;
}

const std::string* ServiceDirectory::find_exact(std::string_view text) const {
    const std::string folded = fold_for_matching(text);
    for (const auto& [alias, index] : aliases_)
        if (folded == alias) return &names_[index];
    return nullptr;
}

ServiceDirectory parse_services(std::string_view text, const std::string& name) {
    ServiceDirectory services;
    config_detail::for_each_record(text, name, 2, "NAME<TAB>alias | alias ...",
                                   [&](const std::vector<std::string_view>& f, int line) {
        if (f[0].empty()) throw config_detail::line_error(name, line, "no service name before the tab");
        std::vector<std::string> aliases;
        std::string_view rest = f[1];
        while (!rest.empty()) {
            const std::size_t bar = rest.find('|');
            const std::string_view alias = trim(rest.substr(0, bar));
            if (!alias.empty()) aliases.emplace_back(alias);
            rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
        }
        services.add(std::string(f[0]), aliases);
    });
    return services;
}

}  // namespace plancon
