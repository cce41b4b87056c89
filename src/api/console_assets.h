#pragma once
// The web console's static files (web/console/), compiled into the binary at
// build time so that the server needs no source tree and fetches nothing.

#include <optional>
#include <string_view>

namespace mporders::api {

struct ConsoleAsset {
  std::string_view content_type;
  std::string_view body;
};

// The asset named `name` ("index.html", "console.js", ...); nullopt for any
// other name. Thread-safe: the data is constant.
std::optional<ConsoleAsset> FindConsoleAsset(std::string_view name);

}  // namespace mporders::api
