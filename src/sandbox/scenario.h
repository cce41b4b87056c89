#pragma once
// `mporders scenario run FILE`: plays a scenario file (docs/scenarios.md)
// against a running server through the sandbox control API and the Walmart
// API, printing each step, and stops at the first step whose expectation
// fails.

#include <ostream>
#include <string>

namespace mporders::sandbox {

struct ScenarioOptions {
  std::string url = "http://127.0.0.1:8080";
  std::string sandbox_key;
};

// 0: every step passed; 1: a step failed; 2: the file is not a valid
// scenario or the server cannot be reached. Progress goes to `out`.
int RunScenarioFile(const std::string& path, const ScenarioOptions& options, std::ostream& out);

}  // namespace mporders::sandbox
