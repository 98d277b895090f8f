// `plancon validate`: a feed is checked twice, by the XML Schema (libxml2,
// a real XSD 1.0 validator) and by Pentana's import rules, which a schema
// cannot express or which the officer needs per action code.
#include "plancon/write.hpp"

#include "output_common.hpp"

#include <libxml/parser.h>
#include <libxml/xmlschemas.h>
#include <pugixml.hpp>

#include <map>
#include <memory>

namespace plancon {

namespace {

struct SchemaErrors {
    std::vector<FeedViolation>* out;
    std::size_t cap = 1000;  // a broken feed can raise an error per element
};

void collect_schema_error(void* context, xmlErrorPtr error) {
    auto* errors = static_cast<SchemaErrors*>(context);
    if (!error || errors->out->size() >= errors->cap) return;
    std::string message = error->message ? error->message : "unknown error";
    while (!message.empty() && message.back() == '\n') message.pop_back();
    std::string where = error->line > 0 ? "line " + std::to_string(error->line) + ": " : "";
    errors->out->push_back({"", "schema", where + message});
}

void ignore_generic_error(void*, const char*, ...) {}

// libxml2 prints some problems (a schema file it cannot open) straight to
// stderr through its generic handler; they reach the report through the
// structured handlers instead, so silence the generic one meanwhile.
class QuietGenericErrors {
public:
    QuietGenericErrors() : saved_(xmlGenericError), saved_context_(xmlGenericErrorContext) {
        xmlSetGenericErrorFunc(nullptr, ignore_generic_error);
    }
    ~QuietGenericErrors() { xmlSetGenericErrorFunc(saved_context_, saved_); }
    QuietGenericErrors(const QuietGenericErrors&) = delete;
    QuietGenericErrors& operator=(const QuietGenericErrors&) = delete;

private:
    xmlGenericErrorFunc saved_;
    void* saved_context_;
};

void validate_schema(const std::string& path, const std::string& xsd_path, std::vector<FeedViolation>& out) {
    QuietGenericErrors quiet;
    std::vector<FeedViolation> errors;
    SchemaErrors sink{&errors};
    std::unique_ptr<xmlSchemaParserCtxt, decltype(&xmlSchemaFreeParserCtxt)> parser(
        xmlSchemaNewParserCtxt(xsd_path.c_str()), xmlSchemaFreeParserCtxt);
    if (!parser) {
        out.push_back({"", "schema", xsd_path + ": cannot read the schema"});
        return;
    }
    xmlSchemaSetParserStructuredErrors(parser.get(), collect_schema_error, &sink);
    std::unique_ptr<xmlSchema, decltype(&xmlSchemaFree)> schema(xmlSchemaParse(parser.get()), xmlSchemaFree);
    if (!schema) {
        out.push_back({"", "schema", xsd_path + ": not a usable XML Schema"});
        for (auto& e : errors) out.push_back({"", "schema", xsd_path + ": " + e.message});
        return;
    }
    std::unique_ptr<xmlSchemaValidCtxt, decltype(&xmlSchemaFreeValidCtxt)> validator(
        xmlSchemaNewValidCtxt(schema.get()), xmlSchemaFreeValidCtxt);
    if (!validator) throw std::bad_alloc();
    xmlSchemaSetValidStructuredErrors(validator.get(), collect_schema_error, &sink);
    // XML_PARSE_NONET: a feed never makes us fetch anything.
    int result = xmlSchemaValidateFile(validator.get(), path.c_str(), XML_PARSE_NONET);
    if (result != 0 && errors.empty())
        errors.push_back({"", "schema", result < 0 ? "the feed could not be read" : "the feed does not match the schema"});
    for (auto& e : errors) out.push_back(std::move(e));
}

// Pentana's Action import rules, per action code.
void validate_pentana_rules(const pugi::xml_document& doc, ValidationReport& report) {
    pugi::xml_node root = doc.document_element();
    std::map<std::string, std::size_t> seen;
    for (pugi::xml_node action : root.children("action")) seen[action.attribute("code").value()]++;

    std::map<std::string, bool> duplicate_reported;
    std::size_t position = 0;
    for (pugi::xml_node action : root.children("action")) {
        ++position;
        ++report.actions;
        const std::string code = action.attribute("code").value();
        const std::string who = code.empty() ? "action " + std::to_string(position) : code;
        auto violation = [&](const char* rule, std::string message) {
            report.violations.push_back({code, rule, who + ": " + message});
        };
        if (code.empty()) violation("code", "no code");
        else if (seen[code] > 1 && !duplicate_reported[code]) {
            duplicate_reported[code] = true;
            violation("code", "code used by " + std::to_string(seen[code]) + " actions; codes must be unique");
        }

        const std::string title = action.child("title").text().get();
        if (title.empty()) violation("title", "no title");
        else if (std::size_t n = write_detail::character_count(title); n > feed_title_limit)
            violation("title", "title has " + std::to_string(n) + " characters; Pentana allows " +
                                   std::to_string(feed_title_limit));

        const std::string due = action.child("due").attribute("date").value();
        if (due.empty()) {
            std::string text = action.child("due").attribute("text").value();
            violation("due", text.empty() ? "no due date" : "no due date (written as \"" + text + "\")");
        }
        const std::string start = action.child("start").attribute("date").value();
        // ISO dates of the same form compare as text.
        if (!start.empty() && !due.empty() && start > due)  // ISO dates compare as text; the same day is fine
            violation("start", "start date " + start + " is after due date " + due);

        pugi::xml_attribute parent = action.attribute("parent");
        if (parent && !seen.count(parent.value()))
            violation("parent", std::string("parent code ") + parent.value() + " is not in the feed");
    }
}

}  // namespace

ValidationReport validate_feed(const std::string& path, const std::string& xsd_path) {
    ValidationReport report;
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_file(path.c_str());
    if (!parsed) {
        report.violations.push_back({"", "file", path + ": not a readable XML document: " + parsed.description() +
                                                     " at byte " + std::to_string(parsed.offset)});
        return report;
    }
    validate_schema(path, xsd_path, report.violations);
    validate_pentana_rules(doc, report);
    return report;
}

}  // namespace plancon
