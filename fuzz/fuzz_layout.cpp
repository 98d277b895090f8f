// libFuzzer target: the layout recogniser and the stages after it that work
// in memory (normalise, reconcile). Decision: the grid comes from the
// readers (read_workbook_bytes) rather than from a hand-made decoding of the
// fuzz bytes, so the fuzzer sees grids exactly as real files produce them;
// the seeds are CSV tables (cheap to mutate into any grid) and .xlsx files.
// Then the library's plan_workbook (layout + normalise) and reconcile, as
// `plancon consolidate` does for one input (the writers are left out: they
// touch the disk, and their limits are tested in tests/write).
#include "fuzz_read.hpp"
#include "plancon/pipeline.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const plancon::Config config = plancon::load_config();
    if (auto workbook = plancon::fuzz::read_fuzz_bytes("fuzz.csv", data, size)) {
        std::vector<plancon::Plan> plans(1, plancon::plan_workbook(*workbook, config));
        (void)plancon::dump_plan(plans[0]);
        const plancon::Reconciliation reconciliation = plancon::reconcile(plans, config);
        (void)reconciliation;
    }
    return 0;
}
