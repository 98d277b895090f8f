// A zip container held in memory (libzip), with a budget on how many bytes
// its parts may expand to, shared by the .xlsx and .ods readers.
#pragma once

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

struct zip;
struct zip_file;

namespace plancon::detail {

class ZipArchive {
public:
    // One part opened for pulling, piece by piece: the only way parts are
    // inflated (read() pulls a whole one). A part that declares 4 MiB or
    // more is inflated on a second thread, a few chunks ahead of the caller:
    // inflating takes about as long as scanning, so the two overlap. Move it
    // before the first read only: the second thread holds its address.
    class PartReader {
    public:
        PartReader(PartReader&& other) noexcept;
        PartReader& operator=(PartReader&&) = delete;
        ~PartReader();
        // Up to size more inflated bytes into buf; 0 at the end of the part.
        // Throws ReadError when the part is damaged or the budget is spent.
        std::size_t read(char* buf, std::size_t size);
        // The size the zip directory declares, capped at cap: a hint for
        // sizing buffers only (it can lie; the budget counts what is inflated).
        std::size_t size_hint(std::size_t cap) const { return std::size_t(std::min<std::uint64_t>(declared_, cap)); }

    private:
        friend class ZipArchive;
        struct Prefetch;
        PartReader(ZipArchive& archive, zip_file* file, std::string name, std::uint64_t declared);
        std::size_t inflate(char* buf, std::size_t size);
        std::size_t read_prefetched(char* buf, std::size_t size);
        ZipArchive& archive_;
        zip_file* file_;
        std::string name_;
        std::uint64_t declared_;
        bool prefetch_wanted_;
        std::unique_ptr<Prefetch> prefetch_;  // started by the first read
    };

    // bytes must outlive the archive (it is read in place). Throws ReadError (with file) when the
    // bytes are not a readable zip.
    ZipArchive(const std::string& file, std::string_view bytes, std::uint64_t max_bytes);
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    bool has(const std::string& name) const;
    std::vector<std::string> names() const;
    // The part's uncompressed bytes, or nothing when there is no such part
    // (looked up as find_name does, so callers use the logical '/' name).
    // Throws ReadError when it is encrypted, corrupt, or would take the total
    // past max_bytes.
    std::optional<std::string> read(const std::string& name);
    // Same, but a missing part is an error naming it.
    std::string read_required(const std::string& name);
    // Open a part for pulling; a missing part is an error naming it.
    PartReader open_required(const std::string& name);
    // The stored name of a part: exact, else ignoring case, else with '\\'
    // for '/' (producers that write Windows separators).
    std::optional<std::string> find_name(const std::string& name) const;

private:
    std::optional<PartReader> open_part(const std::string& name);

    std::string file_;
    zip* archive_ = nullptr;
    std::uint64_t max_bytes_;
    std::uint64_t used_bytes_ = 0;
};

}  // namespace plancon::detail
