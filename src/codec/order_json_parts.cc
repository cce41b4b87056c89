#include "codec/order_json_parts.h"

#include <cctype>

#include "codec/json_number.h"
#include "codec/json_reader.h"

namespace mporders {
namespace {

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::toupper(static_cast<unsigned char>(a[i])) !=
        std::toupper(static_cast<unsigned char>(b[i]))) {
      return false;
    }
  }
  return true;
}

Status DecodeTax(const JsonNode& value, const std::string& path, Tax& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.String("taxName", out.tax_name));
  MP_RETURN_IF_ERROR(r.Required("taxAmount", DecodeMoney, out.tax_amount));
  out.extras = r.TakeExtras();
  return Status::Ok();
}

Status DecodeCarrierName(const JsonNode& value, const std::string& path, CarrierName& out) {
  if (value.IsString()) {
    // A newer documentation sample sends the carrier name as a bare string.
    out = CarrierName{};
    out.carrier = value.text;
    return Status::Ok();
  }
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.OptString("otherCarrier", out.other_carrier));
  MP_RETURN_IF_ERROR(r.OptString("carrier", out.carrier));
  out.extras = r.TakeExtras();
  return Status::Ok();
}

Status DecodeRefundCharge(const JsonNode& value, const std::string& path, RefundCharge& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.String("refundReason", out.refund_reason));
  MP_RETURN_IF_ERROR(r.Required("charge", DecodeCharge, out.charge));
  out.extras = r.TakeExtras();
  return Status::Ok();
}

}  // namespace

Status DecodeQuantity(const JsonNode& value, const std::string& path, Quantity& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.String("unitOfMeasurement", out.unit));
  if (!EqualsIgnoreCase(out.unit, "EACH") && !EqualsIgnoreCase(out.unit, "EA")) {
    const std::string unit_path = r.PathOf("unitOfMeasurement");
    return Status::InvalidContent("Field '" + unit_path + "' must be EACH or EA.", unit_path);
  }
  const JsonNode* amount = r.Get("amount");
  const std::string amount_path = r.PathOf("amount");
  if (amount == nullptr) return MissingField(amount_path);
  // A string of digits on the wire; a plain JSON integer is tolerated.
  const bool integer_text = (amount->IsString() || amount->IsNumber()) && !amount->text.empty() &&
                            amount->text.find_first_not_of("0123456789") == std::string::npos;
  const ParsedNumber number = integer_text ? ParseInteger(amount->text) : ParsedNumber{};
  if (!integer_text || !number.ok()) {
    return WrongType(amount_path, "a non-negative integer quantity");
  }
  out.amount = number.value;
  out.extras = r.TakeExtras();
  return Status::Ok();
}

Status DecodeMoney(const JsonNode& value, const std::string& path, Money& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.String("currency", out.currency));
  const JsonNode* amount = r.Get("amount");
  const std::string amount_path = r.PathOf("amount");
  if (amount == nullptr) return MissingField(amount_path);
  // Numbers are read from their literal text, never via a double; a string
  // holding a number is tolerated.
  if (!amount->IsNumber() && !amount->IsString()) return WrongType(amount_path, "a number");
  const ParsedNumber number = ParseMoneyMinor(amount->text);
  switch (number.error) {
    case NumberError::kNone:
      out.minor = number.value;
      return Status::Ok();
    case NumberError::kTooPrecise:
      return Status::InvalidContent(
          "Field '" + amount_path + "' must not have more than 2 decimal places.", amount_path);
    case NumberError::kOutOfRange:
      return Status::InvalidContent("Field '" + amount_path + "' is out of range.", amount_path);
    case NumberError::kSyntax:
      break;
  }
  return WrongType(amount_path, "a number");
}

Status DecodeCharge(const JsonNode& value, const std::string& path, Charge& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.String("chargeType", out.charge_type));
  MP_RETURN_IF_ERROR(r.String("chargeName", out.charge_name));
  MP_RETURN_IF_ERROR(r.Required("chargeAmount", DecodeMoney, out.charge_amount));
  MP_RETURN_IF_ERROR(r.Optional("tax", DecodeTax, out.tax));
  out.extras = r.TakeExtras();
  return Status::Ok();
}

Status DecodeTrackingInfo(const JsonNode& value, const std::string& path, TrackingInfo& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.Date("shipDateTime", out.ship_date_time));
  MP_RETURN_IF_ERROR(r.Required("carrierName", DecodeCarrierName, out.carrier_name));
  MP_RETURN_IF_ERROR(r.String("methodCode", out.method_code));
  MP_RETURN_IF_ERROR(r.OptInt64("carrierMethodCode", out.carrier_method_code));
  MP_RETURN_IF_ERROR(r.String("trackingNumber", out.tracking_number));
  MP_RETURN_IF_ERROR(r.OptString("trackingURL", out.tracking_url));
  out.extras = r.TakeExtras();
  return Status::Ok();
}

Status DecodeReturnCenterAddress(const JsonNode& value, const std::string& path,
                                 ReturnCenterAddress& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.OptString("name", out.name));
  MP_RETURN_IF_ERROR(r.String("address1", out.address1));
  MP_RETURN_IF_ERROR(r.OptString("address2", out.address2));
  MP_RETURN_IF_ERROR(r.String("city", out.city));
  MP_RETURN_IF_ERROR(r.String("state", out.state));
  MP_RETURN_IF_ERROR(r.String("postalCode", out.postal_code));
  MP_RETURN_IF_ERROR(r.String("country", out.country));
  MP_RETURN_IF_ERROR(r.OptString("dayPhone", out.day_phone));
  MP_RETURN_IF_ERROR(r.OptString("emailId", out.email_id));
  out.extras = r.TakeExtras();
  return Status::Ok();
}

Status DecodeRefund(const JsonNode& value, const std::string& path, Refund& out) {
  if (!value.IsObject()) return WrongType(path, "an object");
  ObjectReader r(value, path);
  MP_RETURN_IF_ERROR(r.OptString("refundId", out.refund_id));
  MP_RETURN_IF_ERROR(r.OptString("refundComments", out.refund_comments));
  MP_RETURN_IF_ERROR(r.List("refundCharges", "refundCharge", DecodeRefundCharge, out.refund_charges,
                            ListRule::kMayBeEmpty));
  out.extras = r.TakeExtras();
  return Status::Ok();
}

}  // namespace mporders
