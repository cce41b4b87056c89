#pragma once
// RFC 9457 problem details (application/problem+json), the error body a
// client gets when it asks for it in Accept:
//
//   {"type":"about:blank","title":"Bad Request","status":400,
//    "detail":"Field 'orderShipment.orderLines' is missing.",
//    "instance":"/v3/orders/1815367951431/shipping",
//    "code":"INVALID_REQUEST_CONTENT.GMP_ORDER_API","field":"orderShipment.orderLines"}
//
// `code` and `field` are extension members carrying what Walmart's error
// list carries, so that errors of one status stay distinguishable.

#include <string>

namespace mporders {

struct Problem {
  std::string type = "about:blank";
  std::string title;  // with about:blank, the HTTP reason phrase
  unsigned status = 0;
  std::string detail;
  std::string instance;  // the request path; omitted when empty
  std::string code;      // Walmart's error code; omitted when empty
  std::string field;     // omitted when empty
};

std::string EncodeProblemJson(const Problem& problem);

}  // namespace mporders
