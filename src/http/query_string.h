#pragma once
// Percent-decoding of paths and query strings (application/x-www-form-urlencoded
// rules for queries: '+' is a space).

#include <optional>
#include <string>
#include <string_view>

#include "http/request.h"

namespace mporders::http {

// Decodes %XX escapes; with `plus_is_space`, '+' becomes ' '. nullopt on a
// malformed escape or when the result is not UTF-8.
std::optional<std::string> PercentDecode(std::string_view text, bool plus_is_space);

// Splits "a=1&b=2" into decoded pairs. nullopt as PercentDecode.
std::optional<QueryParams> ParseQueryString(std::string_view query);

// The first name that occurs more than once in `params`, or nullptr. A
// repeated parameter is ambiguous (which value wins differs between
// servers and proxies), so callers refuse it rather than pick one.
const std::string* RepeatedName(const QueryParams& params);

}  // namespace mporders::http
