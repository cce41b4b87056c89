#include "auth/crypto.h"

#include <gtest/gtest.h>

#include <vector>

namespace mporders::auth {
namespace {

TEST(CryptoTest, Base64RoundTripsAndRejectsGarbage) {
  for (const std::string& raw : std::vector<std::string>{"", "a", "ab", "abc", "client-a:secret-for-tests", std::string("\0\xff\x10", 3)}) {
    EXPECT_EQ(Base64Decode(Base64Encode(raw)).value(), raw);
    EXPECT_EQ(Base64UrlDecode(Base64UrlEncode(raw)).value(), raw);
  }
  EXPECT_EQ(Base64Encode("client:secret"), "Y2xpZW50OnNlY3JldA==");
  EXPECT_FALSE(Base64Decode("!!!!").has_value());
  EXPECT_FALSE(Base64Decode("abc").has_value());
  EXPECT_FALSE(Base64Decode("a=bc").has_value());
  EXPECT_FALSE(Base64UrlDecode("ab+c").has_value());
}

TEST(CryptoTest, HexRoundTrips) {
  EXPECT_EQ(HexEncode("\x01\xab"), "01ab");
  EXPECT_EQ(HexDecode("01AB").value(), "\x01\xab");
  EXPECT_FALSE(HexDecode("0").has_value());
  EXPECT_FALSE(HexDecode("zz").has_value());
}

TEST(CryptoTest, RandomValuesHaveTheRequestedShapeAndDiffer) {
  EXPECT_EQ(RandomHex(16).size(), 32u);
  std::string a = RandomAlphanumeric(40), b = RandomAlphanumeric(40);
  EXPECT_EQ(a.size(), 40u);
  EXPECT_NE(a, b);
  for (char c : a) EXPECT_TRUE(std::isalnum(static_cast<unsigned char>(c)));
}

TEST(CryptoTest, KnownAnswers) {
  // RFC 4231 test case 2.
  EXPECT_EQ(HexEncode(HmacSha256("Jefe", "what do ya want for nothing?")),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  EXPECT_EQ(Sha256Hex("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  // RFC 7914 section 11, PBKDF2-HMAC-SHA256 with 1 iteration.
  EXPECT_EQ(HexEncode(Pbkdf2Sha256("passwd", "salt", 1, 16)), "55ac046e56e3089fec1691c22544b605");
}

TEST(CryptoTest, ConstantTimeEqualsComparesContent) {
  EXPECT_TRUE(ConstantTimeEquals("abc", "abc"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abd"));
  EXPECT_FALSE(ConstantTimeEquals("abc", "abcd"));
}

}  // namespace
}  // namespace mporders::auth
