// The retry decision and the Retry-After parser (trackingmore/status/retry.hpp), rule by rule.
#include <trackingmore/status/retry.hpp>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <climits>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>
#include <thread>
#include <type_traits>
#include <vector>

#include "../catch.hpp"

namespace tk = trackingmore;
using std::chrono::milliseconds;
using std::chrono::seconds;
using tk::retry_advice;

namespace {

const std::error_code server_error = tk::v4::to_error_code(511);  // after_delay, no documented wait
const std::error_code rate_limited = tk::v4::to_error_code(429);  // after_delay, 120 s

// The delay of a decision, in milliseconds, for readable failures.
long long delay_ms(const tk::retry_decision& d) { return static_cast<long long>(d.delay.count()); }

// The wait `header` asks for at `now` (seconds since 1970), or -1 for std::nullopt.
long long retry_after(std::string_view header, std::chrono::system_clock::duration now) {
  const std::optional<seconds> wait =
      tk::parse_retry_after(header, std::chrono::system_clock::time_point{now});
  return wait ? static_cast<long long>(wait->count()) : -1;
}

// 1994-11-06 08:49:37 UTC, RFC 9110's example date.
constexpr seconds rfc_example{784111777};

// A category of another library whose value 1 means "timed out".
class timeout_category final : public std::error_category {
 public:
  const char* name() const noexcept override { return "other.library"; }
  std::string message(int /*value*/) const override { return "timed out"; }
  std::error_condition default_error_condition(int value) const noexcept override {
    if (value == 1) return std::errc::timed_out;
    return {value, *this};
  }
};

// `decide` with a jitter of 1, which makes its delays exact: the full bound.
tk::retry_decision exact(const std::error_code& ec, unsigned attempts_made,
                         const tk::retry_policy& policy = {}, seconds retry_after = seconds{0}) {
  return tk::decide(ec, attempts_made, policy, retry_after, 1.0);
}

}  // namespace

TEST_CASE("the API: explicit bool, noexcept, the policy's defaults") {
  STATIC_REQUIRE(!std::is_convertible_v<tk::retry_decision, bool>);
  STATIC_REQUIRE(std::is_constructible_v<bool, tk::retry_decision>);
  constexpr tk::retry_policy policy;
  // Lvalue arguments: <chrono>'s constructors, which default arguments would call, are not
  // declared noexcept.
  constexpr seconds header{0};
  constexpr std::string_view text;
  constexpr std::chrono::system_clock::time_point now;
  STATIC_REQUIRE(noexcept(tk::decide(server_error, 1, policy, header, 1.0)));
  STATIC_REQUIRE(noexcept(tk::parse_retry_after(text, now)));
  STATIC_REQUIRE(policy.max_attempts == 5);
  STATIC_REQUIRE(policy.initial_backoff == milliseconds{500});
  STATIC_REQUIRE(policy.max_backoff == milliseconds{60'000});
  STATIC_REQUIRE(policy.max_wait == seconds{600});
  STATIC_REQUIRE(static_cast<bool>(tk::retry_decision{true, milliseconds{0}, {}}));
  STATIC_REQUIRE(!tk::retry_decision{false, milliseconds{0}, {}});
}

TEST_CASE("success is not retried, whatever the header says") {
  for (const seconds header : {seconds{0}, seconds{300}}) {
    const tk::retry_decision d = exact(std::error_code{}, 1, {}, header);
    CHECK(!d.retry);
    CHECK(delay_ms(d) == 0);
    CHECK(d.advice == retry_advice::not_applicable);
  }
  CHECK(exact(tk::v4::to_error_code(200), 1).advice == retry_advice::not_applicable);
}

TEST_CASE("every code of every version: the library's advice, and only after_delay retries") {
  for (const tk::api_version version :
       {tk::api_version::v2, tk::api_version::v3, tk::api_version::v4}) {
    for (const tk::code_info& row : tk::codes_of(version)) {
      const std::error_code ec = tk::to_error_code(version, row.code);
      const tk::retry_decision d = exact(ec, 1);
      INFO(tk::name_of(version) << " " << row.code);
      CHECK(d.advice == row.retry);
      CHECK(d.retry == (row.retry == retry_advice::after_delay));
      CHECK(delay_ms(d) == (!d.retry ? 0 : row.retry_after_s != 0 ? 120'000 : 500));
    }
  }
  // Undocumented codes follow the library's reading of them.
  CHECK(exact(tk::v4::to_error_code(502), 1).advice == retry_advice::after_delay);
  CHECK(exact(tk::v4::to_error_code(502), 1).retry);
  CHECK(exact(tk::v4::to_error_code(4999), 1).advice == retry_advice::after_fixing_request);
  CHECK(exact(tk::v4::to_error_code(6000), 1).advice == retry_advice::never);
  CHECK(!exact(tk::v4::to_error_code(6000), 1).retry);
}

TEST_CASE("a duplicated category object keeps its advice and its 120 s") {
  const tk::detail::code_category duplicate{tk::detail::domain::v4};
  const tk::retry_decision d = exact(std::error_code(429, duplicate), 1);
  CHECK(d.retry);
  CHECK(delay_ms(d) == 120'000);
  CHECK(exact(std::error_code(4101, duplicate), 1).advice == retry_advice::never);
}

TEST_CASE("the backoff doubles from initial_backoff up to max_backoff (jitter 1)") {
  tk::retry_policy policy;
  policy.max_attempts = 100;
  const long long expected[] = {500,    500,    1'000,  2'000,  4'000, 8'000,
                                16'000, 32'000, 60'000, 60'000, 60'000};
  for (unsigned attempts = 0; attempts < std::size(expected); ++attempts) {
    INFO("attempts_made " << attempts);
    const tk::retry_decision d = exact(server_error, attempts, policy);
    CHECK(d.retry);
    CHECK(d.advice == retry_advice::after_delay);
    CHECK(delay_ms(d) == expected[attempts]);
  }
  policy.initial_backoff = milliseconds{70'000};  // above max_backoff from the start
  CHECK(delay_ms(exact(server_error, 1, policy)) == 60'000);
}

TEST_CASE("attempts_made 0 counts as the first, and any attempts_made doubles safely") {
  tk::retry_policy policy;
  policy.max_attempts = UINT_MAX;
  CHECK(delay_ms(exact(server_error, 0, policy)) == 500);
  CHECK(delay_ms(exact(server_error, UINT_MAX - 1, policy)) == 60'000);
  CHECK(!exact(server_error, UINT_MAX, policy).retry);  // attempts_made >= max_attempts

  // Without a cap, the bound reaches 2^62 ms, then saturates at the largest duration.
  policy.initial_backoff = milliseconds{1};
  policy.max_backoff = milliseconds::max();
  policy.max_wait = seconds::max();
  CHECK(delay_ms(exact(server_error, 63, policy)) == 1LL << 62);
  for (const unsigned attempts : {64u, 65u, 66u, 129u}) {  // a plain shift by 63 or more fails
    INFO("attempts_made " << attempts);
    CHECK(exact(server_error, attempts, policy).delay == milliseconds::max());
  }
  CHECK(exact(server_error, UINT_MAX - 1, policy).delay == milliseconds::max());
  CHECK(exact(server_error, UINT_MAX - 1, policy).retry);

  policy.initial_backoff = milliseconds{0};  // no backoff at all, however many attempts
  CHECK(delay_ms(exact(server_error, UINT_MAX - 1, policy)) == 0);
  CHECK(exact(server_error, UINT_MAX - 1, policy).retry);
}

TEST_CASE("negative policy durations count as zero, and a negative max_wait gives up") {
  tk::retry_policy policy;
  policy.initial_backoff = milliseconds{-5};
  CHECK(delay_ms(exact(server_error, 3, policy)) == 0);
  policy = {};
  policy.max_backoff = milliseconds{-1};
  CHECK(delay_ms(exact(server_error, 3, policy)) == 0);
  CHECK(exact(server_error, 3, policy).retry);
  policy = {};
  policy.max_wait = seconds{-1};
  const tk::retry_decision d = exact(server_error, 1, policy);
  CHECK(!d.retry);
  CHECK(d.advice == retry_advice::after_delay);
}

TEST_CASE("jitter scales the backoff, clamped to [0, 1], and NaN waits the full bound") {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  const struct {
    double jitter;
    long long delay_ms;
  } cases[] = {{1.0, 2'000}, {0.5, 1'000}, {0.25, 500},  {0.0001, 0}, {0.0, 0},    {-0.0, 0},
               {-1.0, 0},    {2.0, 2'000}, {inf, 2'000}, {-inf, 0},   {nan, 2'000}};
  for (const auto& c : cases) {
    INFO("jitter " << c.jitter);
    const tk::retry_decision d = tk::decide(server_error, 3, {}, seconds{0}, c.jitter);
    CHECK(d.retry);
    CHECK(delay_ms(d) == c.delay_ms);
  }
}

TEST_CASE("without a jitter, decide draws one: delays spread from 0 up to the bound") {
  constexpr seconds none{0};
  constexpr tk::retry_policy policy;
  STATIC_REQUIRE(noexcept(tk::decide(server_error, 1, policy, none)));
  // 2,000 draws of the third backoff (bound 2 s). All equal, or all in one tenth of the range,
  // happens with a probability below 10^-90: no run can see it by chance.
  constexpr int draws = 2'000;
  long long lowest = LLONG_MAX;
  long long highest = LLONG_MIN;
  int in_low_tenth = 0;
  int in_high_tenth = 0;
  for (int i = 0; i < draws; ++i) {
    const tk::retry_decision d = tk::decide(server_error, 3);
    REQUIRE(d.retry);
    REQUIRE(d.delay >= milliseconds{0});
    REQUIRE(d.delay < milliseconds{2'000});
    lowest = std::min(lowest, delay_ms(d));
    highest = std::max(highest, delay_ms(d));
    in_low_tenth += d.delay < milliseconds{200} ? 1 : 0;
    in_high_tenth += d.delay >= milliseconds{1'800} ? 1 : 0;
  }
  CHECK(lowest < highest);
  CHECK(in_low_tenth > 0);
  CHECK(in_high_tenth > 0);
  // A documented or Retry-After wait above the bound stays exact: the jitter spreads the backoff.
  for (int i = 0; i < 100; ++i) {
    CHECK(delay_ms(tk::decide(rate_limited, 1)) == 120'000);
    CHECK(delay_ms(tk::decide(server_error, 1, {}, seconds{7})) == 7'000);
  }
  // Everything but the delay is the explicit overload's.
  CHECK(tk::decide(tk::v4::to_error_code(4101), 1).advice == retry_advice::never);
  CHECK(!tk::decide(server_error, 5).retry);
  CHECK(!tk::decide(std::error_code{}, 1).retry);
}

TEST_CASE("threads draw their own jitter: no two threads' sequences are the same") {
  constexpr std::size_t threads = 8;
  constexpr int draws = 64;
  std::vector<std::vector<long long>> sequences(threads);
  std::vector<std::thread> drawing;
  drawing.reserve(threads);
  for (std::vector<long long>& sequence : sequences) {
    drawing.emplace_back([&sequence] {
      tk::retry_policy policy;
      policy.initial_backoff = milliseconds{1'000'000'000};  // a bound of 10^9 ms: fine grained
      policy.max_backoff = policy.initial_backoff;
      policy.max_wait = seconds::max();
      for (int i = 0; i < draws; ++i)
        sequence.push_back(delay_ms(tk::decide(server_error, 1, policy)));
    });
  }
  for (std::thread& t : drawing) t.join();
  // Two equal sequences of 64 draws of 10^9 values each would mean shared or equal seeds.
  for (std::size_t a = 0; a < threads; ++a) {
    for (std::size_t b = a + 1; b < threads; ++b) CHECK(sequences[a] != sequences[b]);
  }
}

TEST_CASE("the delay is the largest of the backoff, Retry-After and the documented wait") {
  // 120 s for every 429, above max_backoff, whatever the jitter or a shorter header says.
  tk::retry_policy policy;
  policy.max_backoff = milliseconds{1'000};
  CHECK(delay_ms(exact(rate_limited, 1, policy)) == 120'000);
  CHECK(delay_ms(tk::decide(rate_limited, 1, {}, seconds{30}, 0.0)) == 120'000);
  CHECK(delay_ms(exact(rate_limited, 1, {}, seconds{300})) == 300'000);
  CHECK(exact(rate_limited, 1).advice == retry_advice::after_delay);
  // A backoff above 120 s wins over it.
  policy.max_backoff = milliseconds{600'000};
  policy.max_attempts = 20;
  CHECK(delay_ms(exact(rate_limited, 11, policy)) == 512'000);

  // The header's wait over the backoff; a zero or negative header changes nothing.
  CHECK(delay_ms(exact(server_error, 1, {}, seconds{7})) == 7'000);
  CHECK(delay_ms(exact(server_error, 1, {}, seconds{0})) == 500);
  CHECK(delay_ms(exact(server_error, 1, {}, seconds{-30})) == 500);
  CHECK(delay_ms(exact(server_error, 4, {}, seconds{3})) == 4'000);
}

TEST_CASE("a delay above max_wait gives up, the advice still reported") {
  tk::retry_policy policy;
  policy.max_wait = seconds{119};
  tk::retry_decision d = exact(rate_limited, 1, policy);
  CHECK(!d.retry);
  CHECK(delay_ms(d) == 0);
  CHECK(d.advice == retry_advice::after_delay);
  policy.max_wait = seconds{120};  // a wait equal to max_wait is taken
  CHECK(delay_ms(exact(rate_limited, 1, policy)) == 120'000);

  d = exact(server_error, 1, {}, seconds{601});
  CHECK(!d.retry);
  CHECK(delay_ms(d) == 0);
  CHECK(d.advice == retry_advice::after_delay);
  CHECK(exact(server_error, 1, {}, seconds{600}).retry);
  CHECK(!exact(server_error, 1, {}, seconds::max()).retry);  // no overflow to a small wait

  policy = {};
  policy.initial_backoff = milliseconds{600'001};
  policy.max_backoff = milliseconds{700'000};
  CHECK(!exact(server_error, 1, policy).retry);
  policy.max_wait = seconds::max();
  CHECK(delay_ms(exact(server_error, 1, policy)) == 600'001);
}

TEST_CASE("no retry once attempts_made reaches max_attempts") {
  tk::retry_policy policy;  // 5 attempts in all
  CHECK(exact(server_error, 4, policy).retry);
  for (const unsigned attempts : {5u, 6u, UINT_MAX}) {
    const tk::retry_decision d = exact(server_error, attempts, policy);
    CHECK(!d.retry);
    CHECK(delay_ms(d) == 0);
    CHECK(d.advice == retry_advice::after_delay);
  }
  policy.max_attempts = 1;
  CHECK(!exact(server_error, 1, policy).retry);
  policy.max_attempts = 0;
  CHECK(!exact(server_error, 0, policy).retry);
}

TEST_CASE("other categories: the ten transient network errors retry, nothing else") {
  const std::errc transient[] = {
      std::errc::timed_out,          std::errc::connection_reset,
      std::errc::connection_refused, std::errc::connection_aborted,
      std::errc::network_reset,      std::errc::network_unreachable,
      std::errc::network_down,       std::errc::host_unreachable,
      std::errc::broken_pipe,        std::errc::resource_unavailable_try_again};
  // As <system_error> makes them, and as the operating system reports them: errno values, which
  // libstdc++'s std::errc values are, or Windows Sockets' codes (WSAETIMEDOUT, ...;
  // ERROR_BROKEN_PIPE, 109, for broken_pipe).
#ifdef _WIN32
  const int reported[] = {10060, 10054, 10061, 10053, 10052, 10051, 10050, 10065, 109, 10035};
#else
  const int reported[] = {ETIMEDOUT,   ECONNRESET, ECONNREFUSED, ECONNABORTED, ENETRESET,
                          ENETUNREACH, ENETDOWN,   EHOSTUNREACH, EPIPE,        EAGAIN};
#endif
  static_assert(std::size(reported) == std::size(transient));
  for (std::size_t i = 0; i < std::size(transient); ++i) {
    for (const std::error_code ec : {std::make_error_code(transient[i]),
                                     std::error_code(reported[i], std::system_category())}) {
      INFO(ec.category().name() << " " << ec.message());
      const tk::retry_decision d = exact(ec, 1);
      CHECK(d.retry);
      CHECK(d.advice == retry_advice::after_delay);
      CHECK(delay_ms(d) == 500);
      CHECK(!exact(ec, 5).retry);
    }
  }
  const timeout_category other;
  CHECK(exact(std::error_code(1, other), 1).retry);  // equivalent to std::errc::timed_out

  const std::error_code permanent[] = {std::make_error_code(std::errc::permission_denied),
                                       std::make_error_code(std::errc::invalid_argument),
                                       std::make_error_code(std::errc::operation_canceled),
                                       std::make_error_code(std::errc::address_in_use),
                                       std::error_code(EACCES, std::system_category()),
                                       std::error_code(2, other),
                                       std::make_error_code(std::io_errc::stream)};
  for (const std::error_code& ec : permanent) {
    INFO(ec.category().name() << " " << ec.message());
    const tk::retry_decision d = exact(ec, 1);
    CHECK(!d.retry);
    CHECK(delay_ms(d) == 0);
    CHECK(d.advice == retry_advice::never);
  }
}

TEST_CASE("a TrackingMore category keeps the library's advice, even if equivalent to an errc") {
  // What an error of the library's own response category would be, were its value read as
  // "timed out": never retried.
  class response_like final : public std::error_category {
   public:
    const char* name() const noexcept override { return "trackingmore.response"; }
    std::string message(int /*value*/) const override { return "no code"; }
    std::error_condition default_error_condition(int /*value*/) const noexcept override {
      return std::errc::timed_out;
    }
  };
  const response_like category;
  const std::error_code ec(1, category);
  REQUIRE(ec == std::errc::timed_out);
  const tk::retry_decision d = exact(ec, 1);
  CHECK(!d.retry);
  CHECK(d.advice == retry_advice::never);
}

TEST_CASE("HTTP statuses and response errors") {
  const tk::retry_decision unavailable = exact(tk::http::to_error_code(503), 1);
  CHECK(unavailable.retry);
  CHECK(delay_ms(unavailable) == 500);
  CHECK(unavailable.advice == retry_advice::after_delay);
  const tk::retry_decision too_many = exact(tk::http::to_error_code(429), 1);
  CHECK(too_many.retry);
  CHECK(delay_ms(too_many) == 120'000);
  CHECK(!exact(tk::http::to_error_code(501), 1).retry);
  CHECK(exact(tk::http::to_error_code(501), 1).advice == retry_advice::never);
  CHECK(!exact(tk::http::to_error_code(404), 1).retry);
  CHECK(exact(tk::http::to_error_code(404), 1).advice == retry_advice::after_fixing_request);
  CHECK(!exact(tk::http::to_error_code(0), 1).retry);
  CHECK(!exact(tk::make_error_code(tk::response_errc::not_json), 1).retry);
  CHECK(exact(tk::make_error_code(tk::response_errc::not_json), 1).advice == retry_advice::never);
}

TEST_CASE("Retry-After: delay-seconds") {
  const auto now = rfc_example;
  CHECK(retry_after("120", now) == 120);
  CHECK(retry_after("0", now) == 0);
  CHECK(retry_after("007", now) == 7);
  CHECK(retry_after(" \t120\t ", now) == 120);
  CHECK(retry_after("9223372036854775807", now) == std::numeric_limits<long long>::max());
  CHECK(retry_after("00000000000000000000000000000042", now) == 42);
  CHECK(retry_after("9223372036854775808", now) == -1);  // one more than seconds can hold
  CHECK(retry_after("99999999999999999999", now) == -1);
}

TEST_CASE("Retry-After: the three HTTP-date formats, 100 s ahead") {
  const auto now = rfc_example - seconds{100};
  CHECK(retry_after("Sun, 06 Nov 1994 08:49:37 GMT", now) == 100);   // IMF-fixdate
  CHECK(retry_after("Sunday, 06-Nov-94 08:49:37 GMT", now) == 100);  // RFC 850
  CHECK(retry_after("Sun Nov  6 08:49:37 1994", now) == 100);        // asctime
  CHECK(retry_after("Sun Nov 06 08:49:37 1994", now) == 100);        // asctime, two digits
  CHECK(retry_after(" \tSun, 06 Nov 1994 08:49:37 GMT \t", now) == 100);
  CHECK(retry_after("Sun, 06 Nov 1994 08:49:37 GMT", rfc_example - seconds{1}) == 1);
}

TEST_CASE("Retry-After: a date now or in the past is 0 s, and a part second left rounds up") {
  CHECK(retry_after("Sun, 06 Nov 1994 08:49:37 GMT", rfc_example) == 0);
  CHECK(retry_after("Sun, 06 Nov 1994 08:49:37 GMT", rfc_example + seconds{5}) == 0);
  CHECK(retry_after("Sunday, 06-Nov-94 08:49:37 GMT", rfc_example + seconds{86'400}) == 0);
  CHECK(retry_after("Sun Nov  6 08:49:37 1994", rfc_example + seconds{1}) == 0);
  CHECK(retry_after("Thu, 01 Jan 1970 00:00:00 GMT", rfc_example) == 0);
  CHECK(retry_after("Sun, 06 Nov 1994 08:49:37 GMT", rfc_example - milliseconds{1'500}) == 2);
  CHECK(retry_after("Sun, 06 Nov 1994 08:49:37 GMT", rfc_example - milliseconds{500}) == 1);
  CHECK(retry_after("Sun, 06 Nov 1994 08:49:37 GMT", rfc_example + milliseconds{500}) == 0);
}

TEST_CASE("Retry-After: dates across the calendar") {
  // Expected values from Python's calendar.timegm.
  const seconds epoch{0};
  CHECK(retry_after("Tue, 29 Feb 2000 00:00:00 GMT", epoch) == 951'782'400);  // a leap day
  CHECK(retry_after("Fri, 31 Dec 9999 23:59:59 GMT", epoch) == 253'402'300'799);
  CHECK(retry_after("Thu, 01 Jan 1970 00:00:10 GMT", epoch - seconds{5}) == 15);
  CHECK(retry_after("Sat, 01 Jan 0000 00:00:00 GMT", epoch) == 0);  // a Saturday, proleptically
  // Before 1970: negative days.
  CHECK(retry_after("Tue, 01 Mar 1960 00:00:00 GMT", seconds{-310'435'300}) == 100);
  CHECK(retry_after("Tue Mar  1 00:00:00 1960", seconds{-310'435'300}) == 100);
  // Second 60, the leap second RFC 9110 allows, counts as the next second.
  CHECK(retry_after("Sat, 31 Dec 2016 23:59:60 GMT", seconds{1'483'228'800 - 10}) == 10);
}

TEST_CASE("Retry-After: an RFC 850 year more than 50 years ahead is in the past century") {
  const seconds june_2024{1'717'200'000};
  CHECK(retry_after("Wednesday, 01-Jan-70 00:00:00 GMT", june_2024) == 1'438'560'000);  // 2070
  CHECK(retry_after("Monday, 01-Jan-74 00:00:00 GMT", june_2024) == 1'564'790'400);     // 2074
  CHECK(retry_after("Wednesday, 01-Jan-75 00:00:00 GMT", june_2024) == 0);              // 1975
  CHECK(retry_after("Tuesday, 01-Jan-75 00:00:00 GMT", june_2024) == -1);  // 2075's weekday
  const seconds june_2049{2'506'118'400};
  CHECK(retry_after("Thursday, 31-Dec-99 00:00:00 GMT", june_2049) == 1'596'240'000);   // 2099
  CHECK(retry_after("Saturday, 01-Jan-00 00:00:00 GMT", june_2049) == 0);               // 2000
  CHECK(retry_after("Tuesday, 01-Mar-60 00:00:00 GMT", seconds{-310'435'300}) == 100);  // 1960
}

TEST_CASE("Retry-After: anything else is std::nullopt") {
  const auto now = rfc_example - seconds{100};
  const std::string_view bad[] = {
      "",
      " ",
      "\t \t",
      "-1",
      "+120",
      "- 1",
      "1.5",
      "120.",
      ".5",
      "120s",
      "120 s",
      "12 0",
      "0x10",
      "1e3",
      "\xd9\xa1\xd9\xa2",  // Arabic-Indic digits
      "\n120",
      "120\r\n",
      std::string_view("120\0", 4),
      "\v120",
      "120,",
      "120, 130",
      "sun, 06 Nov 1994 08:49:37 GMT",
      "SUN, 06 NOV 1994 08:49:37 GMT",
      "Sun, 06 nov 1994 08:49:37 GMT",
      "Sun, 06 Nov 1994 08:49:37 gmt",
      "Sun, 06 Nov 1994 08:49:37 UTC",
      "Sun, 06 Nov 1994 08:49:37 +0000",
      "Sun, 06 Nov 1994 08:49:37",
      "Sun, 06 Nov 1994 08:49:37 GMT junk",
      "Sun, 06 Nov 1994 08:49:37 GMTX",
      "Sun, 06 Nov 1994 08:49:37 GMT, Mon, 07 Nov 1994 08:49:37 GMT",
      "Sun, 6 Nov 1994 08:49:37 GMT",
      "Sun,  6 Nov 1994 08:49:37 GMT",
      "Sun 06 Nov 1994 08:49:37 GMT",
      "Sun,06 Nov 1994 08:49:37 GMT",
      "Sun, 06 Nov 94 08:49:37 GMT",
      "Sun, 06 Nov 01994 08:49:37 GMT",
      "Sun, 06 Nov 1994 8:49:37 GMT",
      "Sun, 06 Nov 1994 08:49 GMT",
      "Sun, 06 Nov 1994 08:49:37.5 GMT",
      "Sun, 06-Nov-1994 08:49:37 GMT",
      "Sunday, 06 Nov 1994 08:49:37 GMT",
      "Sunday, 06-Nov-1994 08:49:37 GMT",
      "Sunday, 6-Nov-94 08:49:37 GMT",
      "Sun, 06-Nov-94 08:49:37 GMT",
      "Sunday, 06-Nov-94 08:49:37",
      "Sun Nov 6 08:49:37 1994",
      "Sun Nov  06 08:49:37 1994",
      "Sun Nov  6 08:49:37 94",
      "Sun Nov  6 08:49:37 1994 GMT",
      "Sun, Nov  6 08:49:37 1994",
      "Sunday Nov  6 08:49:37 1994",
      "Nov  6 08:49:37 1994",
      // The weekday must be the date's.
      "Mon, 06 Nov 1994 08:49:37 GMT",
      "Monday, 06-Nov-94 08:49:37 GMT",
      "Sat Nov  6 08:49:37 1994",
      // Impossible dates and times.
      "Fri, 30 Feb 2024 00:00:00 GMT",
      "Thu, 29 Feb 2001 00:00:00 GMT",
      "Thu, 29 Feb 1900 00:00:00 GMT",
      "Thu, 31 Nov 1994 08:49:37 GMT",
      "Sat, 00 Nov 1994 08:49:37 GMT",
      "Sun, 32 Oct 1994 08:49:37 GMT",
      "Sun, 06 Nov 1994 24:00:00 GMT",
      "Sun, 06 Nov 1994 08:60:37 GMT",
      "Sun, 06 Nov 1994 08:49:61 GMT",
      "Sun, 06 Xyz 1994 08:49:37 GMT",
  };
  for (const std::string_view header : bad) {
    INFO("Retry-After: \"" << std::string(header) << "\"");
    CHECK(retry_after(header, now) == -1);
  }
}
