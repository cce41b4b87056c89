#include "store/sqlite/shared_counter.h"

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
constexpr off_t kFileSize = sizeof(std::uint64_t);

Status Failed(const std::string& what, const std::string& path) {
  return Status::Error(ErrorCode::kInternal, what + " " + path + ": " + std::strerror(errno),
                       "store");
}

}  // namespace

Result<std::unique_ptr<SharedCounter>> SharedCounter::Open(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) return Failed("cannot open", path);
  struct stat st {};
  // Only ever grown, never truncated: another process may have it mapped,
  // and a mapping past the end of its file faults.
  if (::fstat(fd, &st) != 0 || (st.st_size < kFileSize && ::ftruncate(fd, kFileSize) != 0)) {
    Status failed = Failed("cannot size", path);
    ::close(fd);
    return failed;
  }
  void* mapping = ::mmap(nullptr, kFileSize, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  ::close(fd);  // the mapping stays valid without the descriptor
  if (mapping == MAP_FAILED) return Failed("cannot map", path);
  return std::unique_ptr<SharedCounter>(
      new SharedCounter(static_cast<std::uint64_t*>(mapping), mapping));
}

std::unique_ptr<SharedCounter> SharedCounter::Private() {
  auto counter = std::unique_ptr<SharedCounter>(new SharedCounter(nullptr, nullptr));
  counter->value_ = &counter->private_value_;
  return counter;
}

SharedCounter::~SharedCounter() {
  if (mapping_ != nullptr) ::munmap(mapping_, kFileSize);
}

}  // namespace mporders::sqlite
