// The configuration every test reads: the templates of this source tree,
// loaded once (whatever PLANCON_TEMPLATES says in the environment).
#pragma once

#include "plancon/config.hpp"

namespace plancon::test {

inline const Config& test_config() {
    static const Config config = load_config({std::filesystem::path(PLANCON_SOURCE_DIR) / "templates", {}});
    return config;
}

// The test configuration with a user profile (given as text) read over it.
inline Config config_with_profile(const std::string& profile_text) {
    Config config = test_config();
    config.profile = merge_profiles(config.profile, parse_profile(profile_text, "test.profile"));
    return config;
}

}  // namespace plancon::test
