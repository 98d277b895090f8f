#include "read/readers.hpp"

namespace plancon::detail {

Workbook read_xls(const std::string& path, std::string, const ReadOptions&) {
    throw ReadError(path, ".xls files are not supported yet");
}

}  // namespace plancon::detail
