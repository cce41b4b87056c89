#include "labels/test_tools.h"

#include <stdlib.h>
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>
#include <regex>
#include <stdexcept>

namespace mporders::labels::testing {
namespace {

std::uint32_t BigEndian32(std::string_view bytes, std::size_t at) {
  std::uint32_t value = 0;
  for (std::size_t i = 0; i < 4; ++i) {
    value = (value << 8) | static_cast<unsigned char>(bytes[at + i]);
  }
  return value;
}

constexpr std::string_view kPngSignature("\x89PNG\r\n\x1a\n", 8);

}  // namespace

bool HaveTool(std::string_view name) {
  return RunTool("command -v " + std::string(name)).exit_code == 0;
}

ToolRun RunTool(const std::string& command) {
  ToolRun run;
  std::string full = command + " 2>/dev/null";
  FILE* pipe = popen(full.c_str(), "r");
  if (pipe == nullptr) return run;
  std::array<char, 4096> buffer;
  std::size_t read = 0;
  while ((read = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    run.output.append(buffer.data(), read);
  }
  int status = pclose(pipe);
  run.exit_code = (status != -1 && WIFEXITED(status)) ? WEXITSTATUS(status) : -1;
  return run;
}

std::string ShellQuote(const std::filesystem::path& path) {
  std::string quoted = "'";
  for (char c : path.string()) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

ScratchDir::ScratchDir() {
  std::string templ = (std::filesystem::temp_directory_path() / "mporders-labels-XXXXXX").string();
  if (mkdtemp(templ.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = templ;
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

std::filesystem::path ScratchDir::Write(std::string_view name, std::string_view bytes) const {
  std::filesystem::path file = path_ / name;
  std::ofstream out(file, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out) throw std::runtime_error("cannot write " + file.string());
  return file;
}

std::string PdfInfoField(const std::string& info, const std::string& key) {
  std::smatch match;
  if (std::regex_search(info, match, std::regex("(^|\n)" + key + ":[ \t]*([^\n]*)"))) {
    return match[2];
  }
  return "";
}

PngSize ReadPngSize(std::string_view png) {
  if (png.size() < 33 || png.substr(0, 8) != kPngSignature || png.substr(12, 4) != "IHDR") {
    return {};
  }
  return {BigEndian32(png, 16), BigEndian32(png, 20)};
}

std::uint32_t ReadPngPixelsPerMetre(std::string_view png) {
  std::size_t at = 8;
  while (at + 12 <= png.size()) {
    std::uint32_t length = BigEndian32(png, at);
    std::string_view type = png.substr(at + 4, 4);
    if (type == "pHYs" && length == 9 && at + 8 + 9 <= png.size()) {
      return BigEndian32(png, at + 8);
    }
    if (type == "IDAT") return 0;  // pHYs must come before the image data
    at += 12 + static_cast<std::size_t>(length);
  }
  return 0;
}

std::string DecodeBarcodes(const std::filesystem::path& image) {
  ToolRun run = RunTool("zbarimg --raw -q " + ShellQuote(image));
  std::string output = run.output;
  while (!output.empty() && output.back() == '\n') output.pop_back();
  return output;
}

}  // namespace mporders::labels::testing
