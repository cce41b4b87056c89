#pragma once
// The access log and the server's log format.
//
// text (default): spdlog's usual lines; one access line per request:
//   127.0.0.1 GET /v3/orders?limit=5 200 812us cid=abc
// json: every line one JSON object. Access lines:
//   {"time":"2024-05-20T10:13:20.123456Z","level":"info","type":"access","cid":"abc",
//    "seller":"10001234567","route":"/v3/orders","method":"GET","target":"/v3/orders?limit=5",
//    "status":200,"latency_us":812,"bytes":5120,"remote":"127.0.0.1"}
//   other lines: {"time":...,"level":"warn","message":"..."}
// Neither format ever contains headers or bodies (they carry secrets).

#include <string_view>

#include "api/metrics.h"
#include "http/server.h"

namespace mporders::api {

enum class LogFormat { kText, kJson };

// "text" or "json"; false for anything else.
bool ParseLogFormat(std::string_view text, LogFormat& format);

// Sets up spdlog's default logger (and the access log) for `format`, at
// `level` ("info", ...). Call once at start-up, before serving.
void ConfigureLogging(LogFormat format, std::string_view level);

// The http::Server completion hook: records the request in `metrics` (when
// not null) and writes its access line in `format` (at level info).
http::CompletionLogger MakeAccessLogger(ApiMetrics* metrics, LogFormat format);

}  // namespace mporders::api
