// trackingmore::redis_pacer against a real Redis that each test starts (redis_server.hpp). Several
// pacers in one program stand for several processes: each has its own connection, as a process
// would; the processes themselves are in tests/e2e (retrying_client --redis).
#include <trackingmore/status/redis.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "../catch.hpp"
#include "../most_in_window.hpp"
#include "redis_helpers.hpp"
#include "redis_server.hpp"

namespace {

namespace tk = trackingmore;
using clock_type = tk::redis_pacer::clock;
using std::chrono::milliseconds;

const char* const api_key = "0123456789-secret-api-key";
using test::ask;
using test::events;
using test::options_for;

/// How many threads take how many slots each.
struct load {
  int threads;
  int per_thread;
};

/// The times at which the threads of `l` in each of `pacers` would have sent (when `wait`
/// returned).
std::vector<clock_type::time_point> slots_of(std::vector<std::unique_ptr<tk::redis_pacer>>& pacers,
                                             load l) {
  const int threads = l.threads;
  const int per_thread = l.per_thread;
  std::mutex mutex;
  std::vector<clock_type::time_point> slots;
  std::vector<std::thread> running;
  for (auto& p : pacers) {
    for (int t = 0; t < threads; ++t) {
      running.emplace_back([&, pacer = p.get()] {
        for (int i = 0; i < per_thread; ++i) {
          (void)pacer->wait();
          const clock_type::time_point sent = clock_type::now();
          const std::lock_guard<std::mutex> lock(mutex);
          slots.push_back(sent);
        }
      });
    }
  }
  for (std::thread& t : running) t.join();
  return slots;
}

}  // namespace

TEST_CASE("redis pacer: 4 processes x 3 threads of one account keep the rate and burst") {
  const test::redis_server server;
  // 100 a second (v4's 10 on a tenfold time scale), burst 3: at most 10 + 3 - 1 slots in any
  // 100 ms; sending after the slot (the thread wakes late) may add one: the rate plus the burst.
  std::vector<std::unique_ptr<tk::redis_pacer>> pacers;
  pacers.reserve(4);
  for (int p = 0; p < 4; ++p) {
    pacers.push_back(std::make_unique<tk::redis_pacer>(options_for(server), api_key,
                                                       tk::endpoint::other, 100.0, 3));
  }
  const auto start = clock_type::now();
  const std::vector<clock_type::time_point> slots = slots_of(pacers, {3, 5});
  REQUIRE(slots.size() == 60);
  CHECK(test::most_in_window(slots, milliseconds(100)) <= 13);
  // 60 slots at 100 a second, the first 3 at once: at least 0.57 s.
  CHECK(clock_type::now() - start >= milliseconds(570));
  for (const auto& p : pacers) CHECK(p->shared());
}

TEST_CASE("redis pacer: the keys hold a hash of the API key, never the key, and all expire") {
  const test::redis_server server;
  tk::redis_options o = options_for(server);
  o.key_prefix = "tm-test:";
  tk::redis_pacer pacer(o, api_key, tk::endpoint::create_trackings, 10.0);
  (void)pacer.reserve(clock_type::now());
  pacer.pause_until(clock_type::now() + milliseconds(300));
  const std::vector<std::string> keys = ask(server, {"KEYS", "*"});
  REQUIRE(keys.size() == 2);
  for (const std::string& key : keys) {
    CHECK(key.rfind("tm-test:{", 0) == 0);
    CHECK(key.find(api_key) == std::string::npos);
    CHECK(key.find("create_trackings") != std::string::npos);
    const std::vector<std::string> ttl = ask(server, {"PTTL", key});
    REQUIRE(ttl.size() == 1);
    CHECK(std::stoll(ttl[0]) > 0);
    CHECK(std::stoll(ttl[0]) <= 300 + 1);
    CHECK(ask(server, {"GET", key})[0].find(api_key) == std::string::npos);
  }
  std::this_thread::sleep_for(milliseconds(400));
  CHECK(ask(server, {"KEYS", "*"}).empty());  // an idle account leaves nothing behind
}

TEST_CASE("redis pacer: the key names are SHA-256 of the API key") {
  // FIPS 180-2's example: SHA-256("abc").
  const std::array<std::uint8_t, 32> digest = tk::detail::sha256("abc");
  CHECK(digest[0] == 0xba);
  CHECK(digest[1] == 0x78);
  CHECK(digest[31] == 0xad);
  CHECK(tk::detail::bucket_name("abc", tk::endpoint::other) ==
        "{ba7816bf8f01cfea414140de5dae2223}:other");
  // Two blocks: FIPS 180-2's 448-bit message.
  CHECK(tk::detail::bucket_name("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
                                tk::endpoint::create_trackings) ==
        "{248d6a61d20638b8e5c026930c3e6039}:create_trackings");
}

TEST_CASE("redis pacer: a pause in one process holds every other until its end") {
  const test::redis_server server;
  tk::redis_pacer seen_429(options_for(server), api_key, tk::endpoint::other, 20.0);
  tk::redis_pacer other(options_for(server), api_key, tk::endpoint::other, 20.0);
  // `other` is already waiting for its second slot (50 ms away) when the 429 arrives elsewhere.
  CHECK(other.reserve(clock_type::now()) == clock_type::duration::zero());
  const auto start = clock_type::now();
  std::thread waiting([&] {
    const clock_type::time_point slot = other.wait();
    CHECK(slot - start >= milliseconds(400));
  });
  std::this_thread::sleep_for(milliseconds(10));
  seen_429.pause_until(start + milliseconds(400));
  waiting.join();
  // A reservation after the pause began goes after it too.
  tk::redis_pacer late(options_for(server), api_key, tk::endpoint::other, 20.0);
  CHECK(late.reserve(clock_type::now()) > milliseconds(0));
}

TEST_CASE("redis pacer: two API keys and two endpoint kinds do not share a bucket") {
  const test::redis_server server;
  tk::redis_pacer a(options_for(server), "key-a", tk::endpoint::other, 1.0, 2);
  tk::redis_pacer a_create(options_for(server), "key-a", tk::endpoint::create_trackings, 1.0, 2);
  tk::redis_pacer b(options_for(server), "key-b", tk::endpoint::other, 1.0, 2);
  tk::redis_pacer a_again(options_for(server), "key-a", tk::endpoint::other, 1.0, 2);
  const auto now = clock_type::now();
  CHECK(a.reserve(now) == clock_type::duration::zero());
  CHECK(a.reserve(now) == clock_type::duration::zero());
  CHECK(a_create.reserve(now) == clock_type::duration::zero());
  CHECK(b.reserve(now) == clock_type::duration::zero());
  CHECK(b.reserve(now) == clock_type::duration::zero());
  // The same account's bucket, through another connection, is empty: a second to wait.
  const clock_type::duration wait = a_again.reserve(clock_type::now());
  CHECK(wait > milliseconds(900));
  CHECK(wait <= milliseconds(1050));  // a second, from Redis's answer
}

TEST_CASE("redis pacer: Redis stopped, the fallback paces at rate / processes, then Redis again") {
  test::redis_server server;
  events heard;
  tk::redis_pacer pacer(options_for(server, heard.observer(), 4), api_key, tk::endpoint::other,
                        100.0);
  CHECK(pacer.shared());
  server.stop();
  // The first reservation finds Redis gone; then a second with no slot (the hold), then 25 a
  // second (100 / 4 processes, burst 1).
  const auto start = clock_type::now();
  std::vector<clock_type::time_point> slots;
  slots.reserve(20);
  for (int i = 0; i < 10; ++i) slots.push_back(pacer.wait());
  CHECK(!pacer.shared());
  CHECK(heard.kinds() ==
        std::vector<tk::redis_event>{tk::redis_event::available, tk::redis_event::unavailable});
  CHECK(slots.front() - start >= milliseconds(990));
  CHECK(test::most_in_window(slots, milliseconds(100)) <= 3);  // 25 a second: 2.5 in 100 ms
  CHECK(slots.back() - slots.front() >= milliseconds(9 * 40 - 1));
  server.restart();
  // Within the reconnect interval (100 ms) the next reservation reaches Redis again; then both
  // pacers for a second, then the shared bucket alone (100 a second).
  std::this_thread::sleep_for(milliseconds(150));
  (void)pacer.wait();
  CHECK(pacer.shared());
  CHECK(heard.kinds().back() == tk::redis_event::available);
  std::this_thread::sleep_for(milliseconds(1000));
  slots.clear();
  for (int i = 0; i < 20; ++i) slots.push_back(pacer.wait());
  CHECK(slots.back() - slots.front() < milliseconds(19 * 40));  // faster than the fallback
  CHECK(pacer.shared());
  CHECK(ask(server, {"KEYS", "*"}).size() == 1);  // the new Redis holds the bucket
}

TEST_CASE("redis pacer: a frozen Redis costs the command timeout, then the fallback") {
  const test::redis_server server;
  events heard;
  tk::redis_pacer pacer(options_for(server, heard.observer()), api_key, tk::endpoint::other, 50.0);
  server.freeze();
  const auto start = clock_type::now();
  const clock_type::duration wait = pacer.reserve(clock_type::now());
  const auto took = clock_type::now() - start;
  CHECK(took >= milliseconds(95));   // the 100 ms command timeout, waited once
  CHECK(took <= milliseconds(600));  // the timeout, not Redis's
  CHECK(!pacer.shared());
  CHECK(wait >= milliseconds(900));  // the hold after a failure
  REQUIRE(heard.kinds().size() == 2);
  CHECK(!heard.heard[1].second.empty());  // hiredis's reason
  // Still frozen: the next calls are local at once, until the reconnect interval.
  const auto again = clock_type::now();
  (void)pacer.reserve(clock_type::now());
  CHECK(clock_type::now() - again < milliseconds(50));
  server.thaw();
  std::this_thread::sleep_for(milliseconds(150));
  (void)pacer.reserve(clock_type::now());
  CHECK(pacer.shared());
}

TEST_CASE("redis pacer: a flushed script is loaded again, without leaving Redis") {
  const test::redis_server server;
  events heard;
  tk::redis_pacer pacer(options_for(server, heard.observer()), api_key, tk::endpoint::other, 1.0);
  CHECK(pacer.reserve(clock_type::now()) == clock_type::duration::zero());
  CHECK(ask(server, {"SCRIPT", "FLUSH"}) == std::vector<std::string>{"OK"});
  // The bucket is still there: the second request waits a second.
  CHECK(pacer.reserve(clock_type::now()) > milliseconds(900));
  CHECK(pacer.shared());
  CHECK(heard.kinds() == std::vector<tk::redis_event>{tk::redis_event::available});
}

TEST_CASE("redis pacer: AUTH, SELECT and a Unix socket") {
  const test::redis_server server({"--requirepass", "s3cret"});
  events heard;
  tk::redis_options o = options_for(server, heard.observer());
  o.password = "wrong";
  {
    const tk::redis_pacer refused(o, api_key, tk::endpoint::other, 10.0);
    CHECK(!refused.shared());
    REQUIRE(heard.heard.size() == 1);
    CHECK(heard.heard[0].first == tk::redis_event::unavailable);
    CHECK(heard.heard[0].second.find("AUTH") == 0);
    CHECK(heard.heard[0].second.find("wrong") == std::string::npos);
  }
  o.password = "s3cret";
  o.database = 3;
  o.unix_socket = server.unix_socket();
  o.port = 1;  // unused: the socket wins
  tk::redis_pacer pacer(o, api_key, tk::endpoint::other, 10.0);
  CHECK(pacer.shared());
  (void)pacer.reserve(clock_type::now());
  redisContext* c = redisConnectUnix(server.unix_socket().c_str());
  REQUIRE(c != nullptr);
  freeReplyObject(redisCommand(c, "AUTH s3cret"));
  freeReplyObject(redisCommand(c, "SELECT 3"));
  auto* r = static_cast<redisReply*>(redisCommand(c, "DBSIZE"));
  REQUIRE(r != nullptr);
  CHECK(r->integer == 1);
  freeReplyObject(r);
  redisFree(c);
}

TEST_CASE("redis pacer: Redis unreachable from the start: the fallback, never a wait for it") {
  tk::redis_options o;
  o.port = test::free_loopback_port();  // nothing listens there
  o.processes = 2;
  const auto start = clock_type::now();
  tk::redis_pacer pacer(o, api_key, tk::endpoint::other, 20.0);
  CHECK(!pacer.shared());
  CHECK(pacer.reserve(clock_type::now()) == clock_type::duration::zero());
  const clock_type::duration wait = pacer.reserve(clock_type::now());  // 10 a second
  CHECK(wait > milliseconds(90));
  CHECK(wait <= milliseconds(100));
  CHECK(clock_type::now() - start < milliseconds(500));
}

TEST_CASE("redis pacer: values it cannot pace with are an exception") {
  tk::redis_options o;
  o.port = test::free_loopback_port();
  CHECK_THROWS_AS(tk::redis_pacer(o, api_key, tk::endpoint::other, 0.0), std::invalid_argument);
  CHECK_THROWS_AS(tk::redis_pacer(o, api_key, tk::endpoint::other, 10.0, 0), std::invalid_argument);
  o.processes = 0;
  CHECK_THROWS_AS(tk::redis_pacer(o, api_key, tk::endpoint::other, 10.0), std::invalid_argument);
  o.processes = 1;
  o.command_timeout = milliseconds(0);
  CHECK_THROWS_AS(tk::redis_pacer(o, api_key, tk::endpoint::other, 10.0), std::invalid_argument);
}
