#include "plancon/atomic_file.hpp"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>
#include <sys/stat.h>
#include <unistd.h>

namespace plancon {

namespace {

std::string folder_of(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? std::string(".") : path.substr(0, slash == 0 ? 1 : slash);
}

std::string base_of(const std::string& path) {
    auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
}

// A unique temporary name beside the target, created empty so no one else takes it.
std::string make_temp_beside(const std::string& path) {
    std::string pattern = folder_of(path) + "/." + base_of(path) + ".XXXXXX";
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    int fd = mkstemp(buf.data());
    if (fd < 0) throw WriteError(path, "cannot create a file in " + folder_of(path) + ": " + std::strerror(errno));
    close(fd);
    return std::string(buf.data());
}

}  // namespace

StagedFile::StagedFile(std::string path) : path_(std::move(path)), temp_(make_temp_beside(path_)) {}

StagedFile::~StagedFile() {
    if (!committed_) std::remove(temp_.c_str());
}

void StagedFile::commit() {
    // mkstemp makes the file private (0600); give it the mode any new file gets.
    mode_t mask = umask(0);
    umask(mask);
    chmod(temp_.c_str(), 0666 & ~mask);
    if (std::rename(temp_.c_str(), path_.c_str()) != 0)
        throw WriteError(path_, std::string("cannot replace: ") + std::strerror(errno));  // the destructor removes temp_
    committed_ = true;
}

void write_staged(StagedFile& file, const std::function<void(std::ostream&)>& produce) {
    const std::string& path = file.path();
    std::ofstream out(file.temp_path(), std::ios::binary | std::ios::trunc);
    if (!out) throw WriteError(path, "cannot write " + file.temp_path() + ": " + std::strerror(errno));
    produce(out);
    out.flush();
    if (!out) throw WriteError(path, "write failed (disk full?)");
    out.close();
    if (!out) throw WriteError(path, "write failed on close (disk full?)");
}

void write_atomically_to_path(const std::string& path, const std::function<void(const std::string&)>& produce) {
    StagedFile file(path);
    produce(file.temp_path());
    file.commit();
}

void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& produce) {
    StagedFile file(path);
    write_staged(file, produce);
    file.commit();
}

}  // namespace plancon
