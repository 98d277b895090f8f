// A small seeded generator whose draws are the same on every platform and
// standard library (std::uniform_int_distribution is not): splitmix64 to
// seed, xoshiro256** to draw, bounded draws by rejection.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace plancon::gen {

class Prng {
public:
    explicit Prng(std::uint64_t seed) {
        for (auto& word : s_) {
            seed += 0x9e3779b97f4a7c15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
            word = z ^ (z >> 31);
        }
    }
    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    // Uniform in [0, n); n > 0. Rejection keeps it unbiased.
    std::uint64_t below(std::uint64_t n) {
        const std::uint64_t limit = ~std::uint64_t(0) - (~std::uint64_t(0) % n);
        std::uint64_t x;
        do x = next(); while (x >= limit);
        return x % n;
    }
    int between(int lo, int hi) { return lo + int(below(std::uint64_t(hi - lo + 1))); }  // inclusive
    bool percent(int p) { return int(below(100)) < p; }  // true p times in 100
    template <class T> const T& pick(const std::vector<T>& v) { return v[std::size_t(below(v.size()))]; }
    template <class T> void shuffle(std::vector<T>& v) {
        for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[std::size_t(below(i))]);
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

}  // namespace plancon::gen
