// Atomic output: every file plancon writes appears whole or not at all. The
// writers use it, and so does anything else that writes a file (the CLI's
// `convert` and `profile`).
#pragma once

#include "plancon/diagnostics.hpp"

#include <functional>
#include <ostream>
#include <string>

namespace plancon {

// An output in two steps, for a run that writes several files and wants all
// of them or none: the constructor makes a temporary file beside `path`,
// the caller writes it (write_staged, or any writer given temp_path()), and
// commit() renames it over `path`. Destroyed uncommitted (a failure, an
// exception), it removes the temporary file and `path` is left as it was.
// Throws WriteError naming `path`.
class StagedFile {
public:
    explicit StagedFile(std::string path);
    ~StagedFile();
    StagedFile(const StagedFile&) = delete;
    StagedFile& operator=(const StagedFile&) = delete;
    const std::string& path() const { return path_; }
    const std::string& temp_path() const { return temp_; }
    void commit();

private:
    std::string path_, temp_;
    bool committed_ = false;
};

// Writes the staged file's temporary file through a stream (not committed).
void write_staged(StagedFile& file, const std::function<void(std::ostream&)>& produce);

// Write `path` atomically: `produce` writes into a temporary file in the same
// folder, which is renamed over `path` only when it succeeded. On any failure
// (an exception from produce, a full disk, an unwritable folder) the temporary
// file is removed, an existing `path` is left as it was, and WriteError is thrown.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& produce);
// Same for writers that need a file name (libxlsxwriter): produce(temp_path).
void write_atomically_to_path(const std::string& path, const std::function<void(const std::string& temp_path)>& produce);

}  // namespace plancon
