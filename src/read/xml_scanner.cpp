#include "read/xml_scanner.hpp"
#include "plancon/text.hpp"

#include <cstring>

namespace plancon::detail {

namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

}  // namespace

namespace {

// XML end-of-line handling: a literal CR LF or lone CR in the text reads as
// LF (only a character reference &#13; gives a CR).
void append_normalising_newlines(std::string& out, std::string_view raw) {
    if (raw.find('\r') == std::string_view::npos) {
        out.append(raw);
        return;
    }
    for (std::size_t i = 0; i < raw.size(); ++i) {
        if (raw[i] != '\r') out += raw[i];
        else if (i + 1 >= raw.size() || raw[i + 1] != '\n') out += '\n';
    }
}

}  // namespace

void append_decoded(std::string& out, std::string_view raw, std::size_t offset) {
    std::size_t i = 0;
    while (i < raw.size()) {
        const void* amp = std::memchr(raw.data() + i, '&', raw.size() - i);
        if (!amp) {
            append_normalising_newlines(out, raw.substr(i));
            return;
        }
        std::size_t a = std::size_t(static_cast<const char*>(amp) - raw.data());
        append_normalising_newlines(out, raw.substr(i, a - i));
        std::size_t semi = raw.find(';', a);
        if (semi == std::string_view::npos || semi - a > 12) throw XmlError(offset + a, "unterminated entity reference");
        std::string_view ent = raw.substr(a + 1, semi - a - 1);
        if (ent == "lt") out += '<';
        else if (ent == "gt") out += '>';
        else if (ent == "amp") out += '&';
        else if (ent == "quot") out += '"';
        else if (ent == "apos") out += '\'';
        else if (!ent.empty() && ent[0] == '#') {
            unsigned long cp = 0;
            bool hex = ent.size() > 1 && (ent[1] == 'x' || ent[1] == 'X');
            std::size_t k = hex ? 2 : 1;
            if (k >= ent.size()) throw XmlError(offset + a, "empty character reference");
            for (; k < ent.size(); ++k) {
                char c = ent[k];
                int d = (c >= '0' && c <= '9') ? c - '0'
                        : hex && (c >= 'a' && c <= 'f') ? c - 'a' + 10
                        : hex && (c >= 'A' && c <= 'F') ? c - 'A' + 10
                                                        : -1;
                if (d < 0) throw XmlError(offset + a, "bad character reference &" + std::string(ent) + ";");
                cp = cp * (hex ? 16 : 10) + unsigned(d);
                if (cp > 0x10FFFF) throw XmlError(offset + a, "character reference beyond Unicode");
            }
            append_utf8(out, char32_t(cp));  // a surrogate becomes U+FFFD
        } else {
            throw XmlError(offset + a, "undefined entity &" + std::string(ent) + ";");
        }
        i = semi + 1;
    }
}

XmlScanner::Event XmlScanner::next() {
    if (pending_end_) {
        pending_end_ = false;
        --depth_;
        return Event::End;
    }
    for (;;) {
        if (pos_ >= doc_.size()) {
            if (more_to_come_) return Event::NeedMore;
            if (depth_ != 0) throw XmlError(pos_, "document ends inside an element (truncated?)");
            if (!seen_root_) throw XmlError(pos_, "no root element");
            return Event::Eof;
        }
        if (doc_[pos_] != '<') {
            const void* lt = std::memchr(doc_.data() + pos_, '<', doc_.size() - pos_);
            if (!lt && more_to_come_) return partial_text();  // the text goes on in the next buffer
            std::size_t end = lt ? std::size_t(static_cast<const char*>(lt) - doc_.data()) : doc_.size();
            text_ = doc_.substr(pos_, end - pos_);
            cdata_ = false;
            pos_ = end;
            if (depth_ > 0) return Event::Text;
            continue;  // white space (or junk) outside the root
        }
        std::string_view rest = doc_.substr(pos_);
        // Too short to tell what construct this is: wait for more.
        if (more_to_come_ && rest.size() < 9) return Event::NeedMore;
        // Most constructs are plain tags; only "<!" and "<?" need a closer look.
        const char second = rest.size() > 1 ? rest[1] : '\0';
        if (second == '!' && rest.substr(0, 4) == "<!--") {
            std::size_t end = rest.find("-->", resume_point());
            if (end == std::string_view::npos) {
                if (more_to_come_) return need_more_markup(rest.size(), "comment", rest.size() - 2);
                throw XmlError(pos_, "unterminated comment");
            }
            pos_ += end + 3;
            continue;
        }
        if (second == '!' && rest.substr(0, 9) == "<![CDATA[") {
            std::size_t end = rest.find("]]>", resume_point());
            if (end == std::string_view::npos) {
                if (more_to_come_) return need_more_markup(rest.size(), "CDATA section", rest.size() - 2);
                throw XmlError(pos_, "unterminated CDATA section");
            }
            text_ = rest.substr(9, end - 9);
            cdata_ = true;
            pos_ += end + 3;
            if (depth_ > 0) return Event::Text;
            continue;
        }
        if (second == '?') {
            std::size_t end = rest.find("?>", resume_point());
            if (end == std::string_view::npos) {
                if (more_to_come_) return need_more_markup(rest.size(), "processing instruction", rest.size() - 1);
                throw XmlError(pos_, "unterminated processing instruction");
            }
            pos_ += end + 2;
            continue;
        }
        if (second == '!') throw XmlError(pos_, "a DTD or declaration is not allowed in a spreadsheet part");
        // A '>' inside a quoted attribute value ends nothing: look past quotes.
        std::size_t q = 1;
        char quote = 0;
        if (resume_at_ > 0) {  // the rest of a tag that did not fit the last buffer
            q = resume_at_;
            quote = resume_quote_;
            resume_at_ = 0;
        }
        for (; q < rest.size(); ++q) {
            char c = rest[q];
            if (quote) {
                if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                break;
            }
        }
        if (q >= rest.size()) {
            if (more_to_come_) {
                resume_quote_ = quote;
                return need_more_markup(rest.size(), "tag", q);
            }
            throw XmlError(pos_, "unterminated tag (truncated?)");
        }
        std::size_t tag_end = q;
        std::string_view tag = rest.substr(1, tag_end - 1);
        std::size_t start = pos_;
        pos_ += tag_end + 1;
        if (!tag.empty() && tag[0] == '/') {
            std::size_t n = 1;
            while (n < tag.size() && !is_space(tag[n])) ++n;
            qname_ = tag.substr(1, n - 1);
            name_ = local_name(qname_);
            if (depth_ <= 0) throw XmlError(start, "end tag without a start tag");
            --depth_;
            return Event::End;
        }
        bool self_closing = !tag.empty() && tag.back() == '/';
        if (self_closing) tag.remove_suffix(1);
        std::size_t n = 0;
        while (n < tag.size() && !is_space(tag[n])) ++n;
        if (n == 0) throw XmlError(start, "tag without a name");
        qname_ = tag.substr(0, n);
        name_ = local_name(qname_);
        attrs_ = tag.substr(n);
        if (depth_ == 0 && seen_root_) throw XmlError(start, "content after the root element");
        seen_root_ = true;
        ++depth_;
        if (depth_ > 256) throw XmlError(start, "elements nested deeper than 256 levels");
        pending_end_ = self_closing;
        return Event::Start;
    }
}

XmlScanner::Event XmlScanner::partial_text() {
    // Hand over the text so far rather than wait for its end: the owner's
    // buffer then stays one chunk long however long the text runs (a part of
    // nothing but spaces), and each refill is scanned once. Owners append
    // consecutive Text events. Held back: an entity reference not yet closed
    // and a final CR (the next buffer may begin with its LF).
    std::size_t end = doc_.size();
    const std::size_t amp = doc_.rfind('&');
    if (amp != std::string_view::npos && amp >= pos_ && doc_.size() - amp <= 12 &&
        doc_.find(';', amp) == std::string_view::npos) end = amp;
    if (end > pos_ && doc_[end - 1] == '\r') --end;
    if (end == pos_ || depth_ == 0) {  // nothing whole yet, or white space outside the root
        if (depth_ == 0) pos_ = end;
        return Event::NeedMore;
    }
    text_ = doc_.substr(pos_, end - pos_);
    cdata_ = false;
    pos_ = end;
    return Event::Text;
}

XmlScanner::Event XmlScanner::need_more_markup(std::size_t pending, const char* what, std::size_t resume_at) {
    // One tag, comment or CDATA section the owner would have to buffer whole:
    // no spreadsheet has one this long, a hostile file can.
    if (pending > max_markup_bytes)
        throw XmlError(pos_, std::string(what) + " longer than " + std::to_string(max_markup_bytes >> 20) + " MiB");
    // The next buffer starts with this construct again: look on from where
    // this one stopped, not from its start (a 16 MiB tag arriving 256 KiB at
    // a time was scanned 64 times over, 18 s under the fuzzer).
    resume_at_ = resume_at;
    return Event::NeedMore;
}

std::size_t XmlScanner::resume_point() {
    const std::size_t at = resume_at_;
    resume_at_ = 0;
    return at;
}

bool XmlScanner::next_attr(std::size_t& i, std::string_view& qname, std::string_view& value) const {
    const std::string_view a = attrs_;
    // i is past the end after a value whose closing quote is missing.
    if (i >= a.size()) return false;
    while (i < a.size() && is_space(a[i])) ++i;
    std::size_t name_start = i;
    while (i < a.size() && a[i] != '=' && !is_space(a[i])) ++i;
    qname = a.substr(name_start, i - name_start);
    while (i < a.size() && is_space(a[i])) ++i;
    if (i >= a.size() || a[i] != '=') return false;
    ++i;
    while (i < a.size() && is_space(a[i])) ++i;
    if (i >= a.size() || (a[i] != '"' && a[i] != '\'')) return false;
    char quote = a[i++];
    std::size_t value_start = i;
    while (i < a.size() && a[i] != quote) ++i;
    value = a.substr(value_start, i - value_start);
    ++i;
    return true;
}

std::string_view XmlScanner::attr(std::string_view local, bool* found) const {
    std::size_t i = 0;
    std::string_view qname, value;
    while (next_attr(i, qname, value)) {
        std::string_view name = local_name(qname);
        if (name.size() == local.size() && std::memcmp(name.data(), local.data(), name.size()) == 0 &&
            qname.substr(0, 6) != "xmlns:") {
            if (found) *found = true;
            return value;
        }
    }
    if (found) *found = false;
    return {};
}

std::string_view XmlScanner::attr_qualified(std::string_view wanted, bool* found) const {
    std::size_t i = 0;
    std::string_view qname, value;
    while (next_attr(i, qname, value)) {
        if (qname == wanted) {
            if (found) *found = true;
            return value;
        }
    }
    if (found) *found = false;
    return {};
}

void XmlScanner::append_text(std::string& out) const {
    if (cdata_) append_normalising_newlines(out, text_);
    else append_decoded(out, text_, pos_ - text_.size());
}

void XmlScanner::skip_element() {
    int target = depth_ - 1;
    while (depth_ > target) {
        const Event ev = next();
        if (ev == Event::Eof) return;
        // Looping on NeedMore would never end.
        if (ev == Event::NeedMore) throw XmlError(pos_, "element to skip runs past the buffer");
    }
}

}  // namespace plancon::detail
