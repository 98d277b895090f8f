// Finding the templates folder and reading every template in it, once.
#include "plancon/config.hpp"
#include "config/template_table.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace plancon {

namespace {

// A template is a small text file; anything beyond this is not one.
constexpr std::streamoff template_limit = 4 << 20;

std::string read_template(const std::filesystem::path& path, const char* what) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw TemplateError(path.string(), std::string("cannot open the ") + what);
    in.seekg(0, std::ios::end);
    const std::streamoff size = in.tellg();
    if (size > template_limit)
        throw TemplateError(path.string(), std::string("the ") + what + " is larger than 4 MiB; is it the right file?");
    in.seekg(0);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
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

std::filesystem::path default_templates_dir() {
    const char* env = std::getenv("PLANCON_TEMPLATES");
    return env && *env ? std::filesystem::path(env) : std::filesystem::path(PLANCON_TEMPLATES_DIR);
}

Config load_config(const ConfigSources& sources) {
    Config config;
    config.templates = sources.templates.empty() ? default_templates_dir() : sources.templates;
    const auto at = [&](const char* name) { return config.templates / name; };
    if (!std::filesystem::is_directory(config.templates))
        throw TemplateError(config.templates.string(),
                            "no templates folder here (set PLANCON_TEMPLATES to the folder holding default.profile, "
                            "leads.tsv and status.tsv)");
    const auto profile_path = config.templates / "profiles" / "default.profile";
    config.profile = parse_profile(read_template(profile_path, "default profile"), profile_path.string());
    // Each --profile is read over everything before it: its words are tried first.
    for (const std::string& path : sources.profiles)
        config.profile = merge_profiles(config.profile, parse_profile(read_template(path, "profile"), path));
    config.leads = parse_lead_aliases(read_template(at("leads.tsv"), "lead alias table"), at("leads.tsv").string());
    config.statuses =
        parse_status_vocabulary(read_template(at("status.tsv"), "status vocabulary"), at("status.tsv").string());
    config.abbreviations =
        parse_abbreviations(read_template(at("abbreviations.tsv"), "abbreviation table"), at("abbreviations.tsv").string());
    config.services = parse_services(read_template(at("services.tsv"), "service list"), at("services.tsv").string());
    config.schema = at("plan.xsd");
    if (!std::filesystem::is_regular_file(config.schema))
        throw TemplateError(config.schema.string(), "the feed's schema is missing from the templates folder");
    return config;
}

}  // namespace plancon
