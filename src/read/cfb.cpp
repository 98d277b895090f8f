#include "read/cfb.hpp"
#include "read/little_endian.hpp"

#include "plancon/text.hpp"

#include <algorithm>
#include <limits>

namespace plancon::detail {

namespace {

constexpr std::string_view signature("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
constexpr std::uint32_t end_of_chain = 0xFFFFFFFE;
constexpr std::uint32_t no_stream = 0xFFFFFFFF;
constexpr std::size_t mini_sector_size = 64;
constexpr std::size_t entry_size = 128;


// Follows a chain through table, appending each unit from unit_of until
// wanted bytes are there or the chain ends. A sector met twice is a loop.
template <class UnitOf>
std::optional<std::string> follow(const std::vector<std::uint32_t>& table, std::uint32_t start, std::uint64_t wanted,
                                  std::size_t unit, UnitOf unit_of) {
    std::string out;
    std::vector<bool> seen(table.size(), false);
    for (std::uint32_t s = start; s != end_of_chain && out.size() < wanted; s = table[s]) {
        if (s >= table.size() || seen[s]) return std::nullopt;
        seen[s] = true;
        std::string_view data = unit_of(s);
        if (data.empty()) return std::nullopt;
        out.append(data.substr(0, unit));
    }
    return out;
}

}  // namespace

bool has_compound_file_signature(std::string_view bytes) { return bytes.substr(0, signature.size()) == signature; }

CompoundFile::CompoundFile(std::string_view bytes) : bytes_(bytes) {
    if (!has_compound_file_signature(bytes) || bytes.size() < 512) {
        problem_ = "not a complete compound file (truncated or damaged?)";
        return;
    }
    const unsigned shift = le16(bytes_, 30), mini_shift = le16(bytes_, 32);
    if ((shift != 9 && shift != 12) || mini_shift != 6) {
        problem_ = "compound file header declares sectors of 2^" + std::to_string(shift) + " bytes (damaged?)";
        return;
    }
    sector_size_ = std::size_t(1) << shift;
    mini_cutoff_ = le32(bytes_, 56);
    if (!load_fat() || !load_directory()) return;
}

std::string_view CompoundFile::sector(std::uint32_t index) const {
    const std::uint64_t at = (std::uint64_t(index) + 1) * sector_size_;
    if (at >= bytes_.size()) return {};
    return bytes_.substr(std::size_t(at), sector_size_);  // a short last sector is kept as it is
}

bool CompoundFile::load_fat() {
    // The first 109 table sectors are listed in the header, the rest in a
    // chain of DIFAT sectors (each ending with the next one's number).
    const std::uint64_t sectors_in_file = bytes_.size() / sector_size_;
    const std::uint32_t count = le32(bytes_, 44);
    if (count == 0 || count > sectors_in_file) {
        problem_ = "compound file header declares " + std::to_string(count) + " allocation-table sectors; the file has " +
                   std::to_string(sectors_in_file) + " (damaged?)";
        return false;
    }
    std::vector<std::uint32_t> fat_sectors;
    for (std::size_t i = 0; i < 109 && fat_sectors.size() < count; ++i) fat_sectors.push_back(le32(bytes_, 76 + 4 * i));
    const std::size_t per_sector = sector_size_ / 4 - 1;
    std::uint32_t difat = le32(bytes_, 68);
    for (std::uint64_t hops = 0; fat_sectors.size() < count && difat < end_of_chain - 2; ++hops) {
        std::string_view s = sector(difat);
        if (s.size() < sector_size_ || hops > sectors_in_file) {
            problem_ = "the compound file's allocation table is broken (truncated?)";
            return false;
        }
        for (std::size_t i = 0; i < per_sector && fat_sectors.size() < count; ++i) fat_sectors.push_back(le32(s, 4 * i));
        difat = le32(s, 4 * per_sector);
    }
    if (fat_sectors.size() < count) {
        problem_ = "the compound file's allocation table is incomplete (truncated?)";
        return false;
    }
    fat_.reserve(std::size_t(count) * (sector_size_ / 4));
    for (std::uint32_t index : fat_sectors) {
        std::string_view s = sector(index);
        if (s.size() < sector_size_) {
            problem_ = "the compound file's allocation table lies beyond the end of the file (truncated?)";
            return false;
        }
        for (std::size_t k = 0; k + 4 <= s.size(); k += 4) fat_.push_back(le32(s, k));
    }
    return true;
}

bool CompoundFile::load_directory() {
    auto dir = read_chain(le32(bytes_, 48), std::numeric_limits<std::uint64_t>::max());
    if (!dir || dir->size() < entry_size) {
        problem_ = "the compound file's directory is unreadable (truncated or damaged?)";
        return false;
    }
    for (std::size_t at = 0; at + entry_size <= dir->size(); at += entry_size) {
        std::string_view raw = std::string_view(*dir).substr(at, entry_size);
        Entry e;
        e.type = std::uint8_t(raw[66]);
        const std::size_t name_bytes = std::min<std::size_t>(le16(raw, 64), 64);
        for (std::size_t i = 0; i + 1 < name_bytes; i += 2)
            if (std::uint16_t c = le16(raw, i)) e.name += c < 128 ? lower_ascii(char(c)) : '?';
        e.start = le32(raw, 116);
        e.size = le32(raw, 120);  // version 4 files have 64 bits here; no real stream needs the high half
        entries_.push_back(std::move(e));
    }
    if (entries_.front().type != 5) {
        problem_ = "the compound file's directory has no root entry (damaged?)";
        entries_.clear();
        return false;
    }
    return true;
}

const CompoundFile::Entry* CompoundFile::find(std::string_view name) const {
    const std::string wanted = lower_ascii(name);
    for (const Entry& e : entries_)
        if (e.type == 2 && e.name == wanted) return &e;
    return nullptr;
}

bool CompoundFile::has_stream(std::string_view name) const { return find(name) != nullptr; }

std::optional<std::string> CompoundFile::read_chain(std::uint32_t start, std::uint64_t wanted) const {
    return follow(fat_, start, wanted, sector_size_, [&](std::uint32_t s) { return sector(s); });
}

std::optional<std::string> CompoundFile::read_mini_chain(std::uint32_t start, std::uint64_t wanted) const {
    // Small streams live in 64-byte pieces of the root entry's stream, chained
    // through the mini allocation table.
    const Entry& root = entries_.front();
    auto container = read_chain(root.start, root.size);
    auto table_bytes = read_chain(le32(bytes_, 60), std::uint64_t(le32(bytes_, 64)) * sector_size_);
    if (!container || !table_bytes) return std::nullopt;
    std::vector<std::uint32_t> mini_fat;
    mini_fat.reserve(table_bytes->size() / 4);
    for (std::size_t k = 0; k + 4 <= table_bytes->size(); k += 4) mini_fat.push_back(le32(*table_bytes, k));
    std::string_view c(*container);
    return follow(mini_fat, start, wanted, mini_sector_size, [&](std::uint32_t s) {
        const std::uint64_t at = std::uint64_t(s) * mini_sector_size;
        return at < c.size() ? c.substr(std::size_t(at), mini_sector_size) : std::string_view();
    });
}

std::optional<std::string> CompoundFile::stream(std::string_view name, std::string& problem) const {
    const Entry* e = find(name);
    if (!e) {
        problem = readable() ? "no " + std::string(name) + " stream in the compound file" : problem_;
        return std::nullopt;
    }
    // Checked before anything is read: a stream cannot be larger than the file.
    if (e->size > bytes_.size()) {
        problem = "the " + std::string(name) + " stream declares " + std::to_string(e->size) +
                  " bytes, more than the whole file (damaged or crafted?)";
        return std::nullopt;
    }
    if (e->size == 0) return std::string();
    if (e->start == no_stream || e->start == end_of_chain) {
        problem = "the " + std::string(name) + " stream has no sectors (damaged?)";
        return std::nullopt;
    }
    auto data = e->size < mini_cutoff_ ? read_mini_chain(e->start, e->size) : read_chain(e->start, e->size);
    if (!data || data->size() < e->size) {
        problem = "the " + std::string(name) + " stream's sector chain is broken (truncated or damaged?)";
        return std::nullopt;
    }
    data->resize(e->size);
    return data;
}

}  // namespace plancon::detail
