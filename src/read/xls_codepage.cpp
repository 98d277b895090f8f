#include "read/xls_codepage.hpp"

#include <iconv.h>

#include <cerrno>

namespace plancon::detail {

namespace {

iconv_t handle_of(void* h) { return static_cast<iconv_t>(h); }

// iconv's name for a Windows code page number as BIFF stores it.
std::string iconv_name(std::uint16_t code_page) {
    switch (code_page) {
        case 367: return "ASCII";
        case 1200: return "UTF-16LE";  // BIFF8 says so; its byte strings are Latin-1 ("compressed" UTF-16)
        case 10000:
        case 32768: return "MACINTOSH";  // Apple Roman
        case 32769: return "CP1252";     // BIFF2's "Windows code page 1252"
        default: return "CP" + std::to_string(code_page);
    }
}

}  // namespace

CodePageDecoder::CodePageDecoder() { open("CP1252"); }

CodePageDecoder::~CodePageDecoder() {
    if (handle_) iconv_close(handle_of(handle_));
}

bool CodePageDecoder::open(const std::string& name) {
    iconv_t h = iconv_open("UTF-8", name.c_str());
    if (h == iconv_t(-1)) return false;
    if (handle_) iconv_close(handle_of(handle_));
    handle_ = h;
    return true;
}

bool CodePageDecoder::set(std::uint16_t code_page) {
    // A BIFF8 workbook says 1200 (UTF-16) but its 8-bit strings are Latin-1.
    if (code_page == 1200 || code_page == 1252) return open("CP1252");
    return open(iconv_name(code_page));
}

void CodePageDecoder::append_utf8(std::string& out, std::string_view bytes) {
    if (bytes.empty()) return;
    iconv(handle_of(handle_), nullptr, nullptr, nullptr, nullptr);  // a fresh shift state for each string
    char* in = const_cast<char*>(bytes.data());
    std::size_t in_left = bytes.size();
    char buffer[1024];
    while (in_left > 0) {
        char* to = buffer;
        std::size_t to_left = sizeof buffer;
        const std::size_t rc = iconv(handle_of(handle_), &in, &in_left, &to, &to_left);
        out.append(buffer, std::size_t(to - buffer));
        if (rc != std::size_t(-1) || errno == E2BIG) continue;
        // EILSEQ or EINVAL (a multibyte character cut short): one byte becomes U+FFFD.
        out += "\xEF\xBF\xBD";
        ++in;
        --in_left;
        iconv(handle_of(handle_), nullptr, nullptr, nullptr, nullptr);
    }
}

}  // namespace plancon::detail
