#pragma once

#include <cstdint>
#include <string>

#include "core/household.hpp"

namespace pekon::test {

// A valid Tanggamus household, deterministic in `index`: NIKs and KK numbers are unique
// per member index and household index, so generated batches never collide.
// `first_member` is the running member index of its first member; it has `size` members.
HouseholdInput sampleHousehold(std::int64_t index, std::int64_t first_member, int size);

// A valid NIK for running member index `i` (unique for i < 9999 * 3650, in scrambled
// order), with the birth date and sex it encodes.
struct SampleNik {
    std::string nik;
    std::string birth_date;
    std::string sex;
};
SampleNik sampleNik(std::int64_t i);

}  // namespace pekon::test
