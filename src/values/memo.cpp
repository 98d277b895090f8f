// The value readers remembered per text (values.hpp ValueMemo).
#include "plancon/text.hpp"
#include "plancon/values.hpp"

namespace plancon {

const LeadCell& ValueMemo::lead_cell(const std::string& cell) {
    return lead_cells_.get(cell, [&] { return read_lead_cell(cell, config_.leads); });
}

double ValueMemo::lead_likeness(const std::string& cell) {
    if (cell.size() > 120) return 0;  // as lead_likeness: not read at all
    LeadCell read = read_lead_cell(cell, config_.leads);
    const double likeness = plancon::lead_likeness(read);
    // Kept when it may be a lead column's cell, so it is read once for the
    // layout and normalise; a sentence's reading is not asked for again.
    if (likeness > 0) lead_cells_.get(cell, [&] { return std::move(read); });
    return likeness;
}

const Due& ValueMemo::due(const std::string& as_written, const DueContext& ctx) {
    return dues_.at(std::size_t(ctx.single_year_quarter)).get(as_written, [&] {
        return parse_due(as_written, std::nullopt, ctx);
    });
}

}  // namespace plancon
