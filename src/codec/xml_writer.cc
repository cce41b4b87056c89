#include "codec/xml_writer.h"

#include <algorithm>
#include <array>
#include <charconv>

#include "core/time_format.h"
#include "domain/money.h"

namespace mporders {
namespace {

// What a byte of character data needs.
enum class ByteClass : std::uint8_t {
  kPlain,
  kEscape,   // & < > and CR: written as a reference
  kInvalid,  // a control character XML 1.0 cannot carry
  kLead,     // 0xEF: may start U+FFFE or U+FFFF, also not allowed
};

constexpr std::array<ByteClass, 256> MakeByteTable() {
  std::array<ByteClass, 256> table{};
  for (int c = 0; c < 0x20; ++c) table[c] = ByteClass::kInvalid;
  table['\t'] = ByteClass::kPlain;
  table['\n'] = ByteClass::kPlain;
  table['\r'] = ByteClass::kEscape;
  table['&'] = ByteClass::kEscape;
  table['<'] = ByteClass::kEscape;
  table['>'] = ByteClass::kEscape;
  table[0xEF] = ByteClass::kLead;
  return table;
}
constexpr std::array<ByteClass, 256> kByteClass = MakeByteTable();

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::size_t kMaxIntBytes = 20;
constexpr std::size_t kMinGrowBytes = 256;

char* TwoDigits(char* p, unsigned value) {
  *p++ = static_cast<char>('0' + value / 10);
  *p++ = static_cast<char>('0' + value % 10);
  return p;
}

}  // namespace

XmlWriter::XmlWriter(std::string& out, std::size_t size_hint, std::string_view prefix)
    : out_(out), prefix_(prefix), start_(out.size()), len_(out.size()) {
  out_.resize(len_ + size_hint);
  data_ = out_.data();
}

void XmlWriter::Grow(std::size_t n) {
  // Grow with what this writer has written, not with the whole string.
  const std::size_t slack = std::max({n, kMinGrowBytes, (len_ - start_) / 2});
  out_.resize(len_ + n + slack);
  data_ = out_.data();
}

void XmlWriter::Text(std::string_view text) {
  Reserve(text.size());
  std::size_t run_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    const ByteClass kind = kByteClass[c];
    if (kind == ByteClass::kPlain) continue;
    if (kind == ByteClass::kLead) {
      // U+FFFE and U+FFFF are EF BF BE and EF BF BF; every other sequence
      // starting with EF is ordinary text.
      if (i + 2 >= text.size() || static_cast<unsigned char>(text[i + 1]) != 0xBF ||
          static_cast<unsigned char>(text[i + 2]) < 0xBE) {
        continue;
      }
    }
    // Plain bytes (UTF-8 sequences included) are copied in runs.
    Raw(text.substr(run_start, i - run_start));
    switch (c) {
      case '&':
        Raw("&amp;");
        break;
      case '<':
        Raw("&lt;");
        break;
      case '>':
        Raw("&gt;");
        break;
      case '\r':
        Raw("&#13;");
        break;
      default:
        Raw(kReplacement);
        if (kind == ByteClass::kLead) i += 2;
        break;
    }
    run_start = i + 1;
  }
  Raw(text.substr(run_start));
}

void XmlWriter::Int(std::int64_t value) {
  Reserve(kMaxIntBytes);
  const auto result = std::to_chars(data_ + len_, data_ + len_ + kMaxIntBytes, value);
  len_ = static_cast<std::size_t>(result.ptr - data_);
}

void XmlWriter::MoneyAmount(std::int64_t minor, int digits) {
  Reserve(kMaxMoneyChars);
  len_ = static_cast<std::size_t>(
      WriteMoneyAmount(data_ + len_, minor, digits, MoneyStyle::kFixed) - data_);
}

void XmlWriter::DateTime(EpochMillis t) {
  // Floor division, so instants before 1970 land on the right day.
  std::int64_t days = t / kMillisPerDay;
  std::int64_t millis_of_day = t % kMillisPerDay;
  if (millis_of_day < 0) {
    millis_of_day += kMillisPerDay;
    --days;
  }
  const CivilDate date = CivilFromDays(days);
  if (date.year < 0 || date.year > 9999) {
    // Not a date any order carries; the general formatter handles the width.
    Raw(FormatIsoMillis(t));
    return;
  }
  constexpr std::size_t kLength = sizeof("2021-06-15T22:33:27.000Z") - 1;
  Reserve(kLength);
  char* p = data_ + len_;
  const auto year = static_cast<unsigned>(date.year);
  p = TwoDigits(p, year / 100);
  p = TwoDigits(p, year % 100);
  *p++ = '-';
  p = TwoDigits(p, date.month);
  *p++ = '-';
  p = TwoDigits(p, date.day);
  *p++ = 'T';
  const auto seconds = static_cast<unsigned>(millis_of_day / 1000);
  p = TwoDigits(p, seconds / 3600);
  *p++ = ':';
  p = TwoDigits(p, seconds / 60 % 60);
  *p++ = ':';
  p = TwoDigits(p, seconds % 60);
  *p++ = '.';
  const auto millis = static_cast<unsigned>(millis_of_day % 1000);
  *p++ = static_cast<char>('0' + millis / 100);
  p = TwoDigits(p, millis % 100);
  *p++ = 'Z';
  len_ = static_cast<std::size_t>(p - data_);
}

}  // namespace mporders
