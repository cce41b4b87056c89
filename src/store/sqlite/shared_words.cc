#include "store/sqlite/shared_words.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace mporders::sqlite {

namespace {

// Lock-free atomics are address-free, which is what makes them valid in memory
// mapped by several processes; a page-aligned mapping meets the alignment.
static_assert(std::atomic_ref<std::uint64_t>::is_always_lock_free);
static_assert(std::atomic_ref<std::uint64_t>::required_alignment <= alignof(std::uint64_t));

Status Failed(const std::string& what, const std::string& path) {
  return Status::Error(ErrorCode::kInternal, what + " " + path + ": " + std::strerror(errno),
                       "store");
}

}  // namespace

Result<std::unique_ptr<SharedWords>> SharedWords::Open(const std::string& path,
                                                       std::size_t count) {
  const std::size_t bytes = count * sizeof(std::uint64_t);
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Failed("cannot open", path);
  struct stat st {};
  // Only ever grown, never truncated: another process may have it mapped,
  // and a mapping past the end of its file faults.
  if (::fstat(fd, &st) != 0 ||
      (static_cast<std::size_t>(st.st_size) < bytes &&
       ::ftruncate(fd, static_cast<off_t>(bytes)) != 0)) {
    Status failed = Failed("cannot size", path);
    ::close(fd);
    return failed;
  }
  void* mapping = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  ::close(fd);  // the mapping stays valid without the descriptor
  if (mapping == MAP_FAILED) return Failed("cannot map", path);
  return std::unique_ptr<SharedWords>(
      new SharedWords(static_cast<std::uint64_t*>(mapping), count, mapping, bytes));
}

std::unique_ptr<SharedWords> SharedWords::Private(std::size_t count) {
  auto words = std::unique_ptr<SharedWords>(new SharedWords(nullptr, count, nullptr, 0));
  words->private_words_.assign(count, 0);
  words->words_ = words->private_words_.data();
  return words;
}

SharedWords::~SharedWords() {
  if (mapping_ != nullptr) ::munmap(mapping_, mapped_bytes_);
}

}  // namespace mporders::sqlite
