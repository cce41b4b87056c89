#include <gtest/gtest.h>
#include <zip.h>

#include <map>
#include <vector>

#include "labels/labels.h"
#include "labels/sample_labels.h"
#include "labels/test_tools.h"

namespace mporders::labels {
namespace {

using testing::HaveTool;
using testing::PdfInfoField;
using testing::RunTool;
using testing::SampleLabel;
using testing::ScratchDir;
using testing::ShellQuote;

// Every entry of `zip_bytes`, name to contents, read back with libzip.
std::map<std::string, std::string> ReadZip(const std::string& zip_bytes) {
  std::map<std::string, std::string> entries;
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(zip_bytes.data(), zip_bytes.size(), 0, &error);
  zip_t* archive =
      source ? zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &error) : nullptr;
  zip_error_fini(&error);
  if (archive == nullptr) {
    if (source) zip_source_free(source);
    ADD_FAILURE() << "libzip cannot open the archive";
    return entries;
  }
  zip_int64_t count = zip_get_num_entries(archive, 0);
  for (zip_int64_t i = 0; i < count; ++i) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    EXPECT_EQ(zip_stat_index(archive, static_cast<zip_uint64_t>(i), 0, &stat), 0);
    std::string contents(stat.size, '\0');
    zip_file_t* file = zip_fopen_index(archive, static_cast<zip_uint64_t>(i), 0);
    EXPECT_NE(file, nullptr);
    if (file == nullptr) continue;
    EXPECT_EQ(zip_fread(file, contents.data(), stat.size), static_cast<zip_int64_t>(stat.size));
    zip_fclose(file);
    entries[stat.name] = std::move(contents);
  }
  zip_close(archive);
  return entries;
}

TEST(ZipLabelsPdfTest, HoldsOneSinglePagePdfPerTrackingNumber) {
  if (!HaveTool("unzip") || !HaveTool("pdfinfo") || !HaveTool("pdftotext")) {
    GTEST_SKIP() << "unzip or poppler-utils is not installed";
  }
  std::vector<LabelData> labels = {SampleLabel("499903935503"), SampleLabel("477502530976")};
  Result<std::string> zip = ZipLabelsPdf(labels);
  ASSERT_TRUE(zip.ok()) << zip.status().ToString();
  ScratchDir dir;
  auto file = dir.Write("labels.zip", *zip);

  testing::ToolRun test = RunTool("unzip -tq " + ShellQuote(file));
  EXPECT_EQ(test.exit_code, 0) << test.output;
  testing::ToolRun list = RunTool("unzip -Z1 " + ShellQuote(file));
  ASSERT_EQ(list.exit_code, 0);
  EXPECT_EQ(list.output, "499903935503.pdf\n477502530976.pdf\n");

  for (const LabelData& label : labels) {
    std::string name = label.tracking_number + ".pdf";
    testing::ToolRun pdf = RunTool("unzip -p " + ShellQuote(file) + " " + name);
    ASSERT_EQ(pdf.exit_code, 0);
    auto extracted = dir.Write(name, pdf.output);
    testing::ToolRun info = RunTool("pdfinfo " + ShellQuote(extracted));
    ASSERT_EQ(info.exit_code, 0) << name;
    EXPECT_EQ(PdfInfoField(info.output, "Pages"), "1") << name;
    EXPECT_EQ(PdfInfoField(info.output, "Page size"), "288 x 432 pts") << name;
    // The page inside is this label's, not another's.
    testing::ToolRun text = RunTool("pdftotext " + ShellQuote(extracted) + " -");
    EXPECT_NE(text.output.find(label.tracking_number), std::string::npos) << name;
  }
}

TEST(ZipLabelsPdfTest, LibzipReadsBackTheSameEntries) {
  std::vector<LabelData> labels = {SampleLabel("A1"), SampleLabel("B2"), SampleLabel("C3")};
  Result<std::string> zip = ZipLabelsPdf(labels);
  ASSERT_TRUE(zip.ok()) << zip.status().ToString();
  std::map<std::string, std::string> entries = ReadZip(*zip);
  ASSERT_EQ(entries.size(), 3u);
  for (const char* name : {"A1.pdf", "B2.pdf", "C3.pdf"}) {
    ASSERT_EQ(entries.count(name), 1u) << name;
    EXPECT_EQ(entries[name].substr(0, 5), "%PDF-") << name;
    EXPECT_NE(entries[name].find("%%EOF"), std::string::npos) << name;
  }
}

TEST(ZipLabelsPdfTest, NamesAreSanitisedAndNeverClash) {
  std::vector<LabelData> labels = {SampleLabel("../etc/passwd"), SampleLabel("..%2Fetc%2Fpasswd"),
                                   SampleLabel("A:B"), SampleLabel("A/B"), SampleLabel("A:B")};
  Result<std::string> zip = ZipLabelsPdf(labels);
  ASSERT_TRUE(zip.ok()) << zip.status().ToString();
  std::map<std::string, std::string> entries = ReadZip(*zip);
  EXPECT_EQ(entries.size(), 5u);
  EXPECT_EQ(entries.count("_._etc_passwd.pdf"), 1u);
  EXPECT_EQ(entries.count("_._2Fetc_2Fpasswd.pdf"), 1u);
  EXPECT_EQ(entries.count("A_B.pdf"), 1u);
  EXPECT_EQ(entries.count("A_B-2.pdf"), 1u);
  EXPECT_EQ(entries.count("A_B-3.pdf"), 1u);
}

TEST(LabelFileNameTest, KeepsASafeCharacterSet) {
  EXPECT_EQ(LabelFileName("499903935503"), "499903935503.pdf");
  EXPECT_EQ(LabelFileName("MX-DHL_01.a"), "MX-DHL_01.a.pdf");
  EXPECT_EQ(LabelFileName("a b\"c\\d/e"), "a_b_c_d_e.pdf");
  EXPECT_EQ(LabelFileName(".hidden"), "_hidden.pdf");
  EXPECT_EQ(LabelFileName(""), "_.pdf");
  EXPECT_EQ(LabelFileName("Ñ"), "__.pdf");  // two UTF-8 bytes
  EXPECT_EQ(LabelFileName(std::string(500, '9')), std::string(100, '9') + ".pdf");
}

TEST(ZipLabelsPdfTest, RefusesAnEmptyListAndBadLabels) {
  Result<std::string> none = ZipLabelsPdf({});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.status().code(), ErrorCode::kInvalidRequestContent);

  std::vector<LabelData> labels = {SampleLabel("OK1"), SampleLabel("")};
  Result<std::string> bad = ZipLabelsPdf(labels);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().field(), "trackingNumber");
  EXPECT_NE(bad.status().description().find("label 2 of 2"), std::string::npos);
}

}  // namespace
}  // namespace mporders::labels
