#include "read/readers.hpp"

namespace plancon::detail {

Workbook read_ods(const std::string& path, std::string, const ReadOptions&) {
    throw ReadError(path, ".ods files are not supported yet");
}

}  // namespace plancon::detail
