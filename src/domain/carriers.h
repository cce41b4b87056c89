#pragma once
// The carrier names a shipment's carrierName.carrier may use. Walmart matches
// them exactly (case-sensitive); anything else must go in otherCarrier.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mporders {

// Immutable after construction; safe to share between threads.
class CarrierList {
 public:
  CarrierList() = default;  // no carriers

  // One carrier per line. Surrounding whitespace (and a trailing CR) is
  // trimmed; empty lines and lines starting with '#' are skipped.
  static CarrierList Parse(std::string_view text);

  // The US list (src/domain/markets/us_carriers.txt), compiled into the binary: the
  // 2023 spec's 56 enum values plus the later additions of Walmart's
  // "Supported carrier names" page.
  static const CarrierList& Us();

  bool Contains(std::string_view name) const;
  std::size_t size() const { return names_.size(); }
  // Sorted, without duplicates.
  const std::vector<std::string>& names() const { return names_; }

 private:
  std::vector<std::string> names_;
};

}  // namespace mporders
