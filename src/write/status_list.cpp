#include "status_list.hpp"

#include "plancon/model.hpp"

#include <string>
#include <vector>

namespace plancon::write_detail {

lxw_error status_drop_down(lxw_worksheet* sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col) {
    std::vector<std::string> vocabulary;
    for (Status s : {Status::NotStarted, Status::OnTrack, Status::Slippage, Status::OffTrack, Status::Overdue,
                     Status::Complete, Status::Cancelled})
        vocabulary.emplace_back(to_string(s));
    std::vector<char*> list;
    for (auto& word : vocabulary) list.push_back(word.data());
    list.push_back(nullptr);
    lxw_data_validation validation{};
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = list.data();
    validation.ignore_blank = LXW_VALIDATION_ON;
    std::string error_title = "Status", error_message = "Choose a status from the list.";
    validation.error_title = error_title.data();
    validation.error_message = error_message.data();
    return worksheet_data_validation_range(sheet, first, col, last, col, &validation);
}

}  // namespace plancon::write_detail
