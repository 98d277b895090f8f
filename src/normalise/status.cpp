// Status: RAG colours, words and percentages brought to one vocabulary.
// The words live in templates/status.tsv so a service's own terms can be
// added without a rebuild.
#include "plancon/normalise.hpp"
#include "normalise/text_util.hpp"

#include <charconv>
#include <fstream>

namespace plancon {

using detail::trim;

namespace {

std::optional<Status> status_named(std::string_view name) {
    for (Status s : {Status::NotStarted, Status::OnTrack, Status::Slippage, Status::OffTrack, Status::Overdue,
                     Status::Complete, Status::Cancelled})
        if (detail::iequals(to_string(s), name)) return s;
    return std::nullopt;
}

bool word_boundary(std::string_view text, std::size_t pos) { return pos == 0 || pos >= text.size() || text[pos] == ' '; }

}  // namespace

void StatusVocabulary::add(std::string words, Status status) {
    entries_.emplace_back(fold_for_matching(words), status);
}

std::optional<Status> StatusVocabulary::find_exact(std::string_view folded) const {
    for (const auto& [words, status] : entries_)
        if (words == folded) return status;
    return std::nullopt;
}

std::optional<Status> StatusVocabulary::find_in(std::string_view folded) const {
    // Word starts left to right; at each the longest phrase wins, so "not on track"
    // beats "on track" and "not started" beats "started".
    // A phrase after "not"/"no" is negated ("not complete") and says nothing
    // we can map, unless the vocabulary has the negated phrase itself.
    for (std::size_t pos = 0; pos < folded.size(); ++pos) {
        if (!(pos == 0 || folded[pos - 1] == ' ')) continue;
        const bool negated = (pos >= 4 && folded.compare(pos - 4, 4, "not ") == 0 && (pos == 4 || folded[pos - 5] == ' ')) ||
                             (pos >= 3 && folded.compare(pos - 3, 3, "no ") == 0 && (pos == 3 || folded[pos - 4] == ' '));
        if (negated) continue;
        std::size_t best = 0;
        std::optional<Status> found;
        for (const auto& [words, status] : entries_) {
            if (words.size() < 2 || words.size() <= best) continue;  // "r", "a", "g" only on their own
            if (folded.compare(pos, words.size(), words) == 0 && word_boundary(folded, pos + words.size())) {
                best = words.size();
                found = status;
            }
        }
        if (found) return found;
    }
    return std::nullopt;
}

StatusVocabulary load_status_vocabulary(const std::filesystem::path& path) {
    StatusVocabulary vocabulary;
    detail::for_each_template_record(path, "status vocabulary", 2, "WORDS<TAB>Status",
                                     [&](const std::vector<std::string_view>& f, const std::string& where) {
        const std::string_view words = f[0], name = f[1];
        const auto status = status_named(name);
        if (!status)
            throw TemplateError(where + "unknown status \"" + std::string(name) +
                                "\" (use Not started, On track, Slippage, Off track, Overdue, Complete or Cancelled)");
        if (fold_for_matching(words).empty()) throw TemplateError(where + "no words before the tab");
        if (vocabulary.find_exact(fold_for_matching(words)))
            throw TemplateError(where + "\"" + std::string(words) + "\" given twice");
        vocabulary.add(std::string(words), *status);
    });
    return vocabulary;
}

const StatusVocabulary& default_status_vocabulary() {
    static const StatusVocabulary vocabulary =
        load_status_vocabulary(std::filesystem::path(PLANCON_TEMPLATES_DIR) / "status.tsv");
    return vocabulary;
}

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

Status parse_status(std::string_view status_cell, std::optional<double> percent) {
    return parse_status(status_cell, percent, default_status_vocabulary());
}

}  // namespace plancon
