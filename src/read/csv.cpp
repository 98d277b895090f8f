#include "read/readers.hpp"

namespace plancon::detail {

Workbook read_csv(const std::string& path, std::string, const ReadOptions&) {
    throw ReadError(path, ".csv files are not supported yet");
}

}  // namespace plancon::detail
