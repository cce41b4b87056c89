// The HTTP request path up to the handler: bytes through Beast's request
// parser with the server's limits (http/server.h ServerOptions), then what
// the server and every handler do with a parsed request: the target split
// (http/request_target.h), header and query accessors, content negotiation
// and the body's media type (api/representation.h). Property: a request the
// parser accepts has a path starting with '/' whenever its target parses.

#include <boost/beast/http/parser.hpp>
#include <boost/beast/http/string_body.hpp>

#include "api/representation.h"
#include "fuzz_check.h"
#include "http/request.h"
#include "http/request_target.h"
#include "http/server.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace mporders;
  namespace beast_http = boost::beast::http;
  const http::ServerOptions limits;
  beast_http::request_parser<beast_http::string_body> parser;
  parser.header_limit(static_cast<std::uint32_t>(limits.header_limit));
  parser.body_limit(limits.body_limit);
  parser.eager(true);

  boost::beast::error_code ec;
  std::size_t offset = 0;
  while (offset < size && !parser.is_done()) {
    const std::size_t used = parser.put(boost::asio::buffer(data + offset, size - offset), ec);
    if (ec || used == 0) break;
    offset += used;
  }
  // The end of the connection, as the server's read loop reports it: an
  // error before any byte, the end of a body delimited by it after.
  if (!ec && !parser.is_done() && parser.got_some()) parser.put_eof(ec);
  if (ec || !parser.is_done()) return 0;

  http::Request request;
  request.message = parser.release();
  if (http::ParseRequestTarget(request)) {
    MPORDERS_FUZZ_CHECK("http_request", !request.path.empty() && request.path.front() == '/');
    for (const auto& [name, value] : request.query) {
      MPORDERS_FUZZ_CHECK("http_request", request.Query(name) != nullptr);
    }
  }
  (void)request.HasHeader("WM_SEC.ACCESS_TOKEN");
  (void)request.Header("WM_QOS.CORRELATION_ID");
  const api::Representation representation = api::NegotiateRepresentation(request.Header("Accept"));
  (void)representation.BodyContentType();
  (void)representation.ErrorContentType();
  (void)api::ClassifyContentType(request.Header("Content-Type"));
  (void)api::OrderWriteBodyFormat(request);
  (void)api::CheckTokenFormBody(request);
  return 0;
}
