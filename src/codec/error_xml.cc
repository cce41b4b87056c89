#include "codec/error_xml.h"

#include "codec/xml_writer.h"

namespace mporders {

std::string EncodeErrorsXml(const std::vector<ErrorEntry>& errors) {
  std::string out;
  {
    XmlWriter w(out, 256 + errors.size() * 512, "ns2:");
    w.Raw(kXmlDeclaration);
    w.Raw(R"(<ns2:errors xmlns:ns2="http://walmart.com/">)");
    for (const ErrorEntry& e : errors) {
      w.Open("error");
      w.Leaf("code", e.code);
      if (!e.field.empty()) w.Leaf("field", e.field);
      w.Leaf("description", e.description);
      w.Leaf("info", e.info);
      w.Leaf("severity", e.severity);
      w.Leaf("category", e.category);
      w.Raw("<ns2:causes/><ns2:errorIdentifiers/>");
      w.Close("error");
    }
    w.Close("errors");
  }
  return out;
}

}  // namespace mporders
