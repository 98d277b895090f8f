// The seeded grammar of tracker layouts: one seed, one GeneratedTracker,
// identical on every platform (see prng.hpp). Written from DOMAIN.md and the
// real trackers in ../shared/corpus/trackers, not from the layout engine.
#pragma once

#include "layout/generated/tracker.hpp"

#include <cstdint>

namespace plancon::gen {

GeneratedTracker generate_tracker(std::uint64_t seed);

}  // namespace plancon::gen
