// libFuzzer target: arbitrary bytes given to read_workbook_bytes as a .ods
// file. Seeds are .ods files, so most inputs reach the ods reader.
#include "fuzz_read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    plancon::fuzz::read_fuzz_bytes("fuzz.ods", data, size);
    return 0;
}
