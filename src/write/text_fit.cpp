#include "text_fit.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

namespace plancon::write_detail {

namespace {

// Printable ASCII from ' ' to '~': the wider of Carlito's (metric-compatible
// with Calibri) and DejaVu Sans's advance widths, each over its own "0" (so a
// digit is 100), rounded up; read from the fonts' hmtx tables.
constexpr std::uint8_t ascii_widths[95] = {
     50,  65,  80, 132, 100, 150, 135,  44,  62,  62,  99, 132,  50,  61,  50,  77,  // space ! " # $ % & ' ( ) * + , - . /
    100, 100, 100, 100, 100, 100, 100, 100, 100, 100,  53,  53, 132, 132, 132,  92,  // 0-9 : ; < = > ?
    177, 115, 108, 110, 122, 100,  91, 125, 123,  50,  63, 104,  88, 169, 128, 131,  // @ A-O
    102, 133, 110, 100,  97, 127, 112, 176, 108,  97, 108,  62,  77,  62, 132,  99,  // P-Z [ \ ] ^ _
     79,  97, 104,  87, 104,  99,  61, 100, 104,  46,  48,  92,  46, 158, 104, 105,  // ` a-o
    104, 104,  69,  82,  67, 104,  94, 142,  94,  94,  83, 100,  91, 100, 132,  // p-z { | } ~
};

// The widest character a byte: "@" among ASCII; a wider character (an em
// dash, 1.79; a CJK one, 2) takes three bytes or more.
constexpr std::uint32_t widest_per_byte = 177;
static_assert(*std::max_element(std::begin(ascii_widths), std::end(ascii_widths)) == widest_per_byte);
static_assert(2 * width_of_zero <= 3 * widest_per_byte && 179 <= 3 * widest_per_byte);

// The code point a UTF-8 sequence starting at text[i] encodes (U+FFFD for a
// malformed one); i is left on its last byte.
char32_t next_code_point(std::string_view text, std::size_t& i) {
    const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
    const unsigned char lead = byte(i);
    const int extra = lead >= 0xF0 ? 3 : lead >= 0xE0 ? 2 : lead >= 0xC0 ? 1 : 0;
    char32_t c = extra == 3 ? lead & 0x07 : extra == 2 ? lead & 0x0F : extra == 1 ? lead & 0x1F : lead;
    for (int k = 0; k < extra; ++k) {
        if (i + 1 >= text.size() || (byte(i + 1) & 0xC0) != 0x80) return 0xFFFD;
        c = (c << 6) | (byte(++i) & 0x3F);
    }
    return c;
}

}  // namespace

std::uint32_t character_width(char32_t c) {
    if (c >= 0x20 && c <= 0x7E) return ascii_widths[c - 0x20];
    // East Asian wide characters (Hangul, CJK, full-width forms) take two.
    if ((c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
        (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFF60) || c >= 0x20000)
        return 2 * width_of_zero;
    switch (c) {
        case 0x2014: return 179;                  // an em dash
        case 0x2018: case 0x2019: return 50;      // curly single quotes
        case 0x201C: case 0x201D: return 83;      // curly double quotes
        default: return width_of_zero;            // accented letters, "£", "€", "–": about a digit
    }
}

TextShape text_shape(std::string_view text) {
    TextShape shape;
    std::uint32_t word = 0, line = 0, whole_word = 0;  // whole_word: since the last space
    const std::uint32_t space = character_width(' ');
    bool line_has_word = false, glue = false;
    auto end_word = [&](bool at_space) {
        if (word > 0) {
            line += (line_has_word && !glue ? space : 0) + word;
            line_has_word = true;
            shape.words.push_back(word | (glue ? TextShape::glued : 0));
            glue = !at_space;
            word = 0;
        }
        if (at_space) {
            glue = false;
            shape.longest_word = std::max(shape.longest_word, double(whole_word) / width_of_zero);
            whole_word = 0;
        }
    };
    auto end_line = [&] {
        end_word(true);
        shape.longest_line = std::max(shape.longest_line, double(line) / width_of_zero);
        line = 0;
        line_has_word = false;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '\n') {
            end_line();
            shape.words.push_back(0);
        } else if (c == ' ' || c == '\t' || c == '\r') {
            end_word(true);
        } else {
            const std::uint32_t w = character_width(next_code_point(text, i));
            word += w;
            whole_word += w;
            if (c == '/' || c == '|' || c == '-') end_word(false);
        }
    }
    end_line();
    return shape;
}

namespace {
constexpr double padding = 0.3, estimate_margin = 0.97;  // see line_capacity
}

std::uint32_t line_capacity(double width) {
    return std::uint32_t(std::max(double(width_of_zero), std::floor((width - padding) * estimate_margin * width_of_zero)));
}

double width_to_hold(double units) {
    // A hundredth over, so the floor in line_capacity cannot take it back.
    return units / estimate_margin + padding + 0.01;
}

double at_most_units(std::string_view text) { return double(text.size()) * widest_per_byte / width_of_zero; }

bool surely_one_line(std::string_view text, double width) {
    return text.size() * std::uint64_t(widest_per_byte) <= line_capacity(width) && text.find('\n') == std::string_view::npos;
}

namespace {

// Greedy wrapping, as both applications do; `at_glue`: whether a line may
// break between glued parts of a word.
std::uint32_t wrap(const TextShape& shape, std::uint32_t capacity, bool at_glue) {
    std::uint32_t lines = 1, used = 0, pending = 0;  // pending: a word being joined from glued parts
    const std::uint32_t space = character_width(' ');
    auto place = [&](std::uint32_t word, bool spaced) {
        const std::uint32_t gap = used > 0 && spaced ? space : 0;
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
    const std::uint32_t capacity = line_capacity(width);
    return std::max(wrap(shape, capacity, false), wrap(shape, capacity, true));
}

}  // namespace plancon::write_detail
