#pragma once
// Appends JSON text to a std::string through a raw cursor. std::string::append
// re-checks capacity and re-terminates on every call; an encoded order is a
// few hundred tiny appends, so the writer sizes the string once, writes with
// memcpy, and trims the string to what was written when it is destroyed.
// Internal to codec/.

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace mporders {

class JsonWriter {
 public:
  // Writes after the current end of `out`; `size_hint` bytes are made
  // available up front (more are added as needed).
  JsonWriter(std::string& out, std::size_t size_hint);
  ~JsonWriter() { out_.resize(len_); }
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  // Text that is already valid JSON (punctuation, literal member names, raw
  // values kept from an input document).
  void Raw(std::string_view text) {
    Reserve(text.size());
    std::memcpy(data_ + len_, text.data(), text.size());
    len_ += text.size();
  }
  void Char(char c) {
    Reserve(1);
    data_[len_++] = c;
  }
  // `,"name":` (without the comma when `first`). `name` must not need escaping.
  void Key(std::string_view name, bool first) {
    Reserve(name.size() + 4);
    char* p = data_ + len_;
    if (!first) *p++ = ',';
    *p++ = '"';
    std::memcpy(p, name.data(), name.size());
    p += name.size();
    *p++ = '"';
    *p++ = ':';
    len_ = static_cast<std::size_t>(p - data_);
  }
  // A string literal, quotes included, escaped as JSON requires.
  void String(std::string_view text);
  void Int(std::int64_t value);
  // Minor units of a currency with `digits` decimals as the shortest exact
  // decimal: (500, 2) -> 5, (34, 2) -> 0.34, (-540, 2) -> -5.4, (1990, 0) -> 1990.
  void MoneyAmount(std::int64_t minor, int digits);

 private:
  void Reserve(std::size_t n) {
    if (len_ + n > out_.size()) Grow(n);
  }
  void Grow(std::size_t n);

  std::string& out_;
  std::size_t start_;  // size of `out` when the writer was created
  char* data_;
  std::size_t len_;
};

}  // namespace mporders
