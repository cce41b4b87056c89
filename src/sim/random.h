#pragma once
// A small, fast, deterministic random source for the order generator.
//
// Each order draws from its own Rng seeded by (generator seed, order index),
// so an order never depends on which other orders were generated before it.
// SplitMix64 is used because it is tiny, has no warm-up, and any 64-bit seed
// gives a good stream; statistical quality beyond that is not needed here.

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <span>

namespace mporders::sim {

// The SplitMix64 output function: a bijective 64-bit mix.
constexpr std::uint64_t Mix64(std::uint64_t x) {
  x ^= x >> 30;
  x *= 0xBF58476D1CE4E5B9ULL;
  x ^= x >> 27;
  x *= 0x94D049BB133111EBULL;
  x ^= x >> 31;
  return x;
}

// Not thread-safe; cheap to create, so make one per order.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  // The stream for order `index` of a generator seeded with `seed`.
  static Rng ForIndex(std::uint64_t seed, std::uint64_t index) {
    return Rng(Mix64(Mix64(seed ^ 0x5851F42D4C957F2DULL) + index));
  }

  std::uint64_t Next() {
    state_ += 0x9E3779B97F4A7C15ULL;
    return Mix64(state_);
  }

  // Uniform in [0, n). REQUIRES: n > 0. The modulo bias is below 2^-40 for
  // the small ranges used here.
  std::uint64_t Below(std::uint64_t n) { return Next() % n; }

  // Uniform in [lo, hi]. REQUIRES: lo <= hi.
  std::int64_t Between(std::int64_t lo, std::int64_t hi) {
    return lo + static_cast<std::int64_t>(Below(static_cast<std::uint64_t>(hi - lo) + 1));
  }

  // True with probability per_mille / 1000.
  bool Chance(int per_mille) { return static_cast<int>(Below(1000)) < per_mille; }

  // An index into `weights`, chosen with probability proportional to its weight.
  // REQUIRES: some weight is positive.
  std::size_t Weighted(std::span<const int> weights) {
    int total = 0;
    for (int w : weights) total += w;
    int pick = static_cast<int>(Below(static_cast<std::uint64_t>(total)));
    for (std::size_t i = 0; i < weights.size(); ++i) {
      if (pick < weights[i]) return i;
      pick -= weights[i];
    }
    return weights.size() - 1;
  }

  // A uniformly chosen element. REQUIRES: `items` is not empty.
  template <typename Container>
  const auto& Pick(const Container& items) {
    return items[Below(std::size(items))];
  }

 private:
  std::uint64_t state_;
};

}  // namespace mporders::sim
