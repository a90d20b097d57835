/// @file
/// One rate limit for a whole deployment: `redis_pacer`, a pacer with the interface of `pacer`
/// whose bucket lives in Redis, so that every process and machine that uses one API key paces
/// against one bucket per endpoint kind, and a 429 that any of them sees pauses all of them. When
/// Redis fails, each process falls back to a local pacer at its share of the rate. The design is
/// on the @ref scaling_out page.
///
/// Optional, and the only header that needs hiredis (Debian `libhiredis-dev`; link `hiredis`,
/// e.g. through `pkg-config hiredis`). POSIX only.
///
/// SPDX-License-Identifier: BSL-1.0
#ifndef TRACKINGMORE_STATUS_REDIS_HPP
#define TRACKINGMORE_STATUS_REDIS_HPP

#include <trackingmore/status/pacing.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <functional>
#include <hiredis/hiredis.h>
#include <initializer_list>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <pthread.h>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <utility>

TRACKINGMORE_STATUS_NAMESPACE_BEGIN

/// What a `redis_pacer` reports to its observer: Redis stopped answering (the pacer falls back to
/// its local pacer), or answers again (the pacer paces against the shared bucket again).
enum class redis_event {
  unavailable,  ///< A connection, a command or a reply failed: pacing locally.
  available     ///< Connected again (or for the first time): pacing against Redis.
};

/// Where the shared state lives, how long to wait for it, and how to pace without it.
struct redis_options {
  std::string host = "127.0.0.1";  ///< Redis's host, when `unix_socket` is empty.
  int port = 6379;                 ///< Redis's TCP port, when `unix_socket` is empty.
  std::string unix_socket{};       ///< A Unix socket's path: when not empty, used instead.
  std::string username{};          ///< The ACL user for AUTH; empty: the default user.
  std::string password{};          ///< Sent with AUTH when not empty.
  int database = 0;                ///< Selected with SELECT when not 0.
  std::string key_prefix = "trackingmore:";  ///< Begins every key the pacer writes.
  /// The longest wait for a connection.
  std::chrono::milliseconds connect_timeout{250};
  /// The longest wait for one reply (and for the connection, when another thread holds it): past
  /// it, that reservation is paced locally.
  std::chrono::milliseconds command_timeout{250};
  /// While Redis fails, at most one attempt to reconnect in this interval.
  std::chrono::milliseconds reconnect_interval{1000};
  /// How many processes share the account: without Redis, each paces at the rate divided by this.
  unsigned processes = 1;
  /// For tests that scale time: the caller's clock (the times it passes, what `wait` sleeps on)
  /// runs 1 / `time_scale` times as fast as Redis's, whose seconds the rate and the pauses are
  /// scaled to. 1 (and `now` empty: `steady_clock::now`) for everyone else.
  double time_scale = 1.0;
  /// The caller's clock, when it is not `steady_clock` (see `time_scale`).
  std::function<std::chrono::steady_clock::time_point()> now{};
  /// Called on each change between Redis and the local fallback, with what failed (hiredis's
  /// message; never the API key). Called from the thread that saw the change, after the pacer
  /// has released its lock; it must not throw.
  std::function<void(redis_event, const std::string&)> observer{};
};

/// Implementation details: not part of the API.
namespace detail {

/// SHA-256 of `data` (FIPS 180-4): the keys name an account without holding its API key.
inline std::array<std::uint8_t, 32> sha256(std::string_view data) {
  static constexpr std::uint32_t k[64] = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4,
      0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe,
      0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f,
      0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7,
      0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc,
      0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b,
      0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116,
      0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7,
      0xc67178f2};
  std::uint32_t h[8] = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a,
                        0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  const auto rotr = [](std::uint32_t x, int n) { return (x >> n) | (x << (32 - n)); };
  // The message, a 1 bit, zeros, and its length in bits: a whole number of 64-byte blocks.
  std::string m(data);
  const std::uint64_t bits = static_cast<std::uint64_t>(m.size()) * 8U;
  m.push_back('\x80');
  while (m.size() % 64 != 56) m.push_back('\0');
  for (int i = 7; i >= 0; --i) m.push_back(static_cast<char>((bits >> (i * 8)) & 0xffU));
  for (std::size_t block = 0; block < m.size(); block += 64) {
    std::uint32_t w[64];
    for (std::size_t i = 0; i < 16; ++i) {
      w[i] = 0;
      for (std::size_t j = 0; j < 4; ++j) {
        w[i] = (w[i] << 8) | static_cast<std::uint8_t>(m[block + i * 4 + j]);
      }
    }
    for (std::size_t i = 16; i < 64; ++i) {
      const std::uint32_t s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >> 3);
      const std::uint32_t s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >> 10);
      w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    std::uint32_t v[8];
    std::copy(h, h + 8, v);
    for (std::size_t i = 0; i < 64; ++i) {
      const std::uint32_t s1 = rotr(v[4], 6) ^ rotr(v[4], 11) ^ rotr(v[4], 25);
      const std::uint32_t choice = (v[4] & v[5]) ^ (~v[4] & v[6]);
      const std::uint32_t t1 = v[7] + s1 + choice + k[i] + w[i];
      const std::uint32_t s0 = rotr(v[0], 2) ^ rotr(v[0], 13) ^ rotr(v[0], 22);
      const std::uint32_t majority = (v[0] & v[1]) ^ (v[0] & v[2]) ^ (v[1] & v[2]);
      std::copy_backward(v, v + 7, v + 8);
      v[4] += t1;
      v[0] = t1 + s0 + majority;
    }
    for (std::size_t i = 0; i < 8; ++i) h[i] += v[i];
  }
  std::array<std::uint8_t, 32> digest{};
  for (std::size_t i = 0; i < 32; ++i) {
    digest[i] = static_cast<std::uint8_t>(h[i / 4] >> (24 - 8 * (i % 4)));
  }
  return digest;
}

/// The bucket's name for the account of `api_key` and endpoint kind `e`: the first 128 bits of
/// the key's SHA-256 in hex, in braces (a Redis Cluster hash tag: an account's keys share a slot).
inline std::string bucket_name(std::string_view api_key, endpoint e) {
  const std::array<std::uint8_t, 32> digest = sha256(api_key);
  constexpr char hex[] = "0123456789abcdef";
  std::string name = "{";
  for (std::size_t i = 0; i < 16; ++i) {
    name += hex[digest[i] >> 4];
    name += hex[digest[i] & 0xfU];
  }
  return name + (e == endpoint::create_trackings ? "}:create_trackings" : "}:other");
}

/// The one script of every decision, run atomically by Redis on its own clock, in microseconds.
/// KEYS[1] holds the bucket's theoretical arrival time (GCRA, as `pacer` keeps it), KEYS[2] the
/// end of the latest pause; each expires when it no longer matters (the bucket is full again, the
/// pause is over), so that an idle account leaves nothing behind. ARGV: the operation, the
/// interval, the tolerance ((burst - 1) x interval), and a length from now: when the request will
/// be ready (`reserve`), or the pause's (`pause`). `reserve` returns the wait before the reserved
/// slot; `pause` moves the bucket past the pause's end and returns 0; `check` returns how long the
/// latest pause still lasts.
inline constexpr const char* gcra_script = R"lua(
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
if ARGV[1] == 'check' then
  return math.max(0, (tonumber(redis.call('GET', KEYS[2])) or now) - now)
end
local interval = tonumber(ARGV[2])
local tolerance = tonumber(ARGV[3])
local at = now + tonumber(ARGV[4])
local tat = math.max(tonumber(redis.call('GET', KEYS[1])) or now, now)
local wait = 0
if ARGV[1] == 'pause' then
  local pause = math.max(tonumber(redis.call('GET', KEYS[2])) or now, at)
  redis.call('SET', KEYS[2], string.format('%d', pause), 'PX', math.floor((pause - now) / 1000) + 1)
  tat = math.max(tat, at + tolerance)
else
  tat = math.max(tat, at)
  wait = math.max(at - now, tat - now - tolerance)
  tat = tat + interval
end
redis.call('SET', KEYS[1], string.format('%d', tat), 'PX', math.floor((tat - now) / 1000) + 1)
return wait
)lua";

/// Blocks SIGPIPE in this thread while it lives, and discards one raised meanwhile: hiredis
/// writes to a socket that Redis may have closed, which must not end the program.
class sigpipe_guard {
 public:
  sigpipe_guard() noexcept
      : pipe_(just_sigpipe()),
        was_pending_(pending()),
        blocked_(pthread_sigmask(SIG_BLOCK, &pipe_, &old_) == 0) {}
  sigpipe_guard(const sigpipe_guard&) = delete;
  sigpipe_guard& operator=(const sigpipe_guard&) = delete;
  ~sigpipe_guard() {
    if (!blocked_) return;
    if (!was_pending_ && pending()) {
      const timespec zero{0, 0};
      (void)sigtimedwait(&pipe_, nullptr, &zero);
    }
    (void)pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }

 private:
  static sigset_t just_sigpipe() noexcept {
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    return set;
  }
  /// Whether a SIGPIPE waits, blocked, for this thread.
  static bool pending() noexcept {
    sigset_t set;
    sigemptyset(&set);
    sigpending(&set);
    return sigismember(&set, SIGPIPE) == 1;
  }

  sigset_t pipe_;
  sigset_t old_{};
  bool was_pending_ = false;
  bool blocked_ = false;
};

/// Owns one hiredis reply.
struct reply_deleter {
  void operator()(redisReply* r) const noexcept { freeReplyObject(r); }
};

/// `ms` as the `timeval` hiredis takes.
inline timeval timeval_of(std::chrono::milliseconds ms) noexcept {
  return {static_cast<time_t>(ms.count() / 1000),
          static_cast<suseconds_t>((ms.count() % 1000) * 1000)};
}

}  // namespace detail

/// A pacer shared through Redis by every process that uses one API key: the same interface and
/// guarantees as `pacer` (`reserve`, `pause_until`, `paused_until`, `wait`), counted across
/// processes and machines, so that it can stand wherever a `pacer` does (in a `client_state`,
/// through `pacer_ref`). Each reservation is one atomic script in Redis, on Redis's clock (`TIME`),
/// so that machines whose clocks differ agree; a pause (after a 429) moves the shared bucket, so
/// that no process sends before it ends.
///
/// When Redis fails (refuses, times out past `command_timeout`, loses the script, restarts), the
/// reservation is paced by a local pacer at the rate divided by `redis_options::processes` (burst
/// 1), which also keeps every pause this process saw; the observer hears of it, and the pacer
/// reconnects at most once per `reconnect_interval`. For one second after the last slot Redis gave
/// nothing new is sent, and for one second (and one reconnect interval, so that every process is
/// back) after it returns each request waits for both pacers, so that no window of a second adds
/// the shared rate and the fallback's. No call but `wait` (which sleeps until its slot) blocks
/// longer than the timeouts allow (the lock's `command_timeout`, then `connect_timeout` and a few
/// `command_timeout`s), and none throws once constructed: whatever fails is paced locally.
///
/// Thread-safe: the threads of a process share one pacer (and one connection, behind a mutex).
class redis_pacer {
 public:
  /// The clock of every time and duration here, as `pacer`'s.
  using clock = pacer::clock;

  /// A pacer of `requests_per_second` allowing `burst` at once, for the account of `api_key` on
  /// endpoint kind `e`, shared through the Redis of `options`. Connects at once; if Redis fails, it
  /// starts on the fallback (and reports it). Throws `std::invalid_argument` for a rate or burst
  /// that `pacer` rejects, for no processes, for timeouts that are not positive and for a time
  /// scale that is not positive and finite.
  redis_pacer(redis_options options, std::string_view api_key, endpoint e,
              double requests_per_second, unsigned burst = 1)
      : options_(valid(std::move(options))),
        fallback_(checked(requests_per_second, burst) / options_.processes, 1),
        bucket_(options_.key_prefix + detail::bucket_name(api_key, e)),
        pause_key_(bucket_ + ":pause") {
    // The interval on Redis's clock, in its microseconds.
    const double interval_us = std::ceil(1e6 * options_.time_scale / requests_per_second);
    if (!(interval_us < 1e15)) throw std::invalid_argument("trackingmore::redis_pacer: rate");
    interval_us_ = std::max<std::int64_t>(1, static_cast<std::int64_t>(interval_us));
    tolerance_us_ = interval_us_ * (static_cast<std::int64_t>(burst) - 1);
    std::string failure;
    {
      const std::lock_guard<std::timed_mutex> lock(mutex_);
      failure = connect();
    }
    connected_ = failure.empty();
    report(failure.empty() ? redis_event::available : redis_event::unavailable, failure);
  }
  redis_pacer(const redis_pacer&) = delete;
  redis_pacer& operator=(const redis_pacer&) = delete;
  ~redis_pacer() {
    if (context_ != nullptr) redisFree(context_);
  }

  /// Reserves the next slot for a request ready at `now` and returns how long to wait for it: in
  /// the shared bucket when Redis answers (a wait then includes the round trip), else locally.
  clock::duration reserve(clock::time_point now) noexcept {
    // Just after a fallback, the local pacer too: the shared bucket then counts the request at
    // the later of the two slots, when it will really be sent.
    const bool both = now < both_until_.load();
    const clock::duration local = both ? fallback_.reserve(now) : clock::duration::zero();
    const std::optional<std::int64_t> us = run("reserve", to_redis(local));
    // Redis's wait runs from when it ran the script: from its answer here (after the time the
    // connection's lock and the round trip took), not from `now`. So does a local slot taken
    // after waiting for Redis: one taken at `now` might be past already, with others beside it.
    const clock::time_point answered = std::max(caller_now(), now);
    if (!us) {
      if (both && answered == now) return local;
      const clock::duration local_wait = fallback_.reserve(answered);
      return local_wait == clock::duration::zero() ? local_wait : answered + local_wait - now;
    }
    const clock::time_point slot = *us == 0 ? now : answered + from_redis(*us);
    // The local pacer learns every slot (and so every pause) of the shared bucket, for a fallback.
    fallback_.pause_until(slot);
    raise(last_slot_, slot.time_since_epoch().count());
    return slot - now;
  }

  /// No slot of any process begins before `until` (the end of a 429's wait); locally too, so that
  /// the pause holds if Redis fails. A pause never shortens another.
  void pause_until(clock::time_point until) noexcept {
    fallback_.pause_until(until);
    raise(local_pause_end_, until.time_since_epoch().count());
    const std::int64_t left = to_redis(until - caller_now());
    if (left > 0) (void)run("pause", left);
  }

  /// The end of the latest pause that this process or, when Redis answers, any process began; the
  /// clock's earliest time without one; now, when Redis took longer than one interval to answer.
  /// A caller that sleeps until a slot itself reserves again when this is after the slot. One
  /// round trip to Redis.
  clock::time_point paused_until() noexcept {
    const clock::time_point local{clock::duration(local_pause_end_.load())};
    const clock::time_point asked = caller_now();
    const std::optional<std::int64_t> left = run("check", 0);
    const clock::time_point answered = caller_now();
    // An answer later than one interval leaves the caller's slot stale: "paused until now" makes
    // it reserve again, rather than send late beside every thread that waited as long.
    if (answered - asked > from_redis(interval_us_)) return std::max(local, answered);
    if (!left || *left == 0) return local;
    return std::max(local, answered + from_redis(*left));
  }

  /// Reserves a slot for now, sleeps until it, and returns it; if a pause that began meanwhile
  /// (here or in another process) covers the slot, reserves again.
  clock::time_point wait() {
    for (;;) {
      const clock::time_point now = caller_now();
      const clock::time_point slot = now + reserve(now);
      if (slot == now) return slot;
      for (clock::time_point t = now; t < slot; t = caller_now()) {
        std::this_thread::sleep_for(
            std::chrono::duration_cast<clock::duration>((slot - t) * options_.time_scale));
      }
      if (paused_until() <= slot) return slot;
    }
  }

  /// Whether the last call reached Redis (false: pacing locally).
  bool shared() const noexcept { return connected_.load(); }

 private:
  /// `options`, or `std::invalid_argument` for the values the class rejects.
  static redis_options valid(redis_options options) {
    if (options.processes == 0 || options.connect_timeout.count() <= 0 ||
        options.command_timeout.count() <= 0 || options.reconnect_interval.count() < 0 ||
        !(options.time_scale > 0.0) || !std::isfinite(options.time_scale)) {
      throw std::invalid_argument(
          "trackingmore::redis_pacer: processes, timeouts and the time scale must be positive");
    }
    return options;
  }

  /// `requests_per_second`, or the exception `pacer` throws for it and `burst`.
  static double checked(double requests_per_second, unsigned burst) {
    (void)pacer(requests_per_second, burst);
    return requests_per_second;
  }

  /// Makes `value` at least `least`.
  static void raise(std::atomic<clock::rep>& value, clock::rep least) noexcept {
    clock::rep now = value.load();
    while (now < least && !value.compare_exchange_weak(now, least)) {
    }
  }

  clock::time_point caller_now() const { return options_.now ? options_.now() : clock::now(); }

  /// `us` microseconds of Redis's clock, on the caller's.
  clock::duration from_redis(std::int64_t us) const noexcept {
    return std::chrono::ceil<clock::duration>(
        std::chrono::duration<double, std::micro>(static_cast<double>(us) / options_.time_scale));
  }

  /// `d` of the caller's clock in microseconds of Redis's, rounded up.
  std::int64_t to_redis(clock::duration d) const noexcept {
    const double us =
        std::ceil(std::chrono::duration<double, std::micro>(d).count() * options_.time_scale);
    return us < 1e15 ? static_cast<std::int64_t>(us) : static_cast<std::int64_t>(1e15);
  }

  using reply_ptr = std::unique_ptr<redisReply, detail::reply_deleter>;

  /// `argv` sent on the connection; null when the connection failed.
  reply_ptr command(std::initializer_list<std::string_view> argv) {
    const char* args[10];
    std::size_t lengths[10];
    int n = 0;
    for (const std::string_view a : argv) {
      args[n] = a.data();
      lengths[n++] = a.size();
    }
    const detail::sigpipe_guard guard;
    return reply_ptr(static_cast<redisReply*>(redisCommandArgv(context_, n, args, lengths)));
  }

  /// Connects, authenticates, selects the database and loads the script; with `mutex_` held.
  /// Returns what failed, or an empty string.
  std::string connect() {
    if (context_ != nullptr) redisFree(context_);
    const timeval connect_tv = detail::timeval_of(options_.connect_timeout);
    {
      const detail::sigpipe_guard guard;
      context_ = options_.unix_socket.empty()
                     ? redisConnectWithTimeout(options_.host.c_str(), options_.port, connect_tv)
                     : redisConnectUnixWithTimeout(options_.unix_socket.c_str(), connect_tv);
    }
    std::string failure;
    if (context_ == nullptr) {
      failure = "cannot allocate a Redis context";
    } else if (context_->err != 0) {
      failure = context_->errstr;
    } else if (redisSetTimeout(context_, detail::timeval_of(options_.command_timeout)) !=
               REDIS_OK) {
      failure = "cannot set the command timeout";
    } else {
      if (!options_.password.empty()) {
        failure = options_.username.empty()
                      ? expect_ok(command({"AUTH", options_.password}), "AUTH")
                      : expect_ok(command({"AUTH", options_.username, options_.password}), "AUTH");
      }
      if (failure.empty() && options_.database != 0) {
        failure = expect_ok(command({"SELECT", std::to_string(options_.database)}), "SELECT");
      }
      if (failure.empty()) failure = load_script();
    }
    if (!failure.empty()) disconnect();
    return failure;
  }

  /// "" when `r` is a status reply, else what failed.
  std::string expect_ok(const reply_ptr& r, const char* what) const {
    if (r && r->type == REDIS_REPLY_STATUS) return "";
    return std::string(what) + ": " + failure_of(r);
  }

  /// What `r` (null or an error) says went wrong.
  std::string failure_of(const reply_ptr& r) const {
    if (r && r->type == REDIS_REPLY_ERROR) return {r->str, r->len};
    if (context_ != nullptr && context_->err != 0) return context_->errstr;
    return "unexpected reply";
  }

  /// Loads the script (again, after a restart or SCRIPT FLUSH) and keeps its SHA-1.
  std::string load_script() {
    const reply_ptr r = command({"SCRIPT", "LOAD", detail::gcra_script});
    if (!r || r->type != REDIS_REPLY_STRING) return "SCRIPT LOAD: " + failure_of(r);
    sha_.assign(r->str, r->len);
    return "";
  }

  void disconnect() noexcept {
    if (context_ != nullptr) redisFree(context_);
    context_ = nullptr;
  }

  /// Runs `operation` of the script; `std::nullopt` when Redis cannot answer now (the fallback
  /// paces). Reconnects when the interval allows; reports each change.
  std::optional<std::int64_t> run(const char* operation, std::int64_t pause_us) noexcept {
    try {
      return run_or_throw(operation, pause_us);
    } catch (...) {  // std::bad_alloc, or an observer's exception: this call paces locally
      return std::nullopt;
    }
  }

  std::optional<std::int64_t> run_or_throw(const char* operation, std::int64_t pause_us) {
    std::unique_lock<std::timed_mutex> lock(mutex_, options_.command_timeout);
    if (!lock.owns_lock()) return std::nullopt;  // another thread is stuck on a slow Redis
    std::string failure;
    bool reconnected = false;
    if (context_ == nullptr) {
      if (clock::now() < next_attempt_) return std::nullopt;
      failure = connect();
      if (!failure.empty()) {
        next_attempt_ = clock::now() + options_.reconnect_interval;
        return std::nullopt;
      }
      reconnected = true;
    }
    std::optional<std::int64_t> result;
    const std::string interval = std::to_string(interval_us_);
    const std::string tolerance = std::to_string(tolerance_us_);
    const std::string pause = std::to_string(pause_us);
    for (int attempt = 0; attempt < 2 && !result && failure.empty(); ++attempt) {
      const reply_ptr r = command(
          {"EVALSHA", sha_, "2", bucket_, pause_key_, operation, interval, tolerance, pause});
      if (r && r->type == REDIS_REPLY_INTEGER) {
        result = r->integer;
      } else if (attempt == 0 && r && r->type == REDIS_REPLY_ERROR &&
                 std::string_view(r->str, r->len).rfind("NOSCRIPT", 0) == 0) {
        failure = load_script();  // flushed, or a Redis restarted between two calls
      } else {
        failure = "EVALSHA: " + failure_of(r);
      }
    }
    if (!result) {
      if (failure.empty()) failure = "EVALSHA: no reply";
      disconnect();
      next_attempt_ = clock::now() + options_.reconnect_interval;
    }
    const bool was = connected_.exchange(result.has_value());
    lock.unlock();
    if (result && (reconnected || !was)) {
      // Both pacers for one second, and until every other process has tried Redis again: no
      // window adds the fallback's requests to the shared ones.
      both_until_ = caller_now() + std::chrono::seconds(1) +
                    from_redis(options_.reconnect_interval.count() * 1000);
      report(redis_event::available, "");
    } else if (!result && was) {
      // Nothing for one second after the last slot Redis gave, then the fallback: no window adds
      // the shared requests to it.
      const clock::time_point last{clock::duration(last_slot_.load())};
      fallback_.pause_until(std::max(caller_now(), last) + std::chrono::seconds(1));
      report(redis_event::unavailable, failure);
    }
    return result;
  }

  void report(redis_event e, const std::string& what) const {
    if (options_.observer) options_.observer(e, what);
  }

  redis_options options_;
  pacer fallback_;  // the rate divided by the processes, burst 1
  std::string bucket_;
  std::string pause_key_;
  std::int64_t interval_us_ = 0;
  std::int64_t tolerance_us_ = 0;
  std::timed_mutex mutex_;
  redisContext* context_ = nullptr;     // guarded by mutex_
  std::string sha_;                     // guarded by mutex_
  clock::time_point next_attempt_{};    // guarded by mutex_
  std::atomic<bool> connected_{false};  // whether the last call reached Redis
  std::atomic<clock::time_point> both_until_{clock::time_point::min()};
  std::atomic<clock::rep> local_pause_end_{std::numeric_limits<clock::rep>::min()};
  std::atomic<clock::rep> last_slot_{
      std::numeric_limits<clock::rep>::min()};  // the latest from Redis
};

TRACKINGMORE_STATUS_NAMESPACE_END

#endif  // TRACKINGMORE_STATUS_REDIS_HPP
