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

// A UPU S10 serial: 8 digits and their check digit.
void AppendS10Serial(std::string& out, Rng& rng) {
  static constexpr std::array<int, 8> kWeights = {8, 6, 4, 2, 3, 5, 9, 7};
  int sum = 0;
  for (int weight : kWeights) {
    const int digit = static_cast<int>(rng.Below(10));
    out.push_back(static_cast<char>('0' + digit));
    sum += digit * weight;
  }
  int check = 11 - sum % 11;
  if (check == 10) check = 0;
  if (check == 11) check = 5;
  out.push_back(static_cast<char>('0' + check));
}

constexpr std::array<Carrier, 6> kCaCarriers = {Carrier::kCanadaPost, Carrier::kPurolator,
                                                Carrier::kCanpar,     Carrier::kLoomis,
                                                Carrier::kUps,        Carrier::kFedEx};
constexpr std::array<Carrier, 4> kClCarriers = {Carrier::kChilexpress, Carrier::kBlueExpress,
                                                Carrier::kStarken, Carrier::kCorreosChile};
constexpr std::array<Carrier, 3> kMxCarriers = {Carrier::kEstafeta, Carrier::kMxFedEx,
                                                Carrier::kMxDhl};
constexpr std::array<Carrier, 6> kUsCarriers = {Carrier::kUps,   Carrier::kUsps,
                                                Carrier::kFedEx, Carrier::kOnTrac,
                                                Carrier::kLso,   Carrier::kDhlEcommerce};

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

ShipMethod ChooseShipMethod(MarketId market, bool bulky, Rng& rng) {
  switch (market) {
    case MarketId::kUs:
      return ChooseShipMethod(bulky, rng);
    case MarketId::kCa: {
      if (bulky) return rng.Chance(600) ? ShipMethod::kFreight : ShipMethod::kStandard;
      static constexpr std::array<int, 3> kWeights = {62, 26, 12};
      static constexpr std::array<ShipMethod, 3> kMethods = {
          ShipMethod::kStandard, ShipMethod::kValue, ShipMethod::kExpress};
      return kMethods[rng.Weighted(kWeights)];
    }
    case MarketId::kMx:
      if (bulky) return rng.Chance(300) ? ShipMethod::kFreight : ShipMethod::kStandard;
      return rng.Chance(220) ? ShipMethod::kExpress : ShipMethod::kStandard;
    case MarketId::kCl:
      if (bulky) return ShipMethod::kStandard;
      return rng.Chance(180) ? ShipMethod::kExpress : ShipMethod::kStandard;
  }
  return ShipMethod::kStandard;
}

std::int64_t MarketShippingFee(MarketId market, ShipMethod method, Rng& rng) {
  const bool fast = method == ShipMethod::kExpress || method == ShipMethod::kOneDay;
  const bool freight = method == ShipMethod::kFreight || method == ShipMethod::kWhiteGlove;
  switch (market) {
    case MarketId::kCa: {
      if (freight) return rng.Chance(500) ? 4999 : 0;
      if (fast) return rng.Chance(600) ? 1499 : 0;
      static constexpr std::array<std::int64_t, 3> kFees = {799, 999, 1299};
      return rng.Chance(250) ? rng.Pick(kFees) : 0;
    }
    case MarketId::kCl: {
      // Pesos: delivery outside Santiago is rarely free.
      if (fast) return rng.Chance(700) ? 5990 : 0;
      static constexpr std::array<std::int64_t, 4> kFees = {2990, 3490, 3990, 4990};
      return rng.Chance(450) ? rng.Pick(kFees) : 0;
    }
    case MarketId::kMx: {
      // Centavos of whole-peso fees.
      if (freight) return rng.Chance(500) ? 49900 : 0;
      if (fast) return rng.Chance(600) ? 19900 : 0;
      static constexpr std::array<std::int64_t, 3> kFees = {9900, 12900, 14900};
      return rng.Chance(300) ? rng.Pick(kFees) : 0;
    }
    case MarketId::kUs:
      break;
  }
  return 0;
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
    case Carrier::kCanadaPost:
      return "CPC";
    case Carrier::kPurolator:
      return "PCLINT";
    case Carrier::kCanpar:
      return "CANPAR";
    case Carrier::kLoomis:
      return "LOOMIS";
    case Carrier::kChilexpress:
      return "Chilexpress";
    case Carrier::kBlueExpress:
      return "BlueExpress";
    case Carrier::kStarken:
      return "Starken";
    case Carrier::kCorreosChile:
      return "CorreosChile";
    case Carrier::kMxFedEx:
      return "MX-FEDX";
    case Carrier::kMxDhl:
      return "MX-DHL";
    case Carrier::kEstafeta:
      return "Estafeta";
  }
  return "UPS";
}

std::span<const Carrier> MarketCarriers(MarketId market) {
  switch (market) {
    case MarketId::kCa:
      return kCaCarriers;
    case MarketId::kCl:
      return kClCarriers;
    case MarketId::kMx:
      return kMxCarriers;
    case MarketId::kUs:
      break;
  }
  return kUsCarriers;
}

Carrier ChooseCarrier(MarketId market, ShipMethod method, Region region, bool bulky, Rng& rng) {
  const bool fast = method == ShipMethod::kExpress || method == ShipMethod::kOneDay;
  switch (market) {
    case MarketId::kUs:
      return ChooseCarrier(method, region, bulky, rng);
    case MarketId::kCa: {
      if (bulky || fast || method == ShipMethod::kFreight) {
        static constexpr std::array<int, 3> kWeights = {50, 25, 25};
        static constexpr std::array<Carrier, 3> kCouriers = {Carrier::kPurolator, Carrier::kUps,
                                                             Carrier::kFedEx};
        return kCouriers[rng.Weighted(kWeights)];
      }
      static constexpr std::array<int, 6> kWeights = {48, 20, 14, 10, 4, 4};
      return kCaCarriers[rng.Weighted(kWeights)];
    }
    case MarketId::kCl: {
      if (fast) return rng.Chance(600) ? Carrier::kChilexpress : Carrier::kBlueExpress;
      static constexpr std::array<int, 4> kWeights = {35, 30, 20, 15};
      return kClCarriers[rng.Weighted(kWeights)];
    }
    case MarketId::kMx: {
      if (fast) return rng.Chance(500) ? Carrier::kMxFedEx : Carrier::kMxDhl;
      static constexpr std::array<int, 3> kWeights = {45, 30, 25};
      return kMxCarriers[rng.Weighted(kWeights)];
    }
  }
  return Carrier::kUps;
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
    case Carrier::kCanadaPost:
      // 16-digit domestic parcel PIN.
      AppendRandomDigits(number, 16, rng);
      break;
    case Carrier::kPurolator:
    case Carrier::kMxFedEx:
    case Carrier::kChilexpress:
      // 12-digit PIN (Purolator), airbill (FedEx) or orden de transporte (Chilexpress).
      number.push_back(static_cast<char>('1' + rng.Below(9)));
      AppendRandomDigits(number, 11, rng);
      break;
    case Carrier::kCanpar:
      // D + 21 digits.
      number.push_back('D');
      AppendRandomDigits(number, 21, rng);
      break;
    case Carrier::kLoomis:
      number.push_back('W');
      AppendRandomDigits(number, 11, rng);
      break;
    case Carrier::kBlueExpress:
    case Carrier::kStarken:
    case Carrier::kMxDhl:
      // 10-digit shipment numbers.
      number.push_back(static_cast<char>('1' + rng.Below(9)));
      AppendRandomDigits(number, 9, rng);
      break;
    case Carrier::kCorreosChile:
      // UPU S10: two letters, 8 digits, check digit, country.
      number.append("CP");
      AppendS10Serial(number, rng);
      number.append("CL");
      break;
    case Carrier::kEstafeta:
      // 22-digit guía.
      AppendRandomDigits(number, 22, rng);
      if (number[0] == '0') number[0] = '8';
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
    case Carrier::kCanadaPost:
      prefix = "https://www.canadapost-postescanada.ca/track-reperage/en#/details/";
      break;
    case Carrier::kPurolator:
      prefix = "https://www.purolator.com/en/shipping/tracker?pin=";
      break;
    case Carrier::kCanpar:
      prefix = "https://www.canpar.com/en/tracking/delivery_options.htm?barcode=";
      break;
    case Carrier::kLoomis:
      prefix = "https://www.loomis-express.com/loomship/Track/TrackStatus?wbs=";
      break;
    case Carrier::kChilexpress:
      prefix = "https://centrodeayuda.chilexpress.cl/seguimiento/";
      break;
    case Carrier::kBlueExpress:
      prefix = "https://www.blue.cl/seguimiento/?n_seguimiento=";
      break;
    case Carrier::kStarken:
      prefix = "https://www.starken.cl/seguimiento?codigo=";
      break;
    case Carrier::kCorreosChile:
      prefix = "https://www.correos.cl/web/guest/seguimiento-en-linea?codigos=";
      break;
    case Carrier::kMxFedEx:
      prefix = "https://www.fedex.com/es-mx/tracking.html?tracknumbers=";
      break;
    case Carrier::kMxDhl:
      prefix = "https://www.dhl.com/mx-es/home/rastreo.html?tracking-id=";
      break;
    case Carrier::kEstafeta:
      prefix = "https://www.estafeta.com/Herramientas/Rastreo?wayBillType=1&wayBill=";
      break;
  }
  std::string url = prefix;
  url += tracking_number;
  return url;
}

}  // namespace mporders::sim
