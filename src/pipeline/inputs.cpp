// Which files a run reads.
#include "plancon/pipeline.hpp"
#include "plancon/text.hpp"

#include <algorithm>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace plancon {

namespace {

bool spreadsheet_name(const fs::path& p) {
    const std::string name = p.filename().string();
    if (name.empty() || name[0] == '.' || name.rfind("~$", 0) == 0) return false;  // hidden files, Office lock files
    const std::string ext = lower_ascii(p.extension().string());
    return ext == ".xlsx" || ext == ".xlsm" || ext == ".ods" || ext == ".xls" || ext == ".csv" || ext == ".tsv";
}

}  // namespace

std::vector<std::string> find_inputs(const std::vector<std::string>& inputs, const std::vector<std::string>& exclude) {
    std::error_code ec;
    std::set<fs::path> excluded;
    for (const std::string& e : exclude) excluded.insert(fs::weakly_canonical(e, ec));
    std::vector<std::string> files;
    for (const std::string& input : inputs) {
        if (!fs::is_directory(input, ec)) {
            files.push_back(input);
            continue;
        }
        std::vector<std::string> found;
        for (auto it = fs::recursive_directory_iterator(input, fs::directory_options::skip_permission_denied, ec);
             !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
            if (it->is_regular_file(ec) && spreadsheet_name(it->path()) &&
                !excluded.count(fs::weakly_canonical(it->path(), ec)))
                found.push_back(it->path().string());
        }
        std::sort(found.begin(), found.end());
        files.insert(files.end(), found.begin(), found.end());
    }
    return files;
}

std::vector<std::string> find_inputs_required(const std::vector<std::string>& inputs,
                                              const std::vector<std::string>& exclude) {
    std::vector<std::string> files = find_inputs(inputs, exclude);
    if (files.empty())
        throw Error(inputs.empty() ? std::string("(no input)") : inputs.front(),
                    std::string("no spreadsheet found") + (inputs.size() > 1 ? " here or in the other inputs" : ""));
    return files;
}

}  // namespace plancon
