#include "codec/error_xml.h"

#include <gtest/gtest.h>

#include "codec/xml_test_util.h"

namespace mporders {
namespace {

TEST(EncodeErrorsXmlTest, HasWalmartsXmlErrorShape) {
  ErrorEntry entry{"NOT_FOUND.GMP_ORDER_API",
                   "",
                   "Resource not found.",
                   "The requested purchase order was not found.",
                   "ERROR",
                   "DATA"};
  EXPECT_EQ(EncodeErrorsXml({entry}),
            R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
            R"(<ns2:errors xmlns:ns2="http://walmart.com/"><ns2:error>)"
            "<ns2:code>NOT_FOUND.GMP_ORDER_API</ns2:code>"
            "<ns2:description>Resource not found.</ns2:description>"
            "<ns2:info>The requested purchase order was not found.</ns2:info>"
            "<ns2:severity>ERROR</ns2:severity><ns2:category>DATA</ns2:category>"
            "<ns2:causes/><ns2:errorIdentifiers/></ns2:error></ns2:errors>");
}

TEST(EncodeErrorsXmlTest, IncludesFieldEscapesTextAndListsEveryEntry) {
  ErrorEntry first{
      "INVALID_REQUEST_CONTENT.GMP_ORDER_API", "data", "a < b & c", "i", "ERROR", "DATA"};
  ErrorEntry second{"X.GMP_ORDER_API", "", "d", "i", "WARN", "SYSTEM"};
  const std::string xml = EncodeErrorsXml({first, second});
  std::string difference;
  EXPECT_TRUE(testing::XmlEquivalent(xml, R"(<ns2:errors xmlns:ns2="http://walmart.com/">
    <ns2:error><ns2:code>INVALID_REQUEST_CONTENT.GMP_ORDER_API</ns2:code><ns2:field>data</ns2:field>
      <ns2:description>a &lt; b &amp; c</ns2:description><ns2:info>i</ns2:info>
      <ns2:severity>ERROR</ns2:severity><ns2:category>DATA</ns2:category>
      <ns2:causes/><ns2:errorIdentifiers/></ns2:error>
    <ns2:error><ns2:code>X.GMP_ORDER_API</ns2:code><ns2:description>d</ns2:description>
      <ns2:info>i</ns2:info><ns2:severity>WARN</ns2:severity><ns2:category>SYSTEM</ns2:category>
      <ns2:causes/><ns2:errorIdentifiers/></ns2:error>
  </ns2:errors>)",
                                     &difference))
      << difference << "\n"
      << xml;
}

}  // namespace
}  // namespace mporders
