#pragma once
// Appends XML text to a std::string through a raw cursor: the XML twin of
// JsonWriter. An encoded order is a few hundred tiny appends, so the writer
// sizes the string once, writes with memcpy and trims the string to what was
// written when it is destroyed. No DOM is built for output. Internal to codec/.
//
// Element names are literals chosen by the encoders and are written without
// checks; every element opened through the writer gets the writer's
// namespace prefix ("ns3:" for orders).

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "core/clock.h"

namespace mporders {

// The XML declaration every document we emit starts with, as Walmart's.
inline constexpr std::string_view kXmlDeclaration =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)";

class XmlWriter {
 public:
  // Writes after the current end of `out`; `size_hint` bytes are made
  // available up front (more are added as needed). `prefix` ("ns3:", or ""
  // for unqualified names) is put before every element name.
  XmlWriter(std::string& out, std::size_t size_hint, std::string_view prefix);
  ~XmlWriter() { out_.resize(len_); }
  XmlWriter(const XmlWriter&) = delete;
  XmlWriter& operator=(const XmlWriter&) = delete;

  // Markup that is already valid XML.
  void Raw(std::string_view text) {
    Reserve(text.size());
    std::memcpy(data_ + len_, text.data(), text.size());
    len_ += text.size();
  }
  void Char(char c) {
    Reserve(1);
    data_[len_++] = c;
  }
  // <prefix:name>
  void Open(std::string_view name) { Tag(name, false); }
  // </prefix:name>
  void Close(std::string_view name) { Tag(name, true); }

  // Character data, escaped: & < > as entities, CR as &#13; (so that it
  // survives end-of-line normalisation), and the control characters XML 1.0
  // cannot carry at all (U+0000-U+001F other than TAB/LF/CR, U+FFFE, U+FFFF)
  // replaced by U+FFFD.
  void Text(std::string_view text);
  void Int(std::int64_t value);
  // Minor units with exactly the currency's `digits` decimals: (500, 2) ->
  // 5.00, (-540, 2) -> -5.40, (1990, 0) -> 1990.
  void MoneyAmount(std::int64_t minor, int digits);
  // yyyy-MM-ddTHH:mm:ss.SSSZ (UTC), as FormatIsoMillis.
  void DateTime(EpochMillis t);

  // <prefix:name>text</prefix:name> and friends.
  void Leaf(std::string_view name, std::string_view text) {
    Open(name);
    Text(text);
    Close(name);
  }
  void IntLeaf(std::string_view name, std::int64_t value) {
    Open(name);
    Int(value);
    Close(name);
  }
  void DateLeaf(std::string_view name, EpochMillis t) {
    Open(name);
    DateTime(t);
    Close(name);
  }

 private:
  void Tag(std::string_view name, bool closing) {
    Reserve(name.size() + prefix_.size() + 3);
    char* p = data_ + len_;
    *p++ = '<';
    if (closing) *p++ = '/';
    std::memcpy(p, prefix_.data(), prefix_.size());
    p += prefix_.size();
    std::memcpy(p, name.data(), name.size());
    p += name.size();
    *p++ = '>';
    len_ = static_cast<std::size_t>(p - data_);
  }
  void Reserve(std::size_t n) {
    if (len_ + n > out_.size()) Grow(n);
  }
  void Grow(std::size_t n);

  std::string& out_;
  std::string_view prefix_;
  std::size_t start_;  // size of `out` when the writer was created
  char* data_;
  std::size_t len_;
};

}  // namespace mporders
