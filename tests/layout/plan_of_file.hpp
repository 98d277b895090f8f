// The one place the layout-quality tests call the library: read a file, find
// its layout, normalise. When the layout engine's signatures change, only
// this function needs to follow.
#pragma once

#include "plancon/layout.hpp"
#include "plancon/normalise.hpp"
#include "plancon/read.hpp"

#include <string>

namespace plancon::test {

struct FileReading {
    Workbook workbook;
    Plan plan;  // after normalise_plan
};

inline FileReading plan_of_file(const std::string& path) {
    static const Profile profile = default_profile();
    static const NormaliseOptions options{};
    FileReading out;
    out.workbook = read_workbook(path);
    out.plan = build_plan(out.workbook, profile);
    normalise_plan(out.plan, options);
    return out;
}

}  // namespace plancon::test
