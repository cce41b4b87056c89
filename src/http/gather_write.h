#pragma once
// Sends a sequence of buffers over plain TCP in as few system calls as the
// kernel allows: sendmsg takes up to IOV_MAX (1024) buffers at once where
// Asio's writes hand it 64. A list page is a few hundred pieces, and in
// 64-buffer writes each response went out in several small sends, each one
// waking the reader; measured, that cost more than copying the page into
// one string (docs/performance.md).

#include <span>

#include <boost/asio/awaitable.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/beast/core/tcp_stream.hpp>

namespace mporders::http {

// True once every byte was handed to the kernel (empty buffers may be
// anywhere in the sequence); false when the connection failed or the
// stream's timer (expires_after, set by the caller) expired while the
// socket was full.
boost::asio::awaitable<bool> WriteAll(boost::beast::tcp_stream& stream,
                                      std::span<const boost::asio::const_buffer> buffers);

}  // namespace mporders::http
