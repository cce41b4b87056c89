#include "codec/json_writer.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "domain/money.h"

namespace mporders {
namespace {

// true for the bytes JSON requires escaped inside a string literal.
constexpr std::array<bool, 256> MakeEscapeTable() {
  std::array<bool, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = true;
  table['"'] = true;
  table['\\'] = true;
  return table;
}
constexpr std::array<bool, 256> kNeedsEscape = MakeEscapeTable();

// true when any of the 8 bytes in `x` is below 0x20, '"' or '\\' (exact
// for the existence test: see "Bit Twiddling Hacks", haszero/hasless).
bool HasByteToEscape(std::uint64_t x) {
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  constexpr std::uint64_t kHighs = 0x8080808080808080ULL;
  const auto has_zero = [](std::uint64_t v) { return (v - kOnes) & ~v & kHighs; };
  const std::uint64_t below_space = (x - kOnes * 0x20) & ~x & kHighs;
  return (below_space | has_zero(x ^ (kOnes * '"')) | has_zero(x ^ (kOnes * '\\'))) != 0;
}

// Index of the first byte at or after `from` that needs an escape, or
// text.size(). Most strings have none, so they are scanned 8 bytes at a time.
std::size_t FindByteToEscape(std::string_view text, std::size_t from) {
  std::size_t i = from;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t word;
    std::memcpy(&word, text.data() + i, sizeof(word));
    if (HasByteToEscape(word)) break;
  }
  for (; i < text.size(); ++i) {
    if (kNeedsEscape[static_cast<unsigned char>(text[i])]) return i;
  }
  return text.size();
}

// Longest escape: \u00XX.
constexpr std::size_t kMaxEscapeBytes = 6;
// Enough for any int64 in decimal, with sign.
constexpr std::size_t kMaxIntBytes = 20;
constexpr std::size_t kMinGrowBytes = 256;

}  // namespace

JsonWriter::JsonWriter(std::string& out, std::size_t size_hint)
    : out_(out), start_(out.size()), len_(out.size()) {
  out_.resize(len_ + size_hint);
  data_ = out_.data();
}

void JsonWriter::Grow(std::size_t n) {
  // Grow with what this writer has written, not with the whole string, so a
  // short append to a long string zero-fills only a little.
  const std::size_t slack = std::max({n, kMinGrowBytes, (len_ - start_) / 2});
  out_.resize(len_ + n + slack);
  data_ = out_.data();
}

void JsonWriter::String(std::string_view text) {
  // Room for the common case, a string without escapes, in one step.
  Reserve(text.size() + 2);
  data_[len_++] = '"';
  std::size_t run_start = 0;
  while (true) {
    const std::size_t i = FindByteToEscape(text, run_start);
    // Plain bytes (UTF-8 sequences included) are copied in runs.
    Raw(text.substr(run_start, i - run_start));
    if (i == text.size()) break;
    run_start = i + 1;
    const auto c = static_cast<unsigned char>(text[i]);
    Reserve(kMaxEscapeBytes + (text.size() - i) + 1);
    data_[len_++] = '\\';
    if (c == '"' || c == '\\') {
      data_[len_++] = static_cast<char>(c);
    } else {
      static constexpr char kHex[] = "0123456789abcdef";
      data_[len_++] = 'u';
      data_[len_++] = '0';
      data_[len_++] = '0';
      data_[len_++] = kHex[c >> 4];
      data_[len_++] = kHex[c & 0xF];
    }
  }
  Char('"');
}

void JsonWriter::Int(std::int64_t value) {
  Reserve(kMaxIntBytes);
  const auto result = std::to_chars(data_ + len_, data_ + len_ + kMaxIntBytes, value);
  len_ = static_cast<std::size_t>(result.ptr - data_);
}

void JsonWriter::MoneyAmount(std::int64_t minor, int digits) {
  Reserve(kMaxMoneyChars);
  len_ = static_cast<std::size_t>(
      WriteMoneyAmount(data_ + len_, minor, digits, MoneyStyle::kShortest) - data_);
}

}  // namespace mporders
