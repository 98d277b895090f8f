// An .xlsx made for a test: tests/read/hostile/good_minimal.xlsx (one sheet,
// 'Plan') with its worksheet part replaced by the XML given, so a test can
// have a part of any size or with a flaw at a known byte.
#pragma once

#include <zip.h>

#include <filesystem>
#include <stdexcept>
#include <string>

namespace plancon::test {

inline void write_xlsx_with_sheet(const std::string& path, const std::string& sheet_xml) {
    std::filesystem::copy_file(std::string(PLANCON_SOURCE_DIR) + "/tests/read/hostile/good_minimal.xlsx", path,
                               std::filesystem::copy_options::overwrite_existing);
    int error = 0;
    zip_t* zip = zip_open(path.c_str(), 0, &error);
    if (!zip) throw std::runtime_error("cannot open " + path + " with libzip");
    zip_source_t* source = zip_source_buffer(zip, sheet_xml.data(), sheet_xml.size(), 0);
    if (!source || zip_file_add(zip, "xl/worksheets/sheet1.xml", source, ZIP_FL_OVERWRITE) < 0) {
        if (source) zip_source_free(source);
        zip_discard(zip);
        throw std::runtime_error("cannot replace the sheet of " + path);
    }
    if (zip_close(zip) != 0) {
        zip_discard(zip);
        throw std::runtime_error("cannot write " + path);
    }
}

// The sheet part's opening, up to and including <sheetData>.
inline const std::string sheet_xml_head =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet "
    "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";

}  // namespace plancon::test
