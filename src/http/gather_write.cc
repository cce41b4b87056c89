#include "http/gather_write.h"

#include <sys/socket.h>
#include <sys/uio.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstddef>
#include <vector>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace mporders::http {
namespace {

namespace asio = boost::asio;

// Where the next byte to send is: a buffer, and how far into it.
struct Position {
  std::size_t buffer = 0;
  std::size_t offset = 0;
};

void Advance(std::span<const asio::const_buffer> buffers, Position& at, std::size_t bytes) {
  while (bytes > 0) {
    const std::size_t rest = buffers[at.buffer].size() - at.offset;
    if (bytes < rest) {
      at.offset += bytes;
      return;
    }
    bytes -= rest;
    ++at.buffer;
    at.offset = 0;
  }
}

}  // namespace

asio::awaitable<bool> WriteAll(boost::beast::tcp_stream& stream,
                               std::span<const asio::const_buffer> buffers) {
  constexpr auto kNoThrow = asio::as_tuple(asio::use_awaitable);
  std::vector<iovec> iov(std::min<std::size_t>(buffers.size(), IOV_MAX));
  Position at;
  for (;;) {
    // Past what is sent, empty buffers included: waiting for room to send
    // nothing would not wait at all.
    while (at.buffer < buffers.size() && buffers[at.buffer].size() == at.offset) {
      ++at.buffer;
      at.offset = 0;
    }
    if (at.buffer == buffers.size()) break;
    std::size_t count = 0;
    for (std::size_t i = at.buffer; i < buffers.size() && count < iov.size(); ++i) {
      const std::size_t skip = i == at.buffer ? at.offset : 0;
      if (buffers[i].size() == skip) continue;
      iov[count].iov_base = const_cast<char*>(static_cast<const char*>(buffers[i].data()) + skip);
      iov[count].iov_len = buffers[i].size() - skip;
      ++count;
    }
    msghdr message{};
    message.msg_iov = iov.data();
    message.msg_iovlen = count;
    // Non-blocking for this call only; MSG_NOSIGNAL: a closed peer is an
    // error, not SIGPIPE.
    const ssize_t sent =
        ::sendmsg(stream.socket().native_handle(), &message, MSG_DONTWAIT | MSG_NOSIGNAL);
    if (sent >= 0) {
      Advance(buffers, at, static_cast<std::size_t>(sent));
      continue;
    }
    if (errno == EINTR) continue;
    if (errno != EAGAIN && errno != EWOULDBLOCK) co_return false;
    // The socket is full: let the stream wait for room, under its timer,
    // and send what fits of the current buffer.
    const asio::const_buffer rest = buffers[at.buffer] + at.offset;
    auto [ec, n] = co_await stream.async_write_some(rest, kNoThrow);
    if (ec) co_return false;
    Advance(buffers, at, n);
  }
  co_return true;
}

}  // namespace mporders::http
