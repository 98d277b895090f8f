#include "read/zip_archive.hpp"

#include "plancon/read.hpp"

#include <zip.h>

#include <algorithm>
#include <cctype>
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

ZipArchive::PartReader::PartReader(ZipArchive& archive, zip_file* file, std::string name)
    : archive_(archive), file_(file), name_(std::move(name)) {}

ZipArchive::PartReader::PartReader(PartReader&& other) noexcept
    : archive_(other.archive_), file_(other.file_), name_(std::move(other.name_)) {
    other.file_ = nullptr;
}

ZipArchive::PartReader::~PartReader() {
    if (file_) zip_fclose(file_);
}

std::size_t ZipArchive::PartReader::read(char* buf, std::size_t size) {
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

// The part's reader and its stat, or nothing when there is no such part.
std::optional<std::pair<ZipArchive::PartReader, std::uint64_t>> ZipArchive::open_part(const std::string& name) {
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
    return std::make_pair(PartReader(*this, f, name), declared);
}

ZipArchive::PartReader ZipArchive::open_required(const std::string& name) {
    auto part = open_part(name);
    if (!part) throw ReadError(file_, "missing part " + name);
    return std::move(part->first);
}

bool ZipArchive::read_chunks(const std::string& name, const std::function<void(std::string_view, bool)>& sink) {
    auto part = open_part(name);
    if (!part) return false;
    PartReader& reader = part->first;
    auto inflate = [&](std::vector<char>& buf) -> std::size_t { return reader.read(buf.data(), buf.size()); };
    constexpr std::size_t chunk = 1 << 18;
    const bool big = part->second >= (std::uint64_t(4) << 20);
    if (!big) {
        std::vector<char> buf(chunk);
        while (std::size_t n = inflate(buf)) sink(std::string_view(buf.data(), n), false);
        sink(std::string_view(), true);
        return true;
    }
    // A big part is inflated on a second thread while the caller parses what
    // is already out: inflating takes about as long as parsing, so the two
    // overlap. At most `queued` chunks wait, so memory stays bounded.
    struct Pipe {
        std::mutex m;
        std::condition_variable cv;
        std::deque<std::vector<char>> ready;
        std::vector<std::vector<char>> spare;  // buffers handed back, reused (no fresh pages per chunk)
        bool done = false, cancelled = false;
        std::exception_ptr error;
    } pipe;
    constexpr std::size_t queued = 8;
    std::thread producer([&] {
        try {
            for (;;) {
                std::vector<char> buf;
                {
                    std::lock_guard lock(pipe.m);
                    if (!pipe.spare.empty()) {
                        buf = std::move(pipe.spare.back());
                        pipe.spare.pop_back();
                    }
                }
                buf.resize(chunk);
                std::size_t n = inflate(buf);
                if (n == 0) break;
                buf.resize(n);
                std::unique_lock lock(pipe.m);
                pipe.cv.wait(lock, [&] { return pipe.ready.size() < queued || pipe.cancelled; });
                if (pipe.cancelled) break;
                pipe.ready.push_back(std::move(buf));
                pipe.cv.notify_all();
            }
        } catch (...) {
            std::lock_guard lock(pipe.m);
            pipe.error = std::current_exception();
        }
        std::lock_guard lock(pipe.m);
        pipe.done = true;
        pipe.cv.notify_all();
    });
    // Whatever happens to the consumer, the producer is stopped and joined.
    struct Join {
        Pipe& p;
        std::thread& t;
        ~Join() {
            {
                std::lock_guard lock(p.m);
                p.cancelled = true;
                p.cv.notify_all();
            }
            t.join();
        }
    } join{pipe, producer};
    for (;;) {
        std::vector<char> buf;
        {
            std::unique_lock lock(pipe.m);
            pipe.cv.wait(lock, [&] { return !pipe.ready.empty() || pipe.done; });
            if (pipe.ready.empty()) {
                if (pipe.error) std::rethrow_exception(pipe.error);
                break;
            }
            buf = std::move(pipe.ready.front());
            pipe.ready.pop_front();
            pipe.cv.notify_all();
        }
        sink(std::string_view(buf.data(), buf.size()), false);
        std::lock_guard lock(pipe.m);
        pipe.spare.push_back(std::move(buf));
    }
    sink(std::string_view(), true);
    return true;
}

std::optional<std::string> ZipArchive::read(const std::string& name) {
    std::string out;
    if (!read_chunks(name, [&](std::string_view chunk, bool) { out.append(chunk); })) return std::nullopt;
    return out;
}

std::string ZipArchive::read_required(const std::string& name) {
    auto part = read(name);
    if (!part) throw ReadError(file_, "missing part " + name);
    return std::move(*part);
}

}  // namespace plancon::detail
