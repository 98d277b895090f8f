// libFuzzer target: the layout recogniser. Decision: the grid comes from the
// readers (read_workbook_bytes) rather than from a hand-made decoding of the
// fuzz bytes, so the fuzzer sees grids exactly as real files produce them;
// the seeds are CSV tables (cheap to mutate into any grid) and .xlsx files.
// Then build_plan with the default profile.
#include "fuzz_read.hpp"
#include "plancon/layout.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const plancon::Profile profile = plancon::default_profile();
    if (auto workbook = plancon::fuzz::read_fuzz_bytes("fuzz.csv", data, size)) {
        const plancon::Plan plan = plancon::build_plan(*workbook, profile);
        (void)plancon::dump_plan(plan);
    }
    return 0;
}
