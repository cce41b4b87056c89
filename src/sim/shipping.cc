#include "sim/shipping.h"

#include <array>

namespace mporders::sim {
namespace {

constexpr EpochMillis kMillisPerHour = 3600 * kMillisPerSecond;

void AppendRandomDigits(std::string& out, int count, Rng& rng) {
  for (int i = 0; i < count; ++i) out.push_back(static_cast<char>('0' + rng.Below(10)));
}

void AppendRandomAlnum(std::string& out, int count, Rng& rng) {
  constexpr char kAlnum[] = "0123456789ABCDEFGHJKLMNPRSTUVWXY";
  for (int i = 0; i < count; ++i) out.push_back(kAlnum[rng.Below(sizeof(kAlnum) - 1)]);
}

}  // namespace

const char* MethodCode(ShipMethod method) {
  switch (method) {
    case ShipMethod::kStandard:
      return "Standard";
    case ShipMethod::kExpress:
      return "Express";
    case ShipMethod::kOneDay:
      return "OneDay";
    case ShipMethod::kFreight:
      return "Freight";
    case ShipMethod::kWhiteGlove:
      return "WhiteGlove";
    case ShipMethod::kValue:
      return "Value";
  }
  return "Standard";
}

const char* FulfillmentShipMethod(ShipMethod method) {
  switch (method) {
    case ShipMethod::kStandard:
      return "STANDARD";
    case ShipMethod::kExpress:
      return "EXPEDITED";
    case ShipMethod::kOneDay:
      return "RUSH";
    case ShipMethod::kFreight:
      return "FREIGHT";
    case ShipMethod::kWhiteGlove:
      return "WHITE_GLOVE";
    case ShipMethod::kValue:
      return "VALUE";
  }
  return "STANDARD";
}

ShipMethod ChooseShipMethod(bool bulky, Rng& rng) {
  if (bulky) {
    static constexpr std::array<int, 3> kWeights = {45, 35, 20};
    static constexpr std::array<ShipMethod, 3> kMethods = {
        ShipMethod::kFreight, ShipMethod::kStandard, ShipMethod::kWhiteGlove};
    return kMethods[rng.Weighted(kWeights)];
  }
  // Most marketplace orders ship Standard or Value; fast options are a minority.
  static constexpr std::array<int, 4> kWeights = {52, 36, 8, 4};
  static constexpr std::array<ShipMethod, 4> kMethods = {ShipMethod::kStandard, ShipMethod::kValue,
                                                         ShipMethod::kExpress, ShipMethod::kOneDay};
  return kMethods[rng.Weighted(kWeights)];
}

int DeliveryDays(ShipMethod method, Rng& rng) {
  switch (method) {
    case ShipMethod::kOneDay:
      return 2;
    case ShipMethod::kExpress:
      return static_cast<int>(rng.Between(2, 3));
    case ShipMethod::kStandard:
      return static_cast<int>(rng.Between(3, 5));
    case ShipMethod::kValue:
      return static_cast<int>(rng.Between(4, 6));
    case ShipMethod::kFreight:
    case ShipMethod::kWhiteGlove:
      return static_cast<int>(rng.Between(5, 6));
  }
  return 4;
}

EpochMillis TransitMillis(ShipMethod method, Rng& rng) {
  int min_days = 2;
  int max_days = 5;
  switch (method) {
    case ShipMethod::kOneDay:
      min_days = 1;
      max_days = 1;
      break;
    case ShipMethod::kExpress:
      min_days = 1;
      max_days = 2;
      break;
    case ShipMethod::kStandard:
      min_days = 2;
      max_days = 5;
      break;
    case ShipMethod::kValue:
      min_days = 3;
      max_days = 7;
      break;
    case ShipMethod::kFreight:
      min_days = 4;
      max_days = 8;
      break;
    case ShipMethod::kWhiteGlove:
      min_days = 5;
      max_days = 10;
      break;
  }
  // Two statements: the order of the draws must not be left to the compiler.
  const EpochMillis days = rng.Between(min_days, max_days);
  return days * kMillisPerDay + rng.Between(0, 10 * kMillisPerHour);
}

const char* CarrierName(Carrier carrier) {
  switch (carrier) {
    case Carrier::kUps:
      return "UPS";
    case Carrier::kUsps:
      return "USPS";
    case Carrier::kFedEx:
      return "FedEx";
    case Carrier::kOnTrac:
      return "OnTrac";
    case Carrier::kLso:
      return "LSO";
    case Carrier::kDhlEcommerce:
      return "DHL Ecommerce - US";
  }
  return "UPS";
}

Carrier ChooseCarrier(ShipMethod method, Region region, bool bulky, Rng& rng) {
  if (bulky) return rng.Chance(500) ? Carrier::kUps : Carrier::kFedEx;
  switch (method) {
    case ShipMethod::kExpress:
    case ShipMethod::kOneDay:
    case ShipMethod::kFreight:
    case ShipMethod::kWhiteGlove:
      return rng.Chance(500) ? Carrier::kUps : Carrier::kFedEx;
    case ShipMethod::kValue: {
      static constexpr std::array<int, 4> kWeights = {55, 25, 10, 10};
      static constexpr std::array<Carrier, 4> kCarriers = {Carrier::kUsps, Carrier::kDhlEcommerce,
                                                           Carrier::kUps, Carrier::kFedEx};
      return kCarriers[rng.Weighted(kWeights)];
    }
    case ShipMethod::kStandard:
      break;
  }
  static constexpr std::array<int, 4> kWeights = {35, 30, 23, 12};
  static constexpr std::array<Carrier, 3> kNational = {Carrier::kUps, Carrier::kFedEx,
                                                       Carrier::kUsps};
  const std::size_t pick = rng.Weighted(kWeights);
  if (pick < kNational.size()) return kNational[pick];
  switch (region) {
    case Region::kWest:
      return Carrier::kOnTrac;
    case Region::kSouthCentral:
      return Carrier::kLso;
    case Region::kOther:
      break;
  }
  return Carrier::kUps;
}

std::string TrackingNumber(Carrier carrier, ShipMethod method, Rng& rng) {
  std::string number;
  number.reserve(24);
  switch (carrier) {
    case Carrier::kUps:
      // 1Z + 6-character shipper account + 2-digit service + 8-digit package id.
      number.append("1Z");
      AppendRandomAlnum(number, 6, rng);
      number += method == ShipMethod::kOneDay ? "01" : method == ShipMethod::kExpress ? "02" : "03";
      AppendRandomDigits(number, 8, rng);
      break;
    case Carrier::kUsps:
      // 22-digit Intelligent Mail package barcode.
      number.append(rng.Chance(500) ? "94001" : "92055");
      AppendRandomDigits(number, 17, rng);
      break;
    case Carrier::kFedEx:
      // Express labels have 12 digits, Ground labels 15.
      AppendRandomDigits(number, method == ShipMethod::kStandard ? 15 : 12, rng);
      if (number[0] == '0') number[0] = '7';
      break;
    case Carrier::kOnTrac:
      number.append("D1001");
      AppendRandomDigits(number, 10, rng);
      break;
    case Carrier::kLso:
      number.append("Z");
      AppendRandomAlnum(number, 1, rng);
      AppendRandomDigits(number, 7, rng);
      break;
    case Carrier::kDhlEcommerce:
      number.append("GM");
      AppendRandomDigits(number, 18, rng);
      break;
  }
  return number;
}

std::string TrackingUrl(Carrier carrier, const std::string& tracking_number) {
  const char* prefix = "";
  switch (carrier) {
    case Carrier::kUps:
      prefix = "https://www.ups.com/track?tracknum=";
      break;
    case Carrier::kUsps:
      prefix = "https://tools.usps.com/go/TrackConfirmAction?tLabels=";
      break;
    case Carrier::kFedEx:
      prefix = "https://www.fedex.com/fedextrack/?trknbr=";
      break;
    case Carrier::kOnTrac:
      prefix = "https://www.ontrac.com/tracking/?number=";
      break;
    case Carrier::kLso:
      prefix = "https://www.lso.com/tracking?airbillnos=";
      break;
    case Carrier::kDhlEcommerce:
      prefix = "https://www.dhl.com/us-en/home/tracking/tracking-ecommerce.html?tracking-id=";
      break;
  }
  std::string url = prefix;
  url += tracking_number;
  return url;
}

}  // namespace mporders::sim
