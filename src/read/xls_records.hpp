// What FreeXL 1.0.6 reads but does not tell: a small, bounded scan of a BIFF8
// workbook stream (inside its CFB container) for the records FreeXL skips —
// sheet visibility and kind (BOUNDSHEET), cached formula results (FORMULA,
// STRING), booleans and error constants (BOOLERR), merged ranges (MERGEDCELLS),
// hidden rows and columns (ROW, COLINFO), and number cells with the number
// format of their XF (FORMAT, XF), classified as the .xlsx reader classifies
// its styles (number_format.hpp), so that a workbook gives the same cell
// types saved either way.
#pragma once

#include "plancon/grid.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace plancon::detail {

struct XlsExtraCell {
    std::uint32_t row = 0;
    std::uint32_t col = 0;
    CellType type = CellType::Empty;  // Number, DateTime (as an Excel serial), Text, Boolean, Error
    double number = 0;
    std::string text;
};

struct XlsNumberCell {
    std::uint32_t row = 0;
    std::uint32_t col = 0;
    double value = 0;     // as stored: a date is an Excel serial
    bool moment = false;  // the format shows a date or time
};

struct XlsExtraSheet {
    std::string name;
    Visibility visibility = Visibility::Visible;
    bool worksheet = true;  // false for chart, macro and VB sheets
    std::vector<Range> merged;
    std::vector<std::uint32_t> hidden_rows;  // ROW records with fDyZero
    std::vector<std::uint32_t> hidden_cols;  // COLINFO records with fHidden
    std::vector<XlsExtraCell> cells;  // formula results and BOOLERR values
    // Number cells (NUMBER, RK, MULRK) whose format is not General: FreeXL
    // judges dates by its own rules (an elapsed [h]:mm:ss is a time of day
    // to it, and it drops the day of a time-formatted value), so these
    // replace its reading of them.
    std::vector<XlsNumberCell> formatted_numbers;
};

struct XlsExtras {
    std::vector<XlsExtraSheet> sheets;  // in BOUNDSHEET (tab) order
};

// What must be checked before FreeXL opens a file, because FreeXL trusts it.
struct XlsPrecheck {
    // A FILEPASS record: the workbook is encrypted (or obfuscated) with a password,
    // and every record's data after it is ciphertext.
    bool encrypted = false;
    // The cells FreeXL will allocate while it opens the file: the sum of rows x
    // columns over every DIMENSIONS record (FreeXL sizes a dense table from each).
    std::uint64_t declared_cells = 0;
    // Whether every string of the shared string table (SST and its CONTINUE
    // records) lies inside those records; FreeXL 1.0.6 reads past them (and
    // crashes) when a length is damaged.
    bool strings_consistent = true;
};
// Nothing when no workbook stream can be found.
std::optional<XlsPrecheck> xls_precheck(std::string_view bytes);

// Nothing when the bytes are not a BIFF8 workbook this scan understands; the
// caller then keeps what FreeXL gave. Never reads outside bytes; work is
// bounded by the stream's size.
std::optional<XlsExtras> scan_xls_records(std::string_view bytes);

}  // namespace plancon::detail
