// libFuzzer target: arbitrary bytes given to read_workbook_bytes as a .xlsx
// file. Seeds are .xlsx files, so most inputs reach the xlsx reader.
#include "fuzz_read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    plancon::fuzz::read_fuzz_bytes("fuzz.xlsx", data, size);
    return 0;
}
