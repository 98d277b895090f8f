// What `plancon inspect` shows of one file.
#include "plancon/pipeline.hpp"

#include <new>

namespace plancon {

std::string inspect_file(const std::string& path, const Config& config, const InspectOptions& options) {
    try {
        const Workbook workbook = read_workbook(path, options.read);
        std::string out = describe_workbook(workbook);
        if (options.plan) out += describe_layout(build_plan(workbook, config, options.layout));
        return out;
    } catch (const std::bad_alloc&) {
        throw ReadError(path, "out of memory while reading");
    }
}

}  // namespace plancon
