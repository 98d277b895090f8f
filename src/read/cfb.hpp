// Compound File Binary (OLE2) containers: the box legacy Excel workbooks
// (.xls, a "Workbook" or "Book" stream) and encrypted OOXML packages
// ("EncryptionInfo" + "EncryptedPackage") come in. Read from memory, never
// outside the bytes, with every chain followed at most once per sector, so a
// stream is never larger than the file and loops in the allocation tables end.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancon::detail {

// The 8 bytes every compound file starts with.
bool has_compound_file_signature(std::string_view bytes);

class CompoundFile {
public:
    // Reads the header, the allocation table and the directory. When they are
    // unreadable, problem() says why and every stream is missing.
    explicit CompoundFile(std::string_view bytes);

    const std::string& problem() const { return problem_; }
    bool readable() const { return problem_.empty(); }

    // Whether a stream of that name (ASCII, compared without case) exists.
    bool has_stream(std::string_view name) const;

    // The stream's bytes; nothing when it is missing or its sector chain is
    // broken (then problem names the stream and what is wrong).
    std::optional<std::string> stream(std::string_view name, std::string& problem) const;

private:
    struct Entry {
        std::string name;  // lower-cased; non-ASCII characters as '?'
        std::uint8_t type = 0;  // 1 storage, 2 stream, 5 root
        std::uint32_t start = 0;
        std::uint32_t size = 0;
    };

    std::string_view bytes_;
    std::string problem_;
    std::size_t sector_size_ = 512;
    std::uint32_t mini_cutoff_ = 4096;
    std::vector<std::uint32_t> fat_;
    std::vector<Entry> entries_;

    std::string_view sector(std::uint32_t index) const;
    bool load_fat();
    bool load_directory();
    const Entry* find(std::string_view name) const;
    // The sectors of a chain in order; nothing when it leaves the table, loops
    // or names a sector beyond the end of the file.
    std::optional<std::string> read_chain(std::uint32_t start, std::uint64_t wanted) const;
    std::optional<std::string> read_mini_chain(std::uint32_t start, std::uint64_t wanted) const;
};

}  // namespace plancon::detail
