// trackingmore::redis_account_stop against a real Redis that each test starts (redis_server.hpp).
// Several stops in one program stand for several processes: each has its own connection, as a
// process would; the processes themselves are in processes_test.cpp (retrying_client --redis).
#include <trackingmore/status/client.hpp>
#include <trackingmore/status/redis.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include "../catch.hpp"
#include "redis_helpers.hpp"
#include "redis_server.hpp"

namespace {

namespace tk = trackingmore;
using clock_type = tk::redis_account_stop::clock;
using std::chrono::milliseconds;
using test::ask;
using test::events;
using test::options_for;

const char* const api_key = "0123456789-secret-api-key";
const std::error_code unauthorised = tk::to_error_code(tk::api_version::v4, 401);
const std::error_code quota_spent = tk::to_error_code(tk::api_version::v4, 4190);

/// A category of no library's: a stop with it reads elsewhere as `operation_not_permitted`.
class foreign_category final : public std::error_category {
 public:
  const char* name() const noexcept override { return "foreign"; }
  std::string message(int /*value*/) const override { return "foreign"; }
};

/// A stop on the account of `api_key` in the Redis of `o`, as one process would have it.
std::unique_ptr<tk::redis_account_stop> process(
    const tk::redis_options& o, std::optional<clock_type::duration> probe = std::nullopt) {
  return std::make_unique<tk::redis_account_stop>(o, api_key, probe);
}

/// The same, in `server`, with the tests' timeouts.
std::unique_ptr<tk::redis_account_stop> process(
    const test::redis_server& server, std::optional<clock_type::duration> probe = std::nullopt) {
  return process(options_for(server), probe);
}

}  // namespace

TEST_CASE(
    "redis account stop: a stop in one process refuses the other's requests, with its error") {
  const test::redis_server server;
  const auto a = process(server);
  const auto b = process(server);
  CHECK(a->shared());
  const auto now = clock_type::now();
  CHECK(b->admit(now).allowed);
  a->stop(unauthorised, now);
  const tk::admission refused = b->admit(now);
  CHECK(!refused.allowed);
  CHECK(!refused.probe);
  CHECK(refused.refused_by == unauthorised);
  CHECK(b->stopped_by() == unauthorised);
  CHECK(!b->would_admit(now));
  CHECK(b->probe_interval() == clock_type::duration::zero());
  // A third process started after the stop is stopped too: `admit` asks Redis (`would_admit`
  // only once the process knows of a stop).
  const auto c = process(server);
  CHECK(c->admit(now + std::chrono::hours(1)).refused_by == unauthorised);
  CHECK(!c->would_admit(now + std::chrono::hours(1)));
  CHECK(c->stopped_by() == unauthorised);
}

TEST_CASE("redis account stop: the first failure is kept, and a reset in one ends it for all") {
  const test::redis_server server;
  const auto a = process(server);
  const auto b = process(server);
  const auto now = clock_type::now();
  a->stop(unauthorised, now);
  b->stop(quota_spent, now);
  CHECK(a->stopped_by() == unauthorised);
  CHECK(b->stopped_by() == unauthorised);
  b->reset();
  CHECK(!a->stopped_by());
  CHECK(a->would_admit(now));
  CHECK(a->admit(now).allowed);
  // The next failure starts a new stop, for both.
  b->stop(quota_spent, now);
  CHECK(a->admit(now).refused_by == quota_spent);
}

TEST_CASE("redis account stop: one probe per interval across every process") {
  const test::redis_server server;
  const milliseconds interval(200);
  std::vector<std::unique_ptr<tk::redis_account_stop>> stops;
  stops.reserve(4);
  for (int p = 0; p < 4; ++p) stops.push_back(process(server, interval));
  const auto start = clock_type::now();
  stops[0]->stop(unauthorised, start);
  // 4 processes x 2 threads asking all the time for 1.1 s: probes at 200, 400, ... 1000 ms.
  std::mutex mutex;
  std::vector<clock_type::time_point> probes;
  std::atomic<int> sent_unstopped{0};
  std::vector<std::thread> threads;
  for (auto& s : stops) {
    for (int t = 0; t < 2; ++t) {
      threads.emplace_back([&, stop = s.get()] {
        while (clock_type::now() - start < milliseconds(1100)) {
          const auto now = clock_type::now();
          const tk::admission a = stop->admit(now);
          if (a.allowed && !a.probe) ++sent_unstopped;
          if (a.probe) {
            const std::lock_guard<std::mutex> lock(mutex);
            probes.push_back(now);
          }
        }
      });
    }
  }
  for (std::thread& t : threads) t.join();
  std::sort(probes.begin(), probes.end());
  CHECK(sent_unstopped == 0);
  CHECK(probes.size() >= 4);
  CHECK(probes.size() <= 5);
  for (std::size_t i = 0; i < probes.size(); ++i) {
    CAPTURE(i);
    // Redis's clock decides; each local time is off it by the wait for the connection.
    CHECK(probes[i] - start >= milliseconds(150));
    if (i > 0) CHECK(probes[i] - probes[i - 1] >= milliseconds(150));
  }
  CHECK(stops[3]->stopped_by() == unauthorised);  // a probe does not end the stop; its answer may
}

TEST_CASE("redis account stop: every library category's error crosses processes as itself") {
  const test::redis_server server;
  const auto a = process(server);
  const auto b = process(server);
  const foreign_category foreign;
  const std::error_code codes[] = {
      tk::to_error_code(tk::api_version::v2, 4001),
      tk::to_error_code(tk::api_version::v3, 401),
      unauthorised,
      tk::http::to_error_code(403),
      tk::make_error_code(tk::response_errc::no_response),
      tk::make_error_code(tk::transport_errc::tls_failed),
      std::error_code{static_cast<int>(tk::condition::access_denied), tk::condition_category()},
      std::make_error_code(std::errc::permission_denied),
      std::error_code{-7, std::system_category()}};
  const auto now = clock_type::now();
  for (const std::error_code& ec : codes) {
    CAPTURE(ec.category().name(), ec.value());
    REQUIRE(ec);
    a->stop(ec, now);
    const std::error_code read = b->stopped_by();
    CHECK(&read.category() == &ec.category());
    CHECK(read.value() == ec.value());
    b->reset();
  }
  // Another category is still a stop, read as the stop's own error.
  a->stop({3, foreign}, now);
  CHECK(b->stopped_by() == std::errc::operation_not_permitted);
  CHECK(!b->admit(now).allowed);
  CHECK(a->stopped_by() == std::errc::operation_not_permitted);  // Redis's reading, everywhere
  // So is a value that reads as no failure, or as no int.
  b->reset();
  CHECK(ask(server, {"KEYS", "*"}).empty());
  a->stop(unauthorised, now);
  const std::string key = ask(server, {"KEYS", "*"}).at(0);
  CHECK(ask(server, {"HSET", key, "value", "0"}) == std::vector<std::string>{"0"});
  CHECK(b->stopped_by() == std::errc::operation_not_permitted);
  CHECK(ask(server, {"HSET", key, "value", "99999999999"}) == std::vector<std::string>{"0"});
  CHECK(b->stopped_by() == std::errc::operation_not_permitted);
}

TEST_CASE("redis account stop: its key holds a hash of the API key, never the key, and expires") {
  const test::redis_server server;
  tk::redis_options o = options_for(server);
  o.key_prefix = "tm-test:";
  o.account_stop_expiry = milliseconds(300);
  const auto a = process(o);
  const auto b = process(o);
  a->stop(unauthorised, clock_type::now());
  const std::vector<std::string> keys = ask(server, {"KEYS", "*"});
  REQUIRE(keys.size() == 1);
  const std::string& key = keys[0];
  CHECK(key == "tm-test:" + tk::detail::account_tag(api_key) + ":account");
  CHECK(key.find(api_key) == std::string::npos);
  for (const std::string& field : ask(server, {"HGETALL", key})) {
    CHECK(field.find(api_key) == std::string::npos);
  }
  const auto ttl = [&] { return std::stoll(ask(server, {"PTTL", key}).at(0)); };
  CHECK(ttl() > 0);
  CHECK(ttl() <= 300);
  // Every process that reads it keeps it: 600 ms of reads, twice the expiry.
  for (int i = 0; i < 12; ++i) {
    std::this_thread::sleep_for(milliseconds(50));
    CHECK(b->stopped_by() == unauthorised);
  }
  CHECK(ttl() > 200);
  // Left alone, it goes.
  std::this_thread::sleep_for(milliseconds(400));
  CHECK(ask(server, {"KEYS", "*"}).empty());
  const auto c = process(o);
  CHECK(!c->stopped_by());
}

TEST_CASE("redis account stop: Redis stopped: the local stop answers, within the timeouts") {
  test::redis_server server;
  events heard;
  const auto a = process(options_for(server, heard.observer()), milliseconds(300));
  const auto b = process(server, milliseconds(300));
  const auto before = clock_type::now();
  a->stop(unauthorised, before);  // in Redis: b knows of it
  CHECK(b->stopped_by() == unauthorised);
  server.stop();
  const auto start = clock_type::now();
  CHECK(!a->admit(start).allowed);
  CHECK(!b->admit(start).allowed);  // what b read from Redis holds without it
  CHECK(b->stopped_by() == unauthorised);
  CHECK(!a->shared());
  CHECK(heard.kinds() ==
        std::vector<tk::redis_event>{tk::redis_event::available, tk::redis_event::unavailable});
  // The local probe, on the local clock.
  CHECK(a->admit(before + milliseconds(300)).probe);
  CHECK(!a->admit(before + milliseconds(400)).allowed);
  a->reset();
  CHECK(a->admit(start).allowed);
  a->stop(quota_spent, start);
  CHECK(a->stopped_by() == quota_spent);
  CHECK(clock_type::now() - start < milliseconds(500));  // refused at once, nothing to wait for
}

TEST_CASE("redis account stop: a frozen Redis costs the command timeout, not Redis's") {
  const test::redis_server server;
  const auto a = process(server);
  server.freeze();
  const auto start = clock_type::now();
  a->stop(unauthorised, start);
  const auto took = clock_type::now() - start;
  CHECK(took >= milliseconds(95));  // the 100 ms command timeout, waited once
  CHECK(took <= milliseconds(600));
  CHECK(!a->shared());
  const auto again = clock_type::now();
  CHECK(a->admit(again).refused_by == unauthorised);
  CHECK(clock_type::now() - again < milliseconds(50));  // within the reconnect interval: local
  server.thaw();
}

TEST_CASE("redis account stop: a stop made without Redis reaches it when it returns") {
  test::redis_server server;
  const auto a = process(server);
  server.stop();
  a->stop(quota_spent, clock_type::now());
  server.restart();                                // empty
  std::this_thread::sleep_for(milliseconds(150));  // the reconnect interval
  CHECK(a->admit(clock_type::now()).refused_by == quota_spent);
  CHECK(a->shared());
  const auto b = process(server);
  CHECK(b->stopped_by() == quota_spent);
  // A stop ended without Redis ends nothing there when this process never saw it in Redis.
  server.stop();
  const auto c = process(server);
  c->stop(unauthorised, clock_type::now());
  c->reset();
  server.restart();
  std::this_thread::sleep_for(milliseconds(150));
  CHECK(!c->stopped_by());
  CHECK(ask(server, {"KEYS", "*"}).empty());
}

TEST_CASE("redis account stop: a reset made without Redis ends the stop it saw, not a newer one") {
  const test::redis_server server;
  const auto a = process(server);
  const auto b = process(server);
  a->stop(unauthorised, clock_type::now());
  CHECK(b->stopped_by() == unauthorised);  // b saw this stop
  server.freeze();
  b->reset();  // times out: pending
  CHECK(!b->stopped_by());
  server.thaw();
  std::this_thread::sleep_for(milliseconds(150));
  CHECK(!b->stopped_by());  // sends the reset first
  CHECK(!a->stopped_by());  // ended for a too
  // Again, but a newer stop begins elsewhere before b reaches Redis: it stays.
  a->stop(unauthorised, clock_type::now());
  CHECK(b->stopped_by() == unauthorised);
  server.freeze();
  b->reset();
  server.thaw();
  a->reset();
  a->stop(quota_spent, clock_type::now());
  std::this_thread::sleep_for(milliseconds(150));
  CHECK(b->stopped_by() == quota_spent);
  CHECK(a->stopped_by() == quota_spent);
}

TEST_CASE("redis account stop: a client_state stops through it in every process") {
  const test::redis_server server;
  const auto a = process(server);
  const auto b = process(server);
  tk::pacer pa(1e6);
  tk::pacer pb(1e6);
  tk::client_state one(tk::api_version::v4, pa, pa, *a);
  tk::client_state other(tk::api_version::v4, pb, pb, *b);
  const auto now = clock_type::now();
  tk::retry_loop failing(one, tk::endpoint::other, now);
  REQUIRE(failing.next(now).what == tk::retry_step::action::send);
  CHECK(!failing.record(now, {unauthorised}).retrying);
  tk::retry_loop refused(other, tk::endpoint::other, now);
  CHECK(refused.next(now).what == tk::retry_step::action::done);
  CHECK(refused.result().end == tk::call_end::account_stopped);
  CHECK(refused.result().ec == unauthorised);
  other.account().reset();
  CHECK(!one.account().stopped_by());
  tk::client_policy policy;
  policy.account_probe_interval = std::chrono::seconds(1);
  CHECK_THROWS_AS(tk::client_state(tk::api_version::v4, pa, pa, *a, policy), std::invalid_argument);
}

TEST_CASE("redis account stop: values it cannot stop with are an exception") {
  tk::redis_options o;
  o.port = test::free_loopback_port();
  CHECK_THROWS_AS(tk::redis_account_stop(o, api_key, milliseconds(0)), std::invalid_argument);
  o.account_stop_expiry = milliseconds(0);
  CHECK_THROWS_AS(tk::redis_account_stop(o, api_key), std::invalid_argument);
  o.account_stop_expiry = milliseconds(1000);
  o.command_timeout = milliseconds(0);
  CHECK_THROWS_AS(tk::redis_account_stop(o, api_key), std::invalid_argument);
}
