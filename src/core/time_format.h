#pragma once
// Text forms of instants: the ISO-8601 form we emit (XML payloads, cursors)
// and the one tolerant parser used for date query parameters, cursor values
// and date strings inside request bodies. Pure functions, thread-safe; no
// locale or time-zone database is consulted.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace mporders {

// `2021-06-15T22:33:27.000Z`: UTC, always three fraction digits and `Z`.
// Years outside 0000-9999 are written with as many digits as they need.
std::string FormatIsoMillis(EpochMillis t);

// Accepts, and returns the instant as epoch milliseconds:
//   yyyy-MM-dd                                   (00:00:00 UTC)
//   yyyy-MM-ddTHH:mm[:ss[.f...]][zone]          (zone absent = UTC)
//     fraction: 1 to 3 digits are milliseconds; further digits are truncated
//     zone: `Z`, `±HH:mm`, `±HHmm` or `±HH`; a space stands for `+`, because
//           form decoding turns the `+` of an offset in a query string into one
//   an integer epoch value: >= 10^11 is milliseconds, smaller is seconds.
// Ranges are checked (month 1-12, day valid for the month incl. leap years,
// hour < 24, minute < 60, second <= 60, offset hour < 24). Anything else,
// including surrounding whitespace, yields nullopt.
std::optional<EpochMillis> ParseDateTime(std::string_view text);

// Days since 1970-01-01 of a proleptic Gregorian date. REQUIRES: month 1-12.
std::int64_t DaysFromCivil(std::int64_t year, unsigned month, unsigned day);

struct CivilDate {
  std::int64_t year;
  unsigned month;  // 1-12
  unsigned day;    // 1-31
};

// The proleptic Gregorian date `days` after 1970-01-01 (negative: before).
CivilDate CivilFromDays(std::int64_t days);

}  // namespace mporders
