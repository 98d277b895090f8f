// plancon consolidate: many trackers in, one workbook and one XML feed out.
// A front end over plancon::consolidate (pipeline.hpp): options, progress
// bar, the summary line.
#include "cli/commands.hpp"

#include "plancon/pipeline.hpp"

#include <cstdio>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace po = boost::program_options;

namespace plancon::cli {

namespace {

std::string two_decimals(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.2f", v);
    return text;
}

// A bar on stderr when it is a terminal; nothing otherwise.
void show_progress(std::size_t i, std::size_t total, const std::string& file) {
    static const bool tty = isatty(STDERR_FILENO);
    if (!tty) return;
    if (i >= total) {
        std::cerr << "\r\033[K" << std::flush;
        return;
    }
    const int width = 30;
    const int filled = total ? int(width * i / total) : width;
    std::cerr << "\r[" << std::string(std::size_t(filled), '#') << std::string(std::size_t(width - filled), ' ') << "] "
              << i << "/" << total << " " << std::filesystem::path(file).filename().string().substr(0, 40) << "\033[K"
              << std::flush;
}

// "run 3 recorded in plan.db: 2 new, 1 removed, 3 status" (counts by kind of
// change); "run 3 would be recorded ..." for a dry run.
std::string run_summary(std::int64_t run, const std::string& path, const std::vector<RegisterChange>& changes,
                        bool dry_run) {
    std::string counts;
    for (std::size_t i = 0; i < changes.size();) {
        std::size_t j = i;
        while (j < changes.size() && changes[j].change == changes[i].change) ++j;
        counts += (counts.empty() ? ": " : ", ") + std::to_string(j - i) + " " + changes[i].change;
        i = j;
    }
    return "run " + std::to_string(run) + (dry_run ? " would be recorded in " : " recorded in ") + path + (counts.empty() ? ": no changes" : counts);
}

}  // namespace

int run_consolidate(int argc, char** argv) {
    ConsolidateOptions options;
    options.workbook = "consolidated.xlsx";
    std::vector<std::string> inputs, profiles;
    std::string as_of;
    po::options_description visible("plancon consolidate");
    visible.add_options()
        ("help,h", "show this help")
        ("output,o", po::value<std::string>(&options.workbook)->default_value(options.workbook), "the consolidated workbook")
        ("xml", po::value<std::string>(&options.feed), "also write the XML feed (schema: templates/plan.xsd)")
        ("decisions", po::value<std::string>(&options.decisions), "CSV of merge,A,B / keep-apart,A,B lines, or the reviewed consolidated workbook (its Duplicates sheet's Decision column)")
        ("corrections", po::value<std::string>(&options.corrections),
         "a reviewed consolidated workbook: due dates and leads filled in on its Actions sheet")
        ("register", po::value<std::string>(&options.register_path),
         "the plan register (SQLite, created when absent): codes kept from run to run, what changed recorded")
        ("profile", po::value<std::vector<std::string>>(&profiles), "extra header synonyms (repeatable; a later one is read over an earlier)")
        ("service", po::value<std::string>(&options.service), "service for inputs that name none")
        ("keep-going", po::bool_switch(&options.keep_going), "report unreadable inputs and consolidate the rest")
        ("dry-run", po::bool_switch(&options.dry_run),
         "write nothing: with --register, what the run would change, as CSV on standard output")
        ("jobs,j", po::value<unsigned>(&options.jobs)->default_value(0), "files read, and threads reconciling, at once (0: one per core; the outputs are the same)")
        // Defaults shown with two decimals: 0.4 is 0.40000000000000002 to Boost's own printing.
        ("threshold", po::value<double>(&options.reconcile.threshold)->default_value(options.reconcile.threshold, two_decimals(options.reconcile.threshold)),
         "merge score (0-1)")
        ("review-band", po::value<double>(&options.reconcile.review_band)->default_value(options.reconcile.review_band, two_decimals(options.reconcile.review_band)),
         "lowest score reported as a possible duplicate")
        ("as-of", po::value<std::string>(&as_of), "date overdue is measured against, YYYY-MM-DD (default: today, or SOURCE_DATE_EPOCH)");
    visible.add(reading_options(options.read));
    po::variables_map vm;
    int code = exit_ok;
    const std::string synopsis =
        "plancon consolidate INPUT... [-o consolidated.xlsx] [--xml plan.xml] [--decisions FILE] [--corrections WORKBOOK] [--register FILE] "
        "[--profile FILE] [--service NAME] [--keep-going] [--dry-run] [--jobs N] [--threshold 0.75] [--review-band 0.40] "
        "[--as-of YYYY-MM-DD]";
    if (!parse_command_line(argc, argv, synopsis, visible,
                            {"input", po::value<std::vector<std::string>>(&inputs)->required(), -1}, vm, code))
        return code;
    const ReconcileOptions& rec = options.reconcile;
    if (!(rec.review_band >= 0 && rec.review_band <= rec.threshold && rec.threshold <= 1)) {
        report("need 0 <= --review-band <= --threshold <= 1");
        return exit_usage;
    }
    if (!as_of.empty() && !(options.as_of = parse_iso_date(as_of))) {
        report("--as-of wants a date as YYYY-MM-DD, not '" + as_of + "'");
        return exit_usage;
    }
    options.progress = show_progress;
    options.reconcile.threads = options.jobs;

    try {
        const Config config = load_config({{}, profiles});
        const ConsolidateResult result = consolidate(inputs, config, options);
        for (const Warning& u : result.unreadable) report(to_string(u) + " (skipped)");
        for (const Warning& w : result.tables_without_action()) report(to_string(w));
        std::cerr << "plancon: " << result.summary()
                  << (options.dry_run ? " (dry run: nothing written)"
                                      : " -> " + options.workbook + (options.feed.empty() ? "" : " and " + options.feed))
                  << "\n";
        if (result.run)
            std::cerr << "plancon: " << run_summary(*result.run, options.register_path, result.changes, options.dry_run)
                      << "\n";
        if (options.dry_run && result.run) write_changes_csv(std::cout, result.changes);
        return result.unreadable.empty() ? exit_ok : exit_input;
    } catch (const ReadError& e) {
        show_progress(1, 1, "");
        report(std::string(e.what()) + " (nothing written; --keep-going consolidates the rest)");
    } catch (const Error& e) {
        show_progress(1, 1, "");
        report(e.what());
    } catch (const std::exception& e) {
        show_progress(1, 1, "");
        return report_unexpected(e);
    }
    return exit_input;
}

}  // namespace plancon::cli
