// What POST /v3/token reads (api/token_request.h): the Basic Authorization
// header and the form body. Input: the header value, a newline, the
// Content-Type, a newline, the body. Property: credentials that parse, sent
// again as Basic base64(clientId:clientSecret), parse to the same values; a
// grant_type, echoed in the error body when unsupported, is UTF-8.

#include <string>

#include "api/token_request.h"
#include "auth/crypto.h"
#include "core/utf8.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mporders;
  std::string_view text = fuzz::AsText(data, size);
  auto next_line = [&text]() {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    return line;
  };
  const std::string_view authorization = next_line();
  const std::string_view content_type = next_line();

  auto credentials = api::ParseBasicAuthorization(authorization);
  if (credentials.ok()) {
    MPORDERS_FUZZ_CHECK("token_request", !credentials->client_id.empty());
    auto again = api::ParseBasicAuthorization(
        "Basic " + auth::Base64Encode(credentials->client_id + ":" + credentials->client_secret));
    MPORDERS_FUZZ_CHECK("token_request", again.ok());
    MPORDERS_FUZZ_CHECK("token_request", again->client_id == credentials->client_id);
    MPORDERS_FUZZ_CHECK("token_request", again->client_secret == credentials->client_secret);
  }

  http::Request request;
  if (!content_type.empty()) {
    request.message.set(boost::beast::http::field::content_type,
                        boost::beast::string_view(content_type.data(), content_type.size()));
  }
  request.message.body() = std::string(text);
  auto grant_type = api::TokenGrantType(request);
  if (grant_type.ok()) MPORDERS_FUZZ_CHECK("token_request", IsValidUtf8(*grant_type));
  return 0;
}
