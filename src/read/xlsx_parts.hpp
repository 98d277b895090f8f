// The parts of an .xlsx / .xlsm package, one file each, as libxlsxwriter and
// orcus split theirs: relationships (xlsx_relationships.cpp), styles with
// their number formats (xlsx_styles.cpp), the _xHHHH_ escapes
// (xlsx_escapes.cpp), the shared-string table (xlsx_shared_strings.cpp),
// worksheets (xlsx_worksheet.cpp); xlsx.cpp reads the workbook part and
// drives the rest. Only those files include this header.
#pragma once

#include "plancon/read.hpp"
#include "read/zip_archive.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace plancon::detail {

// ---- relationships ----
struct Relationship {
    std::string type;    // the URI; compared by its last segment (ends_with "/worksheet")
    std::string target;  // resolved part name, or the URI as written when external
    bool external = false;
};
// The relationships of a part (owner "" for the package's own), by id;
// none when the part has no .rels.
std::map<std::string, Relationship> read_relationships(ZipArchive& zip, const std::string& file, const std::string& owner);

// ---- styles ----
struct CellStyle {
    std::uint32_t format_id = 0;  // the format code in the StringPool, 0 for General
    bool is_date = false;         // numbers in this style are DateTime cells
};
// One style per cellXfs/xf, in order (a cell's s= indexes it).
std::vector<CellStyle> read_styles(ZipArchive& zip, const std::string& file, const std::string& part, StringPool& pool);

// ---- escapes ----
// _xHHHH_ -> the character it stands for, in place.
void decode_ooxml_escapes(std::string& s);

// ---- shared strings ----
// Shared strings -> pool ids, in table order (0 for an empty string).
std::vector<std::uint32_t> read_shared_strings(ZipArchive& zip, const std::string& file, const std::string& part,
                                               StringPool& pool);

// ---- worksheets ----
struct WorksheetContext {
    const std::string& file;
    StringPool& pool;
    const std::vector<std::uint32_t>& shared_strings;
    const std::vector<CellStyle>& styles;
    DateSystem date_system;
    const ReadOptions& options;
    std::uint64_t& cell_budget;  // cells the workbook may still hold
};
// Reads the worksheet part into sheet (whose name is set), appending the
// reader's warnings. Throws ReadError.
void read_worksheet(ZipArchive& zip, const std::string& part, const WorksheetContext& context, Sheet& sheet,
                    std::vector<Warning>& warnings);

}  // namespace plancon::detail
