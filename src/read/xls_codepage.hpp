// Byte strings of Excel 2.x-95 workbooks (BIFF2-BIFF5/7) are in the code page
// their CODEPAGE record names (Windows-1252 on a UK PC, 1251 for Cyrillic,
// 932 for Japanese ...), converted to UTF-8 through glibc's iconv.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace plancon::detail {

class CodePageDecoder {
public:
    // Windows-1252 until set() says otherwise (what Excel assumes without a CODEPAGE record).
    CodePageDecoder();
    ~CodePageDecoder();
    CodePageDecoder(const CodePageDecoder&) = delete;
    CodePageDecoder& operator=(const CodePageDecoder&) = delete;

    // The workbook's CODEPAGE value. False when iconv has no such code page:
    // the decoder then stays on Windows-1252.
    bool set(std::uint16_t code_page);

    // Bytes -> UTF-8; a byte sequence the code page does not map becomes U+FFFD.
    void append_utf8(std::string& out, std::string_view bytes);

private:
    void* handle_ = nullptr;  // iconv_t
    bool open(const std::string& name);
};

}  // namespace plancon::detail
