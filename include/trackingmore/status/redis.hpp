/// @file
/// One rate limit and one account stop for a whole deployment, through Redis: `redis_pacer`, a
/// pacer with the interface of `pacer` whose bucket lives in Redis, so that every process and
/// machine that uses one API key paces against one bucket per endpoint kind, and a 429 that any
/// of them sees pauses all of them; and `redis_account_stop`, an `account_stop` in Redis, so that
/// an account failure that any of them sees stops all of them. When Redis fails, each process
/// falls back to a local pacer at its share of the rate and to its local stop. The design is on
/// the @ref scaling_out page.
///
/// Optional, and the only header that needs hiredis (Debian `libhiredis-dev`; link `hiredis`,
/// e.g. through `pkg-config hiredis`). POSIX only.
///
/// SPDX-License-Identifier: BSL-1.0
#ifndef TRACKINGMORE_STATUS_REDIS_HPP
#define TRACKINGMORE_STATUS_REDIS_HPP

#include <trackingmore/status/client.hpp>
#include <trackingmore/status/pacing.hpp>

#include <algorithm>
#include <array>
#include <atomic>
#include <charconv>
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
#include <system_error>
#include <thread>
#include <utility>

TRACKINGMORE_STATUS_NAMESPACE_BEGIN

/// What a `redis_pacer` or a `redis_account_stop` reports to its observer: Redis stopped answering
/// (the pacer falls back to its local pacer, the stop to its local stop), or answers again.
enum class redis_event {
  unavailable,  ///< A connection, a command or a reply failed: local.
  available     ///< Connected again (or for the first time): shared through Redis.
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
  /// How long the shared account stop stays in Redis after the last call of any process that
  /// found it (on Redis's clock): a stop that lasts until `reset` outlives its processes by this.
  std::chrono::milliseconds account_stop_expiry{std::chrono::hours(24)};
  /// Called on each change between Redis and the local fallback, with what failed (hiredis's
  /// message; never the API key). Called from the thread that saw the change, after the pacer
  /// has released its lock; it must not throw.
  std::function<void(redis_event, const std::string&)> observer{};
};

/// Implementation details: not part of the API.
namespace detail {

/// The caller's clock: `options.now`, else `steady_clock`.
inline std::chrono::steady_clock::time_point caller_now(const redis_options& options) {
  return options.now ? options.now() : std::chrono::steady_clock::now();
}

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

/// What names the account of `api_key` in every key: the first 128 bits of the key's SHA-256 in
/// hex, in braces (a Redis Cluster hash tag: an account's keys share a slot).
inline std::string account_tag(std::string_view api_key) {
  const std::array<std::uint8_t, 32> digest = sha256(api_key);
  constexpr char hex[] = "0123456789abcdef";
  std::string name = "{";
  for (std::size_t i = 0; i < 16; ++i) {
    name += hex[digest[i] >> 4];
    name += hex[digest[i] & 0xfU];
  }
  return name + "}";
}

/// The bucket's name for the account of `api_key` and endpoint kind `e`.
inline std::string bucket_name(std::string_view api_key, endpoint e) {
  return account_tag(api_key) + (e == endpoint::create_trackings ? ":create_trackings" : ":other");
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

/// `options`, or `std::invalid_argument` for the values that `redis_pacer` and
/// `redis_account_stop` reject.
inline redis_options valid(redis_options options) {
  if (options.processes == 0 || options.connect_timeout.count() <= 0 ||
      options.command_timeout.count() <= 0 || options.reconnect_interval.count() < 0 ||
      options.account_stop_expiry.count() <= 0 || !(options.time_scale > 0.0) ||
      !std::isfinite(options.time_scale)) {
    throw std::invalid_argument(
        "trackingmore: redis_options: processes, timeouts, the expiry and the time scale must be "
        "positive");
  }
  return options;
}

/// `d` of the caller's clock in microseconds of Redis's, which runs 1 / `time_scale` times as
/// fast (`redis_options::time_scale`), rounded up and at most 10^15.
inline std::int64_t to_redis_us(pacer::clock::duration d, double time_scale) noexcept {
  const double us = std::ceil(std::chrono::duration<double, std::micro>(d).count() * time_scale);
  return us < 1e15 ? static_cast<std::int64_t>(us) : static_cast<std::int64_t>(1e15);
}

/// `us` microseconds of Redis's clock, on the caller's (see `to_redis_us`).
inline pacer::clock::duration from_redis_us(std::int64_t us, double time_scale) noexcept {
  return std::chrono::ceil<pacer::clock::duration>(
      std::chrono::duration<double, std::micro>(static_cast<double>(us) / time_scale));
}

/// What a call on a `redis_connection` changed.
enum class redis_change {
  none,  ///< Redis answers as before, or fails as before.
  lost,  ///< Redis answered the call before and fails this one.
  back   ///< Redis failed the call before (or the connection was new) and answers this one.
};

/// The one connection to Redis of a `redis_pacer` or a `redis_account_stop`, and the one script
/// it runs: connects with the timeouts, authenticates, selects the database, loads the script
/// (again after `NOSCRIPT`), reconnects at most once per reconnect interval, and tells its owner
/// what changed, for the owner to act on and then `report`. Its threads share it behind a timed
/// mutex: a call waits for another at most `command_timeout`. SIGPIPE is guarded on every write.
class redis_connection {
 public:
  /// Owns one hiredis reply.
  using reply_ptr = std::unique_ptr<redisReply, reply_deleter>;

  /// What one `eval` gave.
  struct result {
    reply_ptr reply;                           ///< Null when Redis could not answer.
    redis_change change = redis_change::none;  ///< What changed with this call.
    std::string failure;                       ///< What failed, when `change` is `lost`.
  };

  /// For the owner's `options` (which must outlive it) and `script`; not connected yet.
  redis_connection(const redis_options& options, const char* script) noexcept
      : options_(options), script_(script) {}
  redis_connection(const redis_connection&) = delete;
  redis_connection& operator=(const redis_connection&) = delete;
  ~redis_connection() { disconnect(); }

  /// Connects for the first time and reports the outcome; throws only `std::bad_alloc`.
  void start() {
    std::string failure;
    {
      const std::lock_guard<std::timed_mutex> lock(mutex_);
      failure = connect();
    }
    connected_ = failure.empty();
    report(failure.empty() ? redis_event::available : redis_event::unavailable, failure);
  }

  /// Runs the script with `args` (the number of keys, the keys, then the arguments; at most 10):
  /// its reply when it is of hiredis type `type`, else a null reply (a failure, after which the
  /// connection is closed until the next reconnect interval). Never throws but `std::bad_alloc`.
  result eval(std::initializer_list<std::string_view> args, int type) {
    result out;
    std::unique_lock<std::timed_mutex> lock(mutex_, options_.command_timeout);
    if (!lock.owns_lock()) return out;  // another thread is stuck on a slow Redis
    bool reconnected = false;
    if (context_ == nullptr) {
      if (pacer::clock::now() < next_attempt_) return out;
      out.failure = connect();
      if (!out.failure.empty()) {
        next_attempt_ = pacer::clock::now() + options_.reconnect_interval;
        return out;
      }
      reconnected = true;
    }
    std::string_view argv[12] = {"EVALSHA", sha_};
    std::size_t n = 2;
    for (const std::string_view a : args) {
      if (n == std::size(argv)) return out;
      argv[n++] = a;
    }
    for (int attempt = 0; attempt < 2 && !out.reply && out.failure.empty(); ++attempt) {
      argv[1] = sha_;
      reply_ptr r = command(argv, n);
      if (r && r->type == type) {
        out.reply = std::move(r);
      } else if (attempt == 0 && r && r->type == REDIS_REPLY_ERROR &&
                 std::string_view(r->str, r->len).rfind("NOSCRIPT", 0) == 0) {
        out.failure = load_script();  // flushed, or a Redis restarted between two calls
      } else {
        out.failure = "EVALSHA: " + failure_of(r);
      }
    }
    if (!out.reply) {
      if (out.failure.empty()) out.failure = "EVALSHA: no reply";
      disconnect();
      next_attempt_ = pacer::clock::now() + options_.reconnect_interval;
    }
    const bool was = connected_.exchange(out.reply != nullptr);
    if (out.reply && (reconnected || !was)) out.change = redis_change::back;
    if (!out.reply && was) out.change = redis_change::lost;
    return out;
  }

  /// Tells the observer of `e` (and what failed), outside the connection's lock; an observer's
  /// exception is dropped.
  void report(redis_event e, const std::string& what) const noexcept {
    if (!options_.observer) return;
    try {
      options_.observer(e, what);
    } catch (...) {  // NOLINT(bugprone-empty-catch): the observer must not throw; if it does, no
                     // call fails for it
    }
  }

  /// Whether the last call reached Redis.
  bool connected() const noexcept { return connected_.load(); }

 private:
  reply_ptr command(const std::string_view* argv, std::size_t n) {
    const char* args[12];
    std::size_t lengths[12];
    for (std::size_t i = 0; i < n; ++i) {
      args[i] = argv[i].data();
      lengths[i] = argv[i].size();
    }
    const sigpipe_guard guard;
    return reply_ptr(
        static_cast<redisReply*>(redisCommandArgv(context_, static_cast<int>(n), args, lengths)));
  }
  reply_ptr command(std::initializer_list<std::string_view> argv) {
    return command(argv.begin(), argv.size());
  }

  /// Connects, authenticates, selects the database and loads the script; with `mutex_` held.
  /// Returns what failed, or an empty string.
  std::string connect() {
    disconnect();
    const timeval connect_tv = timeval_of(options_.connect_timeout);
    {
      const sigpipe_guard guard;
      context_ = options_.unix_socket.empty()
                     ? redisConnectWithTimeout(options_.host.c_str(), options_.port, connect_tv)
                     : redisConnectUnixWithTimeout(options_.unix_socket.c_str(), connect_tv);
    }
    std::string failure;
    if (context_ == nullptr) {
      failure = "cannot allocate a Redis context";
    } else if (context_->err != 0) {
      failure = context_->errstr;
    } else if (redisSetTimeout(context_, timeval_of(options_.command_timeout)) != REDIS_OK) {
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
    const reply_ptr r = command({"SCRIPT", "LOAD", script_});
    if (!r || r->type != REDIS_REPLY_STRING) return "SCRIPT LOAD: " + failure_of(r);
    sha_.assign(r->str, r->len);
    return "";
  }

  void disconnect() noexcept {
    if (context_ != nullptr) redisFree(context_);
    context_ = nullptr;
  }

  const redis_options& options_;
  const char* script_;
  std::timed_mutex mutex_;
  redisContext* context_ = nullptr;          // guarded by mutex_
  std::string sha_;                          // guarded by mutex_
  pacer::clock::time_point next_attempt_{};  // guarded by mutex_
  std::atomic<bool> connected_{false};       // whether the last call reached Redis
};

/// The script of the shared account stop, run atomically by Redis on its own clock (`TIME`, in
/// microseconds). KEYS[1] is the stop, a hash: `category` (the error category's name), `value`
/// (the error's value), `since` (when Redis recorded it: the stop's identity) and `probe` (when
/// the next probe is due); no key, no stop. Every operation that finds the stop renews its expiry.
/// ARGV: the operation, the probe interval (0: no probes), the expiry in ms, then for `stop` the
/// category's name and the value, for `reset_if` the `since` of the stop to end.
///
/// - `stop` records the stop unless one is on (the first failure is kept);
/// - `reset` ends any stop; `reset_if` ends it only if it is the stop of that `since`;
/// - `admit` takes the probe when one is due (moving the next one an interval on);
/// - `check` only reads.
///
/// Each returns the stop (after the operation) as {category, value, since, probe taken (0 or 1),
/// probe due (0 or 1)}, or an empty array without one.
inline constexpr const char* account_script = R"lua(
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local op = ARGV[1]
local interval = tonumber(ARGV[2])
if op == 'reset' then
  redis.call('DEL', KEYS[1])
  return {}
end
if op == 'reset_if' then
  if redis.call('HGET', KEYS[1], 'since') == ARGV[4] then redis.call('DEL', KEYS[1]) end
end
if redis.call('EXISTS', KEYS[1]) == 0 then
  if op ~= 'stop' then return {} end
  redis.call('HSET', KEYS[1], 'category', ARGV[4], 'value', ARGV[5],
             'since', string.format('%d', now), 'probe', string.format('%d', now + interval))
end
redis.call('PEXPIRE', KEYS[1], ARGV[3])
local s = redis.call('HMGET', KEYS[1], 'category', 'value', 'since', 'probe')
local due = interval > 0 and (tonumber(s[4]) or now) <= now
local taken = 0
if op == 'admit' and due then
  redis.call('HSET', KEYS[1], 'probe', string.format('%d', now + interval))
  taken = 1
  due = false
end
return {s[1], s[2], s[3], taken, due and 1 or 0}
)lua";

/// The library's category named `name` ("trackingmore", "trackingmore.v4", ...), or the
/// standard library's "generic" or "system"; null for any other name.
inline const std::error_category* category_named(std::string_view name) noexcept {
  for (const code_category* k : known_categories) {
    if (name == k->name()) return k;
  }
  for (const std::error_category* c : {static_cast<const std::error_category*>(&conditions.object),
                                       &std::generic_category(), &std::system_category()}) {
    if (name == c->name()) return c;
  }
  return nullptr;
}

/// The error code that category `name` and `value` (as Redis keeps them) name; for a category
/// that `category_named` does not know, a value that is not an `int`, or 0 (no failure), the
/// stop's own `std::errc::operation_not_permitted`: still a stop.
// NOLINTNEXTLINE(bugprone-easily-swappable-parameters): Redis keeps them in this order
inline std::error_code error_named(std::string_view name, std::string_view value) noexcept {
  const std::error_category* c = category_named(name);
  long long v = 0;
  const std::from_chars_result parsed =
      std::from_chars(value.data(), value.data() + value.size(), v);
  const bool whole = parsed.ec == std::errc{} && parsed.ptr == value.data() + value.size();
  if (c == nullptr || !whole || v == 0 || v < std::numeric_limits<int>::min() ||
      v > std::numeric_limits<int>::max()) {
    return std::make_error_code(std::errc::operation_not_permitted);
  }
  return {static_cast<int>(v), *c};
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
      : options_(detail::valid(std::move(options))),
        fallback_(checked(requests_per_second, burst) / options_.processes, 1),
        bucket_(options_.key_prefix + detail::bucket_name(api_key, e)),
        pause_key_(bucket_ + ":pause") {
    // The interval on Redis's clock, in its microseconds.
    const double interval_us = std::ceil(1e6 * options_.time_scale / requests_per_second);
    if (!(interval_us < 1e15)) throw std::invalid_argument("trackingmore::redis_pacer: rate");
    interval_us_ = std::max<std::int64_t>(1, static_cast<std::int64_t>(interval_us));
    tolerance_us_ = interval_us_ * (static_cast<std::int64_t>(burst) - 1);
    connection_.start();
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
    const clock::time_point answered = std::max(detail::caller_now(options_), now);
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
    const std::int64_t left = to_redis(until - detail::caller_now(options_));
    if (left > 0) (void)run("pause", left);
  }

  /// The end of the latest pause that this process or, when Redis answers, any process began; the
  /// clock's earliest time without one; now, when Redis took longer than one interval to answer.
  /// A caller that sleeps until a slot itself reserves again when this is after the slot. One
  /// round trip to Redis.
  clock::time_point paused_until() noexcept {
    const clock::time_point local{clock::duration(local_pause_end_.load())};
    const clock::time_point asked = detail::caller_now(options_);
    const std::optional<std::int64_t> left = run("check", 0);
    const clock::time_point answered = detail::caller_now(options_);
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
      const clock::time_point now = detail::caller_now(options_);
      const clock::time_point slot = now + reserve(now);
      if (slot == now) return slot;
      for (clock::time_point t = now; t < slot; t = detail::caller_now(options_)) {
        std::this_thread::sleep_for(
            std::chrono::duration_cast<clock::duration>((slot - t) * options_.time_scale));
      }
      if (paused_until() <= slot) return slot;
    }
  }

  /// Whether the last call reached Redis (false: pacing locally).
  bool shared() const noexcept { return connection_.connected(); }

 private:
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

  clock::duration from_redis(std::int64_t us) const noexcept {
    return detail::from_redis_us(us, options_.time_scale);
  }
  std::int64_t to_redis(clock::duration d) const noexcept {
    return detail::to_redis_us(d, options_.time_scale);
  }

  /// Runs `operation` of the script; `std::nullopt` when Redis cannot answer now (the fallback
  /// paces). Reconnects when the interval allows; reports each change.
  std::optional<std::int64_t> run(const char* operation, std::int64_t pause_us) noexcept {
    try {
      const std::string interval = std::to_string(interval_us_);
      const std::string tolerance = std::to_string(tolerance_us_);
      const std::string pause = std::to_string(pause_us);
      const detail::redis_connection::result r = connection_.eval(
          {"2", bucket_, pause_key_, operation, interval, tolerance, pause}, REDIS_REPLY_INTEGER);
      if (r.change == detail::redis_change::back) {
        // Both pacers for one second, and until every other process has tried Redis again: no
        // window adds the fallback's requests to the shared ones.
        both_until_ = detail::caller_now(options_) + std::chrono::seconds(1) +
                      from_redis(options_.reconnect_interval.count() * 1000);
        connection_.report(redis_event::available, "");
      } else if (r.change == detail::redis_change::lost) {
        // Nothing for one second after the last slot Redis gave, then the fallback: no window
        // adds the shared requests to it.
        const clock::time_point last{clock::duration(last_slot_.load())};
        fallback_.pause_until(std::max(detail::caller_now(options_), last) +
                              std::chrono::seconds(1));
        connection_.report(redis_event::unavailable, r.failure);
      }
      if (!r.reply) return std::nullopt;
      return r.reply->integer;
    } catch (...) {  // std::bad_alloc: this call paces locally
      return std::nullopt;
    }
  }

  redis_options options_;
  pacer fallback_;  // the rate divided by the processes, burst 1
  std::string bucket_;
  std::string pause_key_;
  std::int64_t interval_us_ = 0;
  std::int64_t tolerance_us_ = 0;
  detail::redis_connection connection_{options_, detail::gcra_script};
  std::atomic<clock::time_point> both_until_{clock::time_point::min()};
  std::atomic<clock::rep> local_pause_end_{std::numeric_limits<clock::rep>::min()};
  std::atomic<clock::rep> last_slot_{
      std::numeric_limits<clock::rep>::min()};  // the latest from Redis
};

/// An account stop shared through Redis by every process that uses one API key: the same
/// interface and meaning as `account_stop` (`admit`, `stopped_by`, `would_admit`, `stop`, `reset`,
/// `probe_interval`), so that it can stand wherever one does (in a `client_state`, through
/// `account_stop_ref`). After an account failure in any process (advice `after_account_action`),
/// no process sends until `reset` in any process ends the stop, or, with a probe interval, a probe
/// does: at most one probe per interval across every process, the due time kept in Redis.
///
/// The stop is one hash in Redis (`{sha256(key)}:account`, after `redis_options::key_prefix`)
/// written by one atomic script on Redis's clock: `stop` records it only if none is on, so the
/// first failure is kept; the error crosses processes as its category's name and its value, read
/// back into the library's own categories (`trackingmore`, `trackingmore.v2`, ...) and the
/// standard "generic" and "system"; any other category, and any value that reads as no failure,
/// reads as `std::errc::operation_not_permitted`, still a stop. The key expires
/// `redis_options::account_stop_expiry` (24 h) after the last call of any process that found it.
///
/// Each call is one round trip (`would_admit` none while this process knows of no stop). Every
/// `stop` and `reset` is also applied to a local `account_stop`, which answers while Redis fails
/// (the observer hears of it, as a `redis_pacer`'s does); what Redis answers is copied to it, so
/// that a stop another process began, or ended, holds without Redis too. A `stop` or `reset` that
/// could not reach Redis is sent at the next call that does: the stop if none is on; the reset
/// only if the stop on is the one this process last saw in Redis (a stop that began meanwhile,
/// elsewhere, stays). No call blocks longer than a `redis_pacer`'s, and none throws once
/// constructed (an allocation that fails is answered by the local stop).
///
/// Thread-safe: the threads of a process share one (and one connection, behind a mutex).
class redis_account_stop {
 public:
  /// The clock of every time here, as `account_stop`'s.
  using clock = pacer::clock;

  /// A stop for the account of `api_key`, shared through the Redis of `options`, that lasts until
  /// `reset`, or, with `probe_interval` (on the caller's clock), until a probe ends it. Connects
  /// at once; if Redis fails, it starts local (and reports it). Throws `std::invalid_argument` for
  /// a probe interval that `account_stop` rejects and for options that `redis_pacer` rejects (or
  /// an expiry that is not positive).
  redis_account_stop(redis_options options, std::string_view api_key,
                     std::optional<clock::duration> probe_interval = std::nullopt)
      : options_(detail::valid(std::move(options))),
        local_(probe_interval),
        key_(options_.key_prefix + detail::account_tag(api_key) + ":account"),
        interval_(
            std::to_string(detail::to_redis_us(local_.probe_interval(), options_.time_scale))),
        expiry_(std::to_string(options_.account_stop_expiry.count())) {
    connection_.start();
  }

  /// Whether a request ready at `now` may go: Redis's answer, which takes the probe when one is
  /// due for the whole deployment; the local stop's while Redis fails, `late` when Redis failed
  /// after a wait (a timeout: the lock's, the connection's or the reply's). When Redis answers but
  /// not this call (another thread held the connection past the timeout), the local stop's state
  /// without its probe, which would be one more than the deployment's.
  admission admit(clock::time_point now) noexcept {
    const std::optional<in_redis> s = run("admit", now);
    admission a;
    if (s && !s->ec) {
      a = {true, false, {}};
    } else if (s) {
      a = s->probe_taken ? admission{true, true, {}} : admission{false, false, s->ec};
    } else if (!shared()) {
      a = local_.admit(now);
    } else {
      const std::error_code ec = local_.stopped_by();
      a = {!ec, false, ec};
    }
    // Redis failing at once (a connection known to be down) delays nothing.
    a.late = !s && detail::caller_now(options_) - now > std::chrono::milliseconds(1);
    return a;
  }

  /// Whether the stop is on, without taking a probe: its error, or an empty code.
  std::error_code stopped_by() const noexcept {
    const std::optional<in_redis> s = run("check", detail::caller_now(options_));
    return s ? s->ec : local_.stopped_by();
  }

  /// Whether a probe at `now` would be let through (the stop is off, or a probe is due): true at
  /// once while this process knows of no stop (`admit` decides), else Redis's answer.
  bool would_admit(clock::time_point now) const noexcept {
    if (!local_.stopped_by() && pending_.load() == pending_none) return true;
    const std::optional<in_redis> s = run("check", now);
    if (!s) return local_.would_admit(now);
    return !s->ec || s->probe_due;
  }

  /// Starts the stop with `ec` at `now` for every process, unless one is on already (the first
  /// failure is kept); an empty `ec` is no failure: nothing.
  void stop(const std::error_code& ec, clock::time_point now) noexcept {
    if (!ec) return;
    local_.stop(ec, now);
    if (!run("stop", now, ec)) set_pending(pending_stop, ec);
  }

  /// Ends the stop for every process, whoever started it.
  void reset() noexcept {
    local_.reset();
    if (!run("reset", detail::caller_now(options_))) set_pending(pending_reset, {});
  }

  /// The probe interval, zero without probes.
  clock::duration probe_interval() const noexcept { return local_.probe_interval(); }

  /// Whether the last call reached Redis (false: the local stop answers).
  bool shared() const noexcept { return connection_.connected(); }

 private:
  /// @cond
  /// The stop as Redis holds it.
  struct in_redis {
    std::error_code ec;  // empty: no stop
    std::string since;   // the stop's identity
    bool probe_taken = false;
    bool probe_due = false;
  };
  /// @endcond

  // What waits to be sent to Redis: nothing, a stop, or the end of the stop last seen there.
  static constexpr int pending_none = 0;
  static constexpr int pending_stop = 1;
  static constexpr int pending_reset = 2;

  void set_pending(int what, const std::error_code& ec) noexcept {
    const std::lock_guard<std::mutex> lock(pending_mutex_);
    // Without a stop seen in Redis, a reset ends only this process's unsent stop: any stop in
    // Redis began elsewhere, unseen, and stays.
    if (what == pending_reset && seen_since_.empty()) {
      pending_ = pending_none;
      return;
    }
    pending_error_ = ec;
    pending_ = what;
  }

  /// Runs `operation` (with `ec` for a stop) after what is pending; copies Redis's answer to the
  /// local stop; `std::nullopt` when Redis cannot answer now.
  std::optional<in_redis> run(const char* operation, clock::time_point now,
                              const std::error_code& ec = {}) const noexcept {
    try {
      if (pending_.load() != pending_none && !send_pending(now)) return std::nullopt;
      return eval(operation, now, ec);
    } catch (...) {  // std::bad_alloc: the local stop answers
      return std::nullopt;
    }
  }

  /// Sends the pending stop or reset; false when Redis did not answer.
  bool send_pending(clock::time_point now) const {
    std::unique_lock<std::mutex> read_lock(pending_mutex_);
    const int what = pending_.load();
    const std::error_code ec = pending_error_;
    const std::string since = seen_since_;
    read_lock.unlock();
    if (what == pending_none) return true;
    const std::optional<in_redis> s =
        what == pending_stop ? eval("stop", now, ec) : eval("reset_if", now, {}, since);
    if (!s) return false;
    const std::lock_guard<std::mutex> lock(pending_mutex_);
    if (pending_.load() == what && pending_error_ == ec) pending_ = pending_none;
    return true;
  }

  /// One operation of the script, its answer copied to the local stop.
  std::optional<in_redis> eval(const char* operation, clock::time_point now,
                               const std::error_code& ec, const std::string& since = {}) const {
    const std::string category_name = ec ? ec.category().name() : "";
    const std::string value = std::to_string(ec.value());
    detail::redis_connection::result r =
        since.empty()
            ? connection_.eval({"1", key_, operation, interval_, expiry_, category_name, value},
                               REDIS_REPLY_ARRAY)
            : connection_.eval({"1", key_, operation, interval_, expiry_, since},
                               REDIS_REPLY_ARRAY);
    if (r.change == detail::redis_change::back) {
      connection_.report(redis_event::available, "");
    } else if (r.change == detail::redis_change::lost) {
      connection_.report(redis_event::unavailable, r.failure);
    }
    if (!r.reply) return std::nullopt;
    in_redis s;
    const redisReply& a = *r.reply;
    if (a.elements >= 5) {
      s.ec = detail::error_named(text(a.element[0]), text(a.element[1]));
      s.since = text(a.element[2]);
      s.probe_taken = a.element[3]->type == REDIS_REPLY_INTEGER && a.element[3]->integer == 1;
      s.probe_due = a.element[4]->type == REDIS_REPLY_INTEGER && a.element[4]->integer == 1;
    }
    // Redis is the truth: a stop another process began, or ended, holds here without Redis too.
    if (s.ec && !local_.stopped_by()) local_.stop(s.ec, now);
    if (!s.ec && local_.stopped_by()) local_.reset();
    const std::lock_guard<std::mutex> lock(pending_mutex_);
    seen_since_ = s.since;
    return s;
  }

  /// A string reply's text; empty for any other.
  static std::string_view text(const redisReply* r) noexcept {
    if (r == nullptr || r->type != REDIS_REPLY_STRING || r->str == nullptr) return {};
    return {r->str, r->len};
  }

  redis_options options_;
  mutable account_stop local_;
  std::string key_;
  std::string interval_;  // the probe interval in Redis's microseconds, 0 without probes
  std::string expiry_;    // ms
  mutable detail::redis_connection connection_{options_, detail::account_script};
  mutable std::mutex pending_mutex_;
  mutable std::atomic<int> pending_{pending_none};
  std::error_code pending_error_;   // guarded by pending_mutex_
  mutable std::string seen_since_;  // guarded by pending_mutex_: the stop last seen in Redis
};

TRACKINGMORE_STATUS_NAMESPACE_END

#endif  // TRACKINGMORE_STATUS_REDIS_HPP
