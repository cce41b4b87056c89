#include "sim/tax_ids.h"

#include <cctype>

#include "sim/ids.h"

namespace mporders::sim {
namespace {

bool IsAsciiLetter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

char Upper(char c) { return static_cast<char>(std::toupper(static_cast<unsigned char>(c))); }

// The first ASCII letter of `text` (X when there is none).
char Initial(std::string_view text) {
  for (char c : text) {
    if (IsAsciiLetter(c)) return Upper(c);
  }
  return 'X';
}

// The first ASCII vowel after the first letter (X when there is none).
char InnerVowel(std::string_view text) {
  bool first = true;
  for (char c : text) {
    if (!IsAsciiLetter(c)) continue;
    if (first) {
      first = false;
      continue;
    }
    const char upper = Upper(c);
    if (upper == 'A' || upper == 'E' || upper == 'I' || upper == 'O' || upper == 'U') return upper;
  }
  return 'X';
}

}  // namespace

char RutCheckDigit(std::uint64_t body) {
  int sum = 0;
  int weight = 2;
  for (; body > 0; body /= 10) {
    sum += static_cast<int>(body % 10) * weight;
    weight = weight == 7 ? 2 : weight + 1;
  }
  const int check = 11 - sum % 11;
  if (check == 11) return '0';
  if (check == 10) return 'K';
  return static_cast<char>('0' + check);
}

std::string MakeRut(Rng& rng) {
  const std::uint64_t body = 5'000'000 + rng.Below(21'000'000);
  std::string rut = std::to_string(body);
  rut.push_back('-');
  rut.push_back(RutCheckDigit(body));
  return rut;
}

bool IsValidRut(std::string_view rut) {
  const std::size_t dash = rut.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash + 2 != rut.size() || dash > 9) {
    return false;
  }
  std::uint64_t body = 0;
  for (std::size_t i = 0; i < dash; ++i) {
    if (!std::isdigit(static_cast<unsigned char>(rut[i]))) return false;
    body = body * 10 + static_cast<std::uint64_t>(rut[i] - '0');
  }
  return Upper(rut[dash + 1]) == RutCheckDigit(body);
}

std::string MakePersonRfc(std::string_view given_name, std::string_view paternal_surname,
                          std::string_view maternal_surname, Rng& rng) {
  std::string rfc;
  rfc.reserve(13);
  rfc.push_back(Initial(paternal_surname));
  rfc.push_back(InnerVowel(paternal_surname));
  rfc.push_back(Initial(maternal_surname));
  rfc.push_back(Initial(given_name));
  // Born 1950-2005; days up to 28 are valid in every month.
  AppendDigits(rfc, 50 + rng.Below(56), 2);
  AppendDigits(rfc, 1 + rng.Below(12), 2);
  AppendDigits(rfc, 1 + rng.Below(28), 2);
  constexpr char kHomoclave[] = "123456789ABCDEFGHIJKLMNPQRSTUVWXYZ";
  for (int i = 0; i < 2; ++i) rfc.push_back(kHomoclave[rng.Below(sizeof(kHomoclave) - 1)]);
  rfc.push_back(static_cast<char>('0' + rng.Below(10)));
  return rfc;
}

}  // namespace mporders::sim
