// Finding the templates folder and reading every template in it, once.
#include "plancon/config.hpp"
#include "config/template_table.hpp"

#include <array>
#include <cstdlib>

namespace plancon {

namespace {

// A template is a small text file; anything beyond this is not one.
constexpr std::uintmax_t template_limit = 4 << 20;

// The files of the templates folder: the one list load_config reads and its
// messages name.
struct TemplateFile {
    const char* path;  // in the templates folder
    const char* what;  // as a message names it
};
constexpr TemplateFile default_profile{"profiles/default.profile", "default profile"};
constexpr TemplateFile leads_table{"leads.tsv", "lead alias table"};
constexpr TemplateFile status_table{"status.tsv", "status vocabulary"};
constexpr TemplateFile abbreviations_table{"abbreviations.tsv", "abbreviation table"};
constexpr TemplateFile synonyms_table{"synonyms.tsv", "synonym table"};
constexpr TemplateFile contrasts_table{"contrasts.tsv", "contrast table"};
constexpr TemplateFile services_table{"services.tsv", "service list"};
constexpr TemplateFile workbook_columns{"workbook_columns.tsv", "workbook's columns"};
constexpr TemplateFile workbook_colours{"workbook_colours.tsv", "workbook's colours"};
constexpr TemplateFile feed_schema{"plan.xsd", "feed's schema"};  // read by validate_feed only
constexpr std::array<TemplateFile, 10> template_files{default_profile,     leads_table,      status_table,
                                                      abbreviations_table, synonyms_table,   contrasts_table,
                                                      services_table,      workbook_columns, workbook_colours,
                                                      feed_schema};

// "profiles/default.profile, leads.tsv, ... and plan.xsd"
std::string template_file_names() {
    std::string out;
    for (std::size_t i = 0; i < template_files.size(); ++i)
        out += std::string(i == 0 ? "" : i + 1 == template_files.size() ? " and " : ", ") + template_files[i].path;
    return out;
}

std::string read_template(const std::string& path, const char* what) {
    std::string problem;
    std::optional<std::string> text = read_small_file(path, what, problem, template_limit);
    if (!text) throw TemplateError(path, problem);
    return std::move(*text);
}

}  // namespace

std::vector<Abbreviation> parse_abbreviations(std::string_view text, const std::string& name) {
    std::vector<Abbreviation> out;
    config_detail::for_each_record(text, name, 2, "ABBREVIATION<TAB>EXPANSION",
                                   [&](const std::vector<std::string_view>& f, int line) {
        if (f[0].empty() || f[1].empty()) throw config_detail::line_error(name, line, "empty abbreviation or expansion");
        out.push_back({std::string(f[0]), std::string(f[1])});
    });
    return out;
}

std::vector<Synonym> parse_synonyms(std::string_view text, const std::string& name) {
    std::vector<Synonym> out;
    config_detail::for_each_record(text, name, 2, "WORDS<TAB>SAME AS", [&](const std::vector<std::string_view>& f, int line) {
        if (f[0].empty() || f[1].empty()) throw config_detail::line_error(name, line, "empty words or synonym");
        out.push_back({std::string(f[0]), std::string(f[1])});
    });
    return out;
}

std::vector<ContrastSet> parse_contrasts(std::string_view text, const std::string& name) {
    std::vector<ContrastSet> out;
    config_detail::for_each_record(text, name, 1, "WORD | WORD | ...", [&](const std::vector<std::string_view>& f, int line) {
        ContrastSet set;
        for (std::string_view rest = f[0]; !rest.empty();) {
            const std::size_t bar = rest.find('|');
            const std::string_view word = trim(rest.substr(0, bar));
            if (word.empty()) throw config_detail::line_error(name, line, "empty word between \"|\"");
            set.emplace_back(word);
            rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
        }
        if (set.size() < 2) throw config_detail::line_error(name, line, "a contrast needs at least two words");
        out.push_back(std::move(set));
    });
    return out;
}

std::filesystem::path default_templates_dir() {
    const char* env = std::getenv("PLANCON_TEMPLATES");
    return env && *env ? std::filesystem::path(env) : std::filesystem::path(PLANCON_TEMPLATES_DIR);
}

std::filesystem::path feed_schema_path(const std::filesystem::path& templates) { return templates / feed_schema.path; }

Config load_config(const ConfigSources& sources) {
    Config config;
    config.templates = sources.templates.empty() ? default_templates_dir() : sources.templates;
    const auto at = [&](const TemplateFile& t) { return (config.templates / t.path).string(); };
    const auto read = [&](const TemplateFile& t) { return read_template(at(t), t.what); };
    if (!std::filesystem::is_directory(config.templates))
        throw TemplateError(config.templates.string(), "no templates folder here (set PLANCON_TEMPLATES to the folder holding " +
                                                           template_file_names() + ")");
    config.profile = parse_profile(read(default_profile), at(default_profile));
    // Each --profile is read over everything before it: its words are tried first.
    for (const std::string& path : sources.profiles)
        config.profile = merge_profiles(config.profile, parse_profile(read_template(path, "profile"), path));
    config.leads = parse_lead_aliases(read(leads_table), at(leads_table));
    config.statuses = parse_status_vocabulary(read(status_table), at(status_table));
    config.abbreviations = parse_abbreviations(read(abbreviations_table), at(abbreviations_table));
    config.synonyms = parse_synonyms(read(synonyms_table), at(synonyms_table));
    config.contrasts = parse_contrasts(read(contrasts_table), at(contrasts_table));
    config.services = parse_services(read(services_table), at(services_table));
    config.workbook = parse_workbook_columns(read(workbook_columns), at(workbook_columns));
    parse_workbook_colours(config.workbook, read(workbook_colours), at(workbook_colours));
    config.schema = feed_schema_path(config.templates);
    return config;
}

}  // namespace plancon
