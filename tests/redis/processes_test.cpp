// Several processes of examples/retrying_client --redis, with one API key, against one stand-in
// for the API (tests/stub) and one Redis of the test's own (redis_server.hpp): the stand-in's
// arrival times show the deployment keeping the account's documented rate, pausing after a 429 that
// one process saw, stopping after an account failure that one process saw (probing once per
// interval across all of them), and surviving Redis going away and coming back.
#include <trackingmore/status/pacing.hpp>

#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <iterator>
#include <string>
#include <thread>
#include <vector>

#include "../catch.hpp"
#include "real_body.hpp"
#include "redis_server.hpp"
#include "stub_api.hpp"

namespace {

namespace tk = trackingmore;
using std::chrono::milliseconds;

const char* const item = R"({"tracking_number":"9261290302951157303001","courier_code":"usps"})";

/// Runs `processes` retrying_clients at once, each with `threads` threads, sharing `redis`, with
/// `options` before the version, URL and request; their results, in order.
std::vector<stub::run_result> run_processes(const stub::api& stub, int processes, int threads,
                                            const test::redis_server& redis,
                                            std::vector<std::string> options,
                                            const std::string& version, const std::string& path) {
  std::vector<std::string> command = {TRACKINGMORE_RETRYING_CLIENT, "--threads",
                                      std::to_string(threads)};
  // The time scale comes first, as retrying_client takes its options in order.
  command.insert(command.begin() + 1, options.begin(), options.end());
  for (const std::string& word :
       {std::string("--redis"), "127.0.0.1:" + std::to_string(redis.port()),
        std::string("--redis-processes"), std::to_string(processes), version, stub.url() + path,
        std::string(item)}) {
    command.push_back(word);
  }
  std::vector<stub::run_result> results(static_cast<std::size_t>(processes));
  std::vector<std::thread> running;
  running.reserve(results.size());
  for (stub::run_result& result : results) {
    running.emplace_back([&] { result = stub.run(command); });
  }
  for (std::thread& t : running) t.join();
  return results;
}

stub::reply success() { return {200, real_body("v4_success.json")}; }

/// TrackingMore's 401: advice `after_account_action`, which stops the account.
stub::reply unauthorised() {
  return {401, R"({"meta":{"code":401,"message":"Authentication failed"}})"};
}

/// How many times `part` occurs in `text`.
std::size_t occurrences(const std::string& text, const std::string& part) {
  std::size_t n = 0;
  for (std::size_t at = 0; (at = text.find(part, at)) != std::string::npos; at += part.size()) ++n;
  return n;
}

}  // namespace

TEST_CASE("redis e2e: 4 processes x 4 threads with one API key keep the documented rate") {
  const test::redis_server redis;
  stub::api stub;
  stub.script("POST", "/v4/trackings/batch", {success()});
  // v4's 10 a second on a fivefold time scale: 50 a second, at most 10 + 1 (the burst) in any
  // 200 ms. Each process alone would send 10 in each 200 ms: 40 together.
  const auto results = run_processes(stub, 4, 4, redis, {"--time-scale", "0.2", "--requests", "20"},
                                     "v4", "/v4/trackings/batch");
  for (const stub::run_result& r : results) {
    CHECK(r.exit_status == 0);
    CHECK(r.output.rfind("redis: available\n", 0) == 0);
  }
  const std::vector<stub::request> requests = stub.requests();
  CHECK(requests.size() == 80);
  CHECK(stub::most_in_window(requests, milliseconds(200)) <= 11);
}

TEST_CASE("redis e2e: a 429 answered to one process pauses all four until its wait ends") {
  const test::redis_server redis;
  stub::api stub;
  stub.script("POST", "/v4/trackings/create",
              {{429, real_body("v4_too_many_requests.json")}, success()});
  // v4 create's 3 a second a hundredfold: 300 a second; the 429's documented 120 s: 1.2 s.
  const auto results =
      run_processes(stub, 4, 10, redis, {"--time-scale", "0.01"}, "v4", "/v4/trackings/create");
  for (const stub::run_result& r : results) CHECK(r.exit_status == 0);
  const std::vector<stub::request> requests = stub.requests();
  REQUIRE(requests.size() == 41);  // 40, and the one that got the 429 again
  const auto t429 = requests[0].arrival;
  // Those already under way when the 429 arrived may land in the next few ms; then none, from
  // any process, until the pause ends.
  const auto during = std::count_if(requests.begin(), requests.end(), [&](const stub::request& r) {
    return r.arrival > t429 + milliseconds(50) && r.arrival < t429 + milliseconds(1200);
  });
  CHECK(during == 0);
  CHECK(requests.back().arrival - t429 >= milliseconds(1200));
  // 30 + the burst, and 2 for when they reach the stand-in: at 300 a second a slot is 3.3 ms, so a
  // few ms of scheduling on a loaded machine move a request into the next window. (The rate is
  // the first test's; this one's is the pause.)
  CHECK(stub::most_in_window(requests, milliseconds(100)) <= 33);
}

TEST_CASE("redis e2e: an account failure answered to one process stops all four") {
  const test::redis_server redis;
  stub::api stub;
  stub.script("POST", "/v4/trackings/batch", {unauthorised(), success()});
  // 4 processes x 4 threads, 40 requests each at 50 a second (v4's 10, fivefold): 3.2 s of
  // requests, were it not for the 401 that the first one gets.
  const auto results = run_processes(stub, 4, 4, redis, {"--time-scale", "0.2", "--requests", "40"},
                                     "v4", "/v4/trackings/batch");
  std::size_t unsent = 0;
  for (const stub::run_result& r : results) {
    CHECK(r.exit_status == 1);
    unsent += occurrences(r.output, "not sent: the account is stopped (trackingmore.v4 401: ");
  }
  const std::vector<stub::request> requests = stub.requests();
  REQUIRE(!requests.empty());
  const auto t401 = requests[0].arrival;
  // Only those already under way when the 401 arrived (a slot is 20 ms): then none, from any
  // process, ever (no probe, no reset).
  CHECK(requests.size() <= 4);
  CHECK(requests.back().arrival - t401 < milliseconds(50));
  CHECK(unsent + requests.size() == 160);
}

TEST_CASE("redis e2e: with --account-probe, one probe per interval across all four processes") {
  const test::redis_server redis;
  stub::api stub;
  stub.script("POST", "/v4/trackings/batch", {unauthorised()});  // the account never works again
  // A probe every documented second, 200 ms on a fivefold time scale; each process starts a
  // request every 50 ms for 2 s (--request-interval 0.25), so that each always has one to probe
  // with: alone, each would probe every 200 ms, 4 processes 4 times as often.
  const auto results = run_processes(stub, 4, 2, redis,
                                     {"--time-scale", "0.2", "--requests", "40",
                                      "--request-interval", "0.25", "--account-probe", "1"},
                                     "v4", "/v4/trackings/batch");
  for (const stub::run_result& r : results) CHECK(r.exit_status == 1);
  const std::vector<stub::request> requests = stub.requests();
  REQUIRE(!requests.empty());
  const auto t401 = requests[0].arrival;
  std::vector<stub::clock_type::time_point> probes;
  for (const stub::request& r : requests) {
    if (r.arrival > t401 + milliseconds(50)) probes.push_back(r.arrival);
  }
  // About 2 s of stop: 9 or 10 probes in all, each at least an interval after the one before
  // (Redis's clock decides; a probe reaches the stand-in a few ms after its grant).
  CHECK(probes.size() >= 5);
  CHECK(probes.size() <= 11);
  for (std::size_t i = 1; i < probes.size(); ++i) {
    CAPTURE(i);
    CHECK(probes[i] - probes[i - 1] >= milliseconds(150));
  }
}

TEST_CASE("redis e2e: Redis stopped and restarted mid-run: the fallback's rate, then Redis again") {
  test::redis_server redis;
  stub::api stub;
  stub.script("POST", "/v4/trackings/batch", {success()});
  // 4 processes x 3 threads, 40 requests each process, at 50 a second (v4's 10, fivefold): Redis
  // goes away after 0.5 s and comes back 0.7 s later. The processes reconnect within their
  // reconnect interval (1 s, from the failure) and finish on the shared bucket, at about 3.4 s.
  std::thread outage([&] {
    std::this_thread::sleep_for(milliseconds(500));
    redis.stop();
    std::this_thread::sleep_for(milliseconds(700));
    redis.restart();
  });
  const auto start = stub::clock_type::now();
  const auto results = run_processes(stub, 4, 3, redis, {"--time-scale", "0.2", "--requests", "40"},
                                     "v4", "/v4/trackings/batch");
  outage.join();
  for (const stub::run_result& r : results) {
    CHECK(r.exit_status == 0);
    const std::size_t down = r.output.find("redis: unavailable: ");
    CHECK(down != std::string::npos);
    CHECK(r.output.find("redis: available\n", down) != std::string::npos);
  }
  const std::vector<stub::request> requests = stub.requests();
  CHECK(requests.size() == 160);
  // One documented second is 200 ms. Shared: 10 + 1 in any of them. Without Redis each process
  // sends one every 80 ms (10 / 4 a second), alone: 4 x (1 + 2.5) at most, 4 + 10, where four
  // unshared processes would send 40.
  std::vector<stub::request> before;
  std::copy_if(requests.begin(), requests.end(), std::back_inserter(before),
               [&](const stub::request& r) { return r.arrival < start + milliseconds(450); });
  CHECK(before.size() >= 15);
  CHECK(stub::most_in_window(before, milliseconds(200)) <= 11);
  CHECK(stub::most_in_window(requests, milliseconds(200)) <= 14);
  // The last second, on the shared bucket again: 10 + 1 in any 200 ms.
  std::vector<stub::request> after;
  std::copy_if(requests.begin(), requests.end(), std::back_inserter(after),
               [&](const stub::request& r) {
                 return r.arrival > requests.back().arrival - milliseconds(1000);
               });
  CHECK(after.size() >= 40);
  CHECK(stub::most_in_window(after, milliseconds(200)) <= 11);
}

TEST_CASE("redis e2e: two API keys do not share a bucket") {
  const test::redis_server redis;
  stub::api a("key-a");
  stub::api b("key-b");
  a.script("POST", "/v4/trackings/batch", {success()});
  b.script("POST", "/v4/trackings/batch", {success()});
  // Two processes per key, 80 requests per key at 50 a second: about 1.6 s each, side by side.
  std::vector<stub::run_result> results;
  std::thread other([&] {
    results = run_processes(a, 2, 4, redis, {"--time-scale", "0.2", "--requests", "40"}, "v4",
                            "/v4/trackings/batch");
  });
  const auto of_b = run_processes(b, 2, 4, redis, {"--time-scale", "0.2", "--requests", "40"}, "v4",
                                  "/v4/trackings/batch");
  other.join();
  for (const auto& r : results) CHECK(r.exit_status == 0);
  for (const auto& r : of_b) CHECK(r.exit_status == 0);
  CHECK(stub::most_in_window(a.requests(), milliseconds(200)) <= 11);
  CHECK(stub::most_in_window(b.requests(), milliseconds(200)) <= 11);
  // Each account at its own full rate at once: together above one account's 11.
  std::vector<stub::request> both = a.requests();
  for (const stub::request& r : b.requests()) both.push_back(r);
  CHECK(stub::most_in_window(both, milliseconds(200)) >= 15);
}

// The full run's soak (tests/redis/CMakeLists.txt), about 100 s: 4 processes x 4 threads of
// retrying_client --redis, 3000 requests at 50 a second (v4's 10 at a time scale of 0.2; a 429's
// 120 s take 24 s), while the test flushes the script twice, answers one 429, stops and restarts
// Redis twice and freezes it once.
TEST_CASE("redis e2e: soak: 4 processes through flushes, 429s, restarts and a frozen Redis",
          "[.soak]") {
  test::redis_server redis;
  stub::api stub;
  const std::string path = "/v4/trackings/batch";
  stub.script("POST", path, {success()});
  const auto start = stub::clock_type::now();
  const auto at = [&](int ms) { std::this_thread::sleep_until(start + milliseconds(ms)); };
  std::vector<stub::clock_type::time_point> answered_429;
  const auto too_many = [&] {
    answered_429.push_back(stub::clock_type::now());
    stub.script("POST", path, {{429, real_body("v4_too_many_requests.json")}, success()});
  };
  const auto flush = [&] {
    redisContext* c = redisConnectUnix(redis.unix_socket().c_str());
    REQUIRE(c != nullptr);
    freeReplyObject(redisCommand(c, "SCRIPT FLUSH"));
    redisFree(c);
  };
  std::thread chaos([&] {
    at(5000);
    flush();
    at(8000);
    too_many();  // every process paused until about 32 s
    at(35000);
    redis.stop();
    at(38000);
    redis.restart();
    at(45000);
    redis.freeze();
    at(46500);
    redis.thaw();
    at(50000);
    flush();
    at(55000);
    redis.stop();
    at(57000);
    redis.restart();
  });
  const auto results =
      run_processes(stub, 4, 4, redis, {"--time-scale", "0.2", "--requests", "750"}, "v4", path);
  chaos.join();
  const auto took = stub::clock_type::now() - start;
  CHECK(took < std::chrono::seconds(170));
  for (const stub::run_result& r : results) {
    CHECK(r.exit_status == 0);
    std::size_t lost = 0;
    for (std::size_t i = 0; (i = r.output.find("redis: unavailable: ", i)) != std::string::npos;
         ++i) {
      ++lost;
    }
    CHECK(lost >= 2);  // the two restarts at least (the freeze too, if it caught a call)
    CHECK(r.output.rfind("redis: available\n") > r.output.rfind("redis: unavailable: "));
  }
  const std::vector<stub::request> requests = stub.requests();
  CHECK(requests.size() == 3000 + answered_429.size());
  // A documented second is 200 ms: 10 + 1 shared, 4 + 10 at most without Redis.
  CHECK(stub::most_in_window(requests, milliseconds(200)) <= 14);
  for (const auto t : answered_429) {
    const auto first = std::find_if(requests.begin(), requests.end(),
                                    [&](const stub::request& r) { return r.arrival >= t; });
    REQUIRE(first != requests.end());
    const auto during =
        std::count_if(requests.begin(), requests.end(), [&](const stub::request& r) {
          return r.arrival > first->arrival + milliseconds(50) &&
                 r.arrival < first->arrival + milliseconds(24000);
        });
    CHECK(during == 0);
  }
  // Where the busiest 200 ms began, for a failure's reader.
  std::size_t most = 0;
  double busiest = 0;
  for (std::size_t i = 0, j = 0; j < requests.size(); ++j) {
    while (requests[j].arrival - requests[i].arrival >= milliseconds(200)) ++i;
    if (j - i + 1 > most) {
      most = j - i + 1;
      busiest = std::chrono::duration<double>(requests[i].arrival - start).count();
    }
  }
  std::printf("soak: %zu requests in %.1f s; at most %zu in 200 ms, from %.3f s\n", requests.size(),
              std::chrono::duration<double>(took).count(), most, busiest);
}
