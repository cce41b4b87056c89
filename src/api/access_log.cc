#include "api/access_log.h"

#include <unistd.h>

#include <iterator>
#include <memory>

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "api/buffered_stdout_sink.h"
#include "api/routes.h"
#include "core/text.h"

namespace mporders::api {
namespace {

constexpr char kTimePattern[] = R"({"time":"%Y-%m-%dT%H:%M:%S.%fZ","level":"%l",)";

// Appends `text` as the inside of a JSON string. Well-formed UTF-8 is kept;
// in text that is not (a correlation id is a raw header), every byte >= 0x80
// is written as \u00XX (its Latin-1 value), so every line stays valid JSON.
template <typename Buffer>
void AppendJsonText(Buffer& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  const bool utf8 = IsSafeText(text);
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == '"' || c == '\\') {
      out.push_back('\\');
      out.push_back(c);
    } else if (byte < 0x20 || (byte >= 0x80 && !utf8)) {
      const char escaped[] = {'\\', 'u', '0', '0', kHex[byte >> 4], kHex[byte & 0xf]};
      out.append(escaped, escaped + sizeof escaped);
    } else {
      out.push_back(c);
    }
  }
}

// %j: the message, escaped for a JSON string.
class JsonMessageFlag final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&,
              spdlog::memory_buf_t& dest) override {
    AppendJsonText(dest, std::string_view(msg.payload.data(), msg.payload.size()));
  }
  std::unique_ptr<custom_flag_formatter> clone() const override {
    return std::make_unique<JsonMessageFlag>();
  }
};

// The JSON access log writes its own fields after time and level.
std::shared_ptr<spdlog::logger>& JsonAccessLogger() {
  static std::shared_ptr<spdlog::logger> logger;
  return logger;
}

void Append(fmt::memory_buffer& out, std::string_view text) {
  out.append(text.data(), text.data() + text.size());
}

void AppendField(fmt::memory_buffer& out, std::string_view name, std::string_view value) {
  Append(out, ",\"");
  Append(out, name);
  Append(out, "\":\"");
  AppendJsonText(out, value);
  out.push_back('"');
}

void LogAccessJson(spdlog::logger& logger, const ApiMetrics* metrics,
                   const http::Request& request, const http::Reply& reply,
                   std::chrono::microseconds latency) {
  if (!logger.should_log(spdlog::level::info)) return;
  fmt::memory_buffer line;  // on the stack unless the line is long
  Append(line, R"("type":"access")");
  const std::string_view cid = request.Header("WM_QOS.CORRELATION_ID");
  AppendField(line, "cid", cid);
  AppendField(line, "seller", request.principal);
  AppendField(line, "route", metrics != nullptr ? metrics->RouteTemplate(request.route_index)
                                                : std::string_view());
  const auto method = request.message.method_string();
  AppendField(line, "method", std::string_view(method.data(), method.size()));
  const auto target = request.message.target();
  AppendField(line, "target", std::string_view(target.data(), target.size()));
  fmt::format_to(std::back_inserter(line), R"(,"status":{},"latency_us":{},"bytes":{})",
                 reply.status, latency.count(), reply.BodySize());
  AppendField(line, "remote", request.remote_address);  // the pattern closes the object
  logger.info(spdlog::string_view_t(line.data(), line.size()));
}

}  // namespace

bool ParseLogFormat(std::string_view text, LogFormat& format) {
  if (text == "text") {
    format = LogFormat::kText;
    return true;
  }
  if (text == "json") {
    format = LogFormat::kJson;
    return true;
  }
  return false;
}

namespace {

std::shared_ptr<spdlog::sinks::sink> StdoutSink() {
  if (isatty(STDOUT_FILENO) != 0) return std::make_shared<spdlog::sinks::stdout_sink_mt>();
  return MakeBufferedStdoutSink();
}

}  // namespace

void ConfigureLogging(LogFormat format, std::string_view level) {
  const auto spd_level = spdlog::level::from_str(std::string(level));
  // A terminal keeps spdlog's colour sink; a file or pipe gets buffered
  // lines (api/buffered_stdout_sink.h).
  if (isatty(STDOUT_FILENO) == 0) {
    spdlog::set_default_logger(std::make_shared<spdlog::logger>("", MakeBufferedStdoutSink()));
  }
  spdlog::set_level(spd_level);
  if (format == LogFormat::kText) return;
  auto message_formatter = std::make_unique<spdlog::pattern_formatter>(
      spdlog::pattern_time_type::utc, std::string(spdlog::details::os::default_eol));
  message_formatter->add_flag<JsonMessageFlag>('j').set_pattern(std::string(kTimePattern) +
                                                                R"("message":"%j"})");
  spdlog::default_logger()->set_formatter(std::move(message_formatter));
  // Its own sink: a formatter belongs to a sink, and access lines are
  // formatted differently. stdout, like the default logger; stdio keeps
  // the two loggers' lines whole.
  auto access = std::make_shared<spdlog::logger>("access", StdoutSink());
  access->set_formatter(std::make_unique<spdlog::pattern_formatter>(
      std::string(kTimePattern) + "%v}", spdlog::pattern_time_type::utc));
  access->set_level(spd_level);
  JsonAccessLogger() = std::move(access);
}

http::CompletionLogger MakeAccessLogger(ApiMetrics* metrics, LogFormat format) {
  std::shared_ptr<spdlog::logger> json =
      format == LogFormat::kJson ? JsonAccessLogger() : nullptr;
  if (format == LogFormat::kJson && json == nullptr) {
    const auto level = spdlog::level::to_string_view(spdlog::get_level());
    ConfigureLogging(format, std::string_view(level.data(), level.size()));
    json = JsonAccessLogger();
  }
  return [metrics, json](const http::Request& request, const http::Reply& reply,
                         std::chrono::microseconds latency) {
    if (metrics != nullptr) {
      metrics->Record(request.route_index, request.message.method(), reply.status, latency);
    }
    if (json != nullptr) {
      LogAccessJson(*json, metrics, request, reply, latency);
    } else {
      LogAccess(request, reply, latency);
    }
  };
}

}  // namespace mporders::api
