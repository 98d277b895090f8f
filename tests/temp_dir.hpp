// A private folder under the temporary directory, removed with everything in
// it; shared by the tests that write files or point TMPDIR somewhere.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <string>

namespace plancon::test {

class TempDir {
public:
    explicit TempDir(const std::string& prefix = "plancon") {
        std::string pattern = (std::filesystem::temp_directory_path() / (prefix + "-XXXXXX")).string();
        if (!mkdtemp(pattern.data())) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ignored;
        // A test may have made it unwritable (a full disk simulated).
        std::filesystem::permissions(path_, std::filesystem::perms::owner_all, ignored);
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string operator/(const std::string& name) const { return path_ + "/" + name; }
    const std::string& path() const { return path_; }
    // Writes a file in the folder and returns its path.
    std::string file(const std::string& name, const std::string& content) const {
        const std::string p = *this / name;
        std::ofstream out(p, std::ios::binary);
        out << content;
        if (!out) throw std::runtime_error("cannot write " + p);
        return p;
    }

private:
    std::string path_;
};

}  // namespace plancon::test
