#pragma once
// Black-box set-up for the sandbox control API: the server of ApiTest with a
// sandbox key, and helpers that call /sandbox/v1/ with it.

#include <string>
#include <vector>

#include "support/fixtures.h"
#include "support/order_builders.h"

namespace mporders::testing {

constexpr char kSandboxKey[] = "sandbox-key-for-tests";

class SandboxTest : public ApiTest {
 protected:
  std::vector<std::string> ServeArgs() override { return {"--sandbox-key", kSandboxKey}; }

  // A control call with the sandbox key in X-Sandbox-Key.
  HttpResponse Control(const std::string& method, const std::string& path,
                       const std::string& body = "") {
    HttpClient client(server_->port());
    Headers headers = {{"X-Sandbox-Key", kSandboxKey}, {"Content-Type", "application/json"}};
    return client.Request(method, "/sandbox/v1/sellers/" + path, headers, body);
  }

  // Creates generated orders for seller A; returns their ids.
  std::vector<std::string> CreateOrders(const std::string& body) {
    auto response = Control("POST", std::string(kSellerA) + "/orders", body);
    EXPECT_EQ(response.status, 201u) << response.body;
    std::vector<std::string> ids;
    const auto json = response.Json();  // outlives the loop over its members
    for (const auto& id : json.at("purchaseOrderIds").as_array()) {
      ids.emplace_back(id.as_string());
    }
    return ids;
  }

  HttpResponse GetOrder(const std::string& po) { return Get("/v3/orders/" + po, token_a_); }

  // A new token for seller A: after moving its clock, the old one may have expired.
  void RenewToken() { token_a_ = FetchToken(server_->port(), kClientA, kSecret); }
};

}  // namespace mporders::testing
