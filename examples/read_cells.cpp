// read_cells: read a spreadsheet and print its cells.
//
//   read_cells FILE
//
// Any format plancon reads (.xlsx .xlsm .ods .xls .csv .tsv) arrives as the
// same grid: read_workbook picks the reader from the file's content, not its
// extension. Prints one line per cell that holds a value:
//   SHEET!REF <tab> TYPE <tab> VALUE
// with values as `plancon convert` shows them (dates ISO 8601, numbers in
// shortest form). The reader's warnings go to stderr.
#include "plancon/read.hpp"

#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: read_cells FILE\n";
        return 2;
    }
    try {
        const plancon::Workbook workbook = plancon::read_workbook(argv[1]);
        std::cout << workbook.path << ": " << to_string(workbook.format) << ", " << workbook.sheets.size()
                  << " sheet(s)\n";
        for (const plancon::Sheet& sheet : workbook.sheets)
            for (const plancon::Cell& cell : sheet.cells) {
                if (cell.type == plancon::CellType::Empty) continue;  // a styled blank
                std::cout << sheet.name << '!' << plancon::cell_name(cell.ref()) << '\t' << to_string(cell.type)
                          << '\t' << plancon::display_value(sheet, cell) << '\n';
            }
        for (const plancon::Warning& warning : workbook.warnings) std::cerr << to_string(warning) << '\n';
    } catch (const plancon::ReadError& e) {
        std::cerr << "read_cells: " << e.what() << '\n';  // "FILE: where: what is wrong", one line
        return 1;
    }
    return 0;
}
