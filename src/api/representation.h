#pragma once
// Content negotiation: which representation a response is written in, from
// the request's Accept header (RFC 9110 §12.5.1), and which one a request
// body is read in, from its Content-Type. Pure functions of header values.
//
// Responses. Success bodies are JSON (application/json) or XML
// (application/xml, text/xml). Error bodies are Walmart's error list in the
// success body's representation, or RFC 9457 problem details
// (application/problem+json) when the client names that type.
//   - No Accept, an empty one, or one allowing everything: JSON.
//   - Each candidate type gets the q-value of the most specific media range
//     matching it (type/subtype over type/* over */*); q=0 excludes it.
//     Parameters other than q are ignored.
//   - The success representation is the candidate with the highest q, then
//     the most specific match; remaining ties go to JSON, then
//     application/xml, then text/xml.
//   - Errors are problem+json when Accept names application/problem+json
//     itself (wildcards do not select it) with a q at least that of the
//     success representation.
//   - When no success representation is allowed (or Accept is not a list of
//     media ranges at all), the request is answered 406 before anything else
//     is looked at; its error body is problem+json if named, JSON otherwise.

#include <string_view>

#include "codec/error_json.h"

#include "core/status.h"
#include "http/request.h"

namespace mporders::api {

enum class BodyFormat { kJson, kXml };
enum class ErrorFormat { kWalmartJson, kWalmartXml, kProblemJson };

struct Representation {
  bool acceptable = true;  // false: 406
  BodyFormat body = BodyFormat::kJson;
  ErrorFormat error = ErrorFormat::kWalmartJson;
  // The XML media type the client asked for, echoed in Content-Type.
  std::string_view xml_media_type = "application/xml";
  // The envelope of kWalmartJson errors: chosen by the API surface (and the
  // deployment's configuration), not by the client.
  JsonErrorEnvelope json_error_envelope = JsonErrorEnvelope::kFlat;

  std::string_view BodyContentType() const;
  std::string_view ErrorContentType() const;
};

// Negotiates from the value of an Accept header ("" when absent).
// `preferred` is the surface's default: what no Accept, an empty one or a tie
// between JSON and XML (*/*) gives. JSON for the Orders and Global APIs; XML
// for Canada's legacy API, whose clients expect XML unless they ask for JSON.
Representation NegotiateRepresentation(std::string_view accept,
                                       BodyFormat preferred = BodyFormat::kJson);

// What a request's Content-Type names. Parameters (charset, ...) are ignored:
// JSON is UTF-8 by definition, XML declares its own encoding.
enum class RequestMediaType {
  kNone,         // no Content-Type header, or an empty one
  kJson,         // application/json, application/*+json
  kXml,          // application/xml, text/xml, application/*+xml
  kForm,         // application/x-www-form-urlencoded
  kUnsupported,  // anything else
};
RequestMediaType ClassifyContentType(std::string_view content_type);

// The representation of the body of an Orders write (cancel, shipping,
// refund): JSON or XML as declared; JSON when no Content-Type is sent or the
// body is empty. Any other type with a non-empty body is
// kUnsupportedMediaType (415).
Result<BodyFormat> OrderWriteBodyFormat(const http::Request& request);

// POST /v3/token takes a form (or no Content-Type); any other type with a
// non-empty body is kUnsupportedMediaType (415).
Status CheckTokenFormBody(const http::Request& request);

}  // namespace mporders::api
