// libFuzzer target: arbitrary bytes given to read_workbook_bytes as a .csv
// file. Seeds are .csv files, so most inputs reach the csv reader.
#include "fuzz_read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    plancon::fuzz::read_fuzz_bytes("fuzz.csv", data, size);
    return 0;
}
