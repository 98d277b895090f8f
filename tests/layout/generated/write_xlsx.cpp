// .xlsx through libxlsxwriter: typed cells, number formats for dates and
// percentages, formulas with cached results, merged ranges.
#include "layout/generated/writers.hpp"

#include <xlsxwriter.h>

#include <map>
#include <stdexcept>

namespace plancon::gen {

void write_xlsx(const GeneratedTracker& t, const std::string& path) {
    lxw_workbook* wb = workbook_new(path.c_str());
    if (!wb) throw std::runtime_error("libxlsxwriter cannot create " + path);
    std::map<std::pair<std::string, bool>, lxw_format*> formats;
    auto format_for = [&](const std::string& code, bool wrap) -> lxw_format* {
        if (code.empty() && !wrap) return nullptr;
        auto& f = formats[{code, wrap}];
        if (!f) {
            f = workbook_add_format(wb);
            if (!code.empty()) format_set_num_format(f, code.c_str());
            if (wrap) format_set_text_wrap(f);
        }
        return f;
    };
    for (const GenSheet& sheet : t.sheets) {
        lxw_worksheet* ws = workbook_add_worksheet(wb, sheet.name.c_str());
        if (!ws) {
            workbook_close(wb);
            throw std::runtime_error("libxlsxwriter refused sheet name " + sheet.name);
        }
        for (const Range& m : sheet.merges)
            worksheet_merge_range(ws, m.first.row, lxw_col_t(m.first.col), m.last.row, lxw_col_t(m.last.col), "", nullptr);
        for (std::size_t r = 0; r < sheet.rows.size(); ++r) {
            const auto row = lxw_row_t(r);
            for (const GenCell& c : sheet.rows[r].cells) {
                const auto col = lxw_col_t(c.col);
                lxw_format* f = format_for(c.format, c.type == GenCell::Type::Text && c.text.find('\n') != std::string::npos);
                switch (c.type) {
                    case GenCell::Type::Text: worksheet_write_string(ws, row, col, c.text.c_str(), f); break;
                    case GenCell::Type::Number:
                    case GenCell::Type::Date:
                    case GenCell::Type::DateTime: worksheet_write_number(ws, row, col, c.number, f); break;
                    case GenCell::Type::Boolean: worksheet_write_boolean(ws, row, col, c.number != 0, f); break;
                    case GenCell::Type::Formula: {
                        const std::string formula = "=" + c.formula;
                        if (c.formula_text) worksheet_write_formula_str(ws, row, col, formula.c_str(), f, c.text.c_str());
                        else worksheet_write_formula_num(ws, row, col, formula.c_str(), f, c.number);
                        break;
                    }
                }
            }
        }
    }
    if (workbook_close(wb) != LXW_NO_ERROR) throw std::runtime_error("libxlsxwriter cannot write " + path);
}

}  // namespace plancon::gen
