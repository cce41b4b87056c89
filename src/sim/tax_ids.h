#pragma once
// Buyers' tax identifiers: Chile's RUT and Mexico's RFC, with the check
// digits and shapes the tax authorities (SII, SAT) define.

#include <cstdint>
#include <string>
#include <string_view>

#include "sim/random.h"

namespace mporders::sim {

// The RUT check digit of `body` (module 11, weights 2..7 from the right):
// '0'..'9' or 'K'.
char RutCheckDigit(std::uint64_t body);

// A person's RUT, "12345678-5" (no thousands dots), body 5,000,000..25,999,999.
std::string MakeRut(Rng& rng);

// Whether `rut` is "<digits>-<check>" with a correct check digit.
bool IsValidRut(std::string_view rut);

// A person's RFC (13 characters): four letters from the paternal surname,
// maternal surname and given name, the birth date YYMMDD, and a three
// character homoclave. Letters outside A-Z in the names are skipped.
std::string MakePersonRfc(std::string_view given_name, std::string_view paternal_surname,
                          std::string_view maternal_surname, Rng& rng);

// The SAT's generic RFC for sales to the general public (no invoice).
inline constexpr std::string_view kGenericRfc = "XAXX010101000";

}  // namespace mporders::sim
