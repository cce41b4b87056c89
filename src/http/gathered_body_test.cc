#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http/read.hpp>
#include <boost/beast/http/string_body.hpp>
#include <boost/beast/http/write.hpp>
#include <gtest/gtest.h>

#include "http/server.h"

namespace mporders::http {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;

// Pieces of every size, empty ones among them, more than one gather write
// takes (the kernel is given at most 64 buffers a call) and more bytes than
// a socket buffer holds, so that the write resumes mid-piece.
std::vector<std::string> ManyPieces() {
  std::vector<std::string> pieces;
  for (int i = 0; i < 3000; ++i) {
    std::string piece;
    if (i % 7 != 3) piece.assign(static_cast<std::size_t>(1 + (i * 131) % 8000), 'a' + i % 26);
    pieces.push_back(std::move(piece));
  }
  return pieces;
}

class GatheredBodyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    ServerOptions options;
    options.port = 0;
    options.threads = 2;
    server_ = std::make_unique<Server>(
        options,
        [](Request&) -> asio::awaitable<Reply> {
          // Only the reply keeps the pieces alive once the handler returns.
          auto owned = std::make_shared<std::vector<std::string>>(ManyPieces());
          Reply reply;
          reply.content_type = "text/plain";
          for (const std::string& piece : *owned) reply.gathered.pieces.emplace_back(piece);
          reply.gathered.owner = std::move(owned);
          co_return reply;
        },
        [](unsigned status, std::string_view, const Request&) {
          Reply reply;
          reply.status = status;
          return reply;
        },
        nullptr);
    ASSERT_TRUE(server_->Start().ok());
    runner_ = std::thread([this] { server_->Run(); });
  }
  void TearDown() override {
    server_->Stop();
    runner_.join();
  }

  std::unique_ptr<Server> server_;
  std::thread runner_;
};

TEST_F(GatheredBodyTest, SendsThePiecesInOrderWithTheirLengthOnAKeptAliveConnection) {
  std::string expected;
  for (const std::string& piece : ManyPieces()) expected += piece;
  ASSERT_GT(expected.size(), 10'000'000u);

  asio::io_context io;
  asio::ip::tcp::socket socket(io);
  socket.open(asio::ip::tcp::v4());
  // A small window: the server's socket fills, and its write must wait for
  // room and resume where the kernel stopped.
  socket.set_option(asio::socket_base::receive_buffer_size(4096));
  socket.connect({asio::ip::make_address("127.0.0.1"), server_->port()});
  beast::flat_buffer buffer;
  for (int round = 0; round < 2; ++round) {
    beast::http::request<beast::http::string_body> request{beast::http::verb::get, "/", 11};
    request.set(beast::http::field::host, "127.0.0.1");
    beast::http::write(socket, request);
    beast::http::response_parser<beast::http::string_body> parser;
    parser.body_limit(64 * 1024 * 1024);
    beast::http::read(socket, buffer, parser);
    const auto& response = parser.get();
    EXPECT_EQ(response.result_int(), 200);
    EXPECT_EQ(response[beast::http::field::content_length], std::to_string(expected.size()));
    EXPECT_TRUE(response.keep_alive());
    EXPECT_TRUE(response.body() == expected) << "round " << round;
  }
}

}  // namespace
}  // namespace mporders::http
