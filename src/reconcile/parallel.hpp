// Internal to the reconcile stage: independent work split over a few threads.
#pragma once

#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace plancon::reconcile_detail {

// The threads to use for n items: `requested` (0: one per core), but no more
// than leaves each at least min_per_thread items (starting a thread costs
// more than a few items of work).
inline unsigned thread_count(unsigned requested, std::size_t n, std::size_t min_per_thread) {
    unsigned threads = requested == 0 ? std::max(1u, std::thread::hardware_concurrency()) : requested;
    const std::size_t worth = std::max<std::size_t>(1, n / std::max<std::size_t>(1, min_per_thread));
    return static_cast<unsigned>(std::min<std::size_t>(threads, worth));
}

// Calls work(begin, end) on `threads` contiguous chunks of [0, n), the first
// on the calling thread, and returns when all are done. Each item's result
// must go to a slot of its own that the caller reads afterwards in item order:
// then nothing depends on which thread ran which chunk or finished first, and
// one thread gives the same result. An exception is rethrown after every
// chunk has stopped, the lowest chunk's first.
template <class Work>
void for_chunks(std::size_t n, unsigned threads, const Work& work) {
    threads = static_cast<unsigned>(std::clamp<std::size_t>(threads, 1, std::max<std::size_t>(1, n)));
    if (threads == 1) {
        if (n > 0) work(std::size_t{0}, n);
        return;
    }
    std::vector<std::exception_ptr> errors(threads);
    auto run = [&](unsigned chunk) {
        try {
            work(n * chunk / threads, n * (chunk + 1) / threads);
        } catch (...) {
            errors[chunk] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    pool.reserve(threads - 1);
    try {
        for (unsigned chunk = 1; chunk < threads; ++chunk) pool.emplace_back(run, chunk);
    } catch (...) {
        // No thread to be had: the chunks not started run here.
        for (unsigned chunk = static_cast<unsigned>(pool.size()) + 1; chunk < threads; ++chunk) run(chunk);
    }
    run(0);
    for (auto& t : pool) t.join();
    for (const auto& e : errors)
        if (e) std::rethrow_exception(e);
}

}  // namespace plancon::reconcile_detail
