#include "api/endpoints.h"

namespace mporders::api {

boost::asio::awaitable<http::Reply> GetHealth(Call&) { co_return JsonReply(R"({"status":"ok"})"); }

}  // namespace mporders::api
