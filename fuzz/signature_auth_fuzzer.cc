// Signature authentication (api/signature_step.h, auth/signature_auth.h):
// the WM_CONSUMER.ID / WM_SEC.TIMESTAMP / WM_SEC.AUTH_SIGNATURE headers, the
// rebuilt URL and the RSA verification, against a real SQLite store (in
// memory) holding one seller, a consumer with a public key ("consumer-key")
// and a client without one ("consumer-plain").
//
// Input, one field per line: Host, request target, method, WM_CONSUMER.ID,
// WM_SEC.TIMESTAMP, WM_SEC.AUTH_SIGNATURE, WM_SEC.ACCESS_TOKEN, each trimmed
// of spaces and tabs as the HTTP parser trims them; an empty field is an
// absent header. A signature line "SIGN" is replaced by the
// signature of this very call with the consumer's private key, so the
// accepting path is reached too. The clock stands at kNow.
// Properties: UsesSignature is what signature_step.h says; a call verifies
// only when it was signed here, for the keyed consumer, with a timestamp
// within the skew, and then its claims are that consumer's and seller's;
// such a call always verifies.

#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "api/signature_step.h"
#include "auth/signature.h"
#include "auth/signature_auth.h"
#include "core/clock.h"
#include "fuzz_check.h"
#include "store/open/store_open.h"
#include "store/store.h"

namespace {

using namespace mporders;

constexpr EpochMillis kNow = 1764849600000;  // 2025-12-04T12:00:00Z
constexpr char kSeller[] = "seller-fuzz";
constexpr char kKeyed[] = "consumer-key";
constexpr char kPlain[] = "consumer-plain";

struct World {
  std::unique_ptr<Store> store;
  ManualClock clock{kNow};
  std::unique_ptr<auth::SignatureVerifier> verifier;
  std::string private_key;
};

[[noreturn]] void SetupFailed(const char* what) {
  std::fprintf(stderr, "signature_auth fuzzer: set-up failed: %s\n", what);
  std::abort();
}

World& TheWorld() {
  static World* world = [] {
    auto* w = new World;
    auto store = OpenStore("sqlite::memory:");
    if (!store.ok()) SetupFailed("store");
    w->store = std::move(store).value();
    auto keys = auth::GenerateKeyPair();
    if (!keys.ok()) SetupFailed("key pair");
    w->private_key = keys->private_key_pem;
    if (!w->store->PutSeller(Seller{kSeller, kSeller, kNow, MarketId::kMx}).ok()) {
      SetupFailed("seller");
    }
    ClientRecord keyed;
    keyed.client_id = kKeyed;
    keyed.seller_id = kSeller;
    keyed.created_at = kNow;
    keyed.public_key_pem = keys->public_key_pem;
    ClientRecord plain = keyed;
    plain.client_id = kPlain;
    plain.public_key_pem.reset();
    plain.secret_hash = "00";
    plain.secret_salt = "00";
    if (!w->store->AddClient(keyed).ok() || !w->store->AddClient(plain).ok())
      SetupFailed("clients");
    w->verifier = std::make_unique<auth::SignatureVerifier>(*w->store, w->clock);
    return w;
  }();
  return *world;
}

// A header value as the HTTP parser hands it over: without the optional
// white space around it (RFC 9110 §5.5; Beast trims it on insert too).
std::string TrimOws(std::string_view value) {
  while (!value.empty() && (value.front() == ' ' || value.front() == '\t')) value.remove_prefix(1);
  while (!value.empty() && (value.back() == ' ' || value.back() == '\t')) value.remove_suffix(1);
  return std::string(value);
}

// What the HTTP parser would never hand over in a header value.
bool ParserWouldRefuse(std::string_view value) {
  for (unsigned char c : value) {
    if ((c < 0x20 && c != '\t') || c == 0x7f) return true;
  }
  return false;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  World& world = TheWorld();
  std::string_view text = fuzz::AsText(data, size);
  std::vector<std::string> fields;
  for (int i = 0; i < 7; ++i) {
    const std::size_t end = text.find('\n');
    fields.push_back(TrimOws(text.substr(0, end)));
    text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
  }
  for (const std::string& field : fields) {
    if (ParserWouldRefuse(field)) return 0;
  }
  const std::string& host = fields[0];
  std::string target = fields[1].empty() ? "/v3/orders" : fields[1];
  const std::string method_text = fields[2].empty() ? "GET" : fields[2];
  const std::string& consumer = fields[3];
  const std::string& timestamp = fields[4];
  std::string signature = fields[5];
  const std::string& access_token = fields[6];
  // Beast keeps a known method by its verb; an unknown one by its text.
  const auto verb = boost::beast::http::string_to_verb(method_text);
  if (verb == boost::beast::http::verb::unknown) return 0;
  for (char c : target) {
    if (c == ' ' || c == '\t') return 0;  // a request line has no white space in its target
  }

  http::Request request;
  request.message.method(verb);
  request.message.target(target);
  auto set = [&](std::string_view name, const std::string& value) {
    if (!value.empty()) request.message.set(name, value);
  };
  set("Host", host);
  set(auth::kConsumerIdHeader, consumer);
  set(auth::kTimestampHeader, timestamp);
  const bool signed_here = signature == "SIGN";
  if (signed_here) {
    const std::string message =
        auth::SignatureString(consumer, auth::FullRequestUrl(false, host, target),
                              std::string_view(request.message.method_string().data(),
                                               request.message.method_string().size()),
                              timestamp);
    auto made = auth::SignMessage(world.private_key, message);
    MPORDERS_FUZZ_CHECK("signature_auth", made.ok());
    signature = *made;
  }
  set(auth::kAuthSignatureHeader, signature);
  set("WM_SEC.ACCESS_TOKEN", access_token);

  const bool uses = api::UsesSignature(request);
  MPORDERS_FUZZ_CHECK("signature_auth",
                      uses == (access_token.empty() && (!consumer.empty() || !signature.empty())));
  if (!uses) return 0;

  auto claims = api::VerifySignedCall(*world.verifier, request);
  // Fresh: epoch milliseconds within the skew of kNow.
  bool fresh = !timestamp.empty() && timestamp.size() <= 18;
  for (char c : timestamp) fresh = fresh && c >= '0' && c <= '9';
  if (fresh) {
    const long long at = std::atoll(timestamp.c_str());
    const long long skew = world.verifier->skew_seconds() * 1000;
    fresh = at >= kNow - skew && at <= kNow + skew;
  }
  const bool should_verify = signed_here && consumer == kKeyed && !host.empty() && fresh;
  if (claims.ok()) {
    MPORDERS_FUZZ_CHECK("signature_auth", signed_here && consumer == kKeyed && !host.empty());
    MPORDERS_FUZZ_CHECK("signature_auth", claims->client_id == kKeyed);
    MPORDERS_FUZZ_CHECK("signature_auth", claims->seller_id == kSeller);
    MPORDERS_FUZZ_CHECK("signature_auth", claims->market == MarketId::kMx);
  } else {
    MPORDERS_FUZZ_CHECK("signature_auth", !should_verify);
    MPORDERS_FUZZ_CHECK("signature_auth", !claims.status().description().empty());
  }
  return 0;
}
