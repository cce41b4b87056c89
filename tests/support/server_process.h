#pragma once
// Starts the real `mporders serve` binary on an ephemeral port with its own
// database file, for black-box tests over real sockets.

#include <sys/types.h>

#include <filesystem>
#include <string>
#include <vector>

namespace mporders::testing {

// A fresh temporary directory, removed on destruction, and the database of
// the servers that share it.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  const std::filesystem::path& path() const { return path_; }
  // sqlite:<dir>/test.db; with MPORDERS_TEST_ENGINE=postgres, a fresh schema
  // of its own on the test server (MPORDERS_TEST_PG_URL), made on first use.
  std::string db_url() const;

 private:
  std::filesystem::path path_;
  mutable std::string pg_url_;
};

// Whether the black-box tests run their servers on PostgreSQL
// (MPORDERS_TEST_ENGINE=postgres); without MPORDERS_TEST_PG_URL every test
// is then skipped.
bool TestOnPostgres();

class ServerProcess {
 public:
  // Runs `mporders serve --listen 127.0.0.1:0 --db <dir's db_url()>` plus
  // `extra_args`, and waits until it listens. Throws if it does not start.
  explicit ServerProcess(std::vector<std::string> extra_args = {}, const TempDir* shared_dir = nullptr);
  ~ServerProcess();  // SIGTERM, then SIGKILL if it has not exited

  unsigned short port() const { return port_; }
  std::string db_url() const;
  const std::filesystem::path& dir() const { return dir_->path(); }
  const std::filesystem::path& log_path() const { return log_path_; }

  // Sends SIGTERM and waits; returns the exit status (or -1 on timeout).
  int Terminate(int timeout_ms = 15000);
  // Sends `signal_number` and returns at once.
  void Signal(int signal_number);
  bool Running();

 private:
  TempDir own_dir_;
  const TempDir* dir_;
  std::filesystem::path log_path_;
  pid_t pid_ = -1;
  unsigned short port_ = 0;
};

// Runs the mporders binary with `args` and returns its exit code; stdout+stderr
// go to `output` when given.
int RunCli(const std::vector<std::string>& args, std::string* output = nullptr);

// Path of the mporders binary under test.
std::string BinaryPath();

}  // namespace mporders::testing
