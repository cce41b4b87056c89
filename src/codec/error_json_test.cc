#include "codec/error_json.h"

#include <gtest/gtest.h>

#include <string>

#include "codec/json_test_util.h"

namespace mporders {
namespace {

std::string Quoted(std::string_view text) {
  std::string out;
  AppendJsonString(out, text);
  return out;
}

TEST(AppendJsonStringTest, EscapesWhatJsonRequires) {
  EXPECT_EQ(Quoted(""), "\"\"");
  EXPECT_EQ(Quoted("plain text"), "\"plain text\"");
  EXPECT_EQ(Quoted("say \"hi\""), "\"say \\\"hi\\\"\"");
  EXPECT_EQ(Quoted("C:\\dir"), "\"C:\\\\dir\"");
  EXPECT_EQ(Quoted("a\nb\tc\rd"), "\"a\\u000ab\\u0009c\\u000dd\"");
  EXPECT_EQ(Quoted(std::string_view("\0\x1f", 2)), "\"\\u0000\\u001f\"");
  EXPECT_EQ(Quoted("/ and \x7f stay"), "\"/ and \x7f stay\"");
}

TEST(AppendJsonStringTest, FindsEscapesAtEveryPositionOfLongStrings) {
  // Strings are scanned in 8-byte words; put the special byte everywhere.
  for (std::size_t length = 1; length <= 40; ++length) {
    for (std::size_t at = 0; at < length; ++at) {
      for (char special : {'"', '\\', '\x01', '\x1f'}) {
        std::string text(length, '\xC3');  // high bytes must not mask anything
        text[at] = special;
        const std::string quoted = Quoted(text);
        ASSERT_EQ(quoted.size(), length + 2 + (special == '"' || special == '\\' ? 1 : 5))
            << length << " " << at;
        const std::size_t escape = quoted.find('\\');
        ASSERT_EQ(escape, at + 1) << length << " " << at;
      }
    }
  }
  const std::string plain = std::string(17, ' ') + "\x7f\x80\xff" + std::string(13, 'a');
  std::string expected(1, '"');
  expected.append(plain).push_back('"');
  EXPECT_EQ(Quoted(plain), expected);
}

TEST(AppendJsonStringTest, Utf8PassesThrough) {
  EXPECT_EQ(Quoted("Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x93\xA6"),
            "\"Caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x93\xA6\"");
}

TEST(AppendJsonStringTest, OutputParsesBackToTheInput) {
  std::string all;
  for (int c = 1; c < 128; ++c) all.push_back(static_cast<char>(c));
  all += "\xC3\xA9";
  const boost::json::value parsed = testing::ParseForTest(Quoted(all));
  ASSERT_TRUE(parsed.is_string());
  EXPECT_EQ(std::string(parsed.get_string()), all);
}

TEST(AppendJsonStringTest, AppendsToExistingText) {
  std::string out = "x:";
  AppendJsonString(out, "y");
  EXPECT_EQ(out, "x:\"y\"");
}

TEST(EncodeErrorsJsonTest, MatchesTheSeedEnvelope) {
  const std::string seeds = testing::ReadTestData("seed_errors.json");
  const boost::json::value expected = testing::ParseForTest(seeds).at("404");
  ErrorEntry entry{"NOT_FOUND.GMP_ORDER_API",
                   "",
                   "Resource not found.",
                   "The requested purchase order was not found.",
                   "ERROR",
                   "DATA"};
  const std::string body = EncodeErrorsJson({entry});
  std::string difference;
  EXPECT_TRUE(testing::JsonEquivalent(testing::ParseForTest(body), expected, &difference))
      << difference << "\n"
      << body;
  // Key order as in the seed, no field member when the field is empty.
  EXPECT_EQ(body.find("\"field\""), std::string::npos);
  EXPECT_LT(body.find("\"code\""), body.find("\"description\""));
}

TEST(EncodeErrorsJsonTest, IncludesFieldAndSeveralEntries) {
  const std::string body = EncodeErrorsJson(
      {{"INVALID_REQUEST_CONTENT.GMP_ORDER_API", "carrier", "Carrier \"X\" is unknown.", "info",
        "ERROR", "DATA"},
       {"INVALID_REQUEST_PARAM.GMP_ORDER_API", "limit", "bad", "info", "ERROR", "DATA"}});
  const boost::json::value v = testing::ParseForTest(body);
  const auto& errors = v.at("errors").as_array();
  ASSERT_EQ(errors.size(), 2u);
  EXPECT_EQ(errors[0].at("field"), "carrier");
  EXPECT_EQ(errors[0].at("description"), "Carrier \"X\" is unknown.");
  EXPECT_EQ(errors[1].at("field"), "limit");
  EXPECT_EQ(errors[1].at("severity"), "ERROR");
  EXPECT_EQ(errors[1].at("category"), "DATA");
  EXPECT_EQ(EncodeErrorsJson({}), "{\"errors\":[]}");
}

}  // namespace
}  // namespace mporders
