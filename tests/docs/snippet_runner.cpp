// Runs one "With your HTTP client" snippet against a local stand-in for the TrackingMore v4 API
// (127.0.0.1 only), for a few answers, and checks what it prints and its exit status.
//   snippet_runner PROGRAM ARGS...   ("{url}" and "{port}" in ARGS become the stand-in's)
#include <trackingmore/status.hpp>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <httplib.h>
#include <iostream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <vector>

namespace {

std::string replaced(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size()) {
    text.replace(at, from.size(), to);
  }
  return text;
}

struct answer {
  int http_status;
  std::string body;
  int meta_code;  // what the snippet should read: the body's meta.code, or else the HTTP status
};

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: snippet_runner PROGRAM ARGS...\n";
    return 2;
  }
  const std::string key = "test-key";
  setenv("TRACKINGMORE_API_KEY", key.c_str(), 1);
  setenv("no_proxy", "127.0.0.1", 1);  // libcurl would otherwise honour an http_proxy
  setenv("NO_PROXY", "127.0.0.1", 1);

  const std::vector<answer> answers{
      {200, R"({"meta":{"code":200,"message":"Request response is successful"},"data":[]})", 200},
      {400, R"({"meta":{"code":4101,"message":"Tracking No. already exists."},"data":[]})", 4101},
      {429, R"({"meta":{"code":429,"message":"Exceeded API request limits"},"data":[]})", 429},
      {502, "<html>Bad Gateway</html>", 502},
  };
  std::atomic<std::size_t> current{0};
  httplib::Server server;
  server.Get(
      "/v4/trackings/get", [&](const httplib::Request& request, httplib::Response& response) {
        const answer& a = answers[current];
        if (request.get_header_value("Tracking-Api-Key") != key) {
          response.status = 401;
          response.set_content(R"({"meta":{"code":401,"message":"no key"}})", "application/json");
          return;
        }
        response.status = a.http_status;
        response.set_content(a.body, "application/json");
      });
  const int port = server.bind_to_any_port("127.0.0.1");
  if (port <= 0) {
    std::cerr << "cannot listen on 127.0.0.1\n";
    return 2;
  }
  std::thread listener([&] { server.listen_after_bind(); });

  std::string command = std::string("'") + argv[1] + "'";
  for (int i = 2; i < argc; ++i) {
    const std::string url = "http://127.0.0.1:" + std::to_string(port);
    command +=
        " '" + replaced(replaced(argv[i], "{url}", url), "{port}", std::to_string(port)) + "'";
  }
  int failures = 0;
  for (std::size_t i = 0; i < answers.size(); ++i) {
    current = i;
    const std::error_code ec = trackingmore::v4::to_error_code(answers[i].meta_code);
    const std::string expected = (ec ? ec.message() : "success") + "\n";
    std::string out;
    // NOLINTNEXTLINE(cert-env33-c): a shell runs the built snippet, with this test's own arguments
    FILE* pipe = popen(command.c_str(), "r");
    char buffer[512];
    for (std::size_t n = 0;
         pipe != nullptr && (n = std::fread(buffer, 1, sizeof buffer, pipe)) != 0;) {
      out.append(buffer, n);
    }
    const int status = pipe != nullptr ? pclose(pipe) : -1;
    const int exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    if (out != expected || exit_status != (ec ? 1 : 0)) {
      std::cerr << "answer " << answers[i].body << ": expected \"" << expected << "\", exit "
                << (ec ? 1 : 0) << "; got \"" << out << "\", exit " << exit_status << '\n';
      ++failures;
    }
  }
  server.stop();
  listener.join();
  return failures == 0 ? 0 : 1;
}
