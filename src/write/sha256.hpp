// SHA-256 for the feed's fingerprint of each input file (OpenSSL libcrypto).
#pragma once

#include <string>
#include <string_view>

namespace plancon::write_detail {

// SHA-256 of a byte string / of a file's contents, as 64 lowercase hex digits.
// The file form throws WriteError "FILE: problem" when it cannot be read.
std::string sha256_hex(std::string_view bytes);
std::string sha256_file_hex(const std::string& path);

}  // namespace plancon::write_detail
