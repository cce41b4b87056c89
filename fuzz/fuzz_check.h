#pragma once
// What the fuzz targets share: the failure that libFuzzer (and the corpus
// replay test) must notice. A property that does not hold is a bug like a
// crash, so it aborts with a message naming the property.

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

namespace mporders::fuzz {

[[noreturn]] inline void PropertyFailed(const char* target, const char* property) {
  std::fprintf(stderr, "fuzz property failed in %s: %s\n", target, property);
  std::abort();
}

inline std::string_view AsText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace mporders::fuzz

#define MPORDERS_FUZZ_CHECK(target, condition)                              \
  do {                                                                      \
    if (!(condition)) ::mporders::fuzz::PropertyFailed(target, #condition); \
  } while (false)
