#pragma once
// processMode PARTIAL_UPDATE: correcting the tracking of packages already
// shipped. Internal to domain/; Ship() is the public entry.

#include <string>

#include "core/status.h"
#include "domain/commands.h"
#include "domain/lifecycle.h"
#include "domain/order.h"

namespace mporders::lifecycle_internal {

// Applies the corrections of `request` (already shape-checked) to `line`,
// package by package; error descriptions start with `prefix`. On error `line`
// may be partly changed: the caller works on a copy. Leaves statusDate alone,
// so repeated corrections do not extend the edit window.
Status CorrectTracking(const std::string& prefix, OrderLine& line, const ShipLine& request,
                       const LifecycleContext& ctx);

}  // namespace mporders::lifecycle_internal
