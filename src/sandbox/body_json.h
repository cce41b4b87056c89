#pragma once
// Reading the JSON bodies of control API requests. Numbers keep their exact
// text (codec/json_tree.h), so integers are read without a detour through
// double. Every error is kInvalidRequestContent (or kMalformedRequestContent
// for text that is not JSON) naming the member at fault.

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codec/json_tree.h"
#include "core/clock.h"
#include "core/status.h"

namespace mporders::sandbox {

// The body as a JSON object; an empty body is an empty object.
Result<JsonNode> ParseObjectBody(std::string_view body);

// Fails on a member not in `known`: a misspelt option must not be ignored.
Status CheckMembers(const JsonNode& object, std::initializer_list<std::string_view> known);

Result<std::optional<std::int64_t>> OptionalInteger(const JsonNode& object, std::string_view key,
                                                    std::int64_t min, std::int64_t max);
Result<std::optional<std::string>> OptionalString(const JsonNode& object, std::string_view key);
Result<std::optional<bool>> OptionalBool(const JsonNode& object, std::string_view key);
// An instant: epoch milliseconds (integer) or a date-time string in any form
// the API's date parameters accept ("2024-05-01T12:00:00Z", "2024-05-01").
Result<std::optional<EpochMillis>> OptionalInstant(const JsonNode& object, std::string_view key);
// A number from 0 to 1, as parts per million.
Result<std::optional<std::int64_t>> OptionalFractionPpm(const JsonNode& object,
                                                        std::string_view key);
// An array of strings.
Result<std::optional<std::vector<std::string>>> OptionalStrings(const JsonNode& object,
                                                                std::string_view key);

}  // namespace mporders::sandbox
