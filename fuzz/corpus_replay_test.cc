// Every checked-in seed and crash reproducer (fuzz/corpus/<target>/,
// fuzz/regressions/<target>/) run once through its fuzz target's entry
// function in the regular build, so that they stay regression tests. The
// entry functions are the fuzz targets' LLVMFuzzerTestOneInput, renamed per
// target at compile time (fuzz/CMakeLists.txt); a failed property aborts.

#include <gtest/gtest.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#define MPORDERS_DECLARE_TARGET(name) \
  extern "C" int MpordersFuzz_##name(const std::uint8_t* data, std::size_t size);
MPORDERS_DECLARE_TARGET(order_json)
MPORDERS_DECLARE_TARGET(command_json)
MPORDERS_DECLARE_TARGET(order_xml)
MPORDERS_DECLARE_TARGET(command_xml)
MPORDERS_DECLARE_TARGET(query_string)
MPORDERS_DECLARE_TARGET(list_query)
MPORDERS_DECLARE_TARGET(http_request)
MPORDERS_DECLARE_TARGET(token_request)
MPORDERS_DECLARE_TARGET(signature_auth)

namespace {

namespace fs = std::filesystem;
using Entry = int (*)(const std::uint8_t*, std::size_t);

std::vector<fs::path> FilesIn(const fs::path& dir) {
  std::vector<fs::path> files;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.is_regular_file()) files.push_back(entry.path());
  }
  return files;
}

// Runs every seed and reproducer of `target`; returns how many seeds ran.
std::size_t Replay(const std::string& target, Entry entry) {
  const fs::path root = MPORDERS_FUZZ_DIR;
  std::size_t seeds = 0;
  for (const char* kind : {"corpus", "regressions"}) {
    for (const fs::path& file : FilesIn(root / kind / target)) {
      std::ifstream in(file, std::ios::binary);
      const std::string bytes((std::istreambuf_iterator<char>(in)),
                              std::istreambuf_iterator<char>());
      SCOPED_TRACE(file.string());
      EXPECT_EQ(entry(reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()), 0);
      if (std::string(kind) == "corpus") ++seeds;
    }
  }
  return seeds;
}

#define MPORDERS_REPLAY_TEST(name, test_name) \
  TEST(FuzzCorpusTest, test_name) { EXPECT_GT(Replay(#name, &MpordersFuzz_##name), 0u); }

MPORDERS_REPLAY_TEST(order_json, OrderJson)
MPORDERS_REPLAY_TEST(command_json, CommandJson)
MPORDERS_REPLAY_TEST(order_xml, OrderXml)
MPORDERS_REPLAY_TEST(command_xml, CommandXml)
MPORDERS_REPLAY_TEST(query_string, QueryString)
MPORDERS_REPLAY_TEST(list_query, ListQuery)
MPORDERS_REPLAY_TEST(http_request, HttpRequest)
MPORDERS_REPLAY_TEST(token_request, TokenRequest)
MPORDERS_REPLAY_TEST(signature_auth, SignatureAuth)

}  // namespace
