#include "app/file_output.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace mporders::app {

Status WriteFile(const std::filesystem::path& path, const std::string& text, mode_t mode,
                 bool overwrite) {
  int flags = O_WRONLY | O_CREAT | O_CLOEXEC | (overwrite ? O_TRUNC : O_EXCL);
  int fd = ::open(path.c_str(), flags, mode);
  if (fd < 0) {
    return Status::Error(ErrorCode::kInvalidRequestParam,
                         "cannot write " + path.string() + ": " + std::strerror(errno));
  }
  bool ok = ::fchmod(fd, mode) == 0;
  size_t written = 0;
  while (ok && written < text.size()) {
    ssize_t n = ::write(fd, text.data() + written, text.size() - written);
    if (n < 0 && errno == EINTR) continue;
    ok = n > 0;
    if (ok) written += static_cast<size_t>(n);
  }
  ok = ::close(fd) == 0 && ok;
  if (!ok) return Status::Internal("cannot write " + path.string() + ": " + std::strerror(errno));
  return Status::Ok();
}

}  // namespace mporders::app
