// The plan register: opening, recording a run, listing runs.
#include "plancon/register.hpp"

#include "database.hpp"
#include "match.hpp"

#include "plancon/text.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include <unistd.h>

namespace plancon {

using register_detail::Database;
using register_detail::Statement;


namespace {

std::string utc_now() {
    const std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
    return out;
}

std::vector<std::string> split_joined(const std::string& text) {
    std::vector<std::string> parts;
    for (std::size_t start = 0; start < text.size();) {
        const std::size_t end = std::min(text.find("; ", start), text.size());
        parts.push_back(text.substr(start, end - start));
        start = end + 2;
    }
    return parts;
}

std::vector<std::string> lead_names(const Action& a) {
    std::vector<std::string> names;
    for (const Lead& l : a.leads) names.push_back(l.name);
    return names;
}

// "2020-03-31" when a date was derived, else the words as written.
std::string due_of(const Action& a) { return a.due.date ? to_iso(*a.due.date) : a.due.as_written; }

std::string_view to_string(Decision::Kind k) { return k == Decision::Kind::Merge ? "merge" : "keep-apart"; }

void refuse_folder(const std::string& path) {
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec))
        throw RegisterError(path, "the register is a folder, not a file");
}

// What the register knows before this run, for matching.
struct Known {
    std::vector<register_detail::KnownAction> actions;
    std::vector<register_detail::KnownSource> sources;
    std::set<std::string> taken;
};

Known load_known(Database& db) {
    Known known;
    std::map<std::string, std::size_t> index;
    std::vector<std::int64_t> last_run;  // by known action: the last run that saw it
    {
        Statement s(db, "SELECT code FROM actions ORDER BY code");
        while (s.step()) {
            known.taken.insert(s.text(0));
            index[s.text(0)] = known.actions.size();
            known.actions.push_back({s.text(0), {}, {}, {}, false, {}});
        }
        last_run.assign(known.actions.size(), 0);
    }
    {
        Statement s(db,
                    "SELECT code, text FROM action_states UNION SELECT code, text FROM action_sources ORDER BY 1, 2");
        while (s.step()) known.actions[index.at(s.text(0))].wordings.push_back(s.text(1));
    }
    {
        // Each code's last state, and whether the last run saw it.
        Statement s(db,
                    "SELECT s.code, s.services, s.leads, s.run, s.run = (SELECT max(id) FROM runs) FROM action_states s "
                    "JOIN (SELECT code, max(run) AS run FROM action_states GROUP BY code) last "
                    "ON s.code = last.code AND s.run = last.run");
        while (s.step()) {
            const std::size_t k = index.at(s.text(0));
            known.actions[k].services = s.text(1);
            known.actions[k].leads = split_joined(s.text(2));
            last_run[k] = s.integer(3);
            known.actions[k].in_last_run = s.integer(4) != 0;
        }
    }
    {
        // Every recorded copy; the places of each code's copies in the last run that saw it.
        Statement s(db, "SELECT code, file, sheet, row, ref, text, run FROM action_sources ORDER BY run");
        while (s.step()) {
            const std::size_t k = index.at(s.text(0));
            const auto row = std::uint32_t(s.integer(3));
            known.sources.push_back(
                {register_detail::file_name_of(s.text(1)), s.text(2), row, fold_for_matching(s.text(5)), k});
            if (s.integer(6) == last_run[k])
                for (std::string& place : register_detail::places_of(s.text(1), s.text(2), row, s.text(4)))
                    known.actions[k].places.insert(std::move(place));
        }
    }
    return known;
}

void rewrite_codes(Reconciliation& reconciliation, const std::vector<std::string>& codes) {
    std::map<std::string, std::string> renamed;
    for (std::size_t a = 0; a < codes.size(); ++a) {
        renamed[reconciliation.actions[a].code] = codes[a];
        reconciliation.actions[a].code = codes[a];
    }
    for (PossibleDuplicate& d : reconciliation.possible_duplicates) {
        if (auto it = renamed.find(d.code_a); it != renamed.end()) d.code_a = it->second;
        if (auto it = renamed.find(d.code_b); it != renamed.end()) d.code_b = it->second;
    }
}

}  // namespace

bool looks_like_action_code(std::string_view text) {
    if (text.size() < 10 || !text.starts_with("A-")) return false;
    for (std::size_t i = 2; i < 10; ++i)
        if (!is_digit(text[i]) && !is_upper(text[i])) return false;
    // "-2", "-3" ... for a code given again with a suffix.
    for (std::size_t i = 10; i < text.size();) {
        if (text[i] != '-' || i + 1 == text.size()) return false;
        for (++i; i < text.size() && text[i] != '-'; ++i)
            if (!is_digit(text[i])) return false;
    }
    return true;
}

bool RegisterAction::open() const {
    return status != to_string(Status::Complete) && status != to_string(Status::Cancelled);
}

PlanRegister::PlanRegister(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
PlanRegister::PlanRegister(PlanRegister&&) noexcept = default;
PlanRegister& PlanRegister::operator=(PlanRegister&&) noexcept = default;

PlanRegister::~PlanRegister() {
    if (!impl_) return;
    if (impl_->in_transaction) sqlite3_exec(impl_->db.handle(), "ROLLBACK", nullptr, nullptr, nullptr);
    if (impl_->created && !impl_->committed) {
        // A register this run made and never committed goes again: the run left nothing.
        const std::string path = impl_->db.path();
        impl_.reset();
        std::error_code ignored;
        std::filesystem::remove(path, ignored);
        std::filesystem::remove(path + "-journal", ignored);
    }
}

PlanRegister PlanRegister::open_for_run(const std::string& path, const RegisterOptions& options) {
    refuse_folder(path);
    std::error_code ec;
    const bool existed = std::filesystem::exists(path, ec);
    auto impl = std::make_unique<Impl>(path, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    impl->created = !existed;
    impl->options = options;
    PlanRegister reg(std::move(impl));
    Database& db = reg.impl_->db;
    if (sqlite3_db_readonly(db.handle(), "main") == 1) throw RegisterError(path, "cannot write the register (read-only)");
    sqlite3_busy_timeout(db.handle(), int(options.wait.count()));
    // The write lock now, so the codes matched are the codes stored.
    const int rc = sqlite3_exec(db.handle(), "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    if ((rc & 0xff) == SQLITE_BUSY)
        throw RegisterError(path, "another run is using the register (waited " +
                                      std::to_string(options.wait.count() / 1000) + " s); try again when it ends");
    if (rc != SQLITE_OK) db.fail(rc, "cannot lock the register");
    reg.impl_->in_transaction = true;
    db.exec("PRAGMA foreign_keys = ON");
    register_detail::migrate(db);
    return reg;
}

PlanRegister PlanRegister::open_to_read(const std::string& path) {
    refuse_folder(path);
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) throw RegisterError(path, "no such register");
    // Read-write when the file allows it (nothing is written): a run killed
    // midway leaves a journal that only a writer can roll back, and reading
    // must see the register as it was before that run.
    const bool writable = ::access(path.c_str(), W_OK) == 0;
    PlanRegister reg(std::make_unique<Impl>(path, writable ? SQLITE_OPEN_READWRITE : SQLITE_OPEN_READONLY));
    sqlite3_busy_timeout(reg.impl_->db.handle(), int(RegisterOptions{}.wait.count()));
    register_detail::check_schema(reg.impl_->db);
    return reg;
}

std::int64_t PlanRegister::record_run(const std::vector<Plan>& plans, Reconciliation& reconciliation,
                                      const Config& config, const RunRecord& record) {
    Database& db = impl_->db;
    const Known known = load_known(db);
    const ReconcileOptions reconcile_defaults;
    const register_detail::MatchInput input{plans, reconciliation, known.actions, known.sources, known.taken};
    const register_detail::MatchResult match =
        register_detail::match_actions(input, config, impl_->options, reconcile_defaults.threshold);
    rewrite_codes(reconciliation, match.codes);
    reconciliation.warnings.insert(reconciliation.warnings.end(), match.warnings.begin(), match.warnings.end());

    Statement(db, "INSERT INTO runs (time, as_of, options, plancon_version) VALUES (?1, ?2, ?3, ?4)")
        .bind(1, utc_now())
        .bind(2, to_iso(record.as_of))
        .bind(3, record.options)
        .bind(4, std::string(PLANCON_VERSION))
        .run();
    const std::int64_t run = db.last_insert_id();

    Statement input_row(db, "INSERT OR REPLACE INTO run_inputs (run, file, sha256) VALUES (?1, ?2, ?3)");
    for (const RunInput& i : record.inputs) input_row.bind(1, run).bind(2, i.file).bind(3, i.sha256).run();

    Statement code_row(db, "INSERT OR IGNORE INTO actions (code, first_run) VALUES (?1, ?2)");
    Statement state_row(db,
                        "INSERT INTO action_states (run, code, text, ref, services, leads, due, due_as_written, status, "
                        "percent, progress, priority_code, source) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
                        "?11, ?12, ?13)");
    Statement source_row(db, "INSERT INTO action_sources (run, code, file, sheet, row, ref, text) "
                             "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
    for (const ReconciledAction& a : reconciliation.actions) {
        const Action& c = a.canonical;
        code_row.bind(1, a.code).bind(2, run).run();
        state_row.bind(1, run)
            .bind(2, a.code)
            .bind(3, c.text)
            .bind(4, c.ref)
            .bind(5, joined(a.services))
            .bind(6, joined(lead_names(c)))
            .bind(7, due_of(c))
            .bind(8, c.due.as_written)
            .bind(9, std::string(to_string(c.status)))
            .bind(10, c.percent_complete)
            .bind(11, c.progress)
            .bind(12, a.priority_code)
            .bind(13, a.members.empty() ? std::string() : to_string(a.members.front().source))
            .run();
        for (const MemberRef& m : a.members)
            source_row.bind(1, run)
                .bind(2, a.code)
                .bind(3, m.source.file)
                .bind(4, m.source.sheet)
                .bind(5, std::int64_t(m.source.row))
                .bind(6, plans[m.plan].actions[m.action].ref)
                .bind(7, plans[m.plan].actions[m.action].text)
                .run();
    }
    Statement lineage_row(db, "INSERT INTO lineage (run, change, code, other_code) VALUES (?1, ?2, ?3, ?4)");
    for (const auto& l : match.lineage) lineage_row.bind(1, run).bind(2, l.change).bind(3, l.code).bind(4, l.other).run();
    Statement decision_row(db, "INSERT INTO decisions (run, kind, a, b, origin) VALUES (?1, ?2, ?3, ?4, ?5)");
    for (const Decision& d : record.decisions)
        decision_row.bind(1, run).bind(2, std::string(to_string(d.kind))).bind(3, d.a).bind(4, d.b).bind(5, d.origin).run();
    Statement correction_row(db, "INSERT INTO corrections (run, code, field, value, origin) VALUES (?1, ?2, ?3, ?4, ?5)");
    for (const AppliedCorrection& c : record.corrections)
        correction_row.bind(1, run)
            .bind(2, reconciliation.actions.at(c.action).code)
            .bind(3, c.field)
            .bind(4, c.value)
            .bind(5, c.origin)
            .run();
    return run;
}

void PlanRegister::commit() {
    if (!impl_->in_transaction) return;
    const int rc = sqlite3_exec(impl_->db.handle(), "COMMIT", nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK) impl_->db.fail(rc, "cannot commit the run");
    impl_->in_transaction = false;
    impl_->committed = true;
}

std::vector<RegisterRun> PlanRegister::runs() const {
    Database& db = impl_->db;
    std::vector<RegisterRun> out;
    std::map<std::int64_t, std::size_t> index;
    Statement s(db,
                "SELECT id, time, as_of, options, (SELECT count(*) FROM action_states WHERE run = runs.id) FROM runs "
                "ORDER BY id");
    while (s.step()) {
        index[s.integer(0)] = out.size();
        out.push_back({s.integer(0), s.text(1), s.text(2), s.text(3), {}, std::size_t(s.integer(4))});
    }
    Statement inputs(db, "SELECT run, file, sha256 FROM run_inputs ORDER BY run, file");
    while (inputs.step()) out[index.at(inputs.integer(0))].inputs.push_back({inputs.text(1), inputs.text(2)});
    return out;
}

Decisions PlanRegister::with_remembered_decisions(const Decisions& given) const {
    auto pair_of = [](const Decision& d) { return std::minmax(d.a, d.b); };
    std::set<std::pair<std::string, std::string>> decided_now;
    for (const Decision& d : given) decided_now.insert(pair_of(d));
    std::map<std::pair<std::string, std::string>, Decision> latest;
    Statement earlier(impl_->db, "SELECT kind, a, b, origin FROM decisions ORDER BY run, rowid");
    while (earlier.step()) {
        Decision d;
        d.kind = earlier.text(0) == to_string(Decision::Kind::Merge) ? Decision::Kind::Merge : Decision::Kind::KeepApart;
        d.a = earlier.text(1);
        d.b = earlier.text(2);
        d.origin = earlier.text(3);
        auto pair = pair_of(d);
        if (!decided_now.count(pair)) latest.insert_or_assign(std::move(pair), std::move(d));
    }
    Decisions out;
    for (auto& [pair, d] : latest) out.push_back(std::move(d));
    out.insert(out.end(), given.begin(), given.end());
    return out;
}

std::vector<RecordedCorrection> PlanRegister::remembered_corrections() const {
    std::map<std::pair<std::string, std::string>, RecordedCorrection> latest;  // by code and field
    Statement earlier(impl_->db, "SELECT code, field, value, origin FROM corrections ORDER BY run, rowid");
    while (earlier.step()) {
        RecordedCorrection c{earlier.text(0), earlier.text(1), earlier.text(2), earlier.text(3)};
        latest.insert_or_assign(std::pair(c.code, c.field), std::move(c));
    }
    std::vector<RecordedCorrection> out;
    for (auto& [key, c] : latest) out.push_back(std::move(c));
    return out;
}

void PlanRegister::locate_decided_codes(Decisions& decisions, const std::vector<Plan>& plans) const {
    std::vector<std::string*> sides;
    for (Decision& d : decisions) sides.insert(sides.end(), {&d.a, &d.b});
    locate_codes(sides, plans);
}

void PlanRegister::locate_codes(const std::vector<std::string*>& names, const std::vector<Plan>& plans) const {
    // This run's rows by place ("file name|sheet|row"), with their folded text.
    std::map<std::string, std::pair<std::string, std::string>> at;
    for (const Plan& plan : plans)
        for (const Action& a : plan.actions)
            at.emplace(register_detail::file_name_of(a.source.file) + "|" + a.source.sheet + "|" +
                           std::to_string(a.source.row),
                       std::pair(fold_for_matching(a.text), to_string(a.source)));
    Statement copies(impl_->db,
                     "SELECT file, sheet, row, text FROM action_sources WHERE code = ?1 "
                     "AND run = (SELECT max(run) FROM action_states WHERE code = ?1) ORDER BY file, sheet, row");
    // A row holding the copy's very text wins; else a row in the copy's place (reworded since).
    auto locate = [&](std::string& side) {
        if (!looks_like_action_code(side)) return;
        copies.bind(1, side);
        std::optional<std::string> same_text, same_place;
        while (copies.step()) {
            const auto it = at.find(register_detail::file_name_of(copies.text(0)) + "|" + copies.text(1) + "|" +
                                    std::to_string(copies.integer(2)));
            if (it == at.end()) continue;
            if (!same_text && it->second.first == fold_for_matching(copies.text(3))) same_text = it->second.second;
            if (!same_place) same_place = it->second.second;
        }
        copies.reset();
        if (same_text || same_place) side = same_text ? *same_text : *same_place;
    };
    for (std::string* name : names) locate(*name);
}

std::vector<RegisterAction> PlanRegister::last_run_actions() const {
    Database& db = impl_->db;
    Statement last(db, "SELECT max(id) FROM runs");
    if (!last.step() || !last.real(0)) throw RegisterError(db.path(), "no run recorded yet");
    const std::int64_t run = last.integer(0);
    Statement s(db, "SELECT code, text, services, leads, due, status, percent FROM action_states WHERE run = ?1 "
                    "ORDER BY code");
    s.bind(1, run);
    std::vector<RegisterAction> out;
    while (s.step())
        out.push_back({s.text(0), s.text(1), split_joined(s.text(2)), s.text(3), s.text(4), s.text(5), s.real(6)});
    return out;
}

}  // namespace plancon
