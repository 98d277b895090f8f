// libFuzzer target: arbitrary bytes given to read_workbook_bytes as a .xls
// file. Seeds are .xls files (BIFF5 and BIFF8 in compound files, encrypted
// ones among them), so most inputs reach the compound-file reader, the
// decryption and the BIFF record loop.
#include "fuzz_read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    plancon::fuzz::read_fuzz_bytes("fuzz.xls", data, size);
    return 0;
}
