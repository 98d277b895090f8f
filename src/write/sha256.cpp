// SHA-256 of the input files for the feed, from OpenSSL's libcrypto (already
// linked through libzip) through its EVP digest interface.
#include "sha256.hpp"

#include "plancon/diagnostics.hpp"

#include <openssl/evp.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <memory>
#include <utility>

namespace plancon::write_detail {

namespace {

// One digest in progress; `name` (the file hashed) is what a failure names.
class Sha256 {
public:
    explicit Sha256(std::string name) : name_(std::move(name)), context_(EVP_MD_CTX_new(), EVP_MD_CTX_free) {
        if (!context_ || EVP_DigestInit_ex(context_.get(), EVP_sha256(), nullptr) != 1) fail();
    }

    void update(const void* data, std::size_t size) {
        if (EVP_DigestUpdate(context_.get(), data, size) != 1) fail();
    }

    std::string hex_digest() {
        std::array<unsigned char, EVP_MAX_MD_SIZE> digest;
        unsigned int length = 0;
        if (EVP_DigestFinal_ex(context_.get(), digest.data(), &length) != 1) fail();
        static const char digits[] = "0123456789abcdef";
        std::string out;
        for (unsigned int i = 0; i < length; ++i) {
            out += digits[digest[i] >> 4];
            out += digits[digest[i] & 0xf];
        }
        return out;
    }

private:
    [[noreturn]] void fail() const { throw WriteError(name_, "SHA-256 failed (OpenSSL libcrypto)"); }

    std::string name_;
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context_;
};

}  // namespace

std::string sha256_hex(std::string_view bytes) {
    Sha256 hash("(bytes)");
    hash.update(bytes.data(), bytes.size());
    return hash.hex_digest();
}

std::string sha256_file_hex(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw WriteError(path, std::string("cannot read: ") + std::strerror(errno));
    Sha256 hash(path);
    std::array<char, 1 << 16> buffer;
    while (in) {
        in.read(buffer.data(), buffer.size());
        hash.update(buffer.data(), std::size_t(in.gcount()));
    }
    if (in.bad()) throw WriteError(path, "read failed");
    return hash.hex_digest();
}

}  // namespace plancon::write_detail
