#pragma once
// Test helpers for codec/: semantic comparison of JSON documents and access
// to the files in tests/data.

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

namespace mporders::testing {

// true when `a` and `b` are the same JSON document: objects compare as
// unordered maps, numbers by value (5 == 5.0, 0.8 == 8e-1). Otherwise false,
// and `difference` (when given) names the first differing path.
bool JsonEquivalent(const boost::json::value& a, const boost::json::value& b,
                    std::string* difference = nullptr);

// Parses `text` with boost::json; fails the current test on error.
boost::json::value ParseForTest(std::string_view text);

// Contents of tests/data/<name> (directory from $MPORDERS_TEST_DATA, falling
// back to the source tree); fails the current test when it cannot be read.
std::string ReadTestData(std::string_view name);

}  // namespace mporders::testing
