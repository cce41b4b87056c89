#pragma once
// The sandbox on the command line: `mporders scenario run FILE` and
// `mporders sandbox <operation>`, each a thin client of a running server's
// control API (the fault rules live in the server process, so the CLI never
// opens the database itself).

#include <memory>
#include <optional>

namespace CLI {
class App;
}

namespace mporders::sandbox {

class SandboxCli {
 public:
  // Registers the `scenario` and `sandbox` subcommands on `app`.
  static std::unique_ptr<SandboxCli> Register(CLI::App& app);
  virtual ~SandboxCli() = default;
  // After parsing: the exit code when one of these subcommands was given.
  virtual std::optional<int> Run() = 0;
};

}  // namespace mporders::sandbox
