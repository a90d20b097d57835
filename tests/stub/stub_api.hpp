// A local stand-in for the TrackingMore API: a cpp-httplib server on 127.0.0.1 (an ephemeral port)
// that answers each method and path from a script and records every request it receives. The
// end-to-end tests run the examples against it, the docs tests the snippets.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace stub {

/// The clock of the requests' arrival times.
using clock_type = std::chrono::steady_clock;

/// A header's name and value.
using header = std::pair<std::string, std::string>;

/// How a reply breaks its transfer, after reading the request and waiting its delay. A slow answer
/// is a `delay` longer than the client's timeout; a closed port is `closed_port`.
enum class fault {
  none,   ///< The whole answer.
  drop,   ///< No answer: the connection is closed (FIN).
  reset,  ///< No answer: the connection is reset (RST: SO_LINGER 0, then closed).
  /// The status line, the headers with the whole body's Content-Length, and the first half of the
  /// body (rounded down); then the connection is closed (FIN).
  cut_length,
  /// The status line, the headers with Transfer-Encoding: chunked (no Content-Length), and the
  /// first half of the body (rounded down) as one chunk, if not empty; then the connection is
  /// closed (FIN) before the last chunk. HTTP/1.1 frames a body without a Content-Length either so
  /// or by closing the connection, and a body cut by a close looks complete to every client.
  cut_chunked,
};

/// One scripted answer.
struct reply {
  int status = 200;                               ///< The HTTP status.
  std::string body;                               ///< Sent as is.
  std::string content_type = "application/json";  ///< The Content-Type header.
  std::vector<header> headers{};                  ///< Any others, e.g. {"Retry-After", "120"}.
  std::chrono::milliseconds delay{0};             ///< Waited before answering (or breaking).
  stub::fault fault = fault::none;                ///< How its transfer breaks, if it does.
};

/// A reply that closes the connection without an answer, after `delay`.
reply dropped_connection(std::chrono::milliseconds delay = {});
/// A reply that resets the connection without an answer, after `delay`.
reply reset_connection(std::chrono::milliseconds delay = {});
/// `r` with its body cut: `fault::cut_length`, or `fault::cut_chunked` when `chunked`.
reply cut_body(reply r, bool chunked = false);

/// A port of 127.0.0.1 with no listener: a connection to it is refused (ECONNREFUSED). It holds
/// the port, bound but not listening, so that nothing else takes it while it lives.
class closed_port {
 public:
  /// Throws std::runtime_error if it cannot bind a port.
  closed_port();
  closed_port(const closed_port&) = delete;
  closed_port& operator=(const closed_port&) = delete;
  ~closed_port();
  /// The port.
  int port() const { return port_; }
  /// "http://127.0.0.1:<port>".
  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }

 private:
  int fd_ = -1;
  int port_ = -1;
};

/// One request the stand-in received.
struct request {
  std::string method;              ///< "GET", "POST", ...
  std::string path;                ///< Without the query.
  std::vector<header> headers;     ///< As sent.
  std::string body;                ///< As sent.
  clock_type::time_point arrival;  ///< When the stand-in had read it.
};

/// The most of `requests` that arrived within one span of `window`, i.e. in some [t, t + window).
std::size_t most_in_window(const std::vector<request>& requests, clock_type::duration window);

/// What a program printed on its standard output, and its exit status.
struct run_result {
  std::string output;    ///< Its standard output.
  int exit_status = -1;  ///< -1 if it did not exit (a signal ended it).
};

/// The stand-in. Thread-safe: scripts may change and requests may arrive from several threads at
/// once (it answers each connection on a thread of cpp-httplib's pool).
class api {
 public:
  /// Listens on 127.0.0.1, on a port of its own; throws std::runtime_error if it cannot. A request
  /// whose `key_header` (v3 and v4 name it Tracking-Api-Key, v2 Trackingmore-Api-Key) is not
  /// `api_key` gets TrackingMore's 401, whatever the script.
  explicit api(std::string api_key = "test-key", std::string key_header = "Tracking-Api-Key");
  api(const api&) = delete;
  api& operator=(const api&) = delete;
  /// Stops listening, after answering the requests under way.
  ~api();

  /// Answers each request for `method` and `path` with the next of `replies`, the last one
  /// repeating; replaces any script of that method and path. Without a script: 404. Throws
  /// std::invalid_argument if `replies` is empty.
  void script(const std::string& method, const std::string& path, std::vector<reply> replies);

  /// The port it listens on.
  int port() const;
  /// "http://127.0.0.1:<port>".
  std::string url() const;
  /// Every request received so far, refused or not, in order of arrival.
  std::vector<request> requests() const;
  /// Runs `command` (a program and its arguments, each passed as is) as a client of the stand-in:
  /// with TRACKINGMORE_API_KEY set to its key, and no proxy for 127.0.0.1. Throws
  /// std::runtime_error if it cannot start.
  run_result run(const std::vector<std::string>& command) const;

 private:
  struct state;
  std::unique_ptr<state> state_;  // keeps <httplib.h> out of the tests that include this
};

}  // namespace stub
