#pragma once
// Walmart's error body, XML form (the shape of Walmart's own SDK fixture):
//
//   <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
//   <ns2:errors xmlns:ns2="http://walmart.com/"><ns2:error>
//     <ns2:code>..</ns2:code><ns2:field>..</ns2:field><ns2:description>..</ns2:description>
//     <ns2:info>..</ns2:info><ns2:severity>..</ns2:severity><ns2:category>..</ns2:category>
//     <ns2:causes/><ns2:errorIdentifiers/>
//   </ns2:error></ns2:errors>
//
// (without whitespace between elements). `field` is omitted when empty, as in
// the JSON form.

#include <string>
#include <vector>

#include "codec/error_json.h"

namespace mporders {

std::string EncodeErrorsXml(const std::vector<ErrorEntry>& errors);

}  // namespace mporders
