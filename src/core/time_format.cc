#include "core/time_format.h"

#include <charconv>
#include <cstdint>

namespace mporders {
namespace {

constexpr EpochMillis kMillisPerMinute = 60 * kMillisPerSecond;
constexpr EpochMillis kMillisPerHour = 60 * kMillisPerMinute;
// Epoch integers at or above this are milliseconds (10^11 s is year 5138,
// 10^11 ms is 1973), below it seconds.
constexpr std::int64_t kEpochMillisThreshold = 100'000'000'000;
// More digits than this could overflow int64 once seconds become millis.
constexpr std::size_t kMaxEpochDigits = 18;


bool IsLeapYear(std::int64_t y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

unsigned DaysInMonth(std::int64_t year, unsigned month) {
  static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeapYear(year) ? 29 : kDays[month - 1];
}

void AppendPadded(std::string& out, std::int64_t value, int width) {
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), value);
  (void)ec;
  for (int pad = width - static_cast<int>(end - buf); pad > 0; --pad) out.push_back('0');
  out.append(buf, end);
}

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// A cursor over the text; every reader returns false without consuming on mismatch.
class Scanner {
 public:
  explicit Scanner(std::string_view text) : text_(text) {}

  bool AtEnd() const { return pos_ == text_.size(); }
  char Peek() const { return AtEnd() ? '\0' : text_[pos_]; }
  void Skip() { ++pos_; }

  bool Consume(char c) {
    if (Peek() != c || AtEnd()) return false;
    ++pos_;
    return true;
  }

  // Exactly `count` digits.
  bool Digits(int count, unsigned& out) {
    if (text_.size() - pos_ < static_cast<std::size_t>(count)) return false;
    unsigned value = 0;
    for (int i = 0; i < count; ++i) {
      const char c = text_[pos_ + i];
      if (!IsDigit(c)) return false;
      value = value * 10 + static_cast<unsigned>(c - '0');
    }
    pos_ += count;
    out = value;
    return true;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

std::optional<EpochMillis> ParseEpochInteger(std::string_view text) {
  if (text.empty() || text.size() > kMaxEpochDigits) return std::nullopt;
  std::int64_t value = 0;
  for (char c : text) {
    if (!IsDigit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value >= kEpochMillisThreshold ? value : value * kMillisPerSecond;
}

// Parses the zone designator that ends a date-time; `offset` is what must be
// subtracted from the local time to get UTC.
bool ParseZone(Scanner& s, EpochMillis& offset) {
  offset = 0;
  if (s.AtEnd()) return true;
  if (s.Consume('Z') || s.Consume('z')) return s.AtEnd();
  int sign;
  if (s.Consume('+') || s.Consume(' ')) {
    sign = 1;
  } else if (s.Consume('-')) {
    sign = -1;
  } else {
    return false;
  }
  unsigned hours = 0;
  unsigned minutes = 0;
  if (!s.Digits(2, hours) || hours >= 24) return false;
  if (!s.AtEnd()) {
    s.Consume(':');  // `±HH:mm` and `±HHmm` are both accepted
    if (!s.Digits(2, minutes) || minutes >= 60) return false;
  }
  if (!s.AtEnd()) return false;
  offset = sign * (hours * kMillisPerHour + minutes * kMillisPerMinute);
  return true;
}

}  // namespace

CivilDate CivilFromDays(std::int64_t z) {
  // H. Hinnant's civil_from_days, the inverse of DaysFromCivil.
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const auto doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned day = doy - (153 * mp + 2) / 5 + 1;
  const unsigned month = mp < 10 ? mp + 3 : mp - 9;
  const std::int64_t year = static_cast<std::int64_t>(yoe) + era * 400 + (month <= 2 ? 1 : 0);
  return {year, month, day};
}

std::int64_t DaysFromCivil(std::int64_t year, unsigned month, unsigned day) {
  year -= month <= 2 ? 1 : 0;
  const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
  const auto yoe = static_cast<unsigned>(year - era * 400);
  const unsigned doy = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

std::string FormatIsoMillis(EpochMillis t) {
  // Floor division so that instants before 1970 land on the right day.
  std::int64_t days = t / kMillisPerDay;
  std::int64_t in_day = t % kMillisPerDay;
  if (in_day < 0) {
    in_day += kMillisPerDay;
    --days;
  }
  const CivilDate date = CivilFromDays(days);
  std::string out;
  out.reserve(24);
  if (date.year < 0) {
    out.push_back('-');
    AppendPadded(out, -date.year, 4);
  } else {
    AppendPadded(out, date.year, 4);
  }
  out.push_back('-');
  AppendPadded(out, date.month, 2);
  out.push_back('-');
  AppendPadded(out, date.day, 2);
  out.push_back('T');
  AppendPadded(out, in_day / kMillisPerHour, 2);
  out.push_back(':');
  AppendPadded(out, in_day / kMillisPerMinute % 60, 2);
  out.push_back(':');
  AppendPadded(out, in_day / kMillisPerSecond % 60, 2);
  out.push_back('.');
  AppendPadded(out, in_day % kMillisPerSecond, 3);
  out.push_back('Z');
  return out;
}

std::optional<EpochMillis> ParseDateTime(std::string_view text) {
  if (!text.empty() && IsDigit(text[0]) && text.find('-') == std::string_view::npos) {
    return ParseEpochInteger(text);
  }
  Scanner s(text);
  unsigned year = 0;
  unsigned month = 0;
  unsigned day = 0;
  if (!s.Digits(4, year) || !s.Consume('-') || !s.Digits(2, month) || !s.Consume('-') ||
      !s.Digits(2, day)) {
    return std::nullopt;
  }
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month)) return std::nullopt;
  EpochMillis result = DaysFromCivil(year, month, day) * kMillisPerDay;
  if (s.AtEnd()) return result;

  if (!s.Consume('T') && !s.Consume('t')) return std::nullopt;
  unsigned hour = 0;
  unsigned minute = 0;
  unsigned second = 0;
  if (!s.Digits(2, hour) || !s.Consume(':') || !s.Digits(2, minute)) return std::nullopt;
  if (hour >= 24 || minute >= 60) return std::nullopt;
  EpochMillis millis = 0;
  if (s.Consume(':')) {
    if (!s.Digits(2, second) || second > 60) return std::nullopt;
    if (s.Consume('.')) {
      int digits = 0;
      while (IsDigit(s.Peek())) {
        // Digits past the third are below a millisecond: truncated.
        if (digits < 3) millis = millis * 10 + (s.Peek() - '0');
        ++digits;
        s.Skip();
      }
      if (digits == 0) return std::nullopt;
      for (; digits < 3; ++digits) millis *= 10;
    }
  }
  EpochMillis offset = 0;
  if (!ParseZone(s, offset)) return std::nullopt;
  result += hour * kMillisPerHour + minute * kMillisPerMinute + second * kMillisPerSecond + millis;
  return result - offset;
}

}  // namespace mporders
