#include "support/server_process.h"

#include <gtest/gtest.h>

#include <signal.h>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <thread>

#include "store/postgres/pg_connection.h"

extern char** environ;

namespace mporders::testing {
namespace {

pid_t Spawn(const std::vector<std::string>& args, const std::filesystem::path& output) {
  std::vector<char*> argv;
  for (const auto& arg : args) argv.push_back(const_cast<char*>(arg.c_str()));
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 1, output.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, 1, 2);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  pid_t pid = -1;
  int rc = posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) throw std::runtime_error("cannot spawn " + args[0]);
  return pid;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

}  // namespace

std::string BinaryPath() { return MPORDERS_BINARY; }

TempDir::TempDir() {
  std::random_device random;
  path_ = std::filesystem::temp_directory_path() / ("mporders-test-" + std::to_string(random()));
  std::filesystem::create_directories(path_);
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

ServerProcess::ServerProcess(std::vector<std::string> extra_args, const TempDir* shared_dir)
    : dir_(shared_dir ? shared_dir : &own_dir_) {
  static int counter = 0;
  std::string tag = std::to_string(getpid()) + "-" + std::to_string(++counter);
  auto port_file = own_dir_.path() / ("port-" + tag);
  log_path_ = own_dir_.path() / ("server-" + tag + ".log");
  std::vector<std::string> args = {BinaryPath(), "serve", "--listen", "127.0.0.1:0",
                                   "--db", db_url(), "--port-file", port_file.string()};
  args.insert(args.end(), extra_args.begin(), extra_args.end());
  pid_ = Spawn(args, log_path_);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (std::chrono::steady_clock::now() < deadline) {
    std::string text = ReadFile(port_file);
    if (!text.empty() && text.back() == '\n') {
      port_ = static_cast<unsigned short>(std::stoi(text));
      return;
    }
    if (!Running()) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  std::string log = ReadFile(log_path_);
  Terminate(2000);
  throw std::runtime_error("mporders serve did not start: " + log);
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) Terminate();
}

std::string ServerProcess::db_url() const { return dir_->db_url(); }

bool TestOnPostgres() {
  const char* engine = std::getenv("MPORDERS_TEST_ENGINE");
  return engine != nullptr && std::string(engine) == "postgres";
}

std::string TempDir::db_url() const {
  if (!TestOnPostgres()) return "sqlite:" + (path_ / "test.db").string();
  if (!pg_url_.empty()) return pg_url_;
  const char* base = std::getenv("MPORDERS_TEST_PG_URL");
  if (base == nullptr || *base == '\0') throw std::runtime_error("MPORDERS_TEST_PG_URL is not set");
  // One schema per directory: the servers sharing it share the database.
  const std::string schema = "api_" + path_.filename().string().substr(std::string("mporders-test-").size());
  auto db = pg::Connection::Open(base);
  if (!db.ok()) throw std::runtime_error(db.status().ToString());
  Status created = (*db)->ExecScript("CREATE SCHEMA " + schema);
  if (!created.ok()) throw std::runtime_error(created.ToString());
  const std::string url = base;
  pg_url_ = url + (url.find('?') == std::string::npos ? "?" : "&") + "options=-csearch_path%3D" + schema;
  return pg_url_;
}

namespace {

// Skips every test of a PostgreSQL run that has no server to run on.
class PostgresEnvironment : public ::testing::Environment {
 public:
  void SetUp() override {
    const char* url = std::getenv("MPORDERS_TEST_PG_URL");
    if (TestOnPostgres() && (url == nullptr || *url == '\0')) {
      GTEST_SKIP() << "no PostgreSQL test server (MPORDERS_TEST_PG_URL); run under scripts/with-postgres.sh";
    }
  }
};

[[maybe_unused]] ::testing::Environment* const kPostgresEnvironment =
    ::testing::AddGlobalTestEnvironment(new PostgresEnvironment);

}  // namespace

bool ServerProcess::Running() {
  if (pid_ <= 0) return false;
  int status = 0;
  pid_t done = waitpid(pid_, &status, WNOHANG);
  if (done == pid_) {
    pid_ = -1;
    return false;
  }
  return true;
}

int ServerProcess::Terminate(int timeout_ms) {
  if (pid_ <= 0) return -1;
  kill(pid_, SIGTERM);
  auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  kill(pid_, SIGKILL);
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return -1;
}

void ServerProcess::Signal(int signal_number) {
  if (pid_ > 0) kill(pid_, signal_number);
}

int RunCli(const std::vector<std::string>& args, std::string* output) {
  TempDir dir;
  auto out = dir.path() / "out.txt";
  std::vector<std::string> full = {BinaryPath()};
  full.insert(full.end(), args.begin(), args.end());
  pid_t pid = Spawn(full, out);
  int status = 0;
  waitpid(pid, &status, 0);
  if (output) *output = ReadFile(out);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace mporders::testing
