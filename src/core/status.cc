#include "core/status.h"

namespace mporders {

std::string Status::ToString() const {
  if (ok()) return "OK";
  std::string text(ErrorCodeName(code()));
  if (!field().empty()) text += " [" + field() + "]";
  text += ": " + description();
  return text;
}

}  // namespace mporders
