// A real Redis for the tests: redis-server (TRACKINGMORE_REDIS_SERVER) started by the test itself
// on a free port of 127.0.0.1 and a Unix socket, in a temporary directory, without persistence;
// stopped, restarted on the same port, frozen (SIGSTOP) and thawed by the test.
#pragma once

#include <arpa/inet.h>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <hiredis/hiredis.h>
#include <netinet/in.h>
#include <spawn.h>
#include <stdexcept>
#include <string>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace test {

/// A port of 127.0.0.1 that was free a moment ago.
inline int free_loopback_port() {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t size = sizeof address;
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): the sockets API
  auto* any = reinterpret_cast<sockaddr*>(&address);
  if (fd < 0 || bind(fd, any, size) != 0 || getsockname(fd, any, &size) != 0) {
    if (fd >= 0) close(fd);
    throw std::runtime_error("no free port on 127.0.0.1");
  }
  close(fd);
  return ntohs(address.sin_port);
}

/// One redis-server of the test's own.
class redis_server {
 public:
  /// Starts one, with `extra` arguments (e.g. {"--requirepass", "secret"}).
  explicit redis_server(std::vector<std::string> extra = {}) : extra_(std::move(extra)) {
    char pattern[] = "/tmp/trackingmore-redis-XXXXXX";
    if (mkdtemp(pattern) == nullptr) throw std::runtime_error("mkdtemp");
    dir_ = pattern;
    for (int tries = 0; tries < 5 && pid_ < 0; ++tries) {
      port_ = free_loopback_port();
      if (!start_and_wait()) stop();
    }
    if (pid_ < 0) throw std::runtime_error("redis-server did not start: see " + dir_ + "/log");
  }
  redis_server(const redis_server&) = delete;
  redis_server& operator=(const redis_server&) = delete;
  ~redis_server() {
    thaw();
    stop();
    std::error_code ignored;
    std::filesystem::remove_all(dir_, ignored);
  }

  int port() const { return port_; }
  /// Its Unix socket's path.
  std::string unix_socket() const { return dir_ + "/redis.sock"; }
  /// Whether it runs.
  bool running() const { return pid_ >= 0; }

  /// Stops it (SIGTERM: a shutdown, which closes every connection) and waits for it to exit.
  void stop() {
    if (pid_ < 0) return;
    kill(pid_, SIGCONT);
    kill(pid_, SIGTERM);
    int status = 0;
    waitpid(pid_, &status, 0);
    pid_ = -1;
  }
  /// Starts it again on the same port, empty (nothing persists); throws if it cannot.
  void restart() {
    stop();
    for (int tries = 0; tries < 20 && pid_ < 0; ++tries) {
      if (!start_and_wait()) stop();
    }
    if (pid_ < 0) throw std::runtime_error("redis-server did not restart");
  }
  /// Freezes it (SIGSTOP): it accepts connections (the kernel does) but answers nothing.
  void freeze() const {
    if (pid_ >= 0) kill(pid_, SIGSTOP);
  }
  /// Lets a frozen one run again.
  void thaw() const {
    if (pid_ >= 0) kill(pid_, SIGCONT);
  }

 private:
  /// Starts redis-server and waits up to 5 s for its PONG; false if it did not answer.
  bool start_and_wait() {
    std::vector<std::string> args = {TRACKINGMORE_REDIS_SERVER,
                                     "--port",
                                     std::to_string(port_),
                                     "--bind",
                                     "127.0.0.1",
                                     "--unixsocket",
                                     unix_socket(),
                                     "--unixsocketperm",
                                     "700",
                                     "--save",
                                     "",
                                     "--appendonly",
                                     "no",
                                     "--dir",
                                     dir_,
                                     "--logfile",
                                     dir_ + "/log",
                                     "--daemonize",
                                     "no"};
    args.insert(args.end(), extra_.begin(), extra_.end());
    std::vector<char*> argv;
    argv.reserve(args.size() + 1);
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    pid_t pid = -1;
    if (posix_spawn(&pid, argv[0], nullptr, nullptr, argv.data(), environ) != 0) return false;
    pid_ = pid;
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (std::chrono::steady_clock::now() < deadline) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {  // exited: the port was taken
        pid_ = -1;
        return false;
      }
      redisContext* c = redisConnectUnix(unix_socket().c_str());
      if (c != nullptr && c->err == 0) {
        auto* r = static_cast<redisReply*>(redisCommand(c, "PING"));
        // A password makes PING answer NOAUTH: it runs all the same.
        const bool up = r != nullptr;
        if (r != nullptr) freeReplyObject(r);
        redisFree(c);
        if (up) return true;
      } else if (c != nullptr) {
        redisFree(c);
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    return false;
  }

  std::vector<std::string> extra_;
  std::string dir_;
  int port_ = 0;
  pid_t pid_ = -1;
};

}  // namespace test
