// The one place the layout-quality tests call the library: read a file, find
// its layout, normalise (plancon::plan_workbook, as consolidate does).
#pragma once

#include "plancon/pipeline.hpp"
#include "test_config.hpp"

#include <string>

namespace plancon::test {

struct FileReading {
    Workbook workbook;
    Plan plan;  // after normalise_plan
};

inline FileReading plan_of_file(const std::string& path) {
    FileReading out;
    out.workbook = read_workbook(path);
    out.plan = plan_workbook(out.workbook, test_config());
    return out;
}

}  // namespace plancon::test
