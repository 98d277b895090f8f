#include "text_fit.hpp"

#include <algorithm>
#include <cmath>

namespace plancon::write_detail {

TextShape text_shape(std::string_view text) {
    TextShape shape;
    std::uint32_t word = 0, line = 0, whole_word = 0;  // whole_word: since the last space
    bool line_has_word = false, glue = false;
    auto end_word = [&](bool at_space) {
        if (word > 0) {
            line += (line_has_word && !glue ? 1 : 0) + word;
            line_has_word = true;
            shape.words.push_back(word | (glue ? TextShape::glued : 0));
            glue = !at_space;
            word = 0;
        }
        if (at_space) {
            glue = false;
            shape.longest_word = std::max(shape.longest_word, whole_word);
            whole_word = 0;
        }
    };
    auto end_line = [&] {
        end_word(true);
        shape.longest_line = std::max(shape.longest_line, line);
        line = 0;
        line_has_word = false;
    };
    for (char c : text) {
        if ((static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte
        if (c == '\n') {
            end_line();
            shape.words.push_back(0);
        } else if (c == ' ' || c == '\t' || c == '\r') {
            end_word(true);
        } else {
            ++word;
            ++whole_word;
            if (c == '/' || c == '|' || c == '-') end_word(false);
        }
    }
    end_line();
    return shape;
}

std::uint32_t characters_per_line(double width) {
    return std::uint32_t(std::max(1.0, std::floor(width - 1)));
}

namespace {

// Greedy wrapping, as both applications do; `at_glue`: whether a line may
// break between glued parts of a word.
std::uint32_t wrap(const TextShape& shape, std::uint32_t capacity, bool at_glue) {
    std::uint32_t lines = 1, used = 0, pending = 0;  // pending: a word being joined from glued parts
    auto place = [&](std::uint32_t word, bool spaced) {
        const std::uint32_t gap = used > 0 && spaced ? 1 : 0;
        if (used + gap + word <= capacity) {
            used += gap + word;
            return;
        }
        if (used > 0) ++lines;           // the word starts a new line
        lines += (word - 1) / capacity;  // a word longer than a line runs over several
        used = word - (word - 1) / capacity * capacity;
    };
    bool pending_spaced = true;
    for (std::uint32_t entry : shape.words) {
        const bool glued = entry & TextShape::glued;
        const std::uint32_t word = entry & ~TextShape::glued;
        if (!at_glue && glued) {
            pending += word;
            continue;
        }
        if (pending > 0) place(pending, pending_spaced);
        pending = 0;
        if (word == 0) {  // a line break
            ++lines;
            used = 0;
            continue;
        }
        if (at_glue) {
            place(word, !glued);
        } else {
            pending = word;
            pending_spaced = true;
        }
    }
    if (pending > 0) place(pending, pending_spaced);
    return lines;
}

}  // namespace

std::uint32_t wrapped_lines(const TextShape& shape, double width) {
    const std::uint32_t capacity = characters_per_line(width);
    return std::max(wrap(shape, capacity, false), wrap(shape, capacity, true));
}

}  // namespace plancon::write_detail
