#pragma once
// Files the CLI writes that may hold secrets (private keys).

#include <sys/types.h>

#include <filesystem>
#include <string>

#include "core/status.h"

namespace mporders::app {

// Writes `text` to `path` with permissions `mode`, set also when the file
// exists. Without `overwrite` an existing file is an error (never replaced).
Status WriteFile(const std::filesystem::path& path, const std::string& text, mode_t mode,
                 bool overwrite);

}  // namespace mporders::app
