#include "codec/xml_writer.h"

#include <gtest/gtest.h>

#include <cstdint>
#include <limits>
#include <string>

#include "core/time_format.h"

namespace mporders {
namespace {

template <typename Write>
std::string Written(Write write, std::string_view prefix = "ns3:") {
  std::string out;
  {
    XmlWriter w(out, 4, prefix);
    write(w);
  }
  return out;
}

TEST(XmlWriterTest, ElementsCarryThePrefix) {
  EXPECT_EQ(Written([](XmlWriter& w) {
              w.Open("a");
              w.Leaf("b", "x");
              w.IntLeaf("c", -12);
              w.Close("a");
            }),
            "<ns3:a><ns3:b>x</ns3:b><ns3:c>-12</ns3:c></ns3:a>");
  EXPECT_EQ(Written([](XmlWriter& w) { w.Leaf("plain", "y"); }, ""), "<plain>y</plain>");
}

TEST(XmlWriterTest, EscapesMarkupAndCarriageReturn) {
  EXPECT_EQ(Written([](XmlWriter& w) { w.Text("a&b<c>d\re\tf\ng \"'"); }),
            "a&amp;b&lt;c&gt;d&#13;e\tf\ng \"'");
  EXPECT_EQ(Written([](XmlWriter& w) { w.Text("]]>"); }), "]]&gt;");
}

TEST(XmlWriterTest, ReplacesCharactersXmlCannotCarry) {
  EXPECT_EQ(Written([](XmlWriter& w) {
              w.Text(
                  std::string("a\x01"
                              "b\0c",
                              5));
            }),
            "a\xEF\xBF\xBD"
            "b\xEF\xBF\xBD"
            "c");
  // U+FFFE and U+FFFF are not XML characters; other EF sequences are text.
  EXPECT_EQ(Written([](XmlWriter& w) { w.Text("x\xEF\xBF\xBEy\xEF\xBF\xBF"); }),
            "x\xEF\xBF\xBDy\xEF\xBF\xBD");
  EXPECT_EQ(Written([](XmlWriter& w) { w.Text("\xEF\xBF\xBD \xEF\xBC\x81 \xEF"); }),
            "\xEF\xBF\xBD \xEF\xBC\x81 \xEF");
}

TEST(XmlWriterTest, Utf8AndLongTextPassThrough) {
  const std::string text = "Café – 東京 " + std::string(5000, 'x');
  EXPECT_EQ(Written([&](XmlWriter& w) { w.Text(text); }), text);
}

TEST(XmlWriterTest, MoneyHasTwoDecimals) {
  const auto money = [](std::int64_t minor) {
    return Written([minor](XmlWriter& w) { w.MoneyAmount(minor, 2); });
  };
  EXPECT_EQ(money(500), "5.00");
  EXPECT_EQ(money(34), "0.34");
  EXPECT_EQ(money(80), "0.80");
  EXPECT_EQ(money(0), "0.00");
  EXPECT_EQ(money(-540), "-5.40");
  EXPECT_EQ(money(-5), "-0.05");
  EXPECT_EQ(money(1998), "19.98");
  EXPECT_EQ(money(std::numeric_limits<std::int64_t>::max()), "92233720368547758.07");
  EXPECT_EQ(money(std::numeric_limits<std::int64_t>::min()), "-92233720368547758.08");
}

TEST(XmlWriterTest, DateTimesAreIsoUtcWithMillis) {
  const auto date = [](EpochMillis t) { return Written([t](XmlWriter& w) { w.DateTime(t); }); };
  EXPECT_EQ(date(1623796407000), "2021-06-15T22:33:27.000Z");
  EXPECT_EQ(date(1623835855623), "2021-06-16T09:30:55.623Z");
  EXPECT_EQ(date(0), "1970-01-01T00:00:00.000Z");
  EXPECT_EQ(date(-1), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(date(951782400000), "2000-02-29T00:00:00.000Z");
  // Agrees with the general formatter everywhere, also outside 0000-9999.
  for (EpochMillis t : {EpochMillis{-62167219200001}, EpochMillis{253402300800000},
                        EpochMillis{1716212702042}, EpochMillis{-86400000 * 365LL * 300 + 7}}) {
    EXPECT_EQ(date(t), FormatIsoMillis(t)) << t;
  }
}

TEST(XmlWriterTest, AppendsAfterExistingTextAndGrows) {
  std::string out = "prefix";
  {
    XmlWriter w(out, 1, "p:");
    for (int i = 0; i < 1000; ++i) w.Leaf("e", "0123456789");
  }
  constexpr std::string_view kLeaf = "<p:e>0123456789</p:e>";
  EXPECT_EQ(out.size(), 6 + 1000 * kLeaf.size());
  EXPECT_EQ(out.substr(0, 6 + 2 * kLeaf.size()),
            "prefix" + std::string(kLeaf) + std::string(kLeaf));
}

}  // namespace
}  // namespace mporders
