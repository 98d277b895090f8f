// An XML part of a zip package scanned as it is inflated: the one way the
// big parts (.xlsx worksheets, .ods content.xml) are read. The buffer holds
// what the scanner has not yet consumed (one chunk, or one tag or text run
// being completed), so memory does not grow with the part. Views the scanner
// gives last until the next call of next(): whatever outlives an event is
// copied.
#pragma once

#include "read/xml_scanner.hpp"
#include "read/zip_archive.hpp"

#include <cstdint>
#include <string>

namespace plancon::detail {

class XmlPartStream {
public:
    explicit XmlPartStream(ZipArchive::PartReader part)
        : part_(std::move(part)), chunk_bytes_(std::max<std::size_t>(part_.size_hint(max_chunk_bytes) + 1, 4096)) {
        scanner_.rebind(buffer_, true);
    }
    XmlPartStream(const XmlPartStream&) = delete;
    XmlPartStream& operator=(const XmlPartStream&) = delete;

    // The next event, inflating more of the part when the scanner needs it:
    // never NeedMore. Throws XmlError (offsets in the scanner's buffer: add
    // dropped() for the part's) and ReadError (damaged part, budget spent).
    XmlScanner::Event next();

    XmlScanner& scanner() { return scanner_; }
    // Bytes of the part already dropped from the buffer.
    std::uint64_t dropped() const { return dropped_; }
    // "malformed XML at byte N: problem", N counted from the start of the
    // part (the scanner's offset is in its buffer).
    std::string malformed(const XmlError& e) const;
    // Gives the buffer's memory back (for an owner that stays alive after the end).
    void release() { std::string().swap(buffer_); }

private:
    // The first chunk is the part's declared size and a byte (its end seen
    // in one read), the size capped near 256 KiB: a small part is not given
    // (and zero-filled) a large buffer.
    static constexpr std::size_t max_chunk_bytes = std::size_t(1) << 18;
    ZipArchive::PartReader part_;
    std::size_t chunk_bytes_;
    std::string buffer_;
    XmlScanner scanner_{std::string_view()};
    std::uint64_t dropped_ = 0;
};

}  // namespace plancon::detail
