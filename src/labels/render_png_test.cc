#include <gtest/gtest.h>

#include <thread>
#include <vector>

#include "labels/labels.h"
#include "labels/sample_labels.h"
#include "labels/test_tools.h"

namespace mporders::labels {
namespace {

using testing::DecodeBarcodes;
using testing::HaveTool;
using testing::ReadPngPixelsPerMetre;
using testing::ReadPngSize;
using testing::SampleLabel;
using testing::ScratchDir;

TEST(RenderLabelPngTest, IsA4x6InchPngAt203Dpi) {
  Result<std::string> png = RenderLabelPng(SampleLabel());
  ASSERT_TRUE(png.ok()) << png.status().ToString();
  testing::PngSize size = ReadPngSize(*png);
  EXPECT_EQ(size.width, 812u);
  EXPECT_EQ(size.height, 1218u);
  // 203 dots per inch is 7992 per metre.
  EXPECT_EQ(ReadPngPixelsPerMetre(*png), 7992u);
}

TEST(RenderLabelPngTest, ScalesWithDpi) {
  Result<std::string> png = RenderLabelPng(SampleLabel(), 300);
  ASSERT_TRUE(png.ok()) << png.status().ToString();
  testing::PngSize size = ReadPngSize(*png);
  EXPECT_EQ(size.width, 1200u);
  EXPECT_EQ(size.height, 1800u);
  EXPECT_EQ(ReadPngPixelsPerMetre(*png), 11811u);
}

TEST(RenderLabelPngTest, ZbarimgReadsTheTrackingNumber) {
  if (!HaveTool("zbarimg")) GTEST_SKIP() << "zbarimg (zbar-tools) is not installed";
  ScratchDir dir;
  for (const char* tracking : {"499903935503", "MX-DHL/7781x-Z", "1Z999AA10123456784"}) {
    Result<std::string> png = RenderLabelPng(SampleLabel(tracking));
    ASSERT_TRUE(png.ok()) << png.status().ToString();
    EXPECT_EQ(DecodeBarcodes(dir.Write("label.png", *png)), tracking);
  }
}

TEST(RenderLabelPngTest, ZbarimgReadsTheBarcodeAtOtherResolutions) {
  if (!HaveTool("zbarimg")) GTEST_SKIP() << "zbarimg (zbar-tools) is not installed";
  ScratchDir dir;
  for (int dpi : {kMinDpi, 300, kMaxDpi}) {
    Result<std::string> png = RenderLabelPng(SampleLabel("EST0123456789"), dpi);
    ASSERT_TRUE(png.ok()) << dpi << ": " << png.status().ToString();
    EXPECT_EQ(DecodeBarcodes(dir.Write("label.png", *png)), "EST0123456789") << dpi;
  }
}

TEST(RenderLabelPngTest, TheLongestPrintableTrackingNumberStillScans) {
  if (!HaveTool("zbarimg")) GTEST_SKIP() << "zbarimg (zbar-tools) is not installed";
  ScratchDir dir;
  // 40 digits (code set C) and 29 letters (code set B) fit at >= 2 dots a module.
  for (std::string tracking : {std::string("1234567890123456789012345678901234567890"),
                               std::string("ABCDEFGHIJKLMNOPQRSTUVWXYZABC")}) {
    Result<std::string> png = RenderLabelPng(SampleLabel(tracking));
    ASSERT_TRUE(png.ok()) << png.status().ToString();
    EXPECT_EQ(DecodeBarcodes(dir.Write("label.png", *png)), tracking);
  }
}

TEST(RenderLabelPngTest, ThreadsRenderTheSameBytesAtOnce) {
  const LabelData label = SampleLabel();
  Result<std::string> alone = RenderLabelPng(label);
  ASSERT_TRUE(alone.ok()) << alone.status().ToString();
  std::vector<std::string> outputs(4);
  std::vector<std::thread> threads;
  for (std::string& output : outputs) {
    threads.emplace_back([&label, &output] {
      for (int i = 0; i < 3; ++i) {
        Result<std::string> png = RenderLabelPng(label);
        output = png.ok() ? *png : png.status().ToString();
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (const std::string& output : outputs) EXPECT_TRUE(output == *alone);
}

TEST(RenderLabelPngTest, RefusesResolutionsOutsideTheRange) {
  for (int dpi : {0, -203, kMinDpi - 1, kMaxDpi + 1, 100'000}) {
    Result<std::string> png = RenderLabelPng(SampleLabel(), dpi);
    ASSERT_FALSE(png.ok()) << dpi;
    EXPECT_EQ(png.status().code(), ErrorCode::kInvalidRequestParam);
    EXPECT_EQ(png.status().field(), "dpi");
  }
}

}  // namespace
}  // namespace mporders::labels
