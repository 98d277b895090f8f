// Return templates, one .xlsx per service, pre-filled from the register.
#include "plancon/returns.hpp"

#include "plancon/atomic_file.hpp"
#include "plancon/text.hpp"

#include "output_common.hpp"
#include "status_list.hpp"

#include <xlsxwriter.h>

#include <filesystem>
#include <map>
#include <memory>

namespace plancon {

namespace {

constexpr lxw_row_t blank_rows_for_new_actions = 30;
constexpr const char* no_service = "No service";

lxw_datetime excel_date(const Date& d) {
    return {d.year, int(d.month), int(d.day), 0, 0, 0};
}

// One service's template.
class ReturnWriter {
public:
    ReturnWriter(const std::string& path, const std::string& temp, const std::string& service, Date as_of)
        : path_(path), service_(service), as_of_(as_of), book_(workbook_new(temp.c_str())) {
        if (!book_) throw WriteError(path_, "cannot start the workbook");
        sheet_ = workbook_add_worksheet(book_, "Return");
        if (!sheet_) fail(LXW_ERROR_MEMORY_MALLOC_FAILED);
        header_ = workbook_add_format(book_);
        format_set_bold(header_);
        format_set_text_wrap(header_);
        format_set_bg_color(header_, 0xD9E1F2);
        format_set_bottom(header_, LXW_BORDER_THIN);
        locked_ = workbook_add_format(book_);
        format_set_text_wrap(locked_);
        format_set_align(locked_, LXW_ALIGN_VERTICAL_TOP);
        format_set_bg_color(locked_, 0xF2F2F2);
        open_ = workbook_add_format(book_);
        format_set_text_wrap(open_);
        format_set_align(open_, LXW_ALIGN_VERTICAL_TOP);
        format_set_unlocked(open_);
        date_ = workbook_add_format(book_);
        format_set_num_format(date_, "dd/mm/yyyy");
        format_set_align(date_, LXW_ALIGN_VERTICAL_TOP);
        format_set_unlocked(date_);
        number_ = workbook_add_format(book_);
        format_set_num_format(number_, "0");
        format_set_align(number_, LXW_ALIGN_VERTICAL_TOP);
        format_set_unlocked(number_);
        instructions_ = workbook_add_format(book_);
        format_set_text_wrap(instructions_);
        format_set_align(instructions_, LXW_ALIGN_VERTICAL_TOP);
        format_set_bold(instructions_);
    }
    ~ReturnWriter() {
        if (book_) lxw_workbook_free(book_);
    }

    void write(const std::vector<const RegisterAction*>& actions) {
        const std::vector<std::pair<const char*, double>> columns = {
            {"Code", 14}, {"Action", 60}, {"Lead", 24}, {"Due", 12}, {"Status", 14}, {"% complete", 11},
            {return_progress_heading, 50}};
        for (lxw_col_t c = 0; c < columns.size(); ++c)
            check(worksheet_set_column(sheet_, c, c, columns[c].second, format_of(c)));
        const std::string instructions =
            service_ + ": quarterly return, as of " + write_detail::uk_date(as_of_) +
            ". For each action, update Lead, Due, Status and % complete (0-100) and write the progress made "
            "this quarter. Add new actions in the empty rows at the bottom, leaving Code empty. Code and "
            "Action cannot be changed: plancon reads this return back by its codes.";
        check(worksheet_merge_range(sheet_, 0, 0, 0, lxw_col_t(columns.size() - 1), instructions.c_str(), instructions_));
        check(worksheet_set_row(sheet_, 0, 48, nullptr));
        for (lxw_col_t c = 0; c < columns.size(); ++c) text(1, c, columns[c].first, header_);

        lxw_row_t row = 2;
        for (const RegisterAction* a : actions) {
            blank_row(row, 2);
            text(row, 0, a->code, locked_);
            text(row, 1, a->text, locked_);
            text(row, 2, a->leads, open_);
            if (const auto due = parse_iso_date(a->due)) {
                lxw_datetime when = excel_date(*due);
                check(worksheet_write_datetime(sheet_, row, 3, &when, date_));
            } else if (!a->due.empty()) {
                text(row, 3, a->due, date_);
            }
            if (!a->status.empty()) text(row, 4, a->status, open_);
            if (a->percent) check(worksheet_write_number(sheet_, row, 5, *a->percent, number_));
            ++row;
        }
        // Rows for new actions: the action typed in, the code left empty.
        const lxw_row_t last = row + blank_rows_for_new_actions - 1;
        for (lxw_row_t r = row; r <= last; ++r) blank_row(r, 0);
        validate(last);

        worksheet_freeze_panes(sheet_, 2, 0);
        check(worksheet_repeat_rows(sheet_, 1, 1));
        worksheet_set_landscape(sheet_);
        worksheet_set_paper(sheet_, 9);  // A4
        worksheet_fit_to_pages(sheet_, 1, 0);
        lxw_protection protection{};
        protection.format_columns = 1;
        protection.format_rows = 1;
        worksheet_protect(sheet_, nullptr, &protection);

        lxw_workbook* book = book_;
        book_ = nullptr;
        if (lxw_error e = workbook_close(book); e != LXW_NO_ERROR) throw WriteError(path_, lxw_strerror(e));
    }

private:
    // Each column's cells: Code locked; the rest open to the officer (Action
    // only in the rows for new actions: an existing action's is written locked).
    lxw_format* format_of(lxw_col_t col) const { return col == 0 ? locked_ : col == 3 ? date_ : col == 5 ? number_ : open_; }

    // Empty cells written with their column's format, so every application
    // (not only those that apply a column's format to empty cells) sees which
    // are open.
    void blank_row(lxw_row_t row, lxw_col_t from) {
        for (lxw_col_t c = from; c < 7; ++c) check(worksheet_write_blank(sheet_, row, c, format_of(c)));
    }

    void validate(lxw_row_t last) {
        check(write_detail::status_drop_down(sheet_, 2, last, 4));

        lxw_data_validation due{};
        due.validate = LXW_VALIDATION_TYPE_DATE;
        due.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        due.minimum_datetime = {2000, 1, 1, 0, 0, 0};
        due.maximum_datetime = {2099, 12, 31, 0, 0, 0};
        due.ignore_blank = LXW_VALIDATION_ON;
        std::string due_message = "A date, dd/mm/yyyy.";
        due.error_message = due_message.data();
        check(worksheet_data_validation_range(sheet_, 2, 3, last, 3, &due));

        lxw_data_validation percent{};
        percent.validate = LXW_VALIDATION_TYPE_DECIMAL;
        percent.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
        percent.minimum_number = 0;
        percent.maximum_number = 100;
        percent.ignore_blank = LXW_VALIDATION_ON;
        std::string percent_message = "A number from 0 to 100.";
        percent.error_message = percent_message.data();
        check(worksheet_data_validation_range(sheet_, 2, 5, last, 5, &percent));
    }

    void text(lxw_row_t row, lxw_col_t col, std::string_view value, lxw_format* format) {
        const std::string cell(write_detail::cut_to_utf16(value, 32767));
        check(worksheet_write_string(sheet_, row, col, cell.c_str(), format));
    }
    void check(lxw_error e) {
        if (e != LXW_NO_ERROR) fail(e);
    }
    [[noreturn]] void fail(lxw_error e) { throw WriteError(path_, lxw_strerror(e)); }

    std::string path_, service_;
    Date as_of_;
    lxw_workbook* book_;
    lxw_worksheet* sheet_ = nullptr;
    lxw_format *header_, *locked_, *open_, *date_, *number_, *instructions_;
};

}  // namespace

std::string return_file_name(const std::string& service) {
    std::string name;
    for (char c : service.empty() ? std::string(no_service) : service)
        name += (is_alpha(c) || is_digit(c) || c == ' ' || c == '-' || c == '&' || c == '\'' || (c & 0x80)) ? c : '_';
    return name + ".xlsx";
}

std::vector<std::string> write_return_templates(const std::string& dir, const std::vector<RegisterAction>& actions,
                                                const std::optional<Date>& as_of) {
    std::map<std::string, std::vector<const RegisterAction*>> by_service;
    for (const RegisterAction& a : actions) {
        if (!a.open()) continue;
        if (a.services.empty()) by_service[no_service].push_back(&a);
        for (const std::string& s : a.services) by_service[s].push_back(&a);
    }
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) throw WriteError(dir, "cannot make the folder: " + ec.message());
    const Date date = write_detail::resolve_as_of(as_of);
    std::vector<std::unique_ptr<StagedFile>> staged;
    std::vector<std::string> written;
    for (const auto& [service, list] : by_service) {
        const std::string path = (std::filesystem::path(dir) / return_file_name(service)).string();
        staged.push_back(std::make_unique<StagedFile>(path));
        ReturnWriter(path, staged.back()->temp_path(), service, date).write(list);
        written.push_back(path);
    }
    for (auto& file : staged) file->commit();
    return written;
}

}  // namespace plancon
