#include "read/xls_crypto.hpp"
#include "read/little_endian.hpp"

#include <openssl/evp.h>
#include <openssl/rc4.h>

#include <array>
#include <cstdint>
#include <cstring>
#include <vector>

namespace plancon::detail {

namespace {

constexpr std::string_view default_password = "VelvetSweatshop";
constexpr std::size_t rc4_block = 1024;  // the RC4 key changes every 1024 bytes of the stream


std::string le32_bytes(std::uint32_t v) {
    return {char(v), char(v >> 8), char(v >> 16), char(v >> 24)};
}

std::string utf16le(std::string_view ascii) {
    std::string out;
    for (char c : ascii) out += {c, '\0'};
    return out;
}

std::string digest(const EVP_MD* md, std::string_view data) {
    unsigned char out[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    if (!EVP_Digest(data.data(), data.size(), out, &size, md, nullptr)) return {};
    return std::string(reinterpret_cast<const char*>(out), size);
}

// Records whose data Excel never encrypts ([MS-XLS] 2.2.10): BOF (every
// version's id), FILEPASS, INTERFACEHDR, USREXCL, FILELOCK, RRDINFO, RRDHEAD.
bool never_encrypted(std::uint16_t type) {
    switch (type) {
        case 0x0009: case 0x0209: case 0x0409: case 0x0809:
        case 0x002F: case 0x00E1: case 0x0194: case 0x0195: case 0x0196: case 0x0138:
            return true;
        default: return false;
    }
}

// Calls visit(data, declared, size, first) for every record from after on:
// its data's offset, its declared and its actual size (the last record may be
// cut short), and the first encrypted byte of the data. Headers are never
// encrypted, nor the data of the records above, nor BOUNDSHEET's first 4
// bytes (the sheet's stream offset).
template <class Visit>
void for_each_record(const std::string& stream, std::size_t after, Visit visit) {
    std::size_t at = after;
    while (at + 4 <= stream.size()) {
        const std::uint16_t type = le16(stream, at);
        const std::size_t declared = le16(stream, at + 2);
        const std::size_t data = at + 4, size = std::min(declared, stream.size() - data);
        const std::size_t first = never_encrypted(type) ? size : type == 0x0085 ? std::min<std::size_t>(4, size) : 0;
        visit(data, declared, size, first);
        at = data + size;
    }
}

// ---- XOR obfuscation ([MS-OFFCRYPTO] 2.3.7) ------------------------------------------

constexpr std::array<std::uint16_t, 15> xor_initial_code = {0xE1F0, 0x1D0F, 0xCC9C, 0x84C0, 0x110C, 0x0E10, 0xF1CE, 0x313E,
                                                            0x1872, 0xE139, 0xD40F, 0x84F9, 0x280C, 0xA96A, 0x4EC3};
constexpr std::array<std::uint16_t, 105> xor_matrix = {
    0xAEFC, 0x4DD9, 0x9BB2, 0x2745, 0x4E8A, 0x9D14, 0x2A09, 0x7B61, 0xF6C2, 0xFDA5, 0xEB6B, 0xC6F7, 0x9DCF, 0x2BBF, 0x4563,
    0x8AC6, 0x05AD, 0x0B5A, 0x16B4, 0x2D68, 0x5AD0, 0x0375, 0x06EA, 0x0DD4, 0x1BA8, 0x3750, 0x6EA0, 0xDD40, 0xD849, 0xA0B3,
    0x5147, 0xA28E, 0x553D, 0xAA7A, 0x44D5, 0x6F45, 0xDE8A, 0xAD35, 0x4A4B, 0x9496, 0x390D, 0x721A, 0xEB23, 0xC667, 0x9CEF,
    0x29FF, 0x53FE, 0xA7FC, 0x5FD9, 0x47D3, 0x8FA6, 0x0F6D, 0x1EDA, 0x3DB4, 0x7B68, 0xF6D0, 0xB861, 0x60E3, 0xC1C6, 0x93AD,
    0x377B, 0x6EF6, 0xDDEC, 0x45A0, 0x8B40, 0x06A1, 0x0D42, 0x1A84, 0x3508, 0x6A10, 0xAA51, 0x4483, 0x8906, 0x022D, 0x045A,
    0x08B4, 0x1168, 0x76B4, 0xED68, 0xCAF1, 0x85C3, 0x1BA7, 0x374E, 0x6E9C, 0x3730, 0x6E60, 0xDCC0, 0xA9A1, 0x4363, 0x86C6,
    0x1DAD, 0x3331, 0x6662, 0xCCC4, 0x89A9, 0x0373, 0x06E6, 0x0DCC, 0x1021, 0x2042, 0x4084, 0x8108, 0x1231, 0x2462, 0x48C4};
constexpr std::array<std::uint8_t, 15> xor_pad = {0xBB, 0xFF, 0xFF, 0xBA, 0xFF, 0xFF, 0xB9, 0x80,
                                                  0x00, 0xBE, 0x0F, 0x00, 0xBF, 0x0F, 0x00};

std::uint16_t xor_key(std::string_view password) {
    std::uint16_t key = xor_initial_code[password.size() - 1];
    int element = 0x68;
    for (auto c = password.rbegin(); c != password.rend(); ++c) {
        std::uint8_t ch = std::uint8_t(*c);
        for (int bit = 0; bit < 7; ++bit, --element) {
            if (ch & 0x40) key ^= xor_matrix[std::size_t(element)];
            ch = std::uint8_t(ch << 1);
        }
    }
    return key;
}

std::uint16_t xor_verifier(std::string_view password) {
    std::uint16_t verifier = 0;
    std::string bytes = std::string(1, char(password.size())) + std::string(password);
    for (auto c = bytes.rbegin(); c != bytes.rend(); ++c) {
        const std::uint16_t high = (verifier & 0x4000) ? 1 : 0;
        verifier = std::uint16_t(((verifier << 1) & 0x7FFF) | high) ^ std::uint8_t(*c);
    }
    return verifier ^ 0xCE4B;
}

std::uint8_t xor_ror(std::uint8_t a, std::uint8_t b) {
    const std::uint8_t v = a ^ b;
    return std::uint8_t(v >> 1 | v << 7);
}

std::array<std::uint8_t, 16> xor_array(std::string_view password, std::uint16_t key) {
    std::array<std::uint8_t, 16> out{};
    const std::uint8_t high = std::uint8_t(key >> 8), low = std::uint8_t(key);
    std::size_t index = password.size();
    if (index % 2 == 1) {
        out[index] = xor_ror(xor_pad[0], high);
        --index;
        out[index] = xor_ror(std::uint8_t(password.back()), low);
    }
    while (index > 0) {
        --index;
        out[index] = xor_ror(std::uint8_t(password[index]), high);
        --index;
        out[index] = xor_ror(std::uint8_t(password[index]), low);
    }
    std::size_t at = 15;
    for (std::size_t pad = 15 - password.size(); pad > 0;) {
        out[at--] = xor_ror(xor_pad[pad--], high);
        out[at--] = xor_ror(xor_pad[pad--], low);
    }
    return out;
}

Decryption decrypt_xor(std::string& stream, std::size_t after, std::uint16_t key, std::uint16_t verifier) {
    if (key != xor_key(default_password) || verifier != xor_verifier(default_password)) return Decryption::OtherPassword;
    const std::array<std::uint8_t, 16> mask = xor_array(default_password, key);
    // Each record's key index starts at (its data's offset + its size) mod 16.
    for_each_record(stream, after, [&](std::size_t data, std::size_t declared, std::size_t size, std::size_t first) {
        for (std::size_t i = first; i < size; ++i) {
            const std::uint8_t b = std::uint8_t(stream[data + i]) ^ mask[(data + declared + i) % 16];
            stream[data + i] = char(std::uint8_t(b << 3 | b >> 5));
        }
    });
    return Decryption::Decrypted;
}

// ---- RC4 ([MS-OFFCRYPTO] 2.3.5, 2.3.6) ------------------------------------------------

// OpenSSL 3 keeps RC4 in its "legacy" provider, which EVP needs loaded (and
// installed); the low-level RC4 functions are deprecated but always present.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
class Rc4 {
public:
    explicit Rc4(const std::string& key) { RC4_set_key(&key_, int(key.size()), reinterpret_cast<const unsigned char*>(key.data())); }
    void apply(char* data, std::size_t size) {
        RC4(&key_, size, reinterpret_cast<unsigned char*>(data), reinterpret_cast<unsigned char*>(data));
    }

private:
    RC4_KEY key_;
};
#pragma GCC diagnostic pop

// The key of one 1024-byte block of the stream.
using BlockKey = std::string (*)(const std::string& base, std::uint32_t block, std::size_t key_bytes);

std::string md5_block_key(const std::string& base, std::uint32_t block, std::size_t) {
    return digest(EVP_md5(), base + le32_bytes(block));
}

std::string sha1_block_key(const std::string& base, std::uint32_t block, std::size_t key_bytes) {
    std::string key = digest(EVP_sha1(), base + le32_bytes(block)).substr(0, key_bytes);
    if (key.size() < 16) key.resize(16, '\0');  // a 40-bit key is used as 128 bits, zero-padded
    return key;
}

// Whether the verifier, decrypted with block 0's key, hashes to its hash.
bool rc4_verifies(const std::string& key0, std::string verifier, std::string hash, const EVP_MD* md) {
    Rc4 rc4(key0);
    rc4.apply(verifier.data(), verifier.size());
    rc4.apply(hash.data(), hash.size());
    const std::string expected = digest(md, verifier);
    return !expected.empty() && hash.substr(0, expected.size()) == expected;
}

void decrypt_rc4(std::string& stream, std::size_t after, const std::string& base, std::size_t key_bytes, BlockKey block_key) {
    // The key stream runs through the whole stream, headers and plain records
    // included: a byte's place in the stream picks its block and position.
    std::uint32_t block = std::uint32_t(after / rc4_block);
    Rc4 rc4(block_key(base, block, key_bytes));
    std::size_t position = block * rc4_block;  // where the key stream stands
    std::vector<char> scratch(rc4_block);
    // Runs the key stream up to end, over the stream's bytes or over scratch.
    auto run_to = [&](std::size_t end, bool decrypt) {
        while (position < end) {
            if (position / rc4_block != block) {
                block = std::uint32_t(position / rc4_block);
                rc4 = Rc4(block_key(base, block, key_bytes));
            }
            const std::size_t n = std::min(end, (position / rc4_block + 1) * rc4_block) - position;
            rc4.apply(decrypt ? stream.data() + position : scratch.data(), n);
            position += n;
        }
    };
    for_each_record(stream, after, [&](std::size_t data, std::size_t, std::size_t size, std::size_t first) {
        run_to(data + first, false);
        run_to(data + size, true);
    });
}

Decryption rc4_standard(std::string& stream, std::string_view filepass, std::size_t after, std::string& problem) {
    // wEncryptionType, vMajor, vMinor, then salt, verifier and its MD5, 16 bytes each.
    if (filepass.size() < 6 + 48) {
        problem = "its RC4 encryption header is " + std::to_string(filepass.size()) + " bytes, too short (damaged?)";
        return Decryption::Unsupported;
    }
    const std::string salt(filepass.substr(6, 16));
    const std::string h0 = digest(EVP_md5(), utf16le(default_password)).substr(0, 5);
    std::string buffer;
    for (int i = 0; i < 16; ++i) buffer += h0 + salt;
    const std::string base = digest(EVP_md5(), buffer).substr(0, 5);
    if (!rc4_verifies(md5_block_key(base, 0, 16), std::string(filepass.substr(22, 16)), std::string(filepass.substr(38, 16)),
                      EVP_md5()))
        return Decryption::OtherPassword;
    decrypt_rc4(stream, after, base, 16, md5_block_key);
    return Decryption::Decrypted;
}

Decryption rc4_cryptoapi(std::string& stream, std::string_view filepass, std::size_t after, std::string& problem) {
    // wEncryptionType, vMajor, vMinor, flags, header size, EncryptionHeader, EncryptionVerifier.
    const std::uint32_t header_size = le32(filepass, 10);
    const std::uint64_t verifier_at = 14 + std::uint64_t(header_size);
    if (header_size < 32 || verifier_at + 4 + 16 + 16 + 4 + 20 > filepass.size()) {
        problem = "its RC4 CryptoAPI header declares " + std::to_string(header_size) + " bytes in a record of " +
                  std::to_string(filepass.size()) + " (damaged?)";
        return Decryption::Unsupported;
    }
    const std::uint32_t algorithm = le32(filepass, 14 + 8), hash = le32(filepass, 14 + 12);
    std::uint32_t key_bits = le32(filepass, 14 + 16);
    if (key_bits == 0) key_bits = 40;
    if ((algorithm != 0 && algorithm != 0x6801) || (hash != 0 && hash != 0x8004) || key_bits < 40 || key_bits > 128 ||
        key_bits % 8) {
        problem = "its CryptoAPI encryption is not RC4 with SHA-1 (algorithm 0x" + std::to_string(algorithm) + ", " +
                  std::to_string(key_bits) + "-bit key); open it in Excel and save an unprotected copy";
        return Decryption::Unsupported;
    }
    const std::size_t v = std::size_t(verifier_at);
    if (le32(filepass, v) != 16) {
        problem = "its RC4 CryptoAPI salt is " + std::to_string(le32(filepass, v)) + " bytes, not 16 (damaged?)";
        return Decryption::Unsupported;
    }
    const std::string salt(filepass.substr(v + 4, 16));
    const std::string base = digest(EVP_sha1(), salt + utf16le(default_password));
    const std::size_t key_bytes = key_bits / 8;
    if (!rc4_verifies(sha1_block_key(base, 0, key_bytes), std::string(filepass.substr(v + 20, 16)),
                      std::string(filepass.substr(v + 40, 20)), EVP_sha1()))
        return Decryption::OtherPassword;
    decrypt_rc4(stream, after, base, key_bytes, sha1_block_key);
    return Decryption::Decrypted;
}

}  // namespace

Decryption decrypt_workbook_stream(std::string& stream, std::string_view filepass, std::size_t after, bool biff8,
                                   std::string& problem) {
    if (!biff8) {
        if (filepass.size() < 4) {
            problem = "its FILEPASS record is " + std::to_string(filepass.size()) + " bytes, too short (damaged?)";
            return Decryption::Unsupported;
        }
        return decrypt_xor(stream, after, le16(filepass, 0), le16(filepass, 2));
    }
    if (filepass.size() < 6) {
        problem = "its FILEPASS record is " + std::to_string(filepass.size()) + " bytes, too short (damaged?)";
        return Decryption::Unsupported;
    }
    const std::uint16_t type = le16(filepass, 0), major = le16(filepass, 2), minor = le16(filepass, 4);
    if (type == 0) return decrypt_xor(stream, after, le16(filepass, 2), le16(filepass, 4));
    if (type == 1 && major == 1 && minor == 1) return rc4_standard(stream, filepass, after, problem);
    if (type == 1 && major >= 2 && major <= 4 && minor == 2) return rc4_cryptoapi(stream, filepass, after, problem);
    problem = "it is encrypted in a way this reader does not know (FILEPASS type " + std::to_string(type) + ", version " +
              std::to_string(major) + "." + std::to_string(minor) + ")";
    return Decryption::Unsupported;
}

}  // namespace plancon::detail
