// libFuzzer target: the layout recogniser and the stages after it that work
// in memory (normalise, reconcile). Decision: the grid comes from the
// readers (read_workbook_bytes) rather than from a hand-made decoding of the
// fuzz bytes, so the fuzzer sees grids exactly as real files produce them;
// the seeds are CSV tables (cheap to mutate into any grid) and .xlsx files.
// Then build_plan with the default profile, normalise_plan and reconcile,
// as `plancon consolidate` does for one input (the writers are left out:
// they touch the disk, and their limits are tested in tests/write).
#include "fuzz_read.hpp"
#include "plancon/layout.hpp"
#include "plancon/normalise.hpp"
#include "plancon/reconcile.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const plancon::Profile profile = plancon::default_profile();
    static const plancon::NormaliseOptions normalise_options;
    if (auto workbook = plancon::fuzz::read_fuzz_bytes("fuzz.csv", data, size)) {
        std::vector<plancon::Plan> plans(1, plancon::build_plan(*workbook, profile));
        (void)plancon::dump_plan(plans[0]);
        plancon::normalise_plan(plans[0], normalise_options);
        const plancon::Reconciliation reconciliation = plancon::reconcile(plans);
        (void)reconciliation;
    }
    return 0;
}
