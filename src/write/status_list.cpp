#include "status_list.hpp"

#include "plancon/model.hpp"

#include <string>
#include <vector>

namespace plancon::write_detail {

lxw_error list_drop_down(lxw_worksheet* sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col,
                         std::vector<std::string> words, std::string error_title, std::string error_message) {
    // libxlsxwriter takes a null-terminated array of mutable C strings.
    std::vector<char*> list;
    for (auto& word : words) list.push_back(word.data());
    list.push_back(nullptr);
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = list.data();
    validation.ignore_blank = LXW_VALIDATION_ON;
    validation.error_title = error_title.data();
    validation.error_message = error_message.data();
    return worksheet_data_validation_range(sheet, first, col, last, col, &validation);
}

lxw_error status_drop_down(lxw_worksheet* sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col) {
    std::vector<std::string> vocabulary;
    for (Status s : {Status::NotStarted, Status::OnTrack, Status::Slippage, Status::OffTrack, Status::Overdue,
                     Status::Complete, Status::Cancelled})
        vocabulary.emplace_back(to_string(s));
    return list_drop_down(sheet, first, last, col, std::move(vocabulary), "Status", "Choose a status from the list.");
}

lxw_error decision_drop_down(lxw_worksheet* sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col) {
    return list_drop_down(sheet, first, last, col, {merge_word, keep_apart_word}, "Decision",
                          "Choose merge or keep apart, or leave it empty.");
}

}  // namespace plancon::write_detail
