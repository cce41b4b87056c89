// Mexico's shipping labels over real HTTP, opened with the tools a person
// would use: unzip lists the ZIP, pdfinfo counts the PDF's pages, zbarimg
// reads the PNG's barcode.

#include <gtest/gtest.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "api/mx_fixture.h"

namespace mporders::testing {
namespace {

namespace json = boost::json;

// Output of a shell command (stdout).
std::string RunCommand(const std::string& command) {
  std::string out;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return out;
  std::array<char, 4096> buffer{};
  std::size_t n = 0;
  while ((n = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) out.append(buffer.data(), n);
  pclose(pipe);
  return out;
}

std::uint32_t BigEndian32(const std::string& bytes, std::size_t at) {
  return (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) << 24) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 16) |
         (static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 8) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3]));
}

class MxLabelsTest : public MxApiTest {
 protected:
  void SetUp() override {
    MxApiTest::SetUp();
    if (HasFatalFailure()) return;
    PostMxOrders({MxOrderDocument("P300000001", "C3001", 20)});
    auto order = MxOrder("P300000001");
    for (const auto& shipment : order.at("shipments").as_array()) {
      tracking_.emplace_back(shipment.at("trackingNumber").as_string());
    }
    ASSERT_EQ(tracking_.size(), 2u);
  }

  std::string Save(const std::string& name, const std::string& bytes) {
    const std::string path = (dir_.path() / name).string();
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
  }

  HttpResponse PostLabels(const std::string& body, const std::string& format) {
    HttpClient client(server_->port());
    auto headers = WalmartHeaders(mx_token_);
    headers.emplace_back("Content-Type", "application/json");
    if (!format.empty()) headers.emplace_back("FORMAT", format);
    return client.Request("POST", "/v3/orders/labels", headers, body);
  }

  std::vector<std::string> tracking_;
};

TEST_F(MxLabelsTest, PngIsA4x6LabelWhoseBarcodeIsTheTrackingNumber) {
  auto response = MxGet("/v3/orders/label/" + tracking_[0]);
  ASSERT_EQ(response.status, 200u) << response.body;
  EXPECT_EQ(response.Header("content-type"), "application/octet-stream");
  ASSERT_GT(response.body.size(), 24u);
  EXPECT_EQ(response.body.substr(1, 3), "PNG");
  const std::uint32_t width = BigEndian32(response.body, 16);
  const std::uint32_t height = BigEndian32(response.body, 20);
  EXPECT_EQ(width * 6, height * 4) << width << "x" << height;  // 4x6 in
  EXPECT_EQ(width, 812u);                                      // at 203 dpi
  const std::string png = Save("label.png", response.body);
  EXPECT_EQ(RunCommand("zbarimg --raw -q " + png), tracking_[0] + "\n");
}

TEST_F(MxLabelsTest, PrintingTheLabelMakesAcknowledgedUnitsReadyToShip) {
  ASSERT_EQ(MxGet("/v3/orders/label/" + tracking_[0]).status, 200u);
  auto ack = MxPost(
      "/v3/orders/P300000001/acknowledge",
      R"({"orderAcknowledge":{"orderLines":{"orderLine":[{"lineNumber":"1","orderLineStatuses":{"orderLineStatus":[{"status":"Acknowledged","statusQuantity":{"unitOfMeasurement":"EACH","amount":"2"}}]}}]}}})");
  ASSERT_EQ(ack.status, 202u) << ack.body;
  auto order = MxOrder("P300000001");
  const auto& statuses = order.at("orderLines").at(0).at("orderLineStatus").as_array();
  ASSERT_EQ(statuses.size(), 2u) << json::serialize(order);
  EXPECT_EQ(statuses[0].at("status").as_string(), "Created");
  EXPECT_EQ(statuses[1].at("status").as_string(), "Ready to ship");
  EXPECT_EQ(statuses[1].at("statusQuantity").at("amount").as_string(), "2");
  EXPECT_FALSE(statuses[1].as_object().contains("statusCode"));
  // Line 2 was acknowledged without a label: plain Acknowledged.
  ASSERT_EQ(
      MxPost(
          "/v3/orders/P300000001/acknowledge",
          R"({"orderAcknowledge":{"orderLines":{"orderLine":[{"lineNumber":"2","orderLineStatuses":{"orderLineStatus":[{"status":"Acknowledged","statusQuantity":{"unitOfMeasurement":"EACH","amount":"2"}}]}}]}}})")
          .status,
      202u);
  order = MxOrder("P300000001");
  EXPECT_EQ(order.at("orderLines").at(1).at("orderLineStatus").at(0).at("status").as_string(),
            "Acknowledged");
}

TEST_F(MxLabelsTest, ZipHoldsOnePdfPerTrackingNumberAndPdfOnePagePerLabel) {
  const std::string body =
      R"({"trackingNumbers":[")" + tracking_[0] + R"(",")" + tracking_[1] + R"("]})";
  auto zip = PostLabels(body, "");
  ASSERT_EQ(zip.status, 200u) << zip.body;
  EXPECT_EQ(zip.Header("content-type"), "application/octet-stream");
  const std::string zip_path = Save("labels.zip", zip.body);
  EXPECT_EQ(RunCommand("unzip -Z1 " + zip_path), tracking_[0] + ".pdf\n" + tracking_[1] + ".pdf\n");

  auto pdf = PostLabels(body, "PDF");
  ASSERT_EQ(pdf.status, 200u) << pdf.body;
  EXPECT_EQ(pdf.body.substr(0, 5), "%PDF-");
  const std::string pdf_path = Save("labels.pdf", pdf.body);
  const std::string info = RunCommand("pdfinfo " + pdf_path);
  const std::size_t pages = info.find("Pages:");
  ASSERT_NE(pages, std::string::npos) << info;
  EXPECT_EQ(std::stoi(info.substr(pages + 6)), 2) << info;
  EXPECT_NE(info.find("288 x 432 pts"), std::string::npos) << info;  // 4x6 in
}

TEST_F(MxLabelsTest, UnknownTrackingNumbersAndBadRequests) {
  ExpectMxError(MxGet("/v3/orders/label/NOSUCH1"), 404, "NOT_FOUND.GMP_ORDER_API");
  ExpectMxError(PostLabels(R"({"trackingNumbers":[")" + tracking_[0] + R"(","NOSUCH2"]})", "ZIP"),
                404, "NOT_FOUND.GMP_ORDER_API");
  ExpectMxError(PostLabels(R"({"trackingNumbers":[]})", ""), 400,
                "INVALID_REQUEST_CONTENT.GMP_ORDER_API");
  ExpectMxError(PostLabels(R"({"trackingNumbers":[")" + tracking_[0] + R"("]})", "TIFF"), 400,
                "INVALID_REQUEST_HEADER.GMP_ORDER_API");
  // Another seller's tracking number is unknown to seller A (and A is not MX).
  auto other = Get("/v3/orders/label/" + tracking_[0], token_a_);
  EXPECT_EQ(other.status, 404u) << other.body;
}

}  // namespace
}  // namespace mporders::testing
