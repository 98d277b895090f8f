// The status vocabulary (templates/status.tsv): RAG colours and a service's
// own words brought to one set of statuses.
#include "plancon/config.hpp"
#include "config/template_table.hpp"

namespace plancon {

namespace {

std::optional<Status> status_named(std::string_view name) {
    for (Status s : {Status::NotStarted, Status::OnTrack, Status::Slippage, Status::OffTrack, Status::Overdue,
                     Status::Complete, Status::Cancelled})
        if (iequals(to_string(s), name)) return s;
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

StatusVocabulary parse_status_vocabulary(std::string_view text, const std::string& name) {
    StatusVocabulary vocabulary;
    config_detail::for_each_record(text, name, 2, "WORDS<TAB>Status",
                                   [&](const std::vector<std::string_view>& f, int line) {
        const std::string_view words = f[0], status_name = f[1];
        const auto status = status_named(status_name);
        if (!status)
            throw config_detail::line_error(name, line, "unknown status \"" + std::string(status_name) +
                                    "\" (use Not started, On track, Slippage, Off track, Overdue, Complete or Cancelled)");
        if (fold_for_matching(words).empty()) throw config_detail::line_error(name, line, "no words before the tab");
        if (vocabulary.find_exact(fold_for_matching(words)))
            throw config_detail::line_error(name, line, "\"" + std::string(words) + "\" given twice");
        vocabulary.add(std::string(words), *status);
    });
    return vocabulary;
}

}  // namespace plancon
