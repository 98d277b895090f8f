// Atomic output: every file plancon writes appears whole or not at all. The
// writers use it, and so does anything else that writes a file (the CLI's
// `convert` and `profile`).
#pragma once

#include "plancon/diagnostics.hpp"

#include <functional>
#include <ostream>
#include <string>

namespace plancon {

// Write `path` atomically: `produce` writes into a temporary file in the same
// folder, which is renamed over `path` only when it succeeded. On any failure
// (an exception from produce, a full disk, an unwritable folder) the temporary
// file is removed, an existing `path` is left as it was, and WriteError is thrown.
void write_atomically(const std::string& path, const std::function<void(std::ostream&)>& produce);
// Same for writers that need a file name (libxlsxwriter): produce(temp_path).
void write_atomically_to_path(const std::string& path, const std::function<void(const std::string& temp_path)>& produce);

}  // namespace plancon
