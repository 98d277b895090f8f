// Whether this test binary runs under AddressSanitizer (PLANCON_SANITIZE
// builds): tests that limit a child's address space cannot run then.
#pragma once

namespace plancon::test {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool under_asan = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool under_asan = true;
#else
inline constexpr bool under_asan = false;
#endif
#else
inline constexpr bool under_asan = false;
#endif

}  // namespace plancon::test
