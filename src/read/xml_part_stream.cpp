#include "read/xml_part_stream.hpp"

namespace plancon::detail {

XmlScanner::Event XmlPartStream::next() {
    for (;;) {
        const XmlScanner::Event ev = scanner_.next();
        if (ev != XmlScanner::Event::NeedMore) return ev;
        const std::size_t keep_from = scanner_.offset();
        buffer_.erase(0, keep_from);
        dropped_ += keep_from;
        const std::size_t had = buffer_.size();
        buffer_.resize(had + chunk_bytes_);
        const std::size_t got = part_.read(buffer_.data() + had, chunk_bytes_);
        buffer_.resize(had + got);
        // A full chunk: the part goes on (longer than a chunk, or than it
        // declared). Chunks grow to the cap, so a long token in a part that
        // declared little is not rescanned once per small chunk.
        if (got == chunk_bytes_) chunk_bytes_ = std::min(max_chunk_bytes, chunk_bytes_ * 2);
        scanner_.rebind(buffer_, got != 0);
    }
}

std::string XmlPartStream::malformed(const XmlError& e) const {
    return "malformed XML at byte " + std::to_string(dropped_ + e.offset()) + ": " + e.problem();
}

}  // namespace plancon::detail
