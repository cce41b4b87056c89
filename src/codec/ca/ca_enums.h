#pragma once
// Canada's enum spellings (ca_mp_orders.json). The schema lists upper-case
// values (ONE_DAY, WHITE_GLOVE, SHIPPED) while its examples, and clients
// written against them, send the mixed-case ones (OneDay, Shipped). Both are
// accepted and mapped to the domain's canonical spelling. Internal to codec/.

#include <optional>
#include <string>
#include <string_view>

#include "codec/json_tree.h"

namespace mporders::ca {

// STANDARD | Standard | standard -> "Standard", ONE_DAY | OneDay -> "OneDay",
// WHITE_GLOVE | WhiteGlove -> "WhiteGlove", ...; nullopt for anything else.
std::optional<std::string_view> CanonicalMethodCode(std::string_view code);

// Whether `code` is an ISO 3166-1 alpha-2 code of the schema's
// shipFromCountry enum (exact, upper case).
bool IsShipFromCountry(std::string_view code);

// Rewrites, in place, every string member named "methodCode" in `node` (at
// any depth) to its canonical spelling when it has one; other values are left
// for the domain to refuse with its own message.
void CanonicalizeMethodCodes(JsonNode& node);

// Gives every "trackingInfo" object in `node` (at any depth) without a
// trackingNumber an empty one: Canada ships LETTERMAIL untracked, and the
// shared decoders require the member; the domain decides which carriers may
// leave it empty (Market::ShipsWithoutTracking).
void AddMissingTrackingNumbers(JsonNode& node);

// The member `key` of object `node`, or nullptr (mutable twin of
// JsonNode::Find).
JsonNode* FindMember(JsonNode& node, std::string_view key);

}  // namespace mporders::ca
