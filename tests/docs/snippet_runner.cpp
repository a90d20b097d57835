// Runs one "With your HTTP client" snippet against the stand-in for the TrackingMore v4 API
// (tests/stub, on 127.0.0.1), for a few real answers (tests/data/bodies), and checks what it prints
// and its exit status.
//   snippet_runner PROGRAM ARGS...   ("{url}" and "{port}" in ARGS become the stand-in's)
#include <trackingmore/status.hpp>

#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "real_body.hpp"
#include "stub_api.hpp"

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) {
    text.replace(at, from.size(), to);
  }
  return text;
}

struct answer {
  stub::reply reply;
  std::error_code expected;  // what the snippet should read: the body's code, or the HTTP status
};

}  // namespace

int main(int argc, char** argv) try {
  if (argc < 2) {
    std::cerr << "usage: snippet_runner PROGRAM ARGS...\n";
    return 2;
  }
  const std::vector<answer> answers{
      {{200, real_body("v4_success.json")}, {}},
      {{400, real_body("v4_tracking_exists.json")}, trackingmore::v4::errc::tracking_exists},
      {{429, real_body("v4_too_many_requests.json")}, trackingmore::v4::errc::too_many_requests},
      {{502, real_body("proxy_502.html"), "text/html"}, trackingmore::http::to_error_code(502)},
  };
  stub::api api;
  std::vector<std::string> command{argv[1]};
  for (int i = 2; i < argc; ++i) {
    command.push_back(
        replaced(replaced(argv[i], "{url}", api.url()), "{port}", std::to_string(api.port())));
  }
  int failures = 0;
  for (const answer& a : answers) {
    api.script("GET", "/v4/trackings/get", {a.reply});
    const std::error_code& ec = a.expected;
    const std::string expected = (ec ? ec.message() : "success") + "\n";
    const stub::run_result result = api.run(command);
    if (result.output != expected || result.exit_status != (ec ? 1 : 0)) {
      std::cerr << "answer " << a.reply.body << ": expected \"" << expected << "\", exit "
                << (ec ? 1 : 0) << "; got \"" << result.output << "\", exit " << result.exit_status
                << '\n';
      ++failures;
    }
  }
  return failures == 0 ? 0 : 1;
} catch (const std::exception& e) {
  std::cerr << "snippet_runner: " << e.what() << '\n';
  return 2;
}
