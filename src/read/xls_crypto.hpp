// Workbooks Excel encrypts without asking anyone for a password: a workbook
// whose structure is protected is written encrypted with the default password
// "VelvetSweatshop", and Excel and LibreOffice open it silently. The FILEPASS
// record says how ([MS-XLS] 2.4.117, [MS-OFFCRYPTO] 2.3.6-2.3.7): XOR
// obfuscation (BIFF5 and BIFF8), RC4 with an MD5 key (BIFF8, Excel 97-2000)
// or RC4 with a SHA-1 key through CryptoAPI (Excel 2002-2003). Decrypted here
// with that password; a workbook with a password of its own stays refused.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace plancon::detail {

enum class Decryption {
    Decrypted,
    OtherPassword,  // the workbook has a password of its own
    Unsupported,    // a scheme or a header this reader does not know (problem says which)
};

// Decrypts the record data of the workbook stream after the FILEPASS record
// (whose data is filepass, and which ends at stream offset after), in place.
// Record headers and the records Excel never encrypts stay as they are.
Decryption decrypt_workbook_stream(std::string& stream, std::string_view filepass, std::size_t after, bool biff8,
                                   std::string& problem);

}  // namespace plancon::detail
