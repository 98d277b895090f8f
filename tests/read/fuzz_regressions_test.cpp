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

// A worksheet holding one 16 MiB tag (fuzz_xlsx, tag_cut_by_every_buffer_
// rescanned_from_its_start.xlsx): each 256 KiB refill rescanned the tag from
// its start, 64 times over (18 s under the fuzzer). The scanner now goes on
// from where it stopped, keeping the open quote; the file is refused as
// before, and a cut tag, comment, CDATA section or processing instruction
// reads the same whatever the chunk size.
TEST(FuzzRegression, AHugeTagIsRefusedWithoutRescanning) {
    const std::string path = regression("tag_cut_by_every_buffer_rescanned_from_its_start.xlsx");
    EXPECT_EQ(error_reading(path),
              path + ": part xl/worksheets/sheet1.xml (sheet 'Plan'): malformed XML at byte 2249931: tag longer than 16 MiB");
}

namespace {

// Every event of doc, fed chunk bytes at a time (0: whole), as one string.
std::string events_of(const std::string& doc, std::size_t chunk) {
    detail::XmlScanner scanner{std::string_view()};
    std::string buffer, out;
    std::size_t consumed = 0, fed = 0;
    for (;;) {
        const std::size_t n = chunk == 0 ? doc.size() : std::min(chunk, doc.size() - fed);
        buffer.erase(0, consumed);
        buffer.append(doc, fed, n);
        fed += n;
        scanner.rebind(buffer, fed != doc.size());
        for (;;) {
            const auto ev = scanner.next();
            if (ev == detail::XmlScanner::Event::NeedMore) break;
            if (ev == detail::XmlScanner::Event::Eof) return out;
            if (ev == detail::XmlScanner::Event::Start)
                out += "<" + std::string(scanner.qname()) + " a=" + std::string(scanner.attr("a")) + " b=" +
                       std::string(scanner.attr("b")) + ">";
            if (ev == detail::XmlScanner::Event::End) out += "</" + std::string(scanner.qname()) + ">";
            if (ev == detail::XmlScanner::Event::Text) scanner.append_text(out);
        }
        consumed = scanner.offset();
    }
}

}  // namespace

TEST(FuzzRegression, ACutTagReadsTheSameWhateverTheChunkSize) {
    const std::string doc =
        "<?xml version=\"1.0\"?><x:root><c a=\"x>y\" b='>\"'>one</c><!-- a > comment -- ->"
        "--><c a='1'/><?pi with > inside?>two<![CDATA[<not a tag> ]] ]>]]><x:c b=\"&amp;>\" a=\"'\">3</x:c></x:root>";
    const std::string whole = events_of(doc, 0);
    ASSERT_EQ(whole, "<x:root a= b=><c a=x>y b=>\">one</c><c a=1 b=></c>two<not a tag> ]] ]><x:c a=' b=&amp;>>3</x:c></x:root>");
    for (std::size_t chunk = 1; chunk <= doc.size(); ++chunk) EXPECT_EQ(events_of(doc, chunk), whole) << "chunk " << chunk;
}

// fuzz_xlsx, attribute_without_closing_quote_read_past_the_tag.xlsx: in
// <c x"a="b> the tag ends at '>' (its quotes pair up), but the attribute x"a
// opens a value that never closes; looking for a further attribute then
// read past the end (std::out_of_range, an abort). Fixed in next_attr.
TEST(FuzzRegression, AnAttributeValueWithoutItsClosingQuoteEndsTheSearch) {
    const std::string doc = "<r><c x\"a=\"b></c></r>";
    detail::XmlScanner scanner(doc);
    ASSERT_EQ(scanner.next(), detail::XmlScanner::Event::Start);
    ASSERT_EQ(scanner.next(), detail::XmlScanner::Event::Start);
    bool found = true;
    EXPECT_EQ(scanner.attr("s", &found), "");
    EXPECT_FALSE(found);
    EXPECT_EQ(scanner.attr_qualified("s", &found), "");
    EXPECT_FALSE(found);
    EXPECT_EQ(scanner.attr("x\"a"), "b");
    const std::string path = regression("attribute_without_closing_quote_read_past_the_tag.xlsx");
    EXPECT_NE(error_reading(path).rfind(path + ": ", 0), std::string::npos);
}

// skip_element cannot refill a streaming buffer; asked to, it says so rather
// than loop on NeedMore for ever (streaming owners, like the .ods reader,
// skip with their own loop).
TEST(FuzzRegression, SkippingPastAStreamedBufferIsAnErrorNotAHang) {
    detail::XmlScanner scanner{std::string_view()};
    const std::string doc = "<root><skip><a/><b>text";
    scanner.rebind(doc, true);
    ASSERT_EQ(scanner.next(), detail::XmlScanner::Event::Start);
    ASSERT_EQ(scanner.next(), detail::XmlScanner::Event::Start);
    EXPECT_THROW(scanner.skip_element(), detail::XmlError);
}
