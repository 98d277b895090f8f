// .xlsx / .xlsm reader: the workbook part, and the order in which the other
// parts are read (xlsx_parts.hpp says which file reads which).
//
// Parts are found the way Excel finds them, through relationships:
// _rels/.rels -> workbook part -> its .rels -> sheets, shared strings, styles,
// with the usual names as a fallback for producers that leave one out. The
// workbook part is small: pugixml. Styles and shared strings are read before
// any sheet, since cells refer to both; sheets are read in tab order, each
// streamed, against one cell budget for the whole file.
#include "read/readers.hpp"
#include "read/xlsx_parts.hpp"
#include "read/xml_util.hpp"

namespace plancon::detail {

namespace {

constexpr std::string_view rel_office_document = "/officeDocument";
constexpr std::string_view rel_worksheet = "/worksheet";
constexpr std::string_view rel_shared_strings = "/sharedStrings";
constexpr std::string_view rel_styles = "/styles";

}  // namespace

Workbook read_xlsx(const std::string& path, std::string bytes, const ReadOptions& options) {
    ZipArchive zip(path, bytes, options.max_bytes);
    Workbook wb;
    wb.path = path;
    wb.format = Format::Xlsx;
    StringPool& pool = *wb.strings;

    // The workbook part, through the package relationships; the usual name
    // when a producer left them out.
    std::string workbook_part;
    for (const auto& [id, rel] : read_relationships(zip, path, ""))
        if (std::string_view(rel.type).ends_with(rel_office_document) && !rel.external) workbook_part = rel.target;
    if (workbook_part.empty() || !zip.find_name(workbook_part)) workbook_part = "xl/workbook.xml";
    if (!zip.find_name(workbook_part)) throw ReadError(path, "missing part xl/workbook.xml (not an Excel workbook?)");

    std::string workbook_xml = zip.read_required(workbook_part);
    pugi::xml_document workbook_doc;
    load_part(workbook_doc, workbook_xml, path, workbook_part);
    pugi::xml_node root = workbook_doc.document_element();
    if (xml_true(attr_named(child_named(root, "workbookPr"), "date1904").value())) wb.date_system = DateSystem::Excel1904;

    auto rels = read_relationships(zip, path, workbook_part);
    std::string sst_part, styles_part;
    for (const auto& [id, rel] : rels) {
        if (std::string_view(rel.type).ends_with(rel_shared_strings)) sst_part = rel.target;
        if (std::string_view(rel.type).ends_with(rel_styles)) styles_part = rel.target;
    }
    auto existing = [&](const std::string& part) { return zip.find_name(part) ? part : std::string(); };
    sst_part = existing(sst_part.empty() ? "xl/sharedStrings.xml" : sst_part);
    styles_part = existing(styles_part.empty() ? "xl/styles.xml" : styles_part);

    std::vector<CellStyle> styles = styles_part.empty() ? std::vector<CellStyle>{} : read_styles(zip, path, styles_part, pool);
    std::vector<std::uint32_t> sst = sst_part.empty() ? std::vector<std::uint32_t>{} : read_shared_strings(zip, path, sst_part, pool);

    std::uint64_t cell_budget = options.max_cells;
    const WorksheetContext context{path, pool, sst, styles, wb.date_system, options, cell_budget};
    for_each_named(child_named(root, "sheets"), "sheet", [&](const pugi::xml_node& s) {
        Sheet sheet;
        sheet.name = attr_named(s, "name").value();
        sheet.strings = wb.strings;
        std::string_view state = attr_named(s, "state").value();
        sheet.visibility = state == "hidden" ? Visibility::Hidden : state == "veryHidden" ? Visibility::VeryHidden : Visibility::Visible;
        std::string rid = attr_named(s, "id").value();
        auto rel = rels.find(rid);
        if (rel == rels.end()) {
            wb.warnings.push_back({{path, sheet.name, 0}, "no relationship " + rid + " in the workbook; sheet skipped"});
            return;
        }
        if (!std::string_view(rel->second.type).ends_with(rel_worksheet)) {
            // Chart sheets and dialog sheets hold no cells.
            wb.warnings.push_back({{path, sheet.name, 0}, "not a worksheet (" +
                                  rel->second.type.substr(rel->second.type.rfind('/') + 1) + "); it has no cells"});
            wb.sheets.push_back(std::move(sheet));
            return;
        }
        std::string part = existing(rel->second.target);
        if (part.empty()) throw ReadError(path, "missing part " + rel->second.target + " (sheet '" + sheet.name + "')");
        read_worksheet(zip, part, context, sheet, wb.warnings);
        wb.sheets.push_back(std::move(sheet));
    });
    if (wb.sheets.empty() && !child_named(child_named(root, "sheets"), "sheet"))
        throw ReadError(path, "part " + workbook_part + ": the workbook lists no sheets");
    return wb;
}

}  // namespace plancon::detail
