// The shared-string table (xl/sharedStrings.xml): every text a worksheet
// holds by index. It can be as big as the sheets (tens of MB), so it is
// scanned with XmlScanner rather than built into a tree, but in one buffer:
// cells index it at random, so all of it is needed before the first sheet.
// Each string goes into the workbook's StringPool once; cells carry its id.
#include "read/xlsx_parts.hpp"
#include "read/xml_scanner.hpp"

#include <algorithm>
#include <charconv>

namespace plancon::detail {

namespace {

// Collect the text of an <si> element the scanner has just entered: <t>
// directly inside, and <t> inside rich-text runs <r>; phonetic runs <rPh>
// are readings, not text.
std::string read_string_item(XmlScanner& x) {
    std::string text;
    int base = x.depth();
    bool in_t = false;
    for (;;) {
        auto ev = x.next();
        if (ev == XmlScanner::Event::Eof) break;
        if (ev == XmlScanner::Event::Start) {
            if (x.name() == "rPh" || x.name() == "phoneticPr") {
                x.skip_element();
                continue;
            }
            in_t = x.name() == "t";
        } else if (ev == XmlScanner::Event::End) {
            if (x.depth() < base) break;
            in_t = false;
        } else if (ev == XmlScanner::Event::Text && in_t) {
            x.append_text(text);
        }
    }
    decode_ooxml_escapes(text);
    return text;
}

}  // namespace

std::vector<std::uint32_t> read_shared_strings(ZipArchive& zip, const std::string& file, const std::string& part,
                                               StringPool& pool) {
    std::vector<std::uint32_t> ids;
    auto bytes = zip.read(part);
    if (!bytes) return ids;
    try {
        XmlScanner x(*bytes);
        for (;;) {
            auto ev = x.next();
            if (ev == XmlScanner::Event::Eof) break;
            if (ev == XmlScanner::Event::Start && x.name() == "sst") {
                std::string_view count = x.attr("uniqueCount");
                std::size_t n = 0;
                std::from_chars(count.data(), count.data() + count.size(), n);
                // A declared count is a hint only (it can be wrong or hostile).
                ids.reserve(std::min<std::size_t>(n, bytes->size() / 8 + 1));
            } else if (ev == XmlScanner::Event::Start && x.name() == "si") {
                std::string s = read_string_item(x);
                ids.push_back(s.empty() ? 0 : pool.add(std::move(s)));
            }
        }
    } catch (const XmlError& e) {
        throw ReadError(file, "part " + part + ": " + e.what());
    }
    return ids;
}

}  // namespace plancon::detail
