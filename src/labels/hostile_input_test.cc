// Bad and hostile input gives an error value or a label, never a crash.

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "labels/labels.h"
#include "labels/sample_labels.h"
#include "labels/test_tools.h"

namespace mporders::labels {
namespace {

using testing::DecodeBarcodes;
using testing::HaveTool;
using testing::ReadPngSize;
using testing::SampleLabel;
using testing::ScratchDir;

void ExpectRefusedEverywhere(const LabelData& label, const std::string& field) {
  Result<std::string> png = RenderLabelPng(label);
  ASSERT_FALSE(png.ok());
  EXPECT_EQ(png.status().code(), ErrorCode::kInvalidRequestContent);
  EXPECT_EQ(png.status().field(), field) << png.status().description();
  EXPECT_FALSE(png.status().description().empty());

  Result<std::string> pdf = RenderLabelsPdf(std::span<const LabelData>(&label, 1));
  ASSERT_FALSE(pdf.ok());
  EXPECT_EQ(pdf.status().field(), field);
  Result<std::string> zip = ZipLabelsPdf(std::span<const LabelData>(&label, 1));
  ASSERT_FALSE(zip.ok());
  EXPECT_EQ(zip.status().field(), field);
}

TEST(HostileInputTest, TrackingNumbersThatCannotBeABarcodeAreRefused) {
  for (std::string tracking :
       {std::string(""), std::string("GUÍA-123"), std::string("with space"),
        std::string("tab\there"), std::string("nul\0byte", 8), std::string("\x7F"),
        std::string(kMaxTrackingNumberLength + 1, '1'), std::string(1'000'000, 'A'),
        // Within the length limit, but 30 code set B characters need a
        // barcode wider than 4 in at a printable module width.
        std::string(30, 'A'), std::string(kMaxTrackingNumberLength, 'A')}) {
    SCOPED_TRACE(tracking.substr(0, 50));
    ExpectRefusedEverywhere(SampleLabel(tracking), "trackingNumber");
  }
}

TEST(HostileInputTest, ARecipientNeedsANameAndAnAddressLine) {
  LabelData no_name = SampleLabel();
  no_name.recipient.name = " \t\n ";
  ExpectRefusedEverywhere(no_name, "recipient.name");

  LabelData no_lines = SampleLabel();
  no_lines.recipient.lines = {"", "   "};
  ExpectRefusedEverywhere(no_lines, "recipient.addressLines");
}

TEST(HostileInputTest, WeightMustBeARealNumberOfKilograms) {
  for (double weight : {-1.0, std::nan(""), std::numeric_limits<double>::infinity(), 1e300}) {
    LabelData label = SampleLabel();
    label.weight_kg = weight;
    ExpectRefusedEverywhere(label, "weight");
  }
  LabelData zero = SampleLabel();
  zero.weight_kg = 0;
  EXPECT_TRUE(RenderLabelPng(zero).ok());
}

// Text no font can draw, invalid UTF-8, control bytes and megabyte strings
// in every text field: the label still renders, and still scans.
LabelData NastyLabel() {
  const std::string huge(1 << 20, 'W');
  const std::string invalid = "\xFF\xFE\xC0\xAF\xED\xA0\x80 bad";
  const std::string scripts = "東京都 🚚📦 مرحبا עברית ᚠᛇᚻ \xE2\x80\xAE reversed";
  const std::string controls("a\0b\x1B[31mred\r\n\x7F", 15);
  LabelData label = SampleLabel("NASTY-0001");
  label.carrier = huge;
  label.carrier_service = scripts;
  label.purchase_order_id = invalid;
  label.customer_order_id = controls;
  label.package_no = huge;
  label.ship_date = scripts;
  label.sender = {.name = huge,
                  .lines = std::vector<std::string>(1000, scripts),
                  .city = invalid,
                  .state = controls,
                  .postal_code = huge,
                  .country = scripts,
                  .phone = huge};
  label.recipient = {.name = scripts + huge,
                     .lines = {huge, invalid, controls, scripts, huge},
                     .city = huge,
                     .state = scripts,
                     .postal_code = invalid,
                     .country = huge,
                     .phone = controls};
  return label;
}

TEST(HostileInputTest, UndrawableAndEnormousTextStillMakesAScannableLabel) {
  LabelData label = NastyLabel();
  Result<std::string> png = RenderLabelPng(label);
  ASSERT_TRUE(png.ok()) << png.status().ToString();
  EXPECT_EQ(ReadPngSize(*png).width, 812u);

  Result<std::string> pdf = RenderLabelsPdf(std::span<const LabelData>(&label, 1));
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  Result<std::string> zip = ZipLabelsPdf(std::span<const LabelData>(&label, 1));
  ASSERT_TRUE(zip.ok()) << zip.status().ToString();

  if (!HaveTool("zbarimg")) GTEST_SKIP() << "zbarimg (zbar-tools) is not installed";
  ScratchDir dir;
  EXPECT_EQ(DecodeBarcodes(dir.Write("nasty.png", *png)), "NASTY-0001");
}

TEST(HostileInputTest, OnlyTheRequiredFieldsAreEnough) {
  // Appends rather than assigning literals: GCC 12 misreads such assignments
  // as overlapping copies (-Wrestrict) once inlined.
  LabelData label;
  label.tracking_number.append("MIN1");
  label.recipient.name.append("A");
  label.recipient.lines.emplace_back("B");
  Result<std::string> png = RenderLabelPng(label);
  ASSERT_TRUE(png.ok()) << png.status().ToString();
  Result<std::string> pdf = RenderLabelsPdf(std::span<const LabelData>(&label, 1));
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();

  if (!HaveTool("zbarimg")) GTEST_SKIP() << "zbarimg (zbar-tools) is not installed";
  ScratchDir dir;
  EXPECT_EQ(DecodeBarcodes(dir.Write("minimal.png", *png)), "MIN1");
}

}  // namespace
}  // namespace mporders::labels
