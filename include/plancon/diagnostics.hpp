// Diagnostics: where a thing came from, the warnings every stage raises,
// the one error type every stage throws and the writers' WriteError. The
// bottom of the house: every stage reports through these, so a reader's
// warning reaches the Issues sheet in the same shape, and every error is one
// line naming the file, the place and the problem.
#pragma once

#include <atomic>
#include <compare>
#include <cstdint>
#include <ostream>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>

namespace plancon {

// A text many values carry, kept once and shared by every copy: each row,
// action, copy and conflict of a tracker names its file and sheet, and a run
// of ten thousand trackers holds millions of copies of the names. One
// pointer wide (a std::string is four), copied by counting. Reads as the
// std::string it holds; the empty text holds nothing.
class SharedText {
public:
    SharedText() = default;
    SharedText(std::string text) : block_(text.empty() ? nullptr : new Block{{1}, std::move(text)}) {}
    SharedText(const char* text) : SharedText(std::string(text)) {}
    SharedText(std::string_view text) : SharedText(std::string(text)) {}
    SharedText(const SharedText& other) noexcept : block_(other.block_) {
        if (block_) block_->refs.fetch_add(1, std::memory_order_relaxed);
    }
    SharedText(SharedText&& other) noexcept : block_(std::exchange(other.block_, nullptr)) {}
    SharedText& operator=(SharedText other) noexcept {
        std::swap(block_, other.block_);
        return *this;
    }
    ~SharedText() {
        if (block_ && block_->refs.fetch_sub(1, std::memory_order_acq_rel) == 1) delete block_;
    }

    const std::string& str() const { return block_ ? block_->text : none(); }
    operator const std::string&() const { return str(); }
    operator std::string_view() const { return str(); }
    bool empty() const { return !block_; }
    std::size_t size() const { return str().size(); }
    const char* c_str() const { return str().c_str(); }

    friend bool operator==(const SharedText& a, const SharedText& b) { return a.block_ == b.block_ || a.str() == b.str(); }
    friend bool operator==(const SharedText& a, const std::string& b) { return a.str() == b; }
    friend bool operator==(const SharedText& a, std::string_view b) { return a.str() == b; }
    friend bool operator==(const SharedText& a, const char* b) { return a.str() == b; }
    friend std::strong_ordering operator<=>(const SharedText& a, const SharedText& b) {
        return a.block_ == b.block_ ? std::strong_ordering::equal : a.str() <=> b.str();
    }
    friend std::strong_ordering operator<=>(const SharedText& a, const std::string& b) { return a.str() <=> b; }
    friend std::string operator+(const SharedText& a, const std::string& b) { return a.str() + b; }
    friend std::string operator+(const std::string& a, const SharedText& b) { return a + b.str(); }
    friend std::string operator+(const SharedText& a, const char* b) { return a.str() + b; }
    friend std::string operator+(const char* a, const SharedText& b) { return a + b.str(); }
    friend std::ostream& operator<<(std::ostream& out, const SharedText& t) { return out << t.str(); }

private:
    struct Block {
        std::atomic<std::size_t> refs;  // copies are made and dropped on several threads
        const std::string text;
    };
    static const std::string& none() {
        static const std::string empty;
        return empty;
    }
    Block* block_ = nullptr;
};

// One SharedText per distinct text, for values that repeat across many
// records (a member's service, a score's explanation, a conflicting status):
// each is kept once however often it is given. One pool is for one thread.
class SharedTextPool {
public:
    SharedText operator()(std::string_view text) {
        if (text.empty()) return {};
        if (auto it = texts_.find(text); it != texts_.end()) return it->second;
        SharedText shared(text);
        texts_.emplace(std::string_view(shared.str()), shared);  // the key views the text the pool holds
        return shared;
    }

private:
    std::unordered_map<std::string_view, SharedText> texts_;
};

// Where a thing came from. row is 1-based, as a user sees it; 0 when the
// thing concerns a whole sheet (sheet set) or a whole file (sheet empty).
struct Provenance {
    SharedText file;    // as given on the command line; shared by the file's every provenance
    SharedText sheet;   // shared by the sheet's every provenance
    std::uint32_t row = 0;
    friend bool operator==(const Provenance&, const Provenance&) = default;
};
std::string to_string(const Provenance& p);  // "file|sheet|row"

// "sheet 'Plan' row 4", "sheet 'Plan'", or "" for a whole file.
std::string place_name(const Provenance& p);

// Something read but doubtful, or not read: one line, at its source.
struct Warning {
    Provenance source;
    std::string message;
};
// "FILE: sheet 'Plan' row 4: message", the one shape a warning is shown in.
std::string to_string(const Warning& w);

// Text quoted in a message (a sheet name, a bad value) with its control
// characters escaped ("\n", "\x01"), so the message stays one line whatever
// the file holds.
std::string escape_control_characters(std::string_view text);

// The one base of every error plancon throws. what() is "FILE: PROBLEM",
// where PROBLEM names the place first when there is one ("line 4: ...",
// "sheet 'Plan' cell B4: ..."); always one line.
class Error : public std::runtime_error {
public:
    Error(std::string file, std::string problem)
        : std::runtime_error(escape_control_characters(file) + ": " + escape_control_characters(problem)),
          file_(std::move(file)), problem_(escape_control_characters(problem)) {}
    const std::string& file() const { return file_; }
    const std::string& problem() const { return problem_; }

private:
    std::string file_;
    std::string problem_;
};

// A small text file a user gives or edits (a template, a profile, a
// decisions file), read whole. Nothing when it cannot be, with `problem` in
// words for an Error naming the file: "cannot open the WHAT: No such file or
// directory", "the WHAT is a folder, not a file", "the WHAT is larger than
// 4 MiB; is it the right file?".
std::optional<std::string> read_small_file(const std::string& path, std::string_view what, std::string& problem,
                                           std::uintmax_t limit = std::numeric_limits<std::uintmax_t>::max());

// An output that could not be written (write.hpp, sheet_export.hpp). what()
// is "FILE: problem"; the file named is the output, and it was left as it was.
class WriteError : public Error {
public:
    using Error::Error;
};

}  // namespace plancon
