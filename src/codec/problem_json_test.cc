#include "codec/problem_json.h"

#include <gtest/gtest.h>

namespace mporders {
namespace {

TEST(EncodeProblemJsonTest, HasTheRfc9457MembersAndWalmartsCode) {
  const Problem problem{.title = "Bad Request",
                        .status = 400,
                        .detail = "Field \"x\" is missing.",
                        .instance = "/v3/orders/1/cancel",
                        .code = "INVALID_REQUEST_CONTENT.GMP_ORDER_API",
                        .field = "x"};
  EXPECT_EQ(EncodeProblemJson(problem),
            R"({"type":"about:blank","title":"Bad Request","status":400,)"
            R"("detail":"Field \"x\" is missing.","instance":"/v3/orders/1/cancel",)"
            R"("code":"INVALID_REQUEST_CONTENT.GMP_ORDER_API","field":"x"})");
}

TEST(EncodeProblemJsonTest, OmitsEmptyOptionalMembers) {
  const Problem problem{.title = "Not Acceptable",
                        .status = 406,
                        .detail = "d",
                        .instance = {},
                        .code = {},
                        .field = {}};
  EXPECT_EQ(EncodeProblemJson(problem),
            R"({"type":"about:blank","title":"Not Acceptable","status":406,"detail":"d"})");
}

}  // namespace
}  // namespace mporders
