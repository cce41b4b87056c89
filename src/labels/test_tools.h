#pragma once
// Test support: run the independent tools (zbarimg, pdfinfo, pdftoppm,
// pdftotext, unzip) that check what the renderer produced, in a scratch
// directory removed afterwards.

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace mporders::labels::testing {

// True when `name` is an executable on PATH.
bool HaveTool(std::string_view name);

struct ToolRun {
  int exit_code = -1;
  std::string output;  // stdout
};
// Runs `command` with /bin/sh, stderr discarded.
ToolRun RunTool(const std::string& command);

// Quotes `path` for /bin/sh.
std::string ShellQuote(const std::filesystem::path& path);

// A fresh directory under the system temp directory, deleted on destruction.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  // Writes `bytes` to `name` in the directory and returns its path.
  std::filesystem::path Write(std::string_view name, std::string_view bytes) const;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// The value of "Key:   value" in pdfinfo's output, or "" when absent.
std::string PdfInfoField(const std::string& info, const std::string& key);

// Width and height from a PNG's IHDR; {0, 0} when `png` does not start with
// the PNG signature and an IHDR chunk.
struct PngSize {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
};
PngSize ReadPngSize(std::string_view png);

// The value of the pHYs chunk's x pixels-per-metre, or 0 when absent.
std::uint32_t ReadPngPixelsPerMetre(std::string_view png);

// The barcodes zbarimg finds in an image file, one per line, or the empty
// string when it finds none.
std::string DecodeBarcodes(const std::filesystem::path& image);

}  // namespace mporders::labels::testing
