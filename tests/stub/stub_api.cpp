#include "stub_api.hpp"

#include <algorithm>
#include <arpa/inet.h>
#include <atomic>
#include <charconv>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <httplib.h>
#include <iterator>
#include <map>
#include <mutex>
#include <netinet/in.h>
#include <pthread.h>
#include <stdexcept>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

#include "../most_in_window.hpp"

namespace stub {

namespace {

/// `address` as the POSIX socket calls take it.
sockaddr* generic(sockaddr_in& address) {
  // NOLINTNEXTLINE(cppcoreguidelines-pro-type-reinterpret-cast): sockets' API, made for this cast
  return reinterpret_cast<sockaddr*>(&address);
}

/// The port of `fd`'s own (`peer` false) or its peer's IPv4 address, or -1.
int port_of(int fd, bool peer) {
  sockaddr_in address{};
  socklen_t length = sizeof address;
  const int failed = peer ? getpeername(fd, generic(address), &length)
                          : getsockname(fd, generic(address), &length);
  return failed != 0 || address.sin_family != AF_INET ? -1 : ntohs(address.sin_port);
}

/// This process's socket of the connection from `peer_port` to `local_port`, or -1. cpp-httplib
/// gives a handler no access to its socket, so it is found among the process's descriptors.
// NOLINTNEXTLINE(bugprone-easily-swappable-parameters): named at every call
int find_connection(int local_port, int peer_port) {
  for (const auto& entry : std::filesystem::directory_iterator("/proc/self/fd")) {
    const int fd = std::stoi(entry.path().filename().string());
    if (port_of(fd, false) == local_port && port_of(fd, true) == peer_port) return fd;
  }
  return -1;
}

/// What a reply with `fault` (`cut_length` or `cut_chunked`) sends before its connection closes.
std::string cut_answer(const reply& r) {
  std::string text =
      "HTTP/1.1 " + std::to_string(r.status) + " Stub\r\nContent-Type: " + r.content_type + "\r\n";
  for (const header& h : r.headers) text += h.first + ": " + h.second + "\r\n";
  const std::string half = r.body.substr(0, r.body.size() / 2);
  if (r.fault == fault::cut_length) {
    return text + "Content-Length: " + std::to_string(r.body.size()) + "\r\n\r\n" + half;
  }
  text += "Transfer-Encoding: chunked\r\n\r\n";
  if (half.empty()) return text;  // an empty chunk would be the last one
  char size[16];
  const std::to_chars_result end = std::to_chars(std::begin(size), std::end(size), half.size(), 16);
  return text + std::string(std::begin(size), end.ptr) + "\r\n" + half + "\r\n";
}

/// Breaks the connection `fd` as `r.fault` says; false if it cannot. The socket is shut down or
/// replaced, never closed, since cpp-httplib closes its descriptor.
bool break_connection(int fd, const reply& r) {
  if (fd < 0) return false;
  if (r.fault == fault::reset) {
    // With a zero linger time, closing the last descriptor of a socket sends RST. dup2 closes it
    // and puts an unconnected socket in its place in one step, for cpp-httplib to close.
    const linger abort{1, 0};
    const int replacement = socket(AF_INET, SOCK_STREAM, 0);
    const bool reset = replacement >= 0 &&
                       setsockopt(fd, SOL_SOCKET, SO_LINGER, &abort, sizeof abort) == 0 &&
                       dup2(replacement, fd) == fd;
    if (replacement >= 0) close(replacement);
    return reset;
  }
  if (r.fault == fault::cut_length || r.fault == fault::cut_chunked) {
    const std::string text = cut_answer(r);
    for (std::size_t sent = 0; sent < text.size();) {
      const ssize_t n = send(fd, text.data() + sent, text.size() - sent, MSG_NOSIGNAL);
      if (n <= 0) return false;
      sent += static_cast<std::size_t>(n);
    }
  }
  return shutdown(fd, SHUT_RDWR) == 0;
}

/// `word` as one word for the shell: in single quotes, a quote in it as '\''.
std::string shell_word(const std::string& word) {
  std::string text = "'";
  for (const char c : word) {
    if (c == '\'') {
      text += "'\\''";
    } else {
      text += c;
    }
  }
  return text + "'";
}

/// TrackingMore's answer to a request without a valid API key.
reply unauthorised() { return {401, R"({"meta":{"code":401,"message":"Authentication failed"}})"}; }

}  // namespace

reply dropped_connection(std::chrono::milliseconds delay) {
  reply r;
  r.delay = delay;
  r.fault = fault::drop;
  return r;
}

reply reset_connection(std::chrono::milliseconds delay) {
  reply r;
  r.delay = delay;
  r.fault = fault::reset;
  return r;
}

reply cut_body(reply r, bool chunked) {
  r.fault = chunked ? fault::cut_chunked : fault::cut_length;
  return r;
}

closed_port::closed_port() : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  // Bound, the port is this socket's; not listening, Linux answers a connection to it with RST.
  if (fd_ < 0 || bind(fd_, generic(address), sizeof address) != 0 ||
      (port_ = port_of(fd_, false)) <= 0) {
    if (fd_ >= 0) close(fd_);
    throw std::runtime_error("stub::closed_port: cannot bind a port of 127.0.0.1");
  }
}

closed_port::~closed_port() { close(fd_); }

std::size_t most_in_window(const std::vector<request>& requests, clock_type::duration window) {
  std::vector<clock_type::time_point> arrivals;
  arrivals.reserve(requests.size());
  for (const request& r : requests) arrivals.push_back(r.arrival);
  return test::most_in_window(std::move(arrivals), window);
}

/// A script: its replies, and how many of them were given.
struct script_state {
  std::vector<reply> replies;
  std::size_t given = 0;
};

struct api::state {
  std::string api_key, key_header;
  mutable std::mutex mutex;
  std::map<std::pair<std::string, std::string>, script_state> scripts;  // by method and path
  std::vector<request> requests;
  httplib::Server server;
  int port = -1;
  std::atomic<bool> stopped{false};
  std::thread listener;

  /// Records `in` and picks its reply.
  reply answer(const httplib::Request& in) {
    request received{in.method, in.path, {in.headers.begin(), in.headers.end()}, in.body, {}};
    const std::lock_guard<std::mutex> lock(mutex);
    received.arrival = clock_type::now();  // under the lock: requests stay in order of arrival
    requests.push_back(std::move(received));
    if (in.get_header_value(key_header) != api_key) return unauthorised();
    const auto found = scripts.find({in.method, in.path});
    if (found == scripts.end()) {
      return {404, "stub::api: no script for " + in.method + " " + in.path, "text/plain"};
    }
    script_state& s = found->second;
    return s.replies[std::min(s.given++, s.replies.size() - 1)];
  }

  void handle(const httplib::Request& in, httplib::Response& out) {
    const reply r = answer(in);
    std::this_thread::sleep_for(r.delay);
    if (r.fault != fault::none) {
      if (break_connection(find_connection(in.local_port, in.remote_port), r)) return;
      out.status = 500;
      out.set_content("stub::api: cannot break the connection", "text/plain");
      return;
    }
    out.status = r.status;
    for (const header& h : r.headers) out.set_header(h.first, h.second);
    out.set_content(r.body, r.content_type);
  }
};

api::api(std::string api_key, std::string key_header) : state_(std::make_unique<state>()) {
  state& s = *state_;
  s.api_key = std::move(api_key);
  s.key_header = std::move(key_header);
  const auto handler = [&s](const httplib::Request& in, httplib::Response& out) {
    s.handle(in, out);
  };
  const char* const any = ".*";
  s.server.Get(any, handler).Post(any, handler).Put(any, handler).Delete(any, handler);
  // A thread per client connection (cpp-httplib's default pool has 8): a kept-alive connection
  // holds its thread, and a request queued behind it would be read, and timed, late.
  // NOLINTNEXTLINE(cppcoreguidelines-owning-memory): cpp-httplib owns the pool it asks for
  s.server.new_task_queue = [] { return new httplib::ThreadPool(64); };
  s.port = s.server.bind_to_any_port("127.0.0.1");
  if (s.port <= 0) throw std::runtime_error("stub::api: cannot listen on 127.0.0.1");
  s.listener = std::thread([&s] {
    // A broken connection makes cpp-httplib write to a shut-down socket, which raises SIGPIPE in
    // the writing thread. Blocked here, it is blocked in the pool's threads, which this one starts,
    // and not in the rest of the process.
    sigset_t pipe{};
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe, nullptr);
    s.server.listen_after_bind();
    s.stopped = true;
  });
  // stop() is a no-op until the server runs: wait for it, so that the destructor cannot hang.
  while (!s.server.is_running() && !s.stopped) std::this_thread::yield();
  if (s.stopped) {
    s.listener.join();
    throw std::runtime_error("stub::api: cannot listen on 127.0.0.1");
  }
}

api::~api() {
  state_->server.stop();
  state_->listener.join();
}

void api::script(const std::string& method, const std::string& path, std::vector<reply> replies) {
  if (replies.empty()) throw std::invalid_argument("stub::api::script: no replies");
  const std::lock_guard<std::mutex> lock(state_->mutex);
  state_->scripts[{method, path}] = {std::move(replies), 0};
}

int api::port() const { return state_->port; }

std::string api::url() const { return "http://127.0.0.1:" + std::to_string(state_->port); }

std::vector<request> api::requests() const {
  const std::lock_guard<std::mutex> lock(state_->mutex);
  return state_->requests;
}

run_result api::run(const std::vector<std::string>& command) const {
  // libcurl, for one, honours http_proxy unless told otherwise.
  std::string line = "TRACKINGMORE_API_KEY=" + shell_word(state_->api_key) +
                     " no_proxy=127.0.0.1 NO_PROXY=127.0.0.1 exec";
  for (const std::string& word : command) line += " " + shell_word(word);
  // NOLINTNEXTLINE(cert-env33-c): a shell runs a test's own program, with arguments quoted
  FILE* pipe = popen(line.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("stub::api::run: cannot run " + line);
  run_result result;
  char buffer[512];
  for (std::size_t n = 0; (n = std::fread(buffer, 1, sizeof buffer, pipe)) != 0;) {
    result.output.append(buffer, n);
  }
  const int status = pclose(pipe);
  if (WIFEXITED(status)) result.exit_status = WEXITSTATUS(status);
  return result;
}

}  // namespace stub
