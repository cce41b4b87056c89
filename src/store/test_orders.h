#pragma once
// Orders and scratch space for store tests.

#include <filesystem>
#include <string>

#include "domain/order.h"

namespace mporders::store_testing {

// A minimal valid order: one line (SKU "SKU-1", one unit, Created) shipped
// by the seller, estimated to ship a day after `order_date`.
Order MakeOrder(const std::string& purchase_order_id, EpochMillis order_date);

StoredOrder MakeStoredOrder(const std::string& seller_id, const std::string& purchase_order_id,
                            EpochMillis order_date);

// Appends a line with one bucket of `quantity` units in `status`, and a
// shipping program when `program` is not empty.
void AddLine(Order& order, const std::string& sku, LineStatus status,
             const std::string& program = "", std::int64_t quantity = 1);

// A fresh directory, removed with everything in it when destroyed.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string File(const std::string& name) const { return (path_ / name).string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace mporders::store_testing
