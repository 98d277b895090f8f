// plancon consolidate: many trackers in, one workbook and one XML feed out.
#include "cli/commands.hpp"

#include "plancon/layout.hpp"
#include "plancon/normalise.hpp"
#include "plancon/reconcile.hpp"
#include "plancon/write.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <cstdio>
#include <set>
#include <unistd.h>

namespace fs = std::filesystem;
namespace po = boost::program_options;

namespace plancon::cli {

namespace {

bool spreadsheet_name(const fs::path& p) {
    std::string name = p.filename().string();
    if (name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0) return false;  // hidden files, Office lock files
    std::string ext = p.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return ext == ".xlsx" || ext == ".xlsm" || ext == ".ods" || ext == ".xls" || ext == ".csv" || ext == ".tsv";
}

// Files as given, and spreadsheet files found under folders (sorted, so the
// order never depends on the file system). Outputs of this run are left out.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, const std::set<fs::path>& outputs) {
    std::vector<std::string> files;
    for (const std::string& input : inputs) {
        std::error_code ec;
        if (fs::is_directory(input, ec)) {
            std::vector<std::string> found;
            for (auto it = fs::recursive_directory_iterator(input, fs::directory_options::skip_permission_denied, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (it->is_regular_file(ec) && spreadsheet_name(it->path()) &&
                    !outputs.count(fs::weakly_canonical(it->path(), ec)))
                    found.push_back(it->path().string());
            }
            std::sort(found.begin(), found.end());
            files.insert(files.end(), found.begin(), found.end());
        } else {
            files.push_back(input);
        }
    }
    return files;
}

class Progress {
public:
    explicit Progress(std::size_t total) : total_(total), tty_(isatty(STDERR_FILENO)) {}
    void step(std::size_t i, const std::string& file) {
        if (!tty_) return;
        const int width = 30;
        int filled = total_ ? int(width * i / total_) : width;
        std::cerr << "\r[" << std::string(std::size_t(filled), '#') << std::string(std::size_t(width - filled), ' ') << "] "
                  << i << "/" << total_ << " " << fs::path(file).filename().string().substr(0, 40) << "\033[K" << std::flush;
    }
    void done() {
        if (tty_) std::cerr << "\r\033[K" << std::flush;
    }

private:
    std::size_t total_;
    bool tty_;
};

}  // namespace

int run_consolidate(int argc, char** argv) {
    ReadOptions read_options;
    std::vector<std::string> inputs;
    std::string output = "consolidated.xlsx", xml, decisions_file, service, as_of_text;
    std::vector<std::string> profiles;
    bool keep_going = false;
    ReconcileOptions rec_options;
    po::options_description visible("plancon consolidate");
    visible.add_options()
        ("help,h", "show this help")
        ("output,o", po::value<std::string>(&output)->default_value(output), "the consolidated workbook")
        ("xml", po::value<std::string>(&xml), "also write the XML feed (schema: templates/plan.xsd)")
        ("decisions", po::value<std::string>(&decisions_file), "CSV of merge,A,B / keep-apart,A,B lines")
        ("profile", po::value<std::vector<std::string>>(&profiles), "extra header synonyms (repeatable)")
        ("service", po::value<std::string>(&service), "service for inputs that name none")
        ("keep-going", po::bool_switch(&keep_going), "report unreadable inputs and consolidate the rest")
        ("threshold", po::value<double>(&rec_options.threshold)->default_value(rec_options.threshold),
         "merge score (0-1)")
        ("review-band", po::value<double>(&rec_options.review_band)->default_value(rec_options.review_band),
         "lowest score reported as a possible duplicate")
        ("as-of", po::value<std::string>(&as_of_text), "date overdue is measured against, YYYY-MM-DD (default: today, or SOURCE_DATE_EPOCH)");
    visible.add(reading_options(read_options));
    po::options_description hidden;
    hidden.add_options()("input", po::value<std::vector<std::string>>(&inputs)->required(), "inputs");
    po::positional_options_description positional;
    positional.add("input", -1);
    po::variables_map vm;
    int code = exit_ok;
    const std::string synopsis =
        "plancon consolidate INPUT... [-o consolidated.xlsx] [--xml plan.xml] [--decisions FILE] [--profile FILE] "
        "[--service NAME] [--keep-going]";
    if (!parse_command_line(argc, argv, synopsis, visible, hidden, positional, vm, code)) return code;
    if (!(rec_options.review_band >= 0 && rec_options.review_band <= rec_options.threshold && rec_options.threshold <= 1)) {
        report("need 0 <= --review-band <= --threshold <= 1");
        return exit_usage;
    }
    std::optional<Date> as_of;
    if (!as_of_text.empty()) {
        Date d;
        if (std::sscanf(as_of_text.c_str(), "%d-%u-%u", &d.year, &d.month, &d.day) != 3 || !is_valid_date(d)) {
            report("--as-of wants a date as YYYY-MM-DD, not '" + as_of_text + "'");
            return exit_usage;
        }
        as_of = d;
    }

    // Everything that can be refused before reading is refused first.
    Profile profile = default_profile();
    Decisions decisions;
    try {
        for (const std::string& p : profiles) profile = merge_profiles(profile, load_profile(p));
        if (!decisions_file.empty()) decisions = load_decisions(decisions_file);
    } catch (const std::exception& e) {
        report(e.what());
        return exit_input;
    }

    std::set<fs::path> outputs;
    std::error_code ec;
    outputs.insert(fs::weakly_canonical(output, ec));
    if (!xml.empty()) outputs.insert(fs::weakly_canonical(xml, ec));
    std::vector<std::string> files = expand_inputs(inputs, outputs);
    if (files.empty()) {
        report("no spreadsheet files in " + inputs.front() + (inputs.size() > 1 ? " ..." : ""));
        return exit_input;
    }

    LayoutOptions layout_options;
    layout_options.service = service;
    NormaliseOptions normalise_options;
    normalise_options.service = service;

    std::vector<Plan> plans;
    std::vector<std::pair<std::string, std::string>> unreadable;  // file, the error
    std::size_t sheets = 0, rows = 0;
    Progress progress(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
        progress.step(i, files[i]);
        try {
            Workbook wb = read_workbook(files[i], read_options);
            sheets += wb.sheets.size();
            Plan plan = build_plan(wb, profile, layout_options);
            normalise_plan(plan, normalise_options);
            rows += rows_covered(plan);
            plans.push_back(std::move(plan));
        } catch (const ReadError& e) {
            if (!keep_going) {
                progress.done();
                report(std::string(e.what()) + " (nothing written; --keep-going consolidates the rest)");
                return exit_input;
            }
            unreadable.emplace_back(files[i], e.what());
        } catch (const std::bad_alloc&) {
            if (!keep_going) {
                progress.done();
                report(files[i] + ": out of memory while reading (nothing written)");
                return exit_input;
            }
            unreadable.emplace_back(files[i], files[i] + ": out of memory while reading");
        }
    }
    progress.done();
    for (const auto& u : unreadable) report(u.second + " (skipped)");

    Reconciliation rec;
    try {
        rec = reconcile(plans, rec_options, decisions);
    } catch (const std::exception& e) {
        report(e.what());
        return exit_input;
    }
    // Unreadable inputs are listed on the Issues sheet too.
    for (const auto& [file, why] : unreadable) rec.warnings.push_back({Provenance{file, "", 0}, "input not read: " + why});

    std::size_t feed_warnings = 0;
    try {
        WorkbookOptions wopts;
        wopts.as_of = as_of;
        if (!xml.empty()) {
            FeedOptions fopts;
            fopts.as_of = as_of;
            auto dropped = write_feed(xml, plans, rec, fopts);
            feed_warnings = dropped.size();
            rec.warnings.insert(rec.warnings.end(), dropped.begin(), dropped.end());
        }
        write_consolidated_workbook(output, plans, rec, wopts);
    } catch (const WriteError& e) {
        report(e.what());
        return exit_input;
    }

    std::size_t actions_in = 0, appendix_rows = 0, skipped = 0, warnings = rec.warnings.size();
    for (const Plan& p : plans) {
        actions_in += p.actions.size();
        for (const auto& t : p.appendices) appendix_rows += t.rows.size();
        skipped += rows_with_fate(p, RowRecord::Fate::Skipped);
        warnings += p.warnings.size();
    }
    std::cerr << "plancon: " << files.size() - unreadable.size() << " of " << files.size() << " files, " << sheets
              << " sheets, " << rows << " rows read: " << rec.actions.size() << " actions (" << actions_in - rec.actions.size()
              << " merged), " << rec.possible_duplicates.size() << " possible duplicates, " << appendix_rows
              << " appendix rows, " << skipped << " skipped, " << warnings << " warnings -> " << output
              << (xml.empty() ? "" : " and " + xml) << "\n";
    (void)feed_warnings;
    return unreadable.empty() ? exit_ok : exit_input;
}

}  // namespace plancon::cli
