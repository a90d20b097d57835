// One process of a deployment, for the tests: THREADS threads each send REQUESTS POSTs to URL one
// after the other, each when a redis_pacer shared through the Redis on 127.0.0.1:PORT allows (at
// RATE a second, the fallback's share 1 / PROCESSES); after a 429, pause every process for
// PAUSE_MS and send again. Prints each change between Redis and the fallback, then "sent N".
//
//   TRACKINGMORE_API_KEY=... redis_worker PORT PROCESSES THREADS REQUESTS RATE PAUSE_MS URL PATH
//
// Exit status: 0 every request answered 200, 1 some not, 2 usage.
#include <trackingmore/status/redis.hpp>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <httplib.h>
#include <string>
#include <thread>
#include <vector>

int main(int argc, char** argv) {
  namespace tk = trackingmore;
  const char* const key = std::getenv("TRACKINGMORE_API_KEY");
  if (argc != 9 || key == nullptr) {
    (void)std::fprintf(stderr,
                       "usage: TRACKINGMORE_API_KEY=... %s PORT PROCESSES THREADS "
                       "REQUESTS RATE PAUSE_MS URL PATH\n",
                       argv[0]);
    return 2;
  }
  tk::redis_options options;
  options.port = std::atoi(argv[1]);
  options.processes = static_cast<unsigned>(std::atoi(argv[2]));
  options.observer = [](tk::redis_event e, const std::string& what) {
    std::printf("redis: %s%s\n",
                e == tk::redis_event::available ? "available" : "unavailable: ", what.c_str());
    (void)std::fflush(stdout);
  };
  const int threads = std::atoi(argv[3]);
  const int requests = std::atoi(argv[4]);
  const double rate = std::atof(argv[5]);
  const std::chrono::milliseconds pause(std::atoi(argv[6]));
  const std::string url = argv[7];
  const std::string path = argv[8];
  tk::redis_pacer pacer(options, key, tk::endpoint::other, rate);
  std::atomic<int> sent{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> running;
  for (int t = 0; t < threads; ++t) {
    running.emplace_back([&] {
      httplib::Client http(url);
      const httplib::Headers headers{{"Tracking-Api-Key", key}};
      for (int i = 0; i < requests; ++i) {
        for (;;) {
          (void)pacer.wait();
          ++sent;
          const httplib::Result r = http.Post(path, headers, "{}", "application/json");
          if (r && r->status == 429) {
            pacer.pause_until(tk::redis_pacer::clock::now() + pause);
            continue;
          }
          if (!r || r->status != 200) ++failed;
          break;
        }
      }
    });
  }
  for (std::thread& t : running) t.join();
  std::printf("sent %d\n", sent.load());
  return failed == 0 ? 0 : 1;
}
