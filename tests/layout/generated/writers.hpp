// Writers for generated trackers; test code, one small file per format.
#pragma once

#include "layout/generated/tracker.hpp"

#include <string>

namespace plancon::gen {

void write_xlsx(const GeneratedTracker& t, const std::string& path);  // libxlsxwriter
void write_ods(const GeneratedTracker& t, const std::string& path);   // libzip, content.xml by hand
void write_csv(const GeneratedTracker& t, const std::string& path);   // RFC 4180; merges keep only the top-left value

// Writes t into dir as t.file_name() in its format; returns the path. Throws on failure.
inline std::string write_tracker(const GeneratedTracker& t, const std::string& dir) {
    const std::string path = dir + "/" + t.file_name();
    switch (t.format) {
        case FileFormat::Xlsx: write_xlsx(t, path); break;
        case FileFormat::Ods: write_ods(t, path); break;
        case FileFormat::Csv: write_csv(t, path); break;
    }
    return path;
}

}  // namespace plancon::gen
