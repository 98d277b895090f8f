#include "read/zip_archive.hpp"

#include "plancon/read.hpp"

#include <zip.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

namespace plancon::detail {

ZipArchive::ZipArchive(const std::string& file, std::string_view bytes, std::uint64_t max_bytes)
    : file_(file), max_bytes_(max_bytes) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* src = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (!src) {
        zip_error_fini(&error);
        throw ReadError(file_, "cannot open zip container");
    }
    archive_ = zip_open_from_source(src, ZIP_RDONLY | ZIP_CHECKCONS, &error);
    if (!archive_) {
        // ZIP_CHECKCONS is strict about producers that pad or misdate entries;
        // retry without it before calling the file broken.
        zip_error_fini(&error);
        zip_error_init(&error);
        archive_ = zip_open_from_source(src, ZIP_RDONLY, &error);
    }
    if (!archive_) {
        std::string why = zip_error_strerror(&error);
        zip_source_free(src);
        zip_error_fini(&error);
        throw ReadError(file_, "not a readable zip container (truncated or damaged?): " + why);
    }
    zip_error_fini(&error);
}

ZipArchive::~ZipArchive() {
    if (archive_) zip_discard(archive_);
}

bool ZipArchive::has(const std::string& name) const { return zip_name_locate(archive_, name.c_str(), 0) >= 0; }

std::vector<std::string> ZipArchive::names() const {
    std::vector<std::string> out;
    zip_int64_t n = zip_get_num_entries(archive_, 0);
    for (zip_int64_t i = 0; i < n; ++i)
        if (const char* s = zip_get_name(archive_, zip_uint64_t(i), 0)) out.emplace_back(s);
    return out;
}

std::optional<std::string> ZipArchive::find_name(const std::string& name) const {
    if (has(name)) return name;
    zip_int64_t i = zip_name_locate(archive_, name.c_str(), ZIP_FL_NOCASE);
    if (i < 0) {
        // Some producers write Windows separators into entry names.
        std::string backslashed = name;
        std::replace(backslashed.begin(), backslashed.end(), '/', '\\');
        i = zip_name_locate(archive_, backslashed.c_str(), ZIP_FL_NOCASE);
    }
    if (i < 0) return std::nullopt;
    const char* s = zip_get_name(archive_, zip_uint64_t(i), 0);
    if (!s) return std::nullopt;
    return std::string(s);
}

// The second thread of a big part: it inflates up to `queued` chunks ahead
// and the reader takes them in order, so memory stays bounded. Buffers
// handed back are reused (no fresh pages per chunk).
struct ZipArchive::PartReader::Prefetch {
    static constexpr std::size_t chunk = 1 << 18;
    static constexpr std::size_t queued = 8;
    std::mutex m;
    std::condition_variable cv;
    std::deque<std::vector<char>> ready;
    std::vector<std::vector<char>> spare;
    bool done = false, cancelled = false;
    std::exception_ptr error;
    std::vector<char> current;  // the chunk being handed out (reader's side only)
    std::size_t taken = 0;
    std::thread producer;

    explicit Prefetch(PartReader& part) {
        producer = std::thread([this, &part] {
            try {
                for (;;) {
                    std::vector<char> buf;
                    {
                        std::lock_guard lock(m);
                        if (!spare.empty()) {
                            buf = std::move(spare.back());
                            spare.pop_back();
                        }
                    }
                    buf.resize(chunk);
                    std::size_t n = part.inflate(buf.data(), buf.size());
                    if (n == 0) break;
                    buf.resize(n);
                    std::unique_lock lock(m);
                    cv.wait(lock, [&] { return ready.size() < queued || cancelled; });
                    if (cancelled) break;
                    ready.push_back(std::move(buf));
                    cv.notify_all();
                }
            } catch (...) {
                std::lock_guard lock(m);
                error = std::current_exception();
            }
            std::lock_guard lock(m);
            done = true;
            cv.notify_all();
        });
    }
    // Whatever happens to the reader, the producer is stopped and joined.
    ~Prefetch() {
        {
            std::lock_guard lock(m);
            cancelled = true;
            cv.notify_all();
        }
        producer.join();
    }
};

ZipArchive::PartReader::PartReader(ZipArchive& archive, zip_file* file, std::string name, std::uint64_t declared)
    : archive_(archive), file_(file), name_(std::move(name)), declared_(declared),
      prefetch_wanted_(declared >= (std::uint64_t(4) << 20)) {}

ZipArchive::PartReader::PartReader(PartReader&& other) noexcept
    : archive_(other.archive_), file_(other.file_), name_(std::move(other.name_)),
      declared_(other.declared_), prefetch_wanted_(other.prefetch_wanted_), prefetch_(std::move(other.prefetch_)) {
    other.file_ = nullptr;
}

ZipArchive::PartReader::~PartReader() {
    prefetch_.reset();  // joins the producer before the file goes
    if (file_) zip_fclose(file_);
}

std::size_t ZipArchive::PartReader::inflate(char* buf, std::size_t size) {
    // The declared size is only a hint (it can lie); the budget is enforced
    // on what is actually inflated.
    zip_int64_t n = zip_fread(file_, buf, size);
    if (n < 0) {
        std::string why = zip_file_strerror(file_);
        throw ReadError(archive_.file_, "part " + name_ + ": damaged (" + why + ")");
    }
    archive_.used_bytes_ += std::uint64_t(n);
    if (archive_.used_bytes_ > archive_.max_bytes_)
        throw ReadError(archive_.file_, "part " + name_ + ": uncompressed size exceeds the limit of " +
                                            std::to_string(archive_.max_bytes_) + " bytes (--max-bytes to raise it)");
    return std::size_t(n);
}

std::size_t ZipArchive::PartReader::read(char* buf, std::size_t size) {
    if (!prefetch_wanted_) return inflate(buf, size);
    // Started here rather than when opened: the reader no longer moves.
    if (!prefetch_) prefetch_ = std::make_unique<Prefetch>(*this);
    return read_prefetched(buf, size);
}

std::size_t ZipArchive::PartReader::read_prefetched(char* buf, std::size_t size) {
    Prefetch& p = *prefetch_;
    if (p.taken == p.current.size()) {
        std::unique_lock lock(p.m);
        if (!p.current.empty()) p.spare.push_back(std::move(p.current));
        p.current.clear();
        p.taken = 0;
        p.cv.wait(lock, [&] { return !p.ready.empty() || p.done; });
        if (p.ready.empty()) {
            if (p.error) std::rethrow_exception(p.error);
            return 0;
        }
        p.current = std::move(p.ready.front());
        p.ready.pop_front();
        p.cv.notify_all();
    }
    const std::size_t n = std::min(size, p.current.size() - p.taken);
    std::memcpy(buf, p.current.data() + p.taken, n);
    p.taken += n;
    return n;
}

// The part's reader, or nothing when there is no such part.
std::optional<ZipArchive::PartReader> ZipArchive::open_part(const std::string& name) {
    auto stored = find_name(name);
    if (!stored) return std::nullopt;
    zip_int64_t index = zip_name_locate(archive_, stored->c_str(), 0);
    if (index < 0) return std::nullopt;
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat_index(archive_, zip_uint64_t(index), 0, &st) != 0)
        throw ReadError(file_, "part " + name + ": cannot read its zip entry");
    if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) && st.encryption_method != ZIP_EM_NONE)
        throw ReadError(file_, "password-protected (part " + name + " is encrypted)");
    zip_file_t* f = zip_fopen_index(archive_, zip_uint64_t(index), 0);
    if (!f) {
        std::string why = zip_strerror(archive_);
        throw ReadError(file_, "part " + name + ": cannot open (" + why + ")");
    }
    const std::uint64_t declared = (st.valid & ZIP_STAT_SIZE) ? st.size : 0;
    return PartReader(*this, f, name, declared);
}

ZipArchive::PartReader ZipArchive::open_required(const std::string& name) {
    auto part = open_part(name);
    if (!part) throw ReadError(file_, "missing part " + name);
    return std::move(*part);
}

std::optional<std::string> ZipArchive::read(const std::string& name) {
    auto part = open_part(name);
    if (!part) return std::nullopt;
    // Sized by the declared size (most parts of a tracker are a few KiB):
    // a fixed large chunk, zero-filled by resize(), cost more than the
    // inflating. Past the hint the buffer grows geometrically.
    constexpr std::size_t max_chunk = 1 << 18;
    std::string out;
    std::size_t chunk = std::max<std::size_t>(part->size_hint(max_chunk) + 1, 4096);
    for (;;) {
        const std::size_t had = out.size();
        out.resize(had + chunk);
        const std::size_t n = part->read(out.data() + had, chunk);
        out.resize(had + n);
        if (n == 0) return out;
        chunk = std::min(max_chunk, std::max(chunk, out.size()));
    }
}

std::string ZipArchive::read_required(const std::string& name) {
    auto part = read(name);
    if (!part) throw ReadError(file_, "missing part " + name);
    return std::move(*part);
}

}  // namespace plancon::detail
