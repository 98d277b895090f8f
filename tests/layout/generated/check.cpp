#include "layout/generated/check.hpp"

#include "plancon/text.hpp"
#include "plancon/normalise.hpp"

#include <algorithm>
#include <map>

namespace plancon::gen {

namespace {

std::string quoted(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\n' ? std::string("\\n") : std::string(1, c);
    if (out.size() > 90) out = out.substr(0, 87) + "...";
    return out + "'";
}

std::string date_text(const std::optional<Date>& d) { return d ? to_iso(*d) : "no date"; }

// The record covering a row, or nullptr.
const RowRecord* record_for(const std::vector<const RowRecord*>& records, std::uint32_t row) {
    auto it = std::upper_bound(records.begin(), records.end(), row,
                               [](std::uint32_t r, const RowRecord* rec) { return r < rec->source.row; });
    if (it == records.begin()) return nullptr;
    const RowRecord* rec = *(it - 1);
    return row <= rec->last_row() ? rec : nullptr;
}

// A skip reason without its numbers, so that alike failures count together.
std::string reason_kind(const std::string& reason) {
    std::string out;
    for (char c : reason) {
        if (c >= '0' && c <= '9') {
            if (out.empty() || out.back() != '#') out += '#';
        } else {
            out += c;
        }
    }
    if (out.size() > 60) out = out.substr(0, 60);
    return out;
}

}  // namespace

TrackerCheck check_tracker(const GeneratedTracker& truth, const Plan& plan) {
    TrackerCheck out;
    std::map<std::string, std::vector<const RowRecord*>> by_sheet;
    for (const RowRecord& r : plan.rows) by_sheet[r.source.sheet].push_back(&r);
    for (auto& [name, recs] : by_sheet)
        std::sort(recs.begin(), recs.end(), [](const RowRecord* a, const RowRecord* b) { return a->source.row < b->source.row; });
    static const std::vector<const RowRecord*> none;
    for (const GenSheet& sheet : truth.sheets) {
        const auto found = by_sheet.find(sheet.name);
        const auto& records = found == by_sheet.end() ? none : found->second;
        for (std::size_t i = 0; i < sheet.rows.size(); ++i) {
            const GenRow& g = sheet.rows[i];
            RowResult res;
            res.sheet = sheet.name;
            res.row = std::uint32_t(i + 1);
            res.kind = g.kind;
            res.truth = &g;
            const RowRecord* rec = record_for(records, res.row);
            const Action* action = nullptr;
            if (rec && rec->fate == RowRecord::Fate::Action && rec->index >= 0 && std::size_t(rec->index) < plan.actions.size())
                action = &plan.actions[std::size_t(rec->index)];
            if (g.kind != RowKind::Action) {
                res.right = action == nullptr;
                if (!res.right) {
                    ++out.false_actions;
                    res.category = std::string("false action: ") + to_string(g.kind) + " row";
                    res.detail = "read as action " + quoted(action->text_as_written);
                }
                out.rows.push_back(std::move(res));
                continue;
            }
            ++out.actions_there;
            const Expected& e = g.expect;
            if (!action) {
                if (!rec) {
                    res.category = "action not accounted for";
                } else {
                    res.category = std::string("action read as ") + std::string(to_string(rec->fate));
                    if (!rec->reason.empty()) res.category += ": " + reason_kind(rec->reason);
                }
                res.detail = "expected action " + quoted(e.text);
                out.rows.push_back(std::move(res));
                continue;
            }
            std::vector<std::string> wrong, details;
            if (normalise_text(action->text_as_written) != normalise_text(e.text)) {
                wrong.push_back("text");
                details.push_back("text expected " + quoted(e.text) + " got " + quoted(action->text_as_written));
            }
            const std::string got_leads = normalise_text(action->leads_as_written);
            if (got_leads != normalise_text(e.leads) && !(e.leads_may_be_empty && got_leads.empty())) {
                wrong.push_back("leads");
                details.push_back("leads expected " + quoted(e.leads) + " got " + quoted(action->leads_as_written));
            }
            const Due& due = action->due;
            bool due_right;
            if (e.due_is_cell) {
                due_right = due.date == e.due_date;
            } else {
                due_right = normalise_text(due.as_written) == normalise_text(e.due_text) && due.date == e.due_date;
            }
            if (!due_right) {
                wrong.push_back(e.due_is_cell ? "due date (cell)" : "due");
                details.push_back("due expected " + quoted(e.due_text) + " (" + date_text(e.due_date) + ") got " +
                                  quoted(due.as_written) + " (" + date_text(due.date) + ")");
            }
            res.right = wrong.empty();
            if (res.right) {
                ++out.actions_right;
            } else {
                res.category = "action with wrong";
                for (std::size_t k = 0; k < wrong.size(); ++k) res.category += (k ? ", " : " ") + wrong[k];
                for (const auto& d : details) res.detail += (res.detail.empty() ? "" : "; ") + d;
            }
            out.rows.push_back(std::move(res));
        }
    }
    return out;
}

std::string describe(const RowResult& r) {
    std::string s = r.sheet + " row " + std::to_string(r.row) + " (" + to_string(r.kind) + "): ";
    if (r.right) return s + "right";
    return s + r.category + (r.detail.empty() ? "" : " -- " + r.detail);
}

}  // namespace plancon::gen
