// The whole job: read -> layout -> normalise per file, then reconcile and write.
#include "plancon/pipeline.hpp"
#include "plancon/write.hpp"

#include "write/sha256.hpp"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdio>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <new>
#include <optional>
#include <thread>

namespace plancon {

Plan plan_workbook(const Workbook& workbook, const Config& config, const LayoutOptions& layout, PlanningMemo* memo) {
    if (!memo) {
        // One memo for both stages all the same: normalise reads each lead
        // cell the layout read as a column's evidence.
        PlanningMemo own(config);
        return plan_workbook(workbook, config, layout, &own);
    }
    LayoutOptions with_memo = layout;
    with_memo.memo = &memo->layout;
    Plan plan = build_plan(workbook, config, with_memo);
    NormaliseOptions normalise;
    normalise.memo = &memo->values;
    normalise_plan(plan, config, normalise);
    // Plans are kept until the workbook is written: the room the vectors grew
    // into is given back (a thousand trackers' plans went from 80 to 56 MB).
    plan.tables.shrink_to_fit();
    plan.priorities.shrink_to_fit();
    plan.actions.shrink_to_fit();
    plan.findings.shrink_to_fit();
    plan.appendices.shrink_to_fit();
    plan.rows.shrink_to_fit();
    plan.warnings.shrink_to_fit();
    return plan;
}

Plan plan_file(const std::string& path, const Config& config, const ReadOptions& read, const LayoutOptions& layout) {
    return plan_workbook(read_workbook(path, read), config, layout);
}

namespace {

struct FileOutcome {
    std::optional<Plan> plan;
    std::size_t sheets = 0;
    std::exception_ptr error;  // what planning the file threw
    bool done = false;
};

// Plans files on a few threads, each taking the next file not yet taken
// and keeping its own PlanningMemo from file to file; take(i) waits for
// file i. Destroying it (also while an error propagates) stops the threads
// after the files they are on.
class FilePlanner {
public:
    using Work = std::function<void(const std::string&, FileOutcome&, PlanningMemo&)>;

    FilePlanner(const std::vector<std::string>& files, unsigned jobs, const Config& config, Work work)
        : files_(files), outcomes_(files.size()), config_(config), work_(std::move(work)) {
        if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
        jobs = unsigned(std::min<std::size_t>(jobs, files.size()));
        // One job: the files are planned in take(), on the caller's thread.
        if (jobs > 1)
            for (unsigned j = 0; j < jobs; ++j) threads_.emplace_back([this] { run(); });
    }
    ~FilePlanner() {
        stop_ = true;
        for (auto& t : threads_) t.join();
    }

    FileOutcome take(std::size_t i) {
        if (threads_.empty()) {
            if (!own_memo_) own_memo_ = std::make_unique<PlanningMemo>(config_);
            plan(i, *own_memo_);
            // After the last file, reconcile and write have no use for it (a worker's ends with its thread).
            if (i + 1 == files_.size()) own_memo_.reset();
        } else {
            std::unique_lock lock(mutex_);
            ready_.wait(lock, [&] { return outcomes_[i].done; });
        }
        return std::move(outcomes_[i]);
    }

private:
    void run() {
        PlanningMemo memo(config_);
        for (std::size_t i; !stop_ && (i = next_++) < files_.size();) {
            plan(i, memo);
            std::lock_guard lock(mutex_);
            outcomes_[i].done = true;
            ready_.notify_all();
        }
    }

    void plan(std::size_t i, PlanningMemo& memo) {
        try {
            work_(files_[i], outcomes_[i], memo);
        } catch (...) {
            outcomes_[i].plan.reset();
            outcomes_[i].error = std::current_exception();
        }
    }

    const std::vector<std::string>& files_;
    std::vector<FileOutcome> outcomes_;  // slot i written by the one thread that took file i
    const Config& config_;
    Work work_;
    std::unique_ptr<PlanningMemo> own_memo_;  // one job: the caller's thread's
    std::atomic<std::size_t> next_{0};
    std::atomic<bool> stop_{false};
    std::mutex mutex_;
    std::condition_variable ready_;
    std::vector<std::thread> threads_;
};
// What the register keeps of a run besides its actions: the inputs with their
// SHA-256, the as-of date, the options that shape the result, the decisions,
// the corrections applied.
RunRecord run_record(const ConsolidateResult& result, const ConsolidateOptions& options, const Decisions& decisions,
                     std::vector<AppliedCorrection> corrections) {
    RunRecord record;
    for (const std::string& file : result.files) {
        std::string sha256;
        try {
            sha256 = write_detail::sha256_file_hex(file);
        } catch (const WriteError&) {
            // An input that cannot be read is on the Issues sheet already.
        }
        record.inputs.push_back({file, sha256});
    }
    record.as_of = options.as_of.value_or(default_as_of_date());
    char scores[64];
    std::snprintf(scores, sizeof scores, "threshold=%.2f; review-band=%.2f", options.reconcile.threshold,
                  options.reconcile.review_band);
    record.options = std::string(scores) + "; service=" + options.service +
                     "; keep-going=" + (options.keep_going ? "yes" : "no") + "; decisions=" + options.decisions + "; corrections=" + options.corrections;
    record.decisions = decisions;
    record.corrections = std::move(corrections);
    return record;
}

}  // namespace

ConsolidateResult consolidate(const std::vector<std::string>& inputs, const Config& config,
                              const ConsolidateOptions& options) {
    ConsolidateResult result;
    // Everything that can be refused before reading is refused first.
    const Decisions decisions = options.decisions.empty() ? Decisions{} : load_officer_decisions(options.decisions, options.read);
    const Corrections given_corrections =
        options.corrections.empty() ? Corrections{} : load_corrections(options.corrections, config, options.read);
    std::vector<std::string> outputs;
    // The outputs, and a reviewed workbook given as decisions or corrections, are not trackers.
    for (const std::string& out : {options.workbook, options.feed, options.register_path, options.decisions, options.corrections})
        if (!out.empty()) outputs.push_back(out);
    result.files = find_inputs_required(inputs, outputs);
    std::optional<PlanRegister> plan_register;
    if (!options.register_path.empty())
        plan_register.emplace(PlanRegister::open_for_run(options.register_path, options.register_options));

    LayoutOptions layout;
    layout.service = options.service;
    // Files are read, laid out and normalised on every core; each outcome is
    // taken in the files' order, so the plans, the errors reported and every
    // output byte are what one thread would give.
    FilePlanner planner(result.files, options.jobs, config, [&](const std::string& file, FileOutcome& out, PlanningMemo& memo) {
        const Workbook workbook = read_workbook(file, options.read);
        out.sheets = workbook.sheets.size();
        out.plan = plan_workbook(workbook, config, layout, &memo);
    });
    for (std::size_t i = 0; i < result.files.size(); ++i) {
        const std::string& file = result.files[i];
        if (options.progress) options.progress(i, result.files.size(), file);
        FileOutcome outcome = planner.take(i);
        try {
            if (outcome.error) std::rethrow_exception(outcome.error);
            result.sheets += outcome.sheets;
            result.plans.push_back(std::move(*outcome.plan));
        } catch (const ReadError& e) {
            if (!options.keep_going) throw;
            result.unreadable.push_back({{file, "", 0}, e.problem()});
        } catch (const std::bad_alloc&) {
            if (!options.keep_going) throw ReadError(file, "out of memory while reading");
            result.unreadable.push_back({{file, "", 0}, "out of memory while reading"});
        }
    }
    if (options.progress) options.progress(result.files.size(), result.files.size(), "");

    // Decisions name actions by the codes of the workbook the officer read:
    // with a register, its codes; and the register remembers earlier runs' decisions.
    Decisions located = plan_register ? plan_register->with_remembered_decisions(decisions) : decisions;
    if (plan_register) plan_register->locate_decided_codes(located, result.plans);
    result.reconciliation = reconcile(result.plans, config, options.reconcile, located);
    // The register remembers corrections as it does decisions.
    const Corrections corrections =
        plan_register ? with_remembered_corrections(plan_register->remembered_corrections(), given_corrections, config)
                      : given_corrections;
    std::vector<AppliedCorrection> applied;
    if (!corrections.empty()) {
        // Corrections name actions by the workbook's codes: with a register, its codes, found at their rows.
        std::vector<std::string> found_as;
        for (const Correction& c : corrections) found_as.push_back(c.code);
        if (plan_register) {
            std::vector<std::string*> names;
            for (std::string& name : found_as) names.push_back(&name);
            plan_register->locate_codes(names, result.plans);
        }
        CorrectionsApplied outcome = apply_corrections(corrections, result.reconciliation, found_as);
        applied = std::move(outcome.applied);
        result.reconciliation.warnings.insert(result.reconciliation.warnings.end(), outcome.notes.begin(),
                                              outcome.notes.end());
    }
    // Unreadable inputs are listed on the Issues sheet too.
    for (const Warning& u : result.unreadable)
        result.reconciliation.warnings.push_back({u.source, "input not read: " + u.message});
    if (plan_register) {
        // The register's codes replace the reconciler's before anything is written.
        result.run = plan_register->record_run(result.plans, result.reconciliation, config,
                                               run_record(result, options, decisions, std::move(applied)));
        result.changes = plan_register->changes();
    }
    // A dry run stops here: the register's transaction is rolled back.
    if (options.dry_run) return result;
    // Both outputs are written to temporary files first and renamed only
    // when both are whole: a failure leaves neither (and any previous ones).
    std::optional<StagedFile> feed_file, workbook_file;
    if (!options.feed.empty()) {
        feed_file.emplace(options.feed);
        FeedOptions feed;
        feed.as_of = options.as_of;
        const std::vector<Warning> dropped = write_feed(*feed_file, result.plans, result.reconciliation, feed);
        result.reconciliation.warnings.insert(result.reconciliation.warnings.end(), dropped.begin(), dropped.end());
    }
    if (!options.workbook.empty()) {
        workbook_file.emplace(options.workbook);
        WorkbookOptions workbook;
        workbook.as_of = options.as_of;
        if (plan_register) workbook.changes = &result.changes;
        write_consolidated_workbook(*workbook_file, result.plans, result.reconciliation, config.workbook, workbook);
    }
    if (plan_register) plan_register->commit();
    if (workbook_file) workbook_file->commit();
    if (feed_file) feed_file->commit();
    return result;
}

std::size_t ConsolidateResult::rows_read() const {
    std::size_t n = 0;
    for (const Plan& p : plans) n += rows_covered(p);
    return n;
}

std::size_t ConsolidateResult::actions_in() const {
    std::size_t n = 0;
    for (const Plan& p : plans) n += p.actions.size();
    return n;
}

std::size_t ConsolidateResult::appendix_rows() const {
    std::size_t n = 0;
    for (const Plan& p : plans)
        for (const AppendixTable& t : p.appendices) n += t.rows.size();
    return n;
}

std::size_t ConsolidateResult::skipped_rows() const {
    std::size_t n = 0;
    for (const Plan& p : plans) n += rows_with_fate(p, RowRecord::Fate::Skipped);
    return n;
}

std::size_t ConsolidateResult::warnings() const {
    std::size_t n = reconciliation.warnings.size();
    for (const Plan& p : plans) n += p.warnings.size();
    return n;
}

std::vector<Warning> ConsolidateResult::tables_without_action() const {
    std::vector<Warning> out;
    for (const Plan& p : plans)
        for (const TableLayout& t : p.tables) {
            if (!t.action_missing) continue;
            for (const Warning& w : p.warnings)
                if (w.source.sheet == t.sheet && w.source.row == t.header_row && w.message.rfind("no action column", 0) == 0)
                    out.push_back(w);
        }
    return out;
}

namespace {

std::string count(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string ConsolidateResult::summary() const {
    const std::size_t actions = reconciliation.actions.size();
    const std::size_t without_action = tables_without_action().size();
    return std::to_string(plans.size()) + " of " + count(files.size(), "file", "files") + ", " +
           count(sheets, "sheet", "sheets") + ", " + count(rows_read(), "row", "rows") + " read: " +
           count(actions, "action", "actions") + " (" + std::to_string(actions_in() - actions) + " merged), " +
           count(reconciliation.possible_duplicates.size(), "possible duplicate", "possible duplicates") + ", " +
           count(appendix_rows(), "appendix row", "appendix rows") + ", " + std::to_string(skipped_rows()) + " skipped, " +
           (without_action ? count(without_action, "table", "tables") + " with no action column, " : std::string()) +
           count(warnings(), "warning", "warnings");
}

}  // namespace plancon
