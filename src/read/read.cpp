#include "plancon/text.hpp"
#include "plancon/read.hpp"

#include "read/cfb.hpp"
#include "read/readers.hpp"
#include "read/zip_archive.hpp"

#include <algorithm>
#include <cstring>
#include <fstream>

namespace plancon {

namespace {

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// An encrypted OOXML package is a compound file holding "EncryptionInfo" and
// "EncryptedPackage" instead of a workbook stream.
bool is_encrypted_package(std::string_view bytes) {
    detail::CompoundFile cfb(bytes);
    return cfb.has_stream("EncryptedPackage") || cfb.has_stream("EncryptionInfo");
}

// Excel 2.x-4.0 saved a bare BIFF record stream, no compound file: a BOF
// record (0x0009, 0x0209 or 0x0409) of 4 to 16 bytes.
bool is_bare_biff(std::string_view bytes) {
    if (bytes.size() < 8) return false;
    const auto b = [&](std::size_t i) { return std::uint8_t(bytes[i]); };
    return b(0) == 0x09 && (b(1) == 0x00 || b(1) == 0x02 || b(1) == 0x04) && b(2) >= 4 && b(2) <= 16 && b(3) == 0;
}

Format zip_format(std::string_view bytes) {
    // Looking at the central directory's names is enough; libzip reads it.
    try {
        detail::ZipArchive zip("", bytes, 1 << 20);
        if (zip.has("mimetype")) {
            auto mime = zip.read("mimetype");
            if (mime && starts_with(*mime, "application/vnd.oasis.opendocument.spreadsheet")) return Format::Ods;
        }
        if (zip.has("content.xml") && zip.has("META-INF/manifest.xml")) return Format::Ods;
        if (zip.find_name("xl/workbook.bin")) return Format::Xlsb;
        if (zip.find_name("[Content_Types].xml")) {
            auto types = zip.read(*zip.find_name("[Content_Types].xml"));
            if (types && types->find("macroEnabled") != std::string::npos) return Format::Xlsm;
            return Format::Xlsx;
        }
    } catch (const ReadError&) {
        // A zip libzip cannot open (truncated, damaged): the OOXML reader
        // says what is wrong with the container.
        return Format::Xlsx;
    }
    return Format::Unknown;
}

// Text has no NUL bytes and few control characters (UTF-16 text has a BOM).
bool looks_binary(std::string_view bytes) {
    if (starts_with(bytes, "\xFF\xFE") || starts_with(bytes, "\xFE\xFF")) return false;
    std::string_view head = bytes.substr(0, 4096);
    std::size_t control = 0;
    for (unsigned char c : head) {
        if (c == 0) return true;
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++control;
    }
    return control * 20 > head.size();
}

std::string extension_of(const std::string& path) {
    auto slash = path.find_last_of('/');
    auto dot = path.rfind('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return std::string();
    return lower_ascii(path.substr(dot + 1));
}

bool looks_like_markup(std::string_view bytes) {
    std::size_t i = 0;
    if (starts_with(bytes, "\xEF\xBB\xBF")) i = 3;
    while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
    std::string head = lower_ascii(bytes.substr(i, 256));
    return starts_with(head, "<!doctype html") || starts_with(head, "<html") || starts_with(head, "<table") ||
           starts_with(head, "<?xml") || starts_with(head, "<meta");
}

}  // namespace

Format detect_format(std::string_view bytes) {
    if (starts_with(bytes, "PK\x03\x04") || starts_with(bytes, "PK\x05\x06")) return zip_format(bytes);
    if (detail::has_compound_file_signature(bytes) || is_bare_biff(bytes)) return Format::Xls;
    if (looks_like_markup(bytes)) return Format::Unknown;
    return Format::Csv;
}

std::string read_file_bytes(const std::string& path, std::uint64_t limit) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw ReadError(path, std::string("cannot open: ") + std::strerror(errno));
    in.seekg(0, std::ios::end);
    std::streamoff size = in.tellg();
    if (size < 0) throw ReadError(path, "cannot read (not a regular file?)");
    if (std::uint64_t(size) > limit)
        throw ReadError(path, "file is larger than the limit of " + std::to_string(limit) + " bytes");
    in.seekg(0);
    std::string bytes(std::size_t(size), '\0');
    if (size > 0 && !in.read(bytes.data(), size)) throw ReadError(path, "cannot read the whole file");
    return bytes;
}

Workbook read_workbook(const std::string& path, const ReadOptions& options) {
    return read_workbook_bytes(path, read_file_bytes(path), options);
}

Workbook read_workbook_bytes(const std::string& path, std::string bytes, const ReadOptions& options) {
    if (bytes.empty()) throw ReadError(path, "empty file");
    Format format = detect_format(bytes);
    switch (format) {
        case Format::Xlsx:
        case Format::Xlsm: {
            Workbook wb = detail::read_xlsx(path, std::move(bytes), options);
            wb.format = format;
            return wb;
        }
        case Format::Ods: return detail::read_ods(path, std::move(bytes), options);
        case Format::Xls:
            if (detail::has_compound_file_signature(bytes) && is_encrypted_package(bytes))
                throw ReadError(path, "password-protected workbook (encrypted package); save an unprotected copy and try again");
            return detail::read_xls(path, std::move(bytes), options);
        case Format::Csv:
        case Format::Tsv: {
            // Content decides, but a workbook name over bytes that are not
            // text is a damaged or foreign file, not a CSV.
            std::string ext = extension_of(path);
            bool workbook_name = ext == "xlsx" || ext == "xlsm" || ext == "xls" || ext == "ods" || ext == "xlsb";
            if (workbook_name && looks_binary(bytes))
                throw ReadError(path, "not a spreadsheet: named ." + ext + " but holds neither a workbook nor text (damaged?)");
            Workbook wb = detail::read_csv(path, std::move(bytes), options);
            if (workbook_name)
                wb.warnings.push_back({{path, "", 0}, "named ." + ext + " but holds delimited text; read as " + std::string(to_string(wb.format))});
            return wb;
        }
        case Format::Xlsb:
            throw ReadError(path, "Excel binary workbook (.xlsb) is not supported; save it as .xlsx and try again");
        case Format::Unknown: break;
    }
    if (starts_with(bytes, "PK")) throw ReadError(path, "a zip file that is not a spreadsheet (no workbook or content part found)");
    if (looks_like_markup(bytes))
        throw ReadError(path, "an HTML or XML document, not a spreadsheet (a web page saved as a spreadsheet?); open it and save as .xlsx");
    throw ReadError(path, "not a spreadsheet format plancon reads (.xlsx .xlsm .ods .xls .csv .tsv)");
}

}  // namespace plancon
