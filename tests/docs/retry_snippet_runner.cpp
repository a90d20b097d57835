// Runs the asynchronous retry-loop snippet (docs/snippets/beast_retry.cpp) against the stand-in
// for the TrackingMore v4 API (tests/stub, on 127.0.0.1), for scripts that retry and scripts that
// do not, and checks what it prints and its exit status.
//   retry_snippet_runner PROGRAM
#include <trackingmore/status.hpp>

#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include "real_body.hpp"
#include "stub_api.hpp"

namespace {

struct scripted {
  std::vector<stub::reply> replies;
  std::string expected;  // the snippet's output
  std::size_t requests;  // how many the stand-in receives
};

}  // namespace

int main(int argc, char** argv) try {
  if (argc != 2) {
    std::cerr << "usage: retry_snippet_runner PROGRAM\n";
    return 2;
  }
  const stub::reply success{200, real_body("v4_success.json")};
  const std::string exists = trackingmore::v4::to_error_code(4101).message();
  const std::vector<scripted> cases{
      {{success}, "succeeded after 1 attempt(s)\n", 1},
      // Retried after a backoff below 0.5 s.
      {{{503, "Service Unavailable", "text/plain"}, success}, "succeeded after 2 attempt(s)\n", 2},
      {{{502, real_body("proxy_502.html"), "text/html"}, {503, "", "text/plain"}, success},
       "succeeded after 3 attempt(s)\n",
       3},
      // A reset: Asio's connection_reset, or Beast's partial message, which decide retries.
      {{stub::reset_connection(), success}, "succeeded after 2 attempt(s)\n", 2},
      // Not retried.
      {{{400, real_body("v4_tracking_exists.json")}, success},
       "failed after 1 attempt(s): " + exists + "\n",
       1},
  };
  int failures = 0;
  for (const scripted& c : cases) {
    stub::api api;
    api.script("POST", "/v4/trackings/create", c.replies);
    const stub::run_result result = api.run({argv[1], "127.0.0.1", std::to_string(api.port())});
    const int status = c.expected.rfind("succeeded", 0) == 0 ? 0 : 1;
    if (result.output != c.expected || result.exit_status != status ||
        api.requests().size() != c.requests) {
      std::cerr << "expected \"" << c.expected << "\", exit " << status << ", " << c.requests
                << " request(s); got \"" << result.output << "\", exit " << result.exit_status
                << ", " << api.requests().size() << '\n';
      ++failures;
    }
  }
  return failures == 0 ? 0 : 1;
} catch (const std::exception& e) {
  std::cerr << "retry_snippet_runner: " << e.what() << '\n';
  return 2;
}
