// What changed between two runs of the register, and its CSV.
#include "plancon/register.hpp"

#include "database.hpp"

#include "plancon/text.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <tuple>

namespace plancon {

using register_detail::Database;
using register_detail::Statement;

namespace {

// The order of the list in register.hpp, which is the order of the CSV.
const std::vector<std::string> change_order = {"new",     "removed",   "reworded", "status", "due",   "lead",
                                               "percent", "completed", "reopened", "merged", "split"};

struct State {
    std::string text, leads, due, status, source;
    std::optional<double> percent;
};

std::map<std::string, State> states_of(Database& db, std::int64_t run) {
    std::map<std::string, State> out;
    Statement s(db, "SELECT code, text, leads, due, status, percent, source FROM action_states WHERE run = ?1");
    s.bind(1, run);
    while (s.step()) out[s.text(0)] = {s.text(1), s.text(2), s.text(3), s.text(4), s.text(6), s.real(5)};
    return out;
}

std::string percent_text(std::optional<double> p) {
    if (!p) return "";
    char buf[32];
    std::snprintf(buf, sizeof buf, "%g", *p);
    return buf;
}

bool run_exists(Database& db, std::int64_t run) {
    Statement s(db, "SELECT 1 FROM runs WHERE id = ?1");
    s.bind(1, run);
    return s.step();
}

std::optional<std::int64_t> run_before(Database& db, std::int64_t run) {
    Statement s(db, "SELECT max(id) FROM runs WHERE id < ?1");
    s.bind(1, run);
    if (!s.step() || !s.real(0)) return std::nullopt;
    return s.integer(0);
}

}  // namespace

bool RegisterChange::slipped() const {
    const auto b = parse_iso_date(before), a = parse_iso_date(after);
    return change == "due" && a && b && *b < *a;
}

std::vector<RegisterChange> PlanRegister::changes(std::optional<std::int64_t> from,
                                                  std::optional<std::int64_t> to) const {
    Database& db = impl_->db;
    if (!to) {
        Statement last(db, "SELECT max(id) FROM runs");
        if (!last.step() || !last.real(0)) throw RegisterError(db.path(), "no run recorded yet");
        to = last.integer(0);
    }
    if (!run_exists(db, *to)) throw RegisterError(db.path(), "no run " + std::to_string(*to));
    if (!from) from = run_before(db, *to);
    if (from && !run_exists(db, *from)) throw RegisterError(db.path(), "no run " + std::to_string(*from));
    if (from && *from >= *to)
        throw RegisterError(db.path(), "--from " + std::to_string(*from) + " is not before --to " + std::to_string(*to));

    const std::map<std::string, State> before = from ? states_of(db, *from) : std::map<std::string, State>{};
    const std::map<std::string, State> after = states_of(db, *to);
    // Merges and splits recorded by the runs after `from`, up to `to`.
    std::map<std::string, std::pair<std::string, std::string>> lineage;  // code -> (change, other)
    Statement l(db, "SELECT change, code, other_code FROM lineage WHERE run > ?1 AND run <= ?2 ORDER BY run");
    l.bind(1, from.value_or(0)).bind(2, *to);
    while (l.step()) lineage[l.text(1)] = {l.text(0), l.text(2)};

    std::vector<RegisterChange> out;
    for (const auto& entry : after) {
        const std::string& code = entry.first;  // named, not bound: lambdas below capture them
        const State& now = entry.second;
        const auto was = before.find(code);
        if (was == before.end()) {
            const auto it = lineage.find(code);
            if (it != lineage.end() && it->second.first == "split")
                out.push_back({"split", code, "code", it->second.second, code, now.source, now.text});
            else
                out.push_back({"new", code, "action", "", now.text, now.source, now.text});
            continue;
        }
        const State& then = was->second;
        auto add = [&](const char* change, const char* field, const std::string& b, const std::string& a) {
            out.push_back({change, code, field, b, a, now.source, now.text});
        };
        if (then.text != now.text) add("reworded", "action", then.text, now.text);
        if (then.status != now.status) {
            const std::string complete(to_string(Status::Complete));
            const char* change = now.status == complete ? "completed" : then.status == complete ? "reopened" : "status";
            add(change, "status", then.status, now.status);
        }
        if (then.due != now.due) add("due", "due", then.due, now.due);
        if (then.leads != now.leads) add("lead", "lead", then.leads, now.leads);
        if (then.percent != now.percent) add("percent", "percent", percent_text(then.percent), percent_text(now.percent));
    }
    for (const auto& [code, then] : before) {
        if (after.count(code)) continue;
        const auto it = lineage.find(code);
        if (it != lineage.end() && it->second.first == "merged")
            out.push_back({"merged", code, "code", code, it->second.second, then.source, then.text});
        else
            out.push_back({"removed", code, "action", then.text, "", then.source, then.text});
    }
    auto rank = [](const std::string& change) {
        return std::find(change_order.begin(), change_order.end(), change) - change_order.begin();
    };
    std::stable_sort(out.begin(), out.end(), [&](const RegisterChange& a, const RegisterChange& b) {
        return std::make_tuple(rank(a.change), a.code) < std::make_tuple(rank(b.change), b.code);
    });
    return out;
}

void write_changes_csv(std::ostream& out, const std::vector<RegisterChange>& changes) {
    std::string line = "change,code,field,before,after,source\r\n";
    for (const RegisterChange& c : changes) {
        bool first = true;
        for (const std::string* field : {&c.change, &c.code, &c.field, &c.before, &c.after, &c.source}) {
            if (!first) line += ',';
            first = false;
            append_csv_field(line, *field);
        }
        line += "\r\n";
    }
    out << line;
}

}  // namespace plancon
