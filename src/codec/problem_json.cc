#include "codec/problem_json.h"

#include "codec/json_writer.h"

namespace mporders {

std::string EncodeProblemJson(const Problem& problem) {
  std::string out;
  {
    JsonWriter w(out, 256 + problem.detail.size() + problem.instance.size());
    w.Raw("{\"type\":");
    w.String(problem.type);
    w.Raw(",\"title\":");
    w.String(problem.title);
    w.Raw(",\"status\":");
    w.Int(problem.status);
    w.Raw(",\"detail\":");
    w.String(problem.detail);
    if (!problem.instance.empty()) {
      w.Raw(",\"instance\":");
      w.String(problem.instance);
    }
    if (!problem.code.empty()) {
      w.Raw(",\"code\":");
      w.String(problem.code);
    }
    if (!problem.field.empty()) {
      w.Raw(",\"field\":");
      w.String(problem.field);
    }
    w.Char('}');
  }
  return out;
}

}  // namespace mporders
