// Status: RAG colours, words and percentages brought to one vocabulary
// (the words: templates/status.tsv, loaded with the configuration).
#include "plancon/values.hpp"
#include "plancon/text.hpp"

#include <charconv>

namespace plancon {

std::optional<double> parse_percent(std::string_view cell, bool cell_is_fraction) {
    const std::string text = normalise_text(cell);
    std::string_view t = trim(text);
    bool has_percent_sign = false;
    if (!t.empty() && t.back() == '%') {
        has_percent_sign = true;
        t = trim(t.substr(0, t.size() - 1));
    }
    if (t.empty() || t.size() > 32) return std::nullopt;
    double value = 0;
    const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
    if (ec != std::errc() || end != t.data() + t.size() || value != value) return std::nullopt;
    if (!has_percent_sign && (cell_is_fraction || (t.find('.') != std::string_view::npos && value <= 1.0)))
        value *= 100.0;
    if (value < 0.0 || value > 100.0) return std::nullopt;
    return value;
}

Status parse_status(std::string_view status_cell, std::optional<double> percent, const StatusVocabulary& vocabulary) {
    const std::string folded = fold_for_matching(status_cell);
    // A status cell gives a percentage only with its sign: "75%", not "3".
    if (!percent && status_cell.find('%') != std::string_view::npos) percent = parse_percent(status_cell);
    Status status = Status::Unknown;
    if (auto s = vocabulary.find_exact(folded)) status = *s;
    else if (auto s2 = vocabulary.find_in(folded)) status = *s2;
    // 100% done is complete unless the words say something else than "on track".
    if (percent && *percent >= 99.9995 && (status == Status::Unknown || status == Status::OnTrack))
        status = Status::Complete;
    return status;
}

}  // namespace plancon
