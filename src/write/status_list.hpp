// The status vocabulary as an Excel drop-down, for the two workbooks an
// officer edits: the consolidated workbook's Actions and the return templates.
#pragma once

#include <xlsxwriter.h>

namespace plancon::write_detail {

// Cells first..last of column `col` accept only a status ("Not started",
// "On track", ... "Cancelled") or nothing; anything else is refused with
// "Choose a status from the list."
lxw_error status_drop_down(lxw_worksheet* sheet, lxw_row_t first, lxw_row_t last, lxw_col_t col);

}  // namespace plancon::write_detail
