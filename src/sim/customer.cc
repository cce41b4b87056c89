#include "sim/customer.h"

#include <array>
#include <charconv>
#include <string_view>

#include "sim/ids.h"
#include "sim/tax_ids.h"

namespace mporders::sim {
namespace {

void AppendNumber(std::string& out, std::int64_t value) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  out.append(buffer, result.ptr);
}

std::string StreetAddress(Rng& rng) {
  static constexpr std::array<const char*, 4> kDirections = {"N ", "S ", "E ", "W "};
  std::string street;
  street.reserve(32);
  // House numbers cluster low, as they do in most towns.
  AppendNumber(street, rng.Chance(700) ? rng.Between(1, 2999) : rng.Between(3000, 19999));
  street.push_back(' ');
  if (rng.Chance(120)) street += rng.Pick(kDirections);
  street += rng.Pick(StreetNames());
  street.push_back(' ');
  street += rng.Pick(StreetSuffixes());
  return street;
}

std::string SecondLine(bool office, Rng& rng) {
  std::string line;
  if (office) {
    switch (rng.Below(3)) {
      case 0: {
        line = "Suite ";
        const std::int64_t floor = rng.Between(1, 9);  // draws stay in a fixed order
        AppendNumber(line, floor * 100 + rng.Between(0, 50));
        break;
      }
      case 1:
        line = "Floor ";
        AppendNumber(line, rng.Between(2, 30));
        break;
      default:
        line = "Bldg ";
        line.push_back(static_cast<char>('A' + rng.Below(6)));
        break;
    }
    return line;
  }
  switch (rng.Below(3)) {
    case 0:
      line = "Apt ";
      AppendNumber(line, rng.Between(1, 40));
      line.push_back(static_cast<char>('A' + rng.Below(6)));
      break;
    case 1:
      line = "Apt ";
      AppendNumber(line, rng.Between(101, 1420));
      break;
    default:
      line = "Unit ";
      AppendNumber(line, rng.Between(1, 250));
      break;
  }
  return line;
}

// Words of a space-separated list.
std::string_view PickWord(std::string_view list, Rng& rng) {
  std::size_t count = 1;
  for (char c : list) count += c == ' ' ? 1 : 0;
  std::size_t pick = rng.Below(count);
  std::size_t begin = 0;
  for (; pick > 0; --pick) begin = list.find(' ', begin) + 1;
  const std::size_t end = list.find(' ', begin);
  return list.substr(begin, end == std::string_view::npos ? list.size() - begin : end - begin);
}

// A1A 1A1: a real forward sortation area of the city, then a local delivery
// unit (digit, letter, digit; Canada Post never uses D, F, I, O, Q or U).
std::string CanadianPostalCode(const Locality& locality, Rng& rng) {
  static constexpr std::string_view kLetters = "ABCEGHJKLMNPRSTVWXYZ";
  std::string code(PickWord(locality.postal, rng));
  code.push_back(' ');
  code.push_back(static_cast<char>('0' + rng.Below(10)));
  code.push_back(kLetters[rng.Below(kLetters.size())]);
  code.push_back(static_cast<char>('0' + rng.Below(10)));
  return code;
}

// Canada writes the number first; Quebec's street names are French.
void CanadianStreet(const Locality& locality, bool office, Rng& rng, PostalAddress& address) {
  AppendNumber(address.address1, rng.Chance(700) ? rng.Between(1, 2999) : rng.Between(3000, 12999));
  address.address1.push_back(' ');
  address.address1 += locality.french ? rng.Pick(QuebecStreets()) : rng.Pick(MarketStreets(MarketId::kCa));
  if (!rng.Chance(office ? 600 : 250)) return;
  std::string line;
  if (office) {
    line = locality.french ? "Bureau " : "Suite ";
    AppendNumber(line, rng.Between(1, 20) * 100 + rng.Between(0, 30));
  } else if (rng.Chance(500)) {
    line = locality.french ? "App. " : "Apt ";
    AppendNumber(line, rng.Between(1, 40));
  } else {
    line = locality.french ? "Unité " : "Unit ";
    AppendNumber(line, rng.Between(1, 30) * 100 + rng.Between(1, 20));
  }
  address.address2 = std::move(line);
}

// Chile writes the street first, then the number; flats are "Depto".
void ChileanStreet(bool office, Rng& rng, PostalAddress& address) {
  address.address1 = rng.Pick(MarketStreets(MarketId::kCl));
  address.address1.push_back(' ');
  AppendNumber(address.address1, rng.Between(100, 9999));
  std::string line;
  if (office) {
    line = "Oficina ";
    AppendNumber(line, rng.Between(2, 25) * 100 + rng.Between(1, 20));
  } else if (rng.Chance(550)) {
    line = "Depto ";
    AppendNumber(line, rng.Between(1, 25) * 100 + rng.Between(1, 12));
  } else if (rng.Chance(300)) {
    line = "Casa ";
    AppendNumber(line, rng.Between(1, 80));
  } else {
    return;
  }
  address.address2 = std::move(line);
}

// Mexico: street and number (an interior number for flats), then the colonia.
void MexicanStreet(bool office, Rng& rng, PostalAddress& address) {
  address.address1 = rng.Pick(MarketStreets(MarketId::kMx));
  address.address1.push_back(' ');
  AppendNumber(address.address1, rng.Between(1, 3999));
  if (office || rng.Chance(250)) {
    address.address1 += office ? " Piso " : " Int. ";
    AppendNumber(address.address1, rng.Between(1, 12));
  }
  address.address2 = rng.Pick(Colonias());
}

std::string JsonString(std::string_view text) {
  std::string json = "\"";
  json += text;  // ids and codes here are plain ASCII
  json.push_back('"');
  return json;
}

}  // namespace

Customer MakeCustomer(MarketId market, Rng& rng) {
  if (market == MarketId::kUs) return MakeCustomer(rng);
  Customer customer;
  const std::span<const Locality> localities = Localities(market);
  const Locality& locality = localities[rng.Below(localities.size())];
  customer.locality = &locality;

  PostalAddress& address = customer.address;
  const char* first = rng.Pick(MarketFirstNames(market));
  const char* last = rng.Pick(MarketLastNames(market));
  address.name = first;
  address.name.push_back(' ');
  address.name += last;
  // Chileans and Mexicans carry both surnames.
  const char* second_last = market == MarketId::kCa ? "" : rng.Pick(MarketLastNames(market));
  if (market != MarketId::kCa) {
    address.name.push_back(' ');
    address.name += second_last;
  }
  const bool office = rng.Chance(120);
  switch (market) {
    case MarketId::kCa:
      CanadianStreet(locality, office, rng, address);
      address.postal_code = CanadianPostalCode(locality, rng);
      break;
    case MarketId::kCl:
      ChileanStreet(office, rng, address);
      address.postal_code = locality.postal;
      AppendDigits(address.postal_code, rng.Below(10000), 4);
      break;
    case MarketId::kMx:
    case MarketId::kUs:
      MexicanStreet(office, rng, address);
      address.postal_code = locality.postal;
      AppendDigits(address.postal_code, rng.Below(100), 2);
      break;
  }
  address.city = locality.city;
  address.state = locality.state;
  address.country = GetMarket(market).country();
  address.address_type = office ? "OFFICE" : "RESIDENTIAL";

  if (market == MarketId::kCl) {
    // Mobile numbers in international form: +56 9 and eight digits.
    customer.phone = "+569";
    AppendDigits(customer.phone, static_cast<std::uint64_t>(rng.Between(20'000'000, 99'999'999)), 8);
  } else {
    // Ten digits: the area code, then a subscriber number not starting with 0 or 1.
    customer.phone = locality.area_code;
    const int rest = 10 - static_cast<int>(customer.phone.size());
    std::uint64_t low = 2;
    for (int i = 1; i < rest; ++i) low *= 10;
    customer.phone.reserve(10);
    AppendDigits(customer.phone, low + rng.Below(low * 4), rest);
  }

  customer.email.reserve(50);
  AppendHexUpper(customer.email, rng.Next(), 16);
  AppendHexUpper(customer.email, rng.Next(), 16);
  customer.email += "@relay.walmart.com";

  if (market == MarketId::kCl) {
    customer.order_extras.emplace_back("rut", JsonString(MakeRut(rng)));
  } else if (market == MarketId::kMx) {
    // About a third of buyers ask for an invoice (CFDI) with their own RFC;
    // the others buy under the generic public RFC, without fiscal effects.
    if (rng.Chance(350)) {
      customer.order_extras.emplace_back("rfc", JsonString(MakePersonRfc(first, last, second_last, rng)));
      customer.order_extras.emplace_back("cfdi", JsonString(rng.Chance(500) ? "G01" : "G03"));
    } else {
      customer.order_extras.emplace_back("rfc", JsonString(kGenericRfc));
      customer.order_extras.emplace_back("cfdi", JsonString("S01"));
    }
    customer.order_extras.emplace_back("paymentMethod",
                                       JsonString(rng.Chance(600) ? "CREDIT" : "DEBIT"));
  }
  return customer;
}

Customer MakeCustomer(Rng& rng) {
  Customer customer;
  const std::span<const City> cities = Cities();
  customer.city = &cities[rng.Below(cities.size())];

  PostalAddress& address = customer.address;
  address.name = rng.Pick(FirstNames());
  address.name.push_back(' ');
  address.name += rng.Pick(LastNames());
  address.address1 = StreetAddress(rng);
  const bool office = rng.Chance(120);
  if (rng.Chance(office ? 600 : 200)) address.address2 = SecondLine(office, rng);
  address.city = customer.city->city;
  address.state = customer.city->state;
  address.postal_code = customer.city->postal_code;
  address.country = "USA";
  address.address_type = office ? "OFFICE" : "RESIDENTIAL";

  // NXX exchange codes start with 2-9.
  customer.phone = customer.city->area_code;
  AppendDigits(customer.phone, static_cast<std::uint64_t>(rng.Between(200, 999)), 3);
  AppendDigits(customer.phone, rng.Below(10000), 4);

  customer.email.reserve(50);
  AppendHexUpper(customer.email, rng.Next(), 16);
  AppendHexUpper(customer.email, rng.Next(), 16);
  customer.email += "@relay.walmart.com";
  return customer;
}

}  // namespace mporders::sim
