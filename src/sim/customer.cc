#include "sim/customer.h"

#include <array>
#include <charconv>

#include "sim/ids.h"

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

}  // namespace

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
