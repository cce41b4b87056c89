#include "api/representation.h"

#include <optional>
#include <string>
#include <vector>

#include "http/ascii_case.h"

namespace mporders::api {
namespace {

constexpr int kQMax = 1000;  // q-values in thousandths: "0.5" -> 500

struct MediaRange {
  std::string_view type;
  std::string_view subtype;
  int q = kQMax;
};

bool IsOws(char c) { return c == ' ' || c == '\t'; }

std::string_view TrimOws(std::string_view text) {
  while (!text.empty() && IsOws(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsOws(text.back())) text.remove_suffix(1);
  return text;
}

// RFC 9110 tchar.
bool IsTokenChar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool IsToken(std::string_view text) {
  if (text.empty()) return false;
  for (char c : text) {
    if (!IsTokenChar(c)) return false;
  }
  return true;
}

// Splits `text` at `separator`, except inside quoted strings (a parameter
// value may be one and contain ',' or ';').
std::vector<std::string_view> SplitOutsideQuotes(std::string_view text, char separator) {
  std::vector<std::string_view> parts;
  bool quoted = false;
  std::size_t start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted && c == '\\') {
      ++i;  // quoted-pair
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == separator && !quoted) {
      parts.push_back(text.substr(start, i - start));
      start = i + 1;
    }
  }
  parts.push_back(text.substr(start));
  return parts;
}

// qvalue = ( "0" [ "." 0*3DIGIT ] ) / ( "1" [ "." 0*3("0") ] ), in thousandths.
std::optional<int> ParseQValue(std::string_view text) {
  if (text.empty() || (text[0] != '0' && text[0] != '1')) return std::nullopt;
  int value = (text[0] - '0') * kQMax;
  if (text.size() == 1) return value;
  if (text[1] != '.' || text.size() > 5) return std::nullopt;
  int scale = 100;
  for (char c : text.substr(2)) {
    if (c < '0' || c > '9') return std::nullopt;
    value += (c - '0') * scale;
    scale /= 10;
  }
  return value <= kQMax ? std::optional<int>(value) : std::nullopt;
}

// `type/subtype` split at the slash, both tokens; nullopt otherwise.
std::optional<std::pair<std::string_view, std::string_view>> SplitMediaType(std::string_view text) {
  const std::size_t slash = text.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  std::string_view type = text.substr(0, slash);
  std::string_view subtype = text.substr(slash + 1);
  if (!IsToken(type) || !IsToken(subtype)) return std::nullopt;
  return std::make_pair(type, subtype);
}

// One element of the Accept list; nullopt when it is not a media range.
std::optional<MediaRange> ParseMediaRange(std::string_view element) {
  const std::vector<std::string_view> parts = SplitOutsideQuotes(element, ';');
  const auto media_type = SplitMediaType(TrimOws(parts[0]));
  if (!media_type) return std::nullopt;
  MediaRange range{media_type->first, media_type->second, kQMax};
  // "*/json" is not a media range.
  if (range.type == "*" && range.subtype != "*") return std::nullopt;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::string_view parameter = TrimOws(parts[i]);
    const std::size_t equals = parameter.find('=');
    if (equals == std::string_view::npos) return std::nullopt;
    if (http::AsciiIEquals(TrimOws(parameter.substr(0, equals)), "q")) {
      const std::optional<int> q = ParseQValue(TrimOws(parameter.substr(equals + 1)));
      if (!q) return std::nullopt;
      range.q = *q;
    }
  }
  return range;
}

struct Candidate {
  std::string_view type;
  std::string_view subtype;
};

// How specifically `range` matches `candidate`: 3 type/subtype, 2 type/*,
// 1 */*, 0 not at all.
int Specificity(const MediaRange& range, const Candidate& candidate) {
  if (range.type == "*") return 1;
  if (!http::AsciiIEquals(range.type, candidate.type)) return 0;
  if (range.subtype == "*") return 2;
  return http::AsciiIEquals(range.subtype, candidate.subtype) ? 3 : 0;
}

struct Weight {
  int q = 0;
  int specificity = 0;  // 0: no range matches
};

// The q of the most specific range matching `candidate` (the highest q when
// several ranges are equally specific).
Weight WeightOf(const std::vector<MediaRange>& ranges, const Candidate& candidate) {
  Weight weight;
  for (const MediaRange& range : ranges) {
    const int specificity = Specificity(range, candidate);
    if (specificity > weight.specificity ||
        (specificity == weight.specificity && specificity > 0 && range.q > weight.q)) {
      weight = {range.q, specificity};
    }
  }
  return weight;
}

struct SuccessCandidate {
  Candidate media;
  BodyFormat format;
};

// In the order ties are broken.
constexpr SuccessCandidate kSuccessCandidates[] = {
    {{"application", "json"}, BodyFormat::kJson},
    {{"application", "xml"}, BodyFormat::kXml},
    {{"text", "xml"}, BodyFormat::kXml},
};
constexpr Candidate kProblemJson = {"application", "problem+json"};

}  // namespace

std::string_view Representation::BodyContentType() const {
  return body == BodyFormat::kXml ? xml_media_type : std::string_view("application/json");
}

std::string_view Representation::ErrorContentType() const {
  switch (error) {
    case ErrorFormat::kWalmartXml:
      return xml_media_type;
    case ErrorFormat::kProblemJson:
      return "application/problem+json";
    case ErrorFormat::kWalmartJson:
      break;
  }
  return "application/json";
}

// The same candidates with XML first: ties go to application/xml, then
// text/xml, then JSON.
constexpr SuccessCandidate kXmlFirstCandidates[] = {
    {{"application", "xml"}, BodyFormat::kXml},
    {{"text", "xml"}, BodyFormat::kXml},
    {{"application", "json"}, BodyFormat::kJson},
};

Representation NegotiateRepresentation(std::string_view accept, BodyFormat preferred) {
  Representation result;
  if (preferred == BodyFormat::kXml) {
    result.body = BodyFormat::kXml;
    result.error = ErrorFormat::kWalmartXml;
  }
  accept = TrimOws(accept);
  if (accept.empty()) return result;

  std::vector<MediaRange> ranges;
  bool any_element = false;
  for (std::string_view element : SplitOutsideQuotes(accept, ',')) {
    // Empty list elements are allowed and mean nothing (RFC 9110 §5.6.1).
    if (TrimOws(element).empty()) continue;
    any_element = true;
    // An element that is not a media range is ignored; if nothing valid is
    // left, nothing is acceptable.
    if (auto range = ParseMediaRange(element)) ranges.push_back(*range);
  }
  if (!any_element) return result;

  Weight best;
  const SuccessCandidate* chosen = nullptr;
  const auto& candidates =
      preferred == BodyFormat::kXml ? kXmlFirstCandidates : kSuccessCandidates;
  for (const SuccessCandidate& candidate : candidates) {
    const Weight weight = WeightOf(ranges, candidate.media);
    if (weight.q == 0) continue;
    if (chosen == nullptr || weight.q > best.q ||
        (weight.q == best.q && weight.specificity > best.specificity)) {
      best = weight;
      chosen = &candidate;
    }
  }
  if (chosen != nullptr) {
    result.body = chosen->format;
    if (chosen->format == BodyFormat::kXml) {
      result.xml_media_type = chosen->media.type == "text" ? "text/xml" : "application/xml";
    }
  } else {
    result.acceptable = false;
  }

  const Weight problem = WeightOf(ranges, kProblemJson);
  if (problem.specificity == 3 && problem.q > 0 && problem.q >= best.q) {
    result.error = ErrorFormat::kProblemJson;
  } else if (result.acceptable && result.body == BodyFormat::kXml) {
    result.error = ErrorFormat::kWalmartXml;
  } else {
    result.error = ErrorFormat::kWalmartJson;
  }
  return result;
}

RequestMediaType ClassifyContentType(std::string_view content_type) {
  const std::string_view essence = TrimOws(content_type.substr(0, content_type.find(';')));
  if (essence.empty()) return RequestMediaType::kNone;
  const auto media_type = SplitMediaType(essence);
  if (!media_type) return RequestMediaType::kUnsupported;
  const auto [type, subtype] = *media_type;
  const bool application = http::AsciiIEquals(type, "application");
  if (application && (http::AsciiIEquals(subtype, "json") ||
                      http::AsciiIEndsWith(subtype, "+json"))) {
    return RequestMediaType::kJson;
  }
  if ((application || http::AsciiIEquals(type, "text")) &&
      http::AsciiIEquals(subtype, "xml")) {
    return RequestMediaType::kXml;
  }
  if (application && http::AsciiIEndsWith(subtype, "+xml")) return RequestMediaType::kXml;
  if (application && http::AsciiIEquals(subtype, "x-www-form-urlencoded")) {
    return RequestMediaType::kForm;
  }
  return RequestMediaType::kUnsupported;
}

namespace {

Status Unsupported(std::string_view content_type, std::string_view expected) {
  return Status::Error(ErrorCode::kUnsupportedMediaType,
                       "Content-Type '" + std::string(content_type) +
                           "' is not supported here; send " + std::string(expected) + ".",
                       "Content-Type");
}

}  // namespace

Result<BodyFormat> OrderWriteBodyFormat(const http::Request& request) {
  const std::string_view content_type = request.Header("Content-Type");
  switch (ClassifyContentType(content_type)) {
    case RequestMediaType::kNone:
    case RequestMediaType::kJson:
      return BodyFormat::kJson;
    case RequestMediaType::kXml:
      return BodyFormat::kXml;
    case RequestMediaType::kForm:
    case RequestMediaType::kUnsupported:
      break;
  }
  // With nothing to read, the type does not matter: the JSON decoder
  // reports the missing content.
  if (request.message.body().empty()) return BodyFormat::kJson;
  return Unsupported(content_type, "application/json or application/xml");
}

Status CheckTokenFormBody(const http::Request& request) {
  const std::string_view content_type = request.Header("Content-Type");
  const RequestMediaType kind = ClassifyContentType(content_type);
  if (kind == RequestMediaType::kNone || kind == RequestMediaType::kForm ||
      request.message.body().empty()) {
    return Status::Ok();
  }
  return Unsupported(content_type, "application/x-www-form-urlencoded");
}

}  // namespace mporders::api
