#include "read/readers.hpp"

namespace plancon::detail {

Workbook read_xlsx(const std::string& path, std::string, const ReadOptions&) {
    throw ReadError(path, ".xlsx files are not supported yet");
}

}  // namespace plancon::detail
