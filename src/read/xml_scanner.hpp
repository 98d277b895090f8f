// A forward-only XML scanner for the parts that can be huge: .xlsx
// worksheets and .ods content.xml, scanned as they are inflated (the owner
// refills the buffer when next() says NeedMore: XmlPartStream), and the
// .xlsx shared-string table, scanned in one buffer. pugixml builds a DOM
// (about 270 bytes per worksheet cell); this walks the text once with no
// allocation per element. The small parts (workbook, relationships, styles)
// use pugixml (xml_util.hpp).
//
// It understands what spreadsheet parts contain: elements with any namespace
// prefix, attributes in ' or ", character and the five predefined entity
// references, CDATA, comments and processing instructions. A DOCTYPE is
// refused (no entity expansion, so no billion laughs), as is an undefined
// entity or a tag that does not close.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace plancon::detail {

class XmlError : public std::runtime_error {
public:
    XmlError(std::size_t offset, const std::string& what)
        : std::runtime_error("malformed XML at byte " + std::to_string(offset) + ": " + what), offset_(offset),
          problem_(what) {}
    // Offset in the buffer the scanner was given (a streaming owner adds
    // what it has dropped before it).
    std::size_t offset() const { return offset_; }
    const std::string& problem() const { return problem_; }

private:
    std::size_t offset_;
    std::string problem_;
};

// "x:row" -> "row"
inline std::string_view local_name(std::string_view qname) {
    auto colon = qname.rfind(':');
    return colon == std::string_view::npos ? qname : qname.substr(colon + 1);
}

// name == literal, compared with a length known at compile time (the
// general string_view comparison calls memcmp for every element).
template <std::size_t N>
inline bool is_name(std::string_view name, const char (&literal)[N]) {
    if (name.size() != N - 1) return false;
    for (std::size_t i = 0; i + 1 < N; ++i)
        if (name[i] != literal[i]) return false;
    return true;
}

// Append text with entity and character references decoded.
void append_decoded(std::string& out, std::string_view raw, std::size_t offset_for_errors = 0);

class XmlScanner {
public:
    // NeedMore: only in streaming use (more_to_come), the buffer ends inside
    // a construct; offset() is where it starts. Refill from there and rebind.
    enum class Event { Start, End, Text, Eof, NeedMore };

    explicit XmlScanner(std::string_view doc) : doc_(doc) {}

    // Streaming: continue over a new buffer that begins where offset() was
    // when NeedMore came (the owner dropped what was before and appended).
    // more_to_come=false marks the last buffer of the document.
    void rebind(std::string_view doc, bool more_to_come) {
        doc_ = doc;
        pos_ = 0;
        more_to_come_ = more_to_come;
    }

    // Advance to the next event. A self-closing element gives Start then End.
    Event next();

    // For Start and End: the local name ("c" for "x:c").
    std::string_view name() const { return name_; }
    // For Start and End: the name as written, prefix included ("x:c").
    std::string_view qname() const { return qname_; }
    // For Start: the raw (undecoded) value of an attribute, matched by local
    // name; empty with found=false when absent.
    std::string_view attr(std::string_view local, bool* found = nullptr) const;
    // For Start: the same, matched by the name as written ("table:name"), for
    // documents whose attributes share local names across namespaces.
    std::string_view attr_qualified(std::string_view qname, bool* found = nullptr) const;
    // For Start: every attribute, as written, in order: f(qname, raw value).
    template <class F>
    void each_attr(F f) const {
        std::size_t i = 0;
        std::string_view qname, value;
        while (next_attr(i, qname, value)) f(qname, value);
    }
    // For Text: the raw text (entities still encoded) unless it was CDATA.
    std::string_view raw_text() const { return text_; }
    bool text_is_cdata() const { return cdata_; }
    // For Text: append the decoded text.
    void append_text(std::string& out) const;
    // Nesting depth of the current element (1 for the root).
    int depth() const { return depth_; }
    std::size_t offset() const { return pos_; }

    // Skip to the End of the element just started (after a Start event).
    // Whole-buffer use only: it cannot refill, so a streaming owner skips
    // with its own loop over next() (an XmlError if the buffer runs out).
    void skip_element();

    // The longest single tag, comment or CDATA section a streamed part may hold.
    static constexpr std::size_t max_markup_bytes = std::size_t(16) << 20;

private:
    // The attribute after position i of the last Start's attribute region.
    bool next_attr(std::size_t& i, std::string_view& qname, std::string_view& value) const;
    Event partial_text();
    Event need_more_markup(std::size_t pending, const char* what, std::size_t resume_at);
    // Where to go on looking for the end of a construct cut by the last buffer
    // (0: from its start); cleared once read.
    std::size_t resume_point();

    std::string_view doc_;
    std::size_t pos_ = 0;
    std::string_view name_;
    std::string_view qname_;
    std::string_view attrs_;  // the raw attribute region of the last Start
    std::string_view text_;
    bool cdata_ = false;
    bool pending_end_ = false;  // a self-closing tag owes an End event
    bool more_to_come_ = false;
    std::size_t resume_at_ = 0;  // see need_more_markup
    char resume_quote_ = 0;      // a cut tag's open quote
    int depth_ = 0;
    bool seen_root_ = false;
};

}  // namespace plancon::detail
