#include "codec/json_test_util.h"

#include <gtest/gtest.h>

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

namespace mporders::testing {
namespace {

bool IsNumber(const boost::json::value& v) {
  return v.is_int64() || v.is_uint64() || v.is_double();
}

bool NumbersEqual(const boost::json::value& a, const boost::json::value& b) {
  if (!a.is_double() && !b.is_double()) {
    if (a.is_int64() && b.is_int64()) return a.get_int64() == b.get_int64();
    if (a.is_uint64() && b.is_uint64()) return a.get_uint64() == b.get_uint64();
    // int64 vs uint64: equal only when both are non-negative and the same.
    const auto& s = a.is_int64() ? a : b;
    const auto& u = a.is_int64() ? b : a;
    return s.get_int64() >= 0 && static_cast<std::uint64_t>(s.get_int64()) == u.get_uint64();
  }
  return a.to_number<double>() == b.to_number<double>();
}

bool Compare(const boost::json::value& a, const boost::json::value& b, const std::string& path,
             std::string* difference) {
  auto fail = [&](const std::string& why) {
    if (difference) *difference = (path.empty() ? "<root>" : path) + ": " + why;
    return false;
  };
  if (IsNumber(a) && IsNumber(b)) {
    return NumbersEqual(a, b)
               ? true
               : fail(boost::json::serialize(a) + " != " + boost::json::serialize(b));
  }
  if (a.kind() != b.kind()) {
    return fail("kind differs: " + boost::json::serialize(a) + " vs " + boost::json::serialize(b));
  }
  if (a.is_object()) {
    const auto& oa = a.get_object();
    const auto& ob = b.get_object();
    for (const auto& member : oa) {
      const std::string child = path + "." + std::string(member.key());
      const auto* other = ob.if_contains(member.key());
      if (other == nullptr)
        return fail("member '" + std::string(member.key()) + "' only on the left");
      if (!Compare(member.value(), *other, child, difference)) return false;
    }
    for (const auto& member : ob) {
      if (!oa.contains(member.key())) {
        return fail("member '" + std::string(member.key()) + "' only on the right");
      }
    }
    return true;
  }
  if (a.is_array()) {
    const auto& aa = a.get_array();
    const auto& ab = b.get_array();
    if (aa.size() != ab.size()) return fail("array sizes differ");
    for (std::size_t i = 0; i < aa.size(); ++i) {
      if (!Compare(aa[i], ab[i], path + "[" + std::to_string(i) + "]", difference)) return false;
    }
    return true;
  }
  return a == b ? true : fail(boost::json::serialize(a) + " != " + boost::json::serialize(b));
}

}  // namespace

bool JsonEquivalent(const boost::json::value& a, const boost::json::value& b,
                    std::string* difference) {
  return Compare(a, b, "", difference);
}

boost::json::value ParseForTest(std::string_view text) {
  boost::system::error_code ec;
  boost::json::value value = boost::json::parse(text, ec);
  EXPECT_FALSE(ec) << ec.message() << " in: " << text;
  return value;
}

std::string ReadTestData(std::string_view name) {
  const char* dir = std::getenv("MPORDERS_TEST_DATA");
  std::string path =
      std::string(dir != nullptr ? dir : MPORDERS_SOURCE_TEST_DATA) + "/" + std::string(name);
  std::ifstream in(path, std::ios::binary);
  EXPECT_TRUE(in.good()) << "cannot read " << path;
  std::ostringstream content;
  content << in.rdbuf();
  return content.str();
}

}  // namespace mporders::testing
