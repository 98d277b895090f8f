// Builds small Workbooks in code for layout tests, the way a reader would
// leave them (cells sorted, strings pooled), without going through a file.
#pragma once

#include "plancon/grid.hpp"

#include <initializer_list>
#include <string>
#include <variant>

namespace plancon::test {

struct DateCell { double days; };  // days since 1899-12-30

class SheetBuilder {
public:
    SheetBuilder(Workbook& wb, std::string name) : wb_(wb) {
        wb_.sheets.emplace_back();
        index_ = wb_.sheets.size() - 1;
        sheet().name = std::move(name);
        sheet().strings = wb_.strings;
    }
    Sheet& sheet() { return wb_.sheets[index_]; }

    // Write texts into row (1-based) from column A; "" leaves a cell out.
    SheetBuilder& row(std::uint32_t row, std::initializer_list<std::string> texts) {
        std::uint32_t col = 0;
        for (const std::string& t : texts) {
            if (!t.empty()) text(row, col, t);
            ++col;
        }
        return *this;
    }
    SheetBuilder& text(std::uint32_t row, std::uint32_t col, const std::string& t) {
        Cell c;
        c.row = row - 1;
        c.col = col;
        c.type = CellType::Text;
        c.text_id = wb_.strings->add(t);
        sheet().cells.push_back(c);
        return *this;
    }
    SheetBuilder& number(std::uint32_t row, std::uint32_t col, double v, const std::string& format = "") {
        Cell c;
        c.row = row - 1;
        c.col = col;
        c.type = CellType::Number;
        c.number = v;
        if (!format.empty()) c.format_id = wb_.strings->add(format);
        sheet().cells.push_back(c);
        return *this;
    }
    SheetBuilder& date(std::uint32_t row, std::uint32_t col, int y, unsigned m, unsigned d) {
        Cell c;
        c.row = row - 1;
        c.col = col;
        c.type = CellType::DateTime;
        c.number = double(serial_of(to_chrono(Date{y, m, d})));
        sheet().cells.push_back(c);
        return *this;
    }
    // A date-time cell: the date and a time of day.
    SheetBuilder& datetime(std::uint32_t row, std::uint32_t col, int y, unsigned m, unsigned d, unsigned hour, unsigned minute) {
        date(row, col, y, m, d);
        sheet().cells.back().number += (hour * 60.0 + minute) / 1440.0;
        return *this;
    }
    SheetBuilder& boolean(std::uint32_t row, std::uint32_t col, bool v) {
        Cell c;
        c.row = row - 1;
        c.col = col;
        c.type = CellType::Boolean;
        c.number = v ? 1 : 0;
        sheet().cells.push_back(c);
        return *this;
    }
    SheetBuilder& merge(const std::string& range) {
        sheet().merged.push_back(*parse_range(range));
        return *this;
    }
    SheetBuilder& hide_row(std::uint32_t row) {
        sheet().hidden_rows.push_back(row - 1);
        return *this;
    }
    // Call once all cells are written.
    Sheet& done() {
        sheet().finish();
        return sheet();
    }

private:
    Workbook& wb_;
    std::size_t index_;
};

}  // namespace plancon::test
