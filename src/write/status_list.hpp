// Drop-downs for the cells an officer edits: the status vocabulary (the
// consolidated workbook's Actions and the return templates) and the decision
// on a possible duplicate (the consolidated workbook's Duplicates).
#pragma once

#include <xlsxwriter.h>

#include <string>
#include <vector>

namespace plancon::write_detail {

// Cells first..last of column `col` accept only one of `words` or nothing;
// anything else is refused with `error_title` / `error_message`.
lxw_error list_drop_down(lxw_worksheet* sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col,
                         std::vector<std::string> words, std::string error_title, std::string error_message);

// Cells first..last of column `col` accept only a status ("Not started",
// "On track", ... "Cancelled") or nothing; anything else is refused with
// "Choose a status from the list."
lxw_error status_drop_down(lxw_worksheet* sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col);

// The words of the Duplicates sheet's Decision column, as the reader of a
// reviewed workbook takes them back (pipeline's load_decisions_any).
inline const char* const merge_word = "merge";
inline const char* const keep_apart_word = "keep apart";

// Cells first..last of column `col` accept only "merge", "keep apart" or nothing.
lxw_error decision_drop_down(lxw_worksheet* sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col);

}  // namespace plancon::write_detail
