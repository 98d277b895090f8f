// The links free text makes to improvement actions and numbered items.
#include "plancon/text.hpp"
#include "plancon/values.hpp"

#include <algorithm>

namespace plancon {

namespace {

std::size_t skip_spaces(std::string_view s, std::size_t i) {
    while (i < s.size() && s[i] == ' ') ++i;
    return i;
}

std::size_t digit_end(std::string_view s, std::size_t i) {
    while (i < s.size() && is_digit(s[i])) ++i;
    return i;
}

bool starts_word(std::string_view s, std::size_t pos, std::string_view word) {
    if (s.compare(pos, word.size(), word) != 0) return false;
    if (pos > 0 && is_alpha(s[pos - 1])) return false;
    return true;
}

void add_link(std::vector<Link>& links, std::string target, std::string as_written) {
    for (const Link& l : links)
        if (l.target == target) return;
    links.push_back({std::move(target), std::move(as_written)});
}

}  // namespace

std::vector<Link> find_links(std::string_view raw) {
    const std::string text = normalise_text(raw);
    std::string flat = text;
    std::replace(flat.begin(), flat.end(), '\n', ' ');
    const std::string low = lower_ascii(flat);  // same byte offsets as flat
    std::vector<Link> links;
    for (std::size_t pos = 0; pos < low.size(); ++pos) {
        // "Improvement Action 2", "Improvement Actions 4 and 5", "Improvement Action 1, 2 and 3"
        if (starts_word(low, pos, "improvement action")) {
            std::size_t i = pos + 18;
            if (i < low.size() && low[i] == 's') ++i;
            std::vector<std::string> numbers;
            std::size_t phrase_end = i;
            for (;;) {
                std::size_t j = skip_spaces(low, i);
                const std::size_t n_end = digit_end(low, j);
                if (n_end == j || (n_end < low.size() && is_alpha(low[n_end]))) break;
                numbers.emplace_back(low.substr(j, n_end - j));
                phrase_end = n_end;
                j = skip_spaces(low, n_end);
                // A range: "Improvement Actions 1-3", "1 to 3".
                std::size_t range_start = std::string::npos;
                if (j < low.size() && low[j] == '-') range_start = skip_spaces(low, j + 1);
                else if (low.compare(j, 3, "to ") == 0) range_start = skip_spaces(low, j + 3);
                if (range_start != std::string::npos) {
                    const std::size_t r_end = digit_end(low, range_start);
                    if (r_end > range_start && r_end - range_start <= 3 && numbers.back().size() <= 3 &&
                        (r_end >= low.size() || !is_alpha(low[r_end]))) {
                        const int from = std::stoi(numbers.back());
                        const int to = std::stoi(std::string(low.substr(range_start, r_end - range_start)));
                        if (to > from && to - from <= 20) {
                            for (int n = from + 1; n <= to; ++n) numbers.push_back(std::to_string(n));
                            phrase_end = r_end;
                            j = skip_spaces(low, r_end);
                        }
                    }
                }
                if (j < low.size() && (low[j] == ',' || low[j] == '&')) i = j + 1;
                else if (low.compare(j, 4, "and ") == 0) i = j + 3;
                else if (low.compare(j, 3, "or ") == 0) i = j + 2;
                else break;
            }
            const std::string as_written = flat.substr(pos, phrase_end - pos);
            for (const std::string& n : numbers) add_link(links, "Improvement Action " + n, as_written);
            pos = phrase_end > pos ? phrase_end - 1 : pos;
            continue;
        }
        // "see 2.3", "see section 2.3", "(see para 4.1)"
        if (starts_word(low, pos, "see ")) {
            std::size_t j = skip_spaces(low, pos + 4);
            for (std::string_view w : {"section ", "paragraph ", "para ", "item ", "action "})
                if (low.compare(j, w.size(), w) == 0) {
                    j = skip_spaces(low, j + w.size());
                    break;
                }
            std::size_t end = digit_end(low, j);
            if (end == j) continue;
            while (end + 1 < low.size() && low[end] == '.' && is_digit(low[end + 1])) end = digit_end(low, end + 1);
            if (end < low.size() && is_alpha(low[end])) continue;  // "see 3rd"
            add_link(links, flat.substr(j, end - j), flat.substr(pos, end - pos));
            pos = end - 1;
        }
    }
    return links;
}

}  // namespace plancon
