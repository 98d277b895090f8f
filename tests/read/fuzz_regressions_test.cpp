// Inputs the fuzzers found (tests/read/regressions/README.md says what each
// broke): each now ends in the outcome asserted here.
#include "plancon/read.hpp"
#include "read/xml_scanner.hpp"

#include <gtest/gtest.h>

#include <algorithm>

using namespace plancon;

namespace {

std::string regression(const std::string& name) {
    return std::string(PLANCON_SOURCE_DIR) + "/tests/read/regressions/" + name;
}

std::string error_reading(const std::string& path) {
    try {
        read_workbook(path);
    } catch (const ReadError& e) {
        return e.what();
    }
    return "<read without error>";
}

}  // namespace

TEST(FuzzRegression, ANewlineQuotedFromTheFileStaysOnOneLine) {
    const std::string path = regression("newline_in_row_number_breaks_error_line.xlsx");
    const std::string what = error_reading(path);
    EXPECT_EQ(what, path + ": sheet 'Sheet1': row number '2s></c>\\n<c s=' is out of range");
    EXPECT_EQ(what.find('\n'), std::string::npos);
}

TEST(FuzzRegression, ControlCharactersInAnErrorAreEscaped) {
    const ReadError e("a\nb.xlsx", std::string("value 'x\ty\r\x01\x7f' bad"));
    EXPECT_STREQ(e.what(), "a\\nb.xlsx: value 'x\\ty\\r\\x01\\x7f' bad");
    EXPECT_EQ(e.file(), "a\nb.xlsx") << "file() is the path as given, for opening it again";
}

// The scanner hands long streamed text over in pieces (so a part of nothing
// but text is not buffered whole); joined up, the pieces must read exactly
// as the whole text does, whatever the chunk size: an entity reference or a
// CR LF cut by a chunk boundary is held back, not split.
namespace {

std::string text_of(const std::string& doc, std::size_t chunk) {
    detail::XmlScanner scanner{std::string_view()};
    std::string buffer, text;
    std::size_t consumed = 0, fed = 0;
    int pieces = 0;
    for (;;) {
        const std::size_t n = chunk == 0 ? doc.size() : std::min(chunk, doc.size() - fed);
        buffer.erase(0, consumed);
        buffer.append(doc, fed, n);
        fed += n;
        const bool last = fed == doc.size();
        scanner.rebind(buffer, !last);
        for (;;) {
            const auto ev = scanner.next();
            if (ev == detail::XmlScanner::Event::NeedMore) break;
            if (ev == detail::XmlScanner::Event::Eof) return text + "|" + std::to_string(pieces > 1);
            if (ev == detail::XmlScanner::Event::Text) {
                scanner.append_text(text);
                ++pieces;
            }
        }
        consumed = scanner.offset();
    }
}

}  // namespace

TEST(FuzzRegression, StreamedTextJoinsUpWhateverTheChunkSize) {
    std::string body;
    for (int i = 0; i < 200; ++i) body += "a&amp;b &#x263A; c\r\nd&lt;";
    const std::string doc = "<t>" + body + "</t>";
    const std::string whole = text_of(doc, 0);
    ASSERT_EQ(whole.substr(0, 12), "a&b \u263A c\nd<");
    for (const std::size_t chunk : {9u, 10u, 11u, 13u, 64u, 1000u}) {
        const std::string pieces = text_of(doc, chunk);
        EXPECT_EQ(pieces.substr(0, pieces.size() - 2), whole.substr(0, whole.size() - 2)) << "chunk " << chunk;
        EXPECT_EQ(pieces.back(), '1') << "chunk " << chunk << ": the text came in more than one piece";
    }
}

TEST(FuzzRegression, AnUnfinishedTagIsRefusedAfter16MiB) {
    detail::XmlScanner scanner{std::string_view()};
    const std::string doc = "<root><c r=\"" + std::string((16 << 20) + 10, 'x');
    scanner.rebind(doc, true);
    EXPECT_EQ(scanner.next(), detail::XmlScanner::Event::Start);
    EXPECT_THROW(scanner.next(), detail::XmlError);
}
