#pragma once
// Errors are values. A Status is OK (costs nothing) or carries an ErrorCode,
// a human-readable description and, where it helps the caller, the name of the
// offending field or parameter. Result<T> is a T or a non-OK Status.

#include <cassert>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "core/error_code.h"

namespace mporders {

class Status {
 public:
  Status() = default;  // OK

  static Status Ok() { return Status(); }
  static Status Error(ErrorCode code, std::string description,
                      std::string field = {}) {
    return Status(code, std::move(description), std::move(field));
  }
  static Status InvalidContent(std::string description, std::string field = "data") {
    return Error(ErrorCode::kInvalidRequestContent, std::move(description), std::move(field));
  }
  static Status InvalidParam(std::string description, std::string field) {
    return Error(ErrorCode::kInvalidRequestParam, std::move(description), std::move(field));
  }
  static Status NotFound(std::string description) {
    return Error(ErrorCode::kNotFound, std::move(description));
  }
  static Status Internal(std::string description) {
    return Error(ErrorCode::kInternal, std::move(description));
  }

  bool ok() const { return rep_ == nullptr; }
  ErrorCode code() const { return rep_ ? rep_->code : ErrorCode::kOk; }
  // What went wrong, for the error body's `description`. Empty when OK.
  const std::string& description() const { return rep_ ? rep_->description : Empty(); }
  // The offending field or parameter, for the error body's `field`. May be empty.
  const std::string& field() const { return rep_ ? rep_->field : Empty(); }

  std::string ToString() const;

 private:
  struct Rep {
    ErrorCode code;
    std::string description;
    std::string field;
  };
  Status(ErrorCode code, std::string description, std::string field)
      : rep_(std::make_shared<const Rep>(Rep{code, std::move(description), std::move(field)})) {}
  static const std::string& Empty() {
    static const std::string empty;
    return empty;
  }

  // Shared and immutable: copying a Status is cheap and thread-safe.
  std::shared_ptr<const Rep> rep_;
};

// A value or an error. REQUIRES: the Status given is not OK.
template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) { assert(!status_.ok()); }  // NOLINT

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }

  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace mporders

// Returns early from the enclosing function when `expr` (a Status) is not OK.
#define MP_RETURN_IF_ERROR(expr)              \
  do {                                        \
    ::mporders::Status mp_status__ = (expr);  \
    if (!mp_status__.ok()) return mp_status__; \
  } while (0)
