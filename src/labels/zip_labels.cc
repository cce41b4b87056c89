// ZipLabelsPdf and LabelFileName: one single-page PDF per tracking number in
// an in-memory ZIP built with libzip.

#include <zip.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "labels/labels.h"

namespace mporders::labels {
namespace {

constexpr std::size_t kMaxFileStem = 100;

bool IsSafeFileChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '-';
}

Status ZipError(std::string_view what, zip_error_t* error) {
  return Status::Internal(std::string(what) + ": " + zip_error_strerror(error));
}

// A libzip source over a growing in-memory buffer, which the archive is
// written into when it is closed.
struct SourceDeleter {
  void operator()(zip_source_t* source) const { zip_source_free(source); }
};
using SourcePtr = std::unique_ptr<zip_source_t, SourceDeleter>;

// Reads the whole of a closed buffer source back.
Result<std::string> ReadSource(zip_source_t* source) {
  if (zip_source_open(source) < 0) {
    return ZipError("libzip could not reopen the label archive", zip_source_error(source));
  }
  std::string bytes;
  char chunk[64 * 1024];
  for (;;) {
    zip_int64_t read = zip_source_read(source, chunk, sizeof chunk);
    if (read < 0) {
      Status status = ZipError("libzip could not read the label archive", zip_source_error(source));
      zip_source_close(source);
      return status;
    }
    if (read == 0) break;
    bytes.append(chunk, static_cast<std::size_t>(read));
  }
  zip_source_close(source);
  return bytes;
}

std::string LabelFileStem(std::string_view tracking_number) {
  std::string stem;
  for (char c : tracking_number.substr(0, kMaxFileStem)) {
    stem.push_back(IsSafeFileChar(c) ? c : '_');
  }
  if (stem.empty()) stem.push_back('_');
  if (stem.front() == '.') stem.front() = '_';
  return stem;
}

}  // namespace

std::string LabelFileName(std::string_view tracking_number) {
  std::string name = LabelFileStem(tracking_number);
  name.append(".pdf");
  return name;
}

Result<std::string> ZipLabelsPdf(std::span<const LabelData> labels) {
  if (labels.empty()) {
    return Status::InvalidContent("at least one label is required", "trackingNumbers");
  }
  // Render every PDF first: a bad label fails before any archive exists, and
  // the buffers must outlive zip_close, which is when libzip reads them.
  std::vector<std::string> pdfs;
  std::vector<std::string> names;
  std::set<std::string> taken;
  for (std::size_t i = 0; i < labels.size(); ++i) {
    Result<std::string> pdf = RenderLabelsPdf(labels.subspan(i, 1));
    if (!pdf.ok()) {
      const Status& status = pdf.status();
      if (labels.size() == 1) return status;
      return Status::Error(status.code(),
                           "label " + std::to_string(i + 1) + " of " +
                               std::to_string(labels.size()) + ": " + status.description(),
                           status.field());
    }
    pdfs.push_back(std::move(pdf).value());
    const std::string stem = LabelFileStem(labels[i].tracking_number);
    std::string name = LabelFileName(labels[i].tracking_number);
    for (int n = 2; taken.count(name) != 0; ++n) {
      name = stem;
      name.append("-").append(std::to_string(n)).append(".pdf");
    }
    taken.insert(name);
    names.push_back(std::move(name));
  }

  zip_error_t error;
  zip_error_init(&error);
  SourcePtr buffer(zip_source_buffer_create(nullptr, 0, 0, &error));
  if (!buffer) {
    Status status = ZipError("libzip could not create a buffer", &error);
    zip_error_fini(&error);
    return status;
  }
  zip_t* archive = zip_open_from_source(buffer.get(), ZIP_TRUNCATE, &error);
  if (archive == nullptr) {
    Status status = ZipError("libzip could not start the label archive", &error);
    zip_error_fini(&error);
    return status;
  }
  zip_error_fini(&error);
  // The archive now holds a reference; keep ours to read the result after
  // zip_close has released the archive's.
  zip_source_keep(buffer.get());

  for (std::size_t i = 0; i < pdfs.size(); ++i) {
    zip_source_t* entry = zip_source_buffer(archive, pdfs[i].data(), pdfs[i].size(), 0);
    if (entry == nullptr) {
      Status status = ZipError("libzip could not wrap a label PDF", zip_get_error(archive));
      zip_discard(archive);
      return status;
    }
    if (zip_file_add(archive, names[i].c_str(), entry, ZIP_FL_ENC_UTF_8) < 0) {
      zip_source_free(entry);
      Status status = ZipError("libzip could not add a label PDF", zip_get_error(archive));
      zip_discard(archive);
      return status;
    }
  }
  if (zip_close(archive) < 0) {
    Status status = ZipError("libzip could not write the label archive", zip_get_error(archive));
    zip_discard(archive);
    return status;
  }
  return ReadSource(buffer.get());
}

}  // namespace mporders::labels
