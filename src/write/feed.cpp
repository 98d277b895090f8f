// The XML feed for the corporate system (templates/plan.xsd). pugixml writes
// it; every text goes through xml_legal so the document is always XML 1.0,
// and whatever that costs is returned to the caller as warnings. The feed is
// streamed: the root and inputs are printed, then each priority and action is
// built, printed at its depth and dropped, so memory does not grow with the
// plan (ten thousand trackers' feed held whole took hundreds of MB).
#include "plancon/write.hpp"

#include "plancon/atomic_file.hpp"

#include "output_common.hpp"
#include "sha256.hpp"

#include <pugixml.hpp>

#include <map>
#include <sstream>

namespace plancon {

namespace {

using write_detail::xml_legal;

class FeedBuilder {
public:
    FeedBuilder(const std::vector<Plan>& plans, const Reconciliation& rec, const Date& as_of)
        : plans_(plans), rec_(rec), as_of_(as_of) {}

    std::vector<Warning> write(std::ostream& out) {
        pugi::xml_document doc;
        auto declaration = doc.append_child(pugi::node_declaration);
        declaration.append_attribute("version") = "1.0";
        declaration.append_attribute("encoding") = "UTF-8";
        pugi::xml_node root = doc.append_child("plans");
        root.append_attribute("xmlns") = feed_namespace;
        root.append_attribute("generator") = "plancon";
        root.append_attribute("version") = PLANCON_VERSION;
        root.append_attribute("asOf") = to_iso(as_of_).c_str();

        // Inputs by file name, so the feed does not depend on the order files were given in.
        std::map<std::string, const Plan*> inputs;
        for (const auto& plan : plans_) inputs.emplace(plan.document.file, &plan);
        for (const auto& [file, plan_ptr] : inputs) {
            const Plan& plan = *plan_ptr;
            pugi::xml_node input = root.append_child("input");
            attribute(input, "file", file, {file, "", 0}, "input file name");
            try {
                input.append_attribute("sha256") = write_detail::sha256_file_hex(file).c_str();
            } catch (const WriteError& e) {
                warnings_.push_back({{file, "", 0}, "feed: no SHA-256 for the input file: " + e.problem()});
            }
            attribute(input, "title", plan.document.title, {file, "", 0}, "input title");
            attribute(input, "service", plan.document.service, {file, "", 0}, "input service");
        }

        // The document so far, without its end tag: the actions follow it.
        std::ostringstream head;
        doc.save(head, indent, format, pugi::encoding_utf8);
        std::string text = head.str();
        const bool empty = rec_.priorities.empty() && rec_.actions.empty();
        if (!empty) {
            const std::string end = root.first_child() ? "</plans>\n" : " />\n";
            text.erase(text.size() - end.size());
            if (!root.first_child()) text += ">\n";
        }
        out << text;
        if (empty) return std::move(warnings_);

        // A priority is due when its last action is due, and only when every
        // action has a date: otherwise no date is claimed.
        for (const auto& action : rec_.actions) {
            if (action.priority_code.empty()) continue;
            Children& c = children_[action.priority_code];
            ++c.count;
            const auto& date = action.canonical.due.date;
            if (!date) ++c.undated;
            else if (!c.latest || *date > *c.latest) c.latest = date;
        }
        // Each one built in a document of its own, printed at depth 1 and dropped.
        pugi::xml_document one;
        auto print = [&] {
            one.first_child().print(out, indent, format, pugi::encoding_utf8, 1);
            one.reset();
        };
        for (const auto& priority : rec_.priorities) {
            write_priority(one, priority);
            print();
        }
        for (const auto& action : rec_.actions) {
            write_action(one, action);
            print();
        }
        out << "</plans>\n";
        return std::move(warnings_);
    }

private:
    // Text made XML-legal; a field that lost characters becomes a warning.
    std::string legal(std::string_view text, const Provenance& where, std::string_view what) {
        auto result = xml_legal(text);
        if (!result.dropped.empty()) {
            std::string list;
            for (const auto& d : result.dropped) list += (list.empty() ? "" : ", ") + d;
            warnings_.push_back({where, "feed: " + std::string(what) + ": dropped characters XML 1.0 cannot carry: " + list});
        }
        return std::move(result.text);
    }

    void attribute(pugi::xml_node node, const char* name, std::string_view value, const Provenance& where,
                   std::string_view what) {
        if (value.empty()) return;
        node.append_attribute(name) = legal(value, where, what).c_str();
    }

    void element(pugi::xml_node parent, const char* name, std::string_view value, const Provenance& where,
                 std::string_view what) {
        parent.append_child(name).text() = legal(value, where, what).c_str();
    }

    void title_and_description(pugi::xml_node node, const std::string& code, std::string_view text,
                               const Provenance& where) {
        const std::string clean = legal(text, where, code + " title");
        std::string title = write_detail::cut_at_word(clean, feed_title_limit);
        node.append_child("title").text() = title.c_str();
        // The description always carries the full text, so a cut title loses nothing.
        node.append_child("description").text() = clean.c_str();
    }

    void source(pugi::xml_node parent, const char* name, const Provenance& p, const std::string& code) {
        pugi::xml_node node = parent.append_child(name);
        attribute(node, "file", p.file, p, code + " source file");
        node.append_attribute("sheet") = legal(p.sheet, p, code + " source sheet").c_str();
        if (p.row > 0) node.append_attribute("row") = p.row;
    }

    void write_priority(pugi::xml_node root, const ReconciledPriority& priority) {
        const Provenance where = priority.members.empty() ? Provenance{} : priority.members.front().source;
        pugi::xml_node node = root.append_child("action");
        node.append_attribute("code") = priority.code.c_str();
        node.append_attribute("type") = "priority";
        std::string text = priority.title;
        if (text.empty()) text = priority.kind.empty() ? priority.ref : priority.kind + " " + priority.ref;
        title_and_description(node, priority.code, text, where);

        const auto found = children_.find(priority.code);
        const Children none;
        const Children& c = found == children_.end() ? none : found->second;
        const std::size_t children = c.count, undated = c.undated;
        const std::optional<Date>& latest = c.latest;
        if (children > 0) {
            pugi::xml_node due = node.append_child("due");
            if (undated == 0 && latest) {
                due.append_attribute("date") = to_iso(*latest).c_str();
                due.append_attribute("basis") = (children == 1 ? std::string("due date of its one action")
                                                               : "latest due date of its " + std::to_string(children) + " actions")
                                                      .c_str();
            } else {
                due.append_attribute("basis") = (std::to_string(undated) + " of its " + std::to_string(children) +
                                                 " actions have no due date")
                                                    .c_str();
            }
        }
        for (const auto& member : priority.members) source(node, "source", member.source, priority.code);
    }

    void write_action(pugi::xml_node root, const ReconciledAction& action) {
        const Action& a = action.canonical;
        const std::string& code = action.code;
        pugi::xml_node node = root.append_child("action");
        node.append_attribute("code") = code.c_str();
        node.append_attribute("type") = "action";
        if (!action.priority_code.empty()) node.append_attribute("parent") = action.priority_code.c_str();
        if (!a.kind.empty()) attribute(node, "kind", a.kind, a.source, code + " kind");
        title_and_description(node, code, a.text, a.source);
        for (const auto& lead : a.leads) {
            pugi::xml_node l = node.append_child("lead");
            l.text() = legal(lead.name, a.source, code + " lead").c_str();
            if (lead.as_written != lead.name) attribute(l, "asWritten", lead.as_written, a.source, code + " lead");
        }
        if (a.leads.empty() && !a.leads_as_written.empty()) element(node, "lead", a.leads_as_written, a.source, code + " lead");
        if (a.start || !a.start_as_written.empty()) {
            pugi::xml_node start = node.append_child("start");
            if (a.start) start.append_attribute("date") = to_iso(*a.start).c_str();
            attribute(start, "text", a.start_as_written, a.source, code + " start");
        }
        if (a.due.date || !a.due.as_written.empty()) {
            pugi::xml_node due = node.append_child("due");
            if (a.due.date) due.append_attribute("date") = to_iso(*a.due.date).c_str();
            attribute(due, "text", a.due.as_written, a.source, code + " due");
            attribute(due, "basis", a.due.basis, a.source, code + " due");
        }
        if (a.status != Status::Unknown) node.append_child("status").text() = std::string(to_string(a.status)).c_str();
        if (a.percent_complete)
            node.append_child("percentComplete").text() = write_detail::decimal_text(*a.percent_complete).c_str();
        for (const auto& service : action.services) element(node, "service", service, a.source, code + " service");
        for (const auto& member : action.members) source(node, "source", member.source, code);
        for (const auto& conflict : action.conflicts) {
            pugi::xml_node c = node.append_child("conflict");
            c.append_attribute("field") = conflict.field.c_str();
            for (const auto& value : conflict.values) {
                pugi::xml_node v = c.append_child("value");
                attribute(v, "file", value.source.file, value.source, code + " conflict");
                v.append_attribute("sheet") = legal(value.source.sheet, value.source, code + " conflict").c_str();
                if (value.source.row > 0) v.append_attribute("row") = value.source.row;
                v.text() = legal(value.value, value.source, code + " conflict " + conflict.field).c_str();
            }
        }
    }

    static constexpr const char* indent = "  ";
    static constexpr unsigned format = pugi::format_indent;
    // A priority's actions: how many, how many without a due date, the latest date.
    struct Children {
        std::size_t count = 0, undated = 0;
        std::optional<Date> latest;
    };
    std::map<std::string, Children> children_;  // by priority code

    const std::vector<Plan>& plans_;
    const Reconciliation& rec_;
    Date as_of_;
    std::vector<Warning> warnings_;
};

}  // namespace

std::vector<Warning> write_feed(StagedFile& file, const std::vector<Plan>& plans,
                                const Reconciliation& reconciliation, const FeedOptions& options) {
    FeedBuilder builder(plans, reconciliation, write_detail::resolve_as_of(options.as_of));
    std::vector<Warning> warnings;
    write_staged(file, [&](std::ostream& out) { warnings = builder.write(out); });
    return warnings;
}

std::vector<Warning> write_feed(const std::string& path, const std::vector<Plan>& plans,
                                const Reconciliation& reconciliation, const FeedOptions& options) {
    StagedFile file(path);
    std::vector<Warning> warnings = write_feed(file, plans, reconciliation, options);
    file.commit();
    return warnings;
}

}  // namespace plancon
