// Legacy Excel (.xls, BIFF) reader through FreeXL.
//
// FreeXL opens by file name, so the bytes go to a private temporary file first.
// FreeXL allocates every sheet densely (rows x columns from the sheet's
// DIMENSIONS record) while it opens the file, so the declared dimensions are
// summed from the records first (xls_precheck).
// What FreeXL 1.0.6 skips (formula results, booleans and errors, sheet
// visibility and kind, merged ranges, hidden rows and columns) comes from a
// scan of those few records (xls_records.hpp), and so do formatted numbers:
// whether one is a date is decided by number_format.hpp, as for .xlsx, not
// by FreeXL (which reads an elapsed [h]:mm:ss as a time of day and drops the
// day). FreeXL's own dates are kept only when the scan fails.
#include "read/number_format.hpp"
#include "read/readers.hpp"
#include "read/xls_records.hpp"

#include <freexl.h>

#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <unordered_set>

#if defined(__SANITIZE_ADDRESS__)
// FreeXL 1.0.6 leaks its own buffers when it gives up on a file (it answers
// FREEXL_OK with no handle, so there is nothing to close). Not plancon's leak:
// LeakSanitizer is told so for every binary that links the reader.
extern "C" const char* __lsan_default_suppressions() { return "leak:libfreexl.so\n"; }
#endif

namespace plancon::detail {

namespace {

std::string freexl_error_name(int code) {
    switch (code) {
        case FREEXL_FILE_NOT_FOUND: return "FREEXL_FILE_NOT_FOUND";
        case FREEXL_NULL_HANDLE: return "FREEXL_NULL_HANDLE";
        case FREEXL_INVALID_HANDLE: return "FREEXL_INVALID_HANDLE";
        case FREEXL_INSUFFICIENT_MEMORY: return "FREEXL_INSUFFICIENT_MEMORY";
        case FREEXL_NULL_ARGUMENT: return "FREEXL_NULL_ARGUMENT";
        case FREEXL_INVALID_INFO_ARG: return "FREEXL_INVALID_INFO_ARG";
        case FREEXL_INVALID_CFBF_HEADER: return "FREEXL_INVALID_CFBF_HEADER";
        case FREEXL_CFBF_READ_ERROR: return "FREEXL_CFBF_READ_ERROR";
        case FREEXL_CFBF_SEEK_ERROR: return "FREEXL_CFBF_SEEK_ERROR";
        case FREEXL_CFBF_INVALID_SIGNATURE: return "FREEXL_CFBF_INVALID_SIGNATURE";
        case FREEXL_CFBF_INVALID_SECTOR_SIZE: return "FREEXL_CFBF_INVALID_SECTOR_SIZE";
        case FREEXL_CFBF_EMPTY_FAT_CHAIN: return "FREEXL_CFBF_EMPTY_FAT_CHAIN";
        case FREEXL_CFBF_ILLEGAL_FAT_ENTRY: return "FREEXL_CFBF_ILLEGAL_FAT_ENTRY";
        case FREEXL_BIFF_INVALID_BOF: return "FREEXL_BIFF_INVALID_BOF";
        case FREEXL_BIFF_INVALID_SST: return "FREEXL_BIFF_INVALID_SST";
        case FREEXL_BIFF_ILLEGAL_SST_INDEX: return "FREEXL_BIFF_ILLEGAL_SST_INDEX";
        case FREEXL_BIFF_WORKBOOK_NOT_FOUND: return "FREEXL_BIFF_WORKBOOK_NOT_FOUND";
        case FREEXL_BIFF_ILLEGAL_SHEET_INDEX: return "FREEXL_BIFF_ILLEGAL_SHEET_INDEX";
        case FREEXL_BIFF_UNSELECTED_SHEET: return "FREEXL_BIFF_UNSELECTED_SHEET";
        case FREEXL_INVALID_CHARACTER: return "FREEXL_INVALID_CHARACTER";
        case FREEXL_UNSUPPORTED_CHARSET: return "FREEXL_UNSUPPORTED_CHARSET";
        case FREEXL_ILLEGAL_CELL_ROW_COL: return "FREEXL_ILLEGAL_CELL_ROW_COL";
        case FREEXL_ILLEGAL_RK_VALUE: return "FREEXL_ILLEGAL_RK_VALUE";
        case FREEXL_INVALID_MINI_STREAM: return "FREEXL_INVALID_MINI_STREAM";
        case FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY: return "FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY";
        case FREEXL_CRAFTED_FILE: return "FREEXL_CRAFTED_FILE";
    }
    return "FreeXL error " + std::to_string(code);
}

// Why a failing FreeXL code is worth telling the user about in plain words.
std::string freexl_problem(const std::string& doing, int code) {
    std::string hint;
    switch (code) {
        case FREEXL_INVALID_CFBF_HEADER:
        case FREEXL_CFBF_INVALID_SIGNATURE:
        case FREEXL_CFBF_READ_ERROR:
        case FREEXL_CFBF_SEEK_ERROR: hint = " (not a complete .xls file: truncated or damaged?)"; break;
        case FREEXL_BIFF_WORKBOOK_NOT_FOUND: hint = " (no Workbook stream: not an Excel file, or a format FreeXL cannot read)"; break;
        case FREEXL_CRAFTED_FILE: hint = " (the file's structure is inconsistent: damaged or crafted)"; break;
        case FREEXL_INSUFFICIENT_MEMORY: hint = " (the file declares more than fits in memory)"; break;
        default: break;
    }
    return doing + ": " + freexl_error_name(code) + hint;
}

// A private copy of the bytes on disk, removed when done.
class TempFile {
public:
    TempFile(const std::string& file, const std::string& bytes) {
        std::error_code ec;
        std::filesystem::path dir = std::filesystem::temp_directory_path(ec);
        if (ec) dir = "/tmp";
        path_ = (dir / "plancon-xls-XXXXXX").string();
        int fd = mkstemp(path_.data());
        if (fd < 0) throw ReadError(file, std::string("cannot create a temporary file: ") + std::strerror(errno));
        std::size_t done = 0;
        while (done < bytes.size()) {
            ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n < 0) {
                if (errno == EINTR) continue;
                int err = errno;
                ::close(fd);
                std::remove(path_.c_str());
                throw ReadError(file, std::string("cannot write a temporary file: ") + std::strerror(err));
            }
            done += std::size_t(n);
        }
        ::close(fd);
    }
    ~TempFile() { std::remove(path_.c_str()); }
    TempFile(const TempFile&) = delete;
    TempFile& operator=(const TempFile&) = delete;
    const std::string& path() const { return path_; }

private:
    std::string path_;
};

// FreeXL 1.0.6 answers FREEXL_OK with no handle for BIFF5 (Excel 5/95) workbooks
// and for some BIFF8 files whose records it rejects.
constexpr const char* freexl_gave_up =
    "FreeXL could not read this workbook (it reads BIFF8, Excel 97-2003, and gives up on BIFF5/Excel 95 and some "
    "damaged files); open it in Excel or LibreOffice and save as .xlsx";

struct FreexlHandle {
    const void* handle = nullptr;
    ~FreexlHandle() {
        if (handle) freexl_close(handle);  // also after a failed open, as FreeXL asks
    }
};

// FreeXL's dates: "YYYY-MM-DD", "YYYY-MM-DD HH:MM:SS" or "HH:MM:SS" -> serial days.
std::optional<double> parse_freexl_datetime(std::string_view s) {
    auto parsed = parse_iso8601(s);
    if (!parsed || !parsed->rest.empty()) return std::nullopt;
    return parsed->serial_days();
}

class XlsReader {
public:
    XlsReader(const std::string& path, const ReadOptions& options)
        : path_(path), options_(options), cells_left_(options.max_cells) {}

    Workbook read(const std::string& bytes) {
        precheck(bytes);
        TempFile temp(path_, bytes);

        FreexlHandle xls;
        int rc = freexl_open(temp.path().c_str(), &xls.handle);
        if (rc != FREEXL_OK) throw ReadError(path_, freexl_problem("cannot open", rc));
        if (!xls.handle) throw ReadError(path_, freexl_gave_up);
        refuse_password(xls.handle);

        Workbook wb;
        wb.path = path_;
        wb.format = Format::Xls;
        unsigned int info = 0;
        if (freexl_get_info(xls.handle, FREEXL_BIFF_DATEMODE, &info) == FREEXL_OK && info == FREEXL_BIFF_DATEMODE_1904)
            wb.date_system = DateSystem::Excel1904;  // FreeXL has already turned dates into calendar dates
        unsigned int sheet_count = 0;
        check(freexl_get_info(xls.handle, FREEXL_BIFF_SHEET_COUNT, &sheet_count), "cannot count the sheets");
        std::optional<XlsExtras> extras = scan_xls_records(bytes);
        if (!extras) wb.warnings.push_back({{path_, "", 0}, "formula results, booleans, merged cells and sheet visibility not read (the workbook stream could not be scanned)"});
        for (unsigned int i = 0; i < sheet_count; ++i) {
            const XlsExtraSheet* extra = extras && i < extras->sheets.size() ? &extras->sheets[i] : nullptr;
            wb.sheets.push_back(read_sheet(xls.handle, i, wb, extra));
        }
        return wb;
    }

private:
    const std::string& path_;
    const ReadOptions& options_;
    std::uint64_t cells_left_;  // --max-cells, for the whole workbook

    // Every cell kept goes through here, once, and counts against --max-cells.
    Cell& push(Sheet& sheet, const Cell& cell) {
        if (cells_left_ == 0)
            throw ReadError(path_, "sheet '" + sheet.name + "': more than " + std::to_string(options_.max_cells) +
                                       " cells in the workbook (the limit)");
        --cells_left_;
        sheet.cells.push_back(cell);
        return sheet.cells.back();
    }

    void check(int rc, const std::string& doing) const {
        if (rc != FREEXL_OK) throw ReadError(path_, freexl_problem(doing, rc));
    }

    void refuse_password(const void* handle) const {
        unsigned int info = 0;
        if (freexl_get_info(handle, FREEXL_BIFF_PASSWORD, &info) == FREEXL_OK && info == FREEXL_BIFF_OBFUSCATED)
            throw ReadError(path_, "password-protected (encrypted) workbook; save an unprotected copy and try again");
    }

    // FreeXL sizes each sheet's cell table from the DIMENSIONS record while it
    // opens the file (freexl_open_info too), before reading any cell; a crafted
    // record asks for gigabytes. So the records are summed here first.
    // The shared strings are checked too: FreeXL reads past a damaged one.
    void precheck(const std::string& bytes) const {
        std::optional<XlsPrecheck> check = xls_precheck(bytes);
        if (!check)
            throw ReadError(path_, "no readable Workbook stream in the compound file (damaged, or not an Excel 97-2003 workbook)");
        if (check->encrypted)
            throw ReadError(path_, "password-protected (encrypted) workbook; Excel also encrypts a workbook whose structure is "
                                   "protected, even without an opening password: save an unprotected copy and try again");
        const std::uint64_t limit = std::min<std::uint64_t>(options_.max_cells, max_dense_cells);
        if (check->declared_cells > limit)
            throw ReadError(path_, "the sheets declare " + std::to_string(check->declared_cells) +
                                       " cell positions (DIMENSIONS records), more than the limit of " + std::to_string(limit) +
                                       " for an .xls file (damaged or crafted?)");
        if (!check->strings_consistent)
            throw ReadError(path_, "the shared string table (SST) is damaged: a string runs past its records");
    }

    // FreeXL keeps every position of every sheet in memory (about 16 bytes each).
    static constexpr std::uint64_t max_dense_cells = 8'000'000;

    Sheet read_sheet(const void* handle, unsigned int index, Workbook& wb, const XlsExtraSheet* extra) {
        Sheet sheet;
        sheet.strings = wb.strings;
        const char* name = nullptr;
        check(freexl_get_worksheet_name(handle, static_cast<unsigned short>(index), &name),
              "sheet " + std::to_string(index + 1) + ": cannot read its name");
        sheet.name = name ? name : "";
        check(freexl_select_active_worksheet(handle, static_cast<unsigned short>(index)), "sheet '" + sheet.name + "'");
        unsigned int rows = 0;
        unsigned short cols = 0;
        check(freexl_worksheet_dimensions(handle, &rows, &cols), "sheet '" + sheet.name + "': cannot read its dimensions");
        rows = std::min<unsigned int>(rows, max_rows);
        if (extra && extra->name != sheet.name) extra = nullptr;
        // Cells the record scan gives (formatted numbers, formula results,
        // booleans, errors) replace FreeXL's reading of the same place.
        std::unordered_set<std::uint64_t> from_scan;
        auto key = [](std::uint64_t row, std::uint64_t col) { return row << 32 | col; };
        if (extra) {
            for (const XlsNumberCell& x : extra->formatted_numbers) from_scan.insert(key(x.row, x.col));
            for (const XlsExtraCell& x : extra->cells) from_scan.insert(key(x.row, x.col));
        }
        for (unsigned int r = 0; r < rows; ++r) {
            for (unsigned short c = 0; c < cols && c < max_cols; ++c) {
                if (from_scan.count(key(r, c))) continue;
                FreeXL_CellValue value;
                int rc = freexl_get_cell_value(handle, r, c, &value);
                if (rc != FREEXL_OK)
                    throw ReadError(path_, freexl_problem("sheet '" + sheet.name + "' cell " + cell_name({r, c}), rc));
                Cell cell;
                cell.row = r;
                cell.col = c;
                switch (value.type) {
                    case FREEXL_CELL_INT:
                        cell.type = CellType::Number;
                        cell.number = value.value.int_value;
                        break;
                    case FREEXL_CELL_DOUBLE:
                        cell.type = CellType::Number;
                        cell.number = value.value.double_value;
                        break;
                    case FREEXL_CELL_TEXT:
                    case FREEXL_CELL_SST_TEXT:
                        if (!value.value.text_value || !*value.value.text_value) continue;
                        cell.type = CellType::Text;
                        cell.text_id = wb.strings->add(value.value.text_value);
                        break;
                    case FREEXL_CELL_DATE:
                    case FREEXL_CELL_DATETIME:
                    case FREEXL_CELL_TIME: {
                        auto days = value.value.text_value ? parse_freexl_datetime(value.value.text_value) : std::nullopt;
                        if (!days) {
                            wb.warnings.push_back({{path_, sheet.name, r + 1}, "cell " + cell_name({r, c}) +
                                                  ": unreadable date from FreeXL, kept as text"});
                            cell.type = CellType::Text;
                            cell.text_id = wb.strings->add(value.value.text_value ? value.value.text_value : "");
                            break;
                        }
                        cell.type = CellType::DateTime;
                        cell.number = *days;
                        break;
                    }
                    default: continue;  // FREEXL_CELL_NULL
                }
                push(sheet, cell);
            }
        }
        if (extra) add_extras(sheet, *extra, wb);
        sheet.finish();
        return sheet;
    }

    // FreeXL's cells at these places were passed over (read_sheet).
    void add_extras(Sheet& sheet, const XlsExtraSheet& extra, Workbook& wb) {
        sheet.visibility = extra.visibility;
        if (!extra.worksheet) {
            cells_left_ += sheet.cells.size();
            sheet.cells.clear();  // FreeXL shows a chart sheet with another sheet's cells
            return;
        }
        sheet.merged = extra.merged;
        sheet.hidden_rows = extra.hidden_rows;  // Sheet::finish() sorts them
        sheet.hidden_cols = extra.hidden_cols;
        auto add = [&](std::uint32_t row, std::uint32_t col, CellType type, double number) -> Cell& {
            Cell cell;
            cell.row = row;
            cell.col = col;
            cell.type = type;
            cell.number = number;
            if (type == CellType::DateTime) {
                if (auto days = stored_date_to_days(number, wb.date_system)) {
                    cell.number = *days;
                } else {
                    cell.type = CellType::Number;
                    wb.warnings.push_back({{path_, sheet.name, row + 1}, "cell " + cell_name({row, col}) +
                                          ": date serial outside years 1-9999; kept as a number"});
                }
            }
            return push(sheet, cell);
        };
        for (const XlsNumberCell& x : extra.formatted_numbers)
            add(x.row, x.col, x.moment ? CellType::DateTime : CellType::Number, x.value);
        for (const XlsExtraCell& x : extra.cells) {
            Cell& cell = add(x.row, x.col, x.type, x.number);
            if (x.type == CellType::Text || x.type == CellType::Error) cell.text_id = wb.strings->add(x.text);
        }
    }
};

}  // namespace

Workbook read_xls(const std::string& path, std::string bytes, const ReadOptions& options) {
    return XlsReader(path, options).read(bytes);
}

}  // namespace plancon::detail
