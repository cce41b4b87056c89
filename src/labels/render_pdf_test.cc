#include <gtest/gtest.h>

#include <vector>

#include "labels/labels.h"
#include "labels/sample_labels.h"
#include "labels/test_tools.h"

namespace mporders::labels {
namespace {

using testing::DecodeBarcodes;
using testing::HaveTool;
using testing::PdfInfoField;
using testing::RunTool;
using testing::SampleLabel;
using testing::ScratchDir;
using testing::ShellQuote;

std::vector<LabelData> ThreeLabels() {
  std::vector<LabelData> labels = {SampleLabel("499903935503"), SampleLabel("477502530976"),
                                   SampleLabel("DHL-MX-0042")};
  labels[1].package_no = "2 of 2";
  labels[2].carrier = "MX-DHL";
  labels[2].carrier_service = "Express";
  labels[2].package_no = "1 of 1";
  return labels;
}

TEST(RenderLabelsPdfTest, HasOne4x6InchPagePerLabel) {
  if (!HaveTool("pdfinfo")) GTEST_SKIP() << "pdfinfo (poppler-utils) is not installed";
  Result<std::string> pdf = RenderLabelsPdf(ThreeLabels());
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  EXPECT_EQ(pdf->substr(0, 5), "%PDF-");
  ScratchDir dir;
  testing::ToolRun info = RunTool("pdfinfo " + ShellQuote(dir.Write("labels.pdf", *pdf)));
  ASSERT_EQ(info.exit_code, 0) << info.output;
  EXPECT_EQ(PdfInfoField(info.output, "Pages"), "3");
  EXPECT_EQ(PdfInfoField(info.output, "Page size"), "288 x 432 pts");
  EXPECT_EQ(PdfInfoField(info.output, "Title"), "Shipping labels");
}

TEST(RenderLabelsPdfTest, EachPageRasterisedAt203DpiScans) {
  if (!HaveTool("pdftoppm") || !HaveTool("zbarimg")) {
    GTEST_SKIP() << "pdftoppm (poppler-utils) or zbarimg (zbar-tools) is not installed";
  }
  std::vector<LabelData> labels = ThreeLabels();
  Result<std::string> pdf = RenderLabelsPdf(labels);
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  ScratchDir dir;
  auto file = dir.Write("labels.pdf", *pdf);
  for (std::size_t page = 1; page <= labels.size(); ++page) {
    std::string n = std::to_string(page);
    auto prefix = dir.path() / ("page" + n);
    testing::ToolRun run = RunTool("pdftoppm -r 203 -png -singlefile -f " + n + " -l " + n + " " +
                                   ShellQuote(file) + " " + ShellQuote(prefix));
    ASSERT_EQ(run.exit_code, 0);
    auto png = prefix;
    png += ".png";
    EXPECT_EQ(DecodeBarcodes(png), labels[page - 1].tracking_number) << "page " << page;
  }
}

TEST(RenderLabelsPdfTest, CarriesTheLabelTextAsText) {
  if (!HaveTool("pdftotext")) GTEST_SKIP() << "pdftotext (poppler-utils) is not installed";
  Result<std::string> pdf = RenderLabelsPdf(ThreeLabels());
  ASSERT_TRUE(pdf.ok()) << pdf.status().ToString();
  ScratchDir dir;
  testing::ToolRun text = RunTool("pdftotext " + ShellQuote(dir.Write("labels.pdf", *pdf)) + " -");
  ASSERT_EQ(text.exit_code, 0);
  for (const char* expected :
       {"María José Peña Núñez", "Calle Río Lerma 232, Int. 4", "Ciudad de México, CDMX",
        "C.P. 06500", "Estafeta", "Día Siguiente", "MX-DHL", "2 of 2", "1796277083022",
        "499903935503", "DHL-MX-0042", "1.25 kg", "Artesanías del Bajío"}) {
    EXPECT_NE(text.output.find(expected), std::string::npos) << expected;
  }
}

TEST(RenderLabelsPdfTest, RefusesAnEmptyListAndNamesTheBadLabel) {
  Result<std::string> none = RenderLabelsPdf({});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), ErrorCode::kInvalidRequestContent);

  std::vector<LabelData> labels = ThreeLabels();
  labels[1].tracking_number = "no spaces please";
  Result<std::string> bad = RenderLabelsPdf(labels);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), ErrorCode::kInvalidRequestContent);
  EXPECT_EQ(bad.status().field(), "trackingNumber");
  EXPECT_NE(bad.status().description().find("label 2 of 3"), std::string::npos)
      << bad.status().description();
}

}  // namespace
}  // namespace mporders::labels
