#include "codec/json_tree.h"

#include <gtest/gtest.h>

#include <string>

namespace mporders {
namespace {

TEST(JsonTreeTest, KeepsNumberTextAndMemberOrder) {
  JsonNode root;
  ASSERT_TRUE(
      ParseJsonTree(R"({"b":0.10,"a":[1e2,-0,12345678901234567890123],"c":"x"})", root).ok());
  ASSERT_TRUE(root.IsObject());
  ASSERT_EQ(root.keys.size(), 3u);
  EXPECT_EQ(root.keys[0], "b");
  EXPECT_EQ(root.keys[1], "a");
  EXPECT_EQ(root.keys[2], "c");
  EXPECT_EQ(root.children[0].text, "0.10");
  const JsonNode* a = root.Find("a");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->children.size(), 3u);
  EXPECT_EQ(a->children[0].text, "1e2");
  EXPECT_EQ(a->children[1].text, "-0");
  EXPECT_EQ(a->children[2].text, "12345678901234567890123");
  EXPECT_TRUE(a->children[1].IsIntegerLiteral());
  EXPECT_FALSE(a->children[0].IsIntegerLiteral());
  EXPECT_EQ(root.Find("missing"), nullptr);
}

TEST(JsonTreeTest, SerializesCompactlyWithOriginalNumbers) {
  JsonNode root;
  const std::string text =
      "{ \"s\" : \"a\\\"b\\u0001\\u00e9\" , \"n\" : [ 0.340, true, false, null, {} , [] ] }";
  ASSERT_TRUE(ParseJsonTree(text, root).ok());
  EXPECT_EQ(SerializeJsonNode(root),
            "{\"s\":\"a\\\"b\\u0001\xC3\xA9\",\"n\":[0.340,true,false,null,{},[]]}");
}

TEST(JsonTreeTest, ScalarDocuments) {
  JsonNode root;
  ASSERT_TRUE(ParseJsonTree("  \"text\"  ", root).ok());
  EXPECT_TRUE(root.IsString());
  EXPECT_EQ(root.text, "text");
  ASSERT_TRUE(ParseJsonTree("-12.5e3", root).ok());
  EXPECT_TRUE(root.IsNumber());
  EXPECT_EQ(root.text, "-12.5e3");
}

TEST(JsonTreeTest, RejectsMalformedJson) {
  const char* const kBad[] = {"",        "{",           "{\"a\":}", "{\"a\":1,}", "[1,]",
                              "{'a':1}", "{\"a\":1} x", "nul",      "01",         "1.",
                              "\"\\x\"", "{\"a\" 1}",   "// c\n{}", "[1 2]",      "\"\xff\""};
  for (const char* text : kBad) {
    JsonNode root;
    const Status status = ParseJsonTree(text, root);
    EXPECT_EQ(status.code(), ErrorCode::kMalformedRequestContent) << "accepted: " << text;
  }
}

TEST(JsonTreeTest, RejectsDuplicateMemberNames) {
  JsonNode root;
  Status status = ParseJsonTree(R"({"a":1,"b":2,"a":3})", root);
  EXPECT_EQ(status.code(), ErrorCode::kMalformedRequestContent);
  EXPECT_NE(status.description().find("'a'"), std::string::npos) << status.description();

  // Large objects take the sorting path.
  std::string big = "{";
  for (int i = 0; i < 40; ++i) big += "\"k" + std::to_string(i) + "\":" + std::to_string(i) + ",";
  big += "\"k7\":0}";
  status = ParseJsonTree(big, root);
  EXPECT_EQ(status.code(), ErrorCode::kMalformedRequestContent);
  EXPECT_NE(status.description().find("'k7'"), std::string::npos) << status.description();

  // The same name in different objects is fine.
  EXPECT_TRUE(ParseJsonTree(R"({"a":{"a":1},"b":{"a":2}})", root).ok());
}

TEST(JsonTreeTest, RejectsNestingBeyondTheLimit) {
  JsonNode root;
  const std::string ok_depth = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
  EXPECT_TRUE(ParseJsonTree(ok_depth, root).ok());
  const std::string too_deep =
      std::string(kMaxJsonDepth + 1, '[') + std::string(kMaxJsonDepth + 1, ']');
  const Status status = ParseJsonTree(too_deep, root);
  EXPECT_EQ(status.code(), ErrorCode::kMalformedRequestContent);
  const std::string very_deep = std::string(100000, '[');
  EXPECT_EQ(ParseJsonTree(very_deep, root).code(), ErrorCode::kMalformedRequestContent);
}

}  // namespace
}  // namespace mporders
