// The per-format readers behind read_workbook(). Only src/read/read.cpp
// chooses between them.
#pragma once

#include "plancon/read.hpp"

namespace plancon::detail {

Workbook read_xlsx(const std::string& path, std::string bytes, const ReadOptions& options);
Workbook read_ods(const std::string& path, std::string bytes, const ReadOptions& options);
Workbook read_xls(const std::string& path, std::string bytes, const ReadOptions& options);
Workbook read_csv(const std::string& path, std::string bytes, const ReadOptions& options);

}  // namespace plancon::detail
