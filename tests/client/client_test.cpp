// The state of a whole client (retry budget, account stop, pacers) and the loop of one request
// (retry_loop, send_with_retries), each rule on a fake time line; then threads sharing one state.
#include <trackingmore/status/client.hpp>

#include <atomic>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <limits>
#include <stdexcept>
#include <system_error>
#include <thread>
#include <vector>

#include "../catch.hpp"

namespace {

namespace tk = trackingmore;
using clock_type = tk::pacer::clock;
using std::chrono::milliseconds;
using std::chrono::seconds;

/// A fake time line: its origin, far from the clock's epoch.
constexpr clock_type::time_point t0 = clock_type::time_point{} + std::chrono::hours(1000);

const std::error_code unavailable = tk::http::to_error_code(503);  // after_delay, backoff
const std::error_code rate_limited = tk::v4::to_error_code(429);   // after_delay, 120 s
const std::error_code unauthorised = tk::v4::to_error_code(401);   // after_account_action
const std::error_code quota_spent = tk::v4::to_error_code(4190);   // after_account_action
const std::error_code exists = tk::v4::to_error_code(4101);        // never

/// A budget without a floor worth speaking of, saving one retry: deposits alone count.
tk::retry_budget_policy deposits_only() {
  tk::retry_budget_policy p;
  p.min_retries_per_second = 1e-6;  // one retry in 11.6 days
  p.saved_for = seconds{0};         // saves 1, the least
  return p;
}

/// A clock for send_with_retries that only moves when slept on: its sleeps take no time.
struct fake_timer {
  clock_type::time_point* now_;
  clock_type::time_point now() const noexcept { return *now_; }
  void sleep_until(clock_type::time_point t) const noexcept {
    if (t > *now_) *now_ = t;
  }
};

/// Runs `loop` to its end on a fake time line from `now`, each attempt answered by the next of
/// `answers` (the last repeating); returns the times of the attempts sent.
std::vector<clock_type::time_point> run(tk::retry_loop& loop, clock_type::time_point& now,
                                        const std::vector<tk::attempt_result>& answers) {
  std::vector<clock_type::time_point> sent;
  for (;;) {
    const tk::retry_step step = loop.next(now);
    if (step.what == tk::retry_step::action::done) return sent;
    if (step.what == tk::retry_step::action::wait) {
      REQUIRE(step.until > now);
      now = step.until;
      continue;
    }
    sent.push_back(now);
    const std::size_t i = sent.size() - 1;
    loop.record(now, answers[i < answers.size() ? i : answers.size() - 1]);
  }
}

/// Steps `loop` from `now` through its waits until it says send (true) or done (false).
bool until_send(tk::retry_loop& loop, clock_type::time_point& now) {
  for (;;) {
    const tk::retry_step step = loop.next(now);
    if (step.what != tk::retry_step::action::wait) return step.what == tk::retry_step::action::send;
    now = step.until;
  }
}

}  // namespace

TEST_CASE("retry budget: starts with the saved floor, then one retry a second") {
  tk::retry_budget b;  // 20%, 1 a second, 10 s saved
  for (int i = 0; i < 10; ++i) CHECK(b.try_withdraw(t0));
  CHECK(!b.try_withdraw(t0));
  CHECK(!b.try_withdraw(t0 + milliseconds(999)));
  CHECK(b.try_withdraw(t0 + milliseconds(1000)));
  CHECK(!b.try_withdraw(t0 + milliseconds(1999)));
  // An idle minute saves 10, not 60.
  CHECK(b.balance(t0 + seconds(61)) == 10);
  for (int i = 0; i < 10; ++i) CHECK(b.try_withdraw(t0 + seconds(61)));
  CHECK(!b.try_withdraw(t0 + seconds(61)));
}

TEST_CASE("retry budget: each request first sent earns a fifth of a retry") {
  tk::retry_budget b(deposits_only());
  CHECK(b.try_withdraw(t0));  // the one saved
  CHECK(!b.try_withdraw(t0));
  for (int i = 0; i < 4; ++i) b.deposit(t0);
  CHECK(!b.try_withdraw(t0));  // 4/5 of a retry
  b.deposit(t0);
  CHECK(b.try_withdraw(t0));
  CHECK(!b.try_withdraw(t0));
  // Deposits save no more than the floor does: 50 requests, then one retry.
  for (int i = 0; i < 50; ++i) b.deposit(t0);
  CHECK(b.balance(t0) == 1);
  // A fraction of 1: a retry per request; of 0: none.
  tk::retry_budget_policy p = deposits_only();
  p.fraction = 1.0;
  tk::retry_budget all(p);
  CHECK(all.try_withdraw(t0));
  all.deposit(t0);
  CHECK(all.try_withdraw(t0));
  CHECK(!all.try_withdraw(t0));
  p.fraction = 0.0;
  tk::retry_budget none(p);
  CHECK(none.try_withdraw(t0));
  for (int i = 0; i < 100; ++i) none.deposit(t0);
  CHECK(!none.try_withdraw(t0));
}

TEST_CASE("retry budget: in an outage, retries are at most 20% of requests + the floor + saved") {
  // 10 requests a second for 100 s, each wanting 4 retries right away.
  tk::retry_budget b;
  long long requests = 0;
  long long retries = 0;
  for (int ms = 0; ms < 100'000; ms += 100) {
    const clock_type::time_point now = t0 + milliseconds(ms);
    b.deposit(now);
    ++requests;
    for (int i = 0; i < 4; ++i) retries += b.try_withdraw(now) ? 1 : 0;
  }
  // 0.2 x 1000 + 1 x 100 s + 10 saved = 310; without the budget, 4000.
  CHECK(retries <= requests / 5 + 100 + 10);
  CHECK(retries >= requests / 5 + 100 - 1);  // and the budget is spent, not hoarded
}

TEST_CASE("retry budget: a fraction outside 0 to 1, a floor not above 0, a negative span throw") {
  // NOLINTNEXTLINE(bugprone-easily-swappable-parameters): named at the top of the test
  const auto with = [](double fraction, double floor, seconds saved) {
    tk::retry_budget_policy p;
    p.fraction = fraction;
    p.min_retries_per_second = floor;
    p.saved_for = saved;
    return p;
  };
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  for (const double fraction : {-0.01, 1.01, nan, inf, -inf}) {
    CAPTURE(fraction);
    CHECK_THROWS_AS(tk::retry_budget(with(fraction, 1.0, seconds{10})), std::invalid_argument);
  }
  for (const double floor : {0.0, -1.0, nan, inf, 1e-12}) {  // 1e-12: 31,700 years apart
    CAPTURE(floor);
    CHECK_THROWS_AS(tk::retry_budget(with(0.2, floor, seconds{10})), std::invalid_argument);
  }
  CHECK_THROWS_AS(tk::retry_budget(with(0.2, 1.0, seconds{-1})), std::invalid_argument);
  CHECK_NOTHROW(tk::retry_budget(with(0.0, 1.0, seconds{0})));
  CHECK_NOTHROW(tk::retry_budget(with(1.0, 1e9, seconds{10})));
  tk::client_policy policy;
  policy.budget.fraction = 2.0;
  CHECK_THROWS_AS(tk::client_state(tk::api_version::v4, policy), std::invalid_argument);
}

TEST_CASE("account stop: refuses every request at once with the first failure, until reset") {
  tk::account_stop stop;
  CHECK(stop.admit(t0).allowed);
  CHECK(!stop.stopped_by());
  stop.stop(quota_spent, t0);
  stop.stop(unauthorised, t0);  // the first is kept
  for (int i = 0; i < 3; ++i) {
    const tk::admission a = stop.admit(t0 + std::chrono::hours(24 * i));
    CHECK(!a.allowed);
    CHECK(!a.probe);
    CHECK(a.refused_by == quota_spent);
  }
  CHECK(stop.stopped_by() == quota_spent);
  stop.reset();
  CHECK(stop.admit(t0).allowed);
  stop.stop(unauthorised, t0);
  CHECK(stop.admit(t0).refused_by == unauthorised);
}

TEST_CASE("account stop: with a probe interval, one request per interval goes through") {
  tk::account_stop stop(seconds{30});
  stop.stop(unauthorised, t0);
  CHECK(!stop.admit(t0 + seconds(29)).allowed);
  CHECK(!stop.would_admit(t0 + seconds(29)));
  CHECK(stop.would_admit(t0 + seconds(30)));
  const tk::admission probe = stop.admit(t0 + seconds(30));
  CHECK(probe.allowed);
  CHECK(probe.probe);
  CHECK(!stop.admit(t0 + seconds(30)).allowed);  // one per interval
  CHECK(!stop.admit(t0 + seconds(59)).allowed);
  CHECK(stop.admit(t0 + seconds(60)).probe);
  CHECK(stop.admit(t0 + seconds(95)).probe);  // late: the next one 30 s after it
  CHECK(!stop.admit(t0 + seconds(124)).allowed);
  CHECK(stop.admit(t0 + seconds(125)).probe);
}

TEST_CASE("account stop: an empty error code (no failure) starts no stop") {
  tk::account_stop stop(seconds{30});
  stop.stop(std::error_code{}, t0);
  stop.stop(std::error_code(0, tk::v4::category()), t0);
  CHECK(!stop.stopped_by());
  CHECK(stop.admit(t0).allowed);
  CHECK(!stop.admit(t0).probe);
  CHECK(stop.would_admit(t0));
}

TEST_CASE("account stop: a probe interval of zero or less throws") {
  CHECK_THROWS_AS(tk::account_stop(seconds{0}), std::invalid_argument);
  CHECK_THROWS_AS(tk::account_stop(milliseconds{-1}), std::invalid_argument);
  tk::client_policy policy;
  policy.account_probe_interval = seconds{0};
  CHECK_THROWS_AS(tk::client_state(tk::api_version::v4, policy), std::invalid_argument);
}

TEST_CASE("account stop: threads stopping and reading at once never see a torn error") {
  // v4's 4190 and v2's 401: a torn read would pair 401 with v4's category, or 4190 with v2's.
  const std::error_code first = tk::v4::to_error_code(4190);
  const std::error_code second = tk::v2::to_error_code(401);
  tk::account_stop stop;
  std::atomic<bool> torn{false};
  std::atomic<bool> finished{false};
  std::vector<std::thread> readers;
  readers.reserve(3);
  for (int r = 0; r < 3; ++r) {
    readers.emplace_back([&] {
      while (!finished.load()) {
        const tk::admission a = stop.admit(t0);
        if (!a.allowed && a.refused_by != first && a.refused_by != second) torn = true;
      }
    });
  }
  for (int round = 0; round < 20'000; ++round) {
    std::thread other([&] { stop.stop(second, t0); });
    stop.stop(first, t0);
    other.join();
    stop.reset();
    if (round % 1000 == 0) std::this_thread::yield();
  }
  finished = true;
  for (std::thread& t : readers) t.join();
  CHECK(!torn);
}

TEST_CASE("retry loop: success at once, a 503 retried after a jittered backoff, then success") {
  tk::client_state state(tk::api_version::v4);
  clock_type::time_point now = t0;
  tk::retry_loop ok(state, tk::endpoint::other, now);
  CHECK(run(ok, now, {{}}).size() == 1);
  CHECK(ok.result().end == tk::call_end::succeeded);
  CHECK(ok.result().attempts == 1);
  CHECK(!ok.result().ec);

  now = t0 + seconds(10);
  tk::retry_loop flaky(state, tk::endpoint::other, now);
  const std::vector<clock_type::time_point> sent = run(flaky, now, {{unavailable}, {}});
  REQUIRE(sent.size() == 2);
  CHECK(sent[1] - sent[0] < milliseconds(500));  // full jitter below the first bound
  CHECK(flaky.result().end == tk::call_end::succeeded);
  CHECK(flaky.result().attempts == 2);
}

TEST_CASE("retry loop: a failure decide does not retry ends the call: failed") {
  tk::client_state state(tk::api_version::v4);
  clock_type::time_point now = t0;
  tk::retry_loop loop(state, tk::endpoint::other, now);
  CHECK(run(loop, now, {{exists}}).size() == 1);
  CHECK(loop.result().end == tk::call_end::failed);
  CHECK(loop.result().ec == exists);
  // 5 attempts at most, then failed with the last error.
  tk::retry_loop down(state, tk::endpoint::other, now);
  CHECK(run(down, now, {{unavailable}}).size() == 5);
  CHECK(down.result().end == tk::call_end::failed);
  CHECK(down.result().ec == unavailable);
}

TEST_CASE("retry loop: after a 429 no loop of the client sends before the 120 s are over") {
  tk::client_state state(tk::api_version::v4);
  clock_type::time_point now = t0;
  tk::retry_loop first(state, tk::endpoint::other, now);
  // A second loop reserves its slot (100 ms on, at 10 a second) before the 429 arrives.
  tk::retry_loop second(state, tk::endpoint::other, now);
  REQUIRE(first.next(now).what == tk::retry_step::action::send);
  const tk::retry_step waiting = second.next(now);
  REQUIRE(waiting.what == tk::retry_step::action::wait);
  CHECK(waiting.until == t0 + milliseconds(100));
  const tk::attempt_report report = first.record(now + milliseconds(50), {rate_limited});
  CHECK(report.retrying);
  CHECK(report.decision.delay == seconds(120));
  // At its slot, the second finds the pause and waits for its end.
  clock_type::time_point later = waiting.until;
  const std::vector<clock_type::time_point> sent = run(second, later, {{}});
  REQUIRE(sent.size() == 1);
  CHECK(sent[0] >= t0 + milliseconds(50) + seconds(120));
  // The endpoint of the other kind has its own pacer, and no pause.
  clock_type::time_point elsewhere = t0 + seconds(1);
  tk::retry_loop create(state, tk::endpoint::create_trackings, elsewhere);
  CHECK(run(create, elsewhere, {{}}) == std::vector<clock_type::time_point>{t0 + seconds(1)});
}

TEST_CASE("retry loop: after an account failure, every other loop fails at once, unsent") {
  tk::client_state state(tk::api_version::v4);
  clock_type::time_point now = t0;
  tk::retry_loop failing(state, tk::endpoint::other, now);
  CHECK(run(failing, now, {{unauthorised}}).size() == 1);
  CHECK(failing.result().end == tk::call_end::failed);
  for (int i = 0; i < 5; ++i) {
    clock_type::time_point later = now + std::chrono::hours(i);
    tk::retry_loop refused(state, tk::endpoint::create_trackings, later);
    CHECK(run(refused, later, {{}}).empty());
    CHECK(refused.result().end == tk::call_end::account_stopped);
    CHECK(refused.result().ec == unauthorised);
    CHECK(refused.result().attempts == 0);
  }
  // A loop retrying a 503 when the stop comes fails at its next attempt, unsent.
  state.account().reset();
  tk::retry_loop retrying(state, tk::endpoint::other, now);
  REQUIRE(until_send(retrying, now));
  REQUIRE(retrying.record(now, {unavailable}).retrying);
  state.account().stop(quota_spent, now);
  const std::vector<clock_type::time_point> sent = run(retrying, now, {{}});
  CHECK(sent.empty());
  CHECK(retrying.result().end == tk::call_end::account_stopped);
  CHECK(retrying.result().ec == quota_spent);
  CHECK(retrying.result().attempts == 1);
  // A loop already waiting for its pacer slot when the stop comes does not send at the slot.
  state.account().reset();
  tk::retry_loop sending(state, tk::endpoint::other, now);
  tk::retry_loop waiting(state, tk::endpoint::other, now);
  REQUIRE(until_send(sending, now));
  const tk::retry_step step = waiting.next(now);
  REQUIRE(step.what == tk::retry_step::action::wait);
  sending.record(now, {unauthorised});
  CHECK(waiting.next(step.until).what == tk::retry_step::action::done);
  CHECK(waiting.result().end == tk::call_end::account_stopped);
  CHECK(waiting.result().attempts == 0);
  state.account().reset();
  tk::retry_loop after_reset(state, tk::endpoint::other, now);
  CHECK(run(after_reset, now, {{}}).size() == 1);
}

TEST_CASE("client state: an account stop by reference, shared by two states") {
  tk::account_stop shared(seconds{30});
  tk::pacer create(1e6);
  tk::pacer other(1e6);
  tk::client_state one(tk::api_version::v4, create, other, shared);
  tk::client_state two(tk::api_version::v4, create, other, shared);
  CHECK(one.account().probe_interval() == seconds{30});
  clock_type::time_point now = t0;
  tk::retry_loop failing(one, tk::endpoint::other, now);
  CHECK(run(failing, now, {{unauthorised}}).size() == 1);
  CHECK(shared.stopped_by() == unauthorised);
  tk::retry_loop refused(two, tk::endpoint::other, now);
  CHECK(run(refused, now, {{}}).empty());
  CHECK(refused.result().end == tk::call_end::account_stopped);
  two.account().reset();
  CHECK(!shared.stopped_by());
  // The policy's probe interval, when it sets one, must be the stop's.
  tk::client_policy policy;
  policy.account_probe_interval = seconds{30};
  CHECK_NOTHROW(tk::client_state(tk::api_version::v4, create, other, shared, policy));
  policy.account_probe_interval = seconds{10};
  CHECK_THROWS_AS(tk::client_state(tk::api_version::v4, create, other, shared, policy),
                  std::invalid_argument);
}

/// An account stop whose answers all come late, as a shared one's behind a slow Redis.
struct late_stop {
  tk::account_stop local;
  int asked = 0;
  tk::admission admit(clock_type::time_point now) noexcept {
    ++asked;
    tk::admission a = local.admit(now);
    a.late = true;
    return a;
  }
  std::error_code stopped_by() const noexcept { return local.stopped_by(); }
  bool would_admit(clock_type::time_point now) const noexcept { return local.would_admit(now); }
  void stop(const std::error_code& ec, clock_type::time_point now) noexcept { local.stop(ec, now); }
  void reset() noexcept { local.reset(); }
  clock_type::duration probe_interval() const noexcept { return local.probe_interval(); }
};

TEST_CASE("retry loop: an admission that came late sends at a new slot, without asking again") {
  late_stop account;
  tk::pacer create(1.0);
  tk::pacer other(1.0);  // one a second: the first slot now, the next one a second later
  tk::client_state state(tk::api_version::v4, create, other, account);
  tk::retry_loop loop(state, tk::endpoint::other, t0);
  const tk::retry_step step = loop.next(t0);
  REQUIRE(step.what == tk::retry_step::action::wait);
  CHECK(step.until == t0 + seconds(1));
  CHECK(loop.next(t0 + seconds(1)).what == tk::retry_step::action::send);
  CHECK(account.asked == 1);
}

TEST_CASE("retry loop: a probe every interval, a success ends the stop, a 401 keeps it") {
  tk::client_policy policy;
  policy.account_probe_interval = seconds{30};
  tk::client_state state(tk::api_version::v4, policy);
  clock_type::time_point now = t0;
  tk::retry_loop failing(state, tk::endpoint::other, now);
  run(failing, now, {{unauthorised}});
  clock_type::time_point at = now + seconds(29);
  tk::retry_loop early(state, tk::endpoint::other, at);
  CHECK(run(early, at, {{}}).empty());
  at = now + seconds(30);
  tk::retry_loop probe(state, tk::endpoint::other, at);
  CHECK(run(probe, at, {{unauthorised}}).size() == 1);  // still failing: stays stopped
  CHECK(probe.result().end == tk::call_end::failed);
  tk::retry_loop refused(state, tk::endpoint::other, at);
  CHECK(run(refused, at, {{}}).empty());
  at = now + seconds(60);
  tk::retry_loop second_probe(state, tk::endpoint::other, at);
  CHECK(run(second_probe, at, {{}}).size() == 1);  // a success: the stop is over
  CHECK(!state.account().stopped_by());
  tk::retry_loop resumed(state, tk::endpoint::other, at);
  CHECK(run(resumed, at, {{}}).size() == 1);
}

TEST_CASE("retry loop: a retry the budget refuses fails the request: retry_budget_spent") {
  tk::client_policy policy;
  policy.budget = deposits_only();
  policy.budget.fraction = 0.0;
  tk::client_state state(tk::api_version::v4, policy);
  clock_type::time_point now = t0;
  tk::retry_loop first(state, tk::endpoint::other, now);
  CHECK(run(first, now, {{unavailable}, {}}).size() == 2);  // the one saved retry
  tk::retry_loop second(state, tk::endpoint::other, now);
  CHECK(run(second, now, {{unavailable}, {}}).size() == 1);
  CHECK(second.result().end == tk::call_end::retry_budget_spent);
  CHECK(second.result().ec == unavailable);
}

TEST_CASE("retry loop: the deadline ends a wait that would pass it, negative throws") {
  tk::client_state state(tk::api_version::v4);
  clock_type::time_point now = t0;
  tk::call_options options;
  options.deadline = seconds{5};
  tk::retry_loop loop(state, tk::endpoint::other, now, options);
  CHECK(run(loop, now, {{unavailable, seconds{7}}, {}}).size() == 1);
  CHECK(loop.result().end == tk::call_end::deadline_passed);
  CHECK(loop.result().ec == unavailable);
  CHECK(now == t0);  // it did not wait for nothing
  // A zero deadline sends once if the pacer lets it go at once, else not at all.
  options.deadline = seconds{0};
  tk::retry_loop at_once(state, tk::endpoint::other, now, options);
  CHECK(run(at_once, now, {{}}).empty());  // the slot is 100 ms on
  CHECK(at_once.result().end == tk::call_end::deadline_passed);
  CHECK(at_once.result().ec == std::errc::timed_out);
  options.deadline = milliseconds{-1};
  CHECK_THROWS_AS(tk::retry_loop(state, tk::endpoint::other, now, options), std::invalid_argument);
}

TEST_CASE("retry loop: cancelled, it ends at its next step") {
  tk::client_state state(tk::api_version::v4);
  clock_type::time_point now = t0;
  std::atomic<bool> cancel{false};
  tk::call_options options;
  options.cancel = &cancel;
  tk::retry_loop loop(state, tk::endpoint::other, now, options);
  REQUIRE(loop.next(now).what == tk::retry_step::action::send);
  REQUIRE(loop.record(now, {rate_limited}).retrying);
  cancel = true;
  CHECK(loop.next(now + seconds(1)).what == tk::retry_step::action::done);
  CHECK(loop.result().end == tk::call_end::cancelled);
  CHECK(loop.result().ec == rate_limited);
  CHECK(loop.result().attempts == 1);
}

TEST_CASE("send_with_retries: the whole loop, each attempt observed, on the caller's clock") {
  tk::client_state state(tk::api_version::v2);  // 1 a second
  clock_type::time_point now = t0;
  std::vector<tk::attempt_report> reports;
  const std::vector<tk::attempt_result> answers{{rate_limited}, {unavailable}, {}};
  const tk::call_result r = tk::send_with_retries(
      state, tk::endpoint::other, [&](unsigned attempt) { return answers.at(attempt - 1); }, {},
      [&](const tk::attempt_report& report) { reports.push_back(report); }, fake_timer{&now});
  CHECK(r.end == tk::call_end::succeeded);
  CHECK(r.attempts == 3);
  REQUIRE(reports.size() == 3);
  CHECK(reports[0].attempt == 1);
  CHECK(reports[0].result.ec == rate_limited);
  CHECK(reports[0].retrying);
  CHECK(reports[1].retrying);
  CHECK(!reports[2].retrying);
  CHECK(reports[2].end == tk::call_end::succeeded);
  CHECK(now >= t0 + seconds(121));  // 120 s, then the pacer's second
  CHECK(now < t0 + seconds(122));
}

TEST_CASE("send_with_retries: an outage of 1,000 requests sends at most 1.2x plus the floor") {
  // Every answer a 503 (5 attempts each without a budget: 5,000 requests for 1,000).
  tk::client_state state(tk::api_version::v4);  // 10 a second
  clock_type::time_point now = t0;
  long long attempts = 0;
  for (int i = 0; i < 1000; ++i) {
    const tk::call_result r = tk::send_with_retries(
        state, tk::endpoint::other,
        [&](unsigned) {
          ++attempts;
          return tk::attempt_result{unavailable, seconds{0}};
        },
        {}, tk::ignore_attempts{}, fake_timer{&now});
    CHECK((r.end == tk::call_end::failed || r.end == tk::call_end::retry_budget_spent));
  }
  const double elapsed = std::chrono::duration<double>(now - t0).count();
  CHECK(static_cast<double>(attempts) <= 1.2 * 1000 + 1.0 * elapsed + 10);
}

TEST_CASE("threads sharing one state: the budget never gives more than it holds") {
  tk::retry_budget budget;  // 10 saved
  std::atomic<int> granted{0};
  std::vector<std::thread> threads;
  threads.reserve(8);
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 1000; ++i) granted += budget.try_withdraw(t0) ? 1 : 0;
    });
  }
  for (std::thread& t : threads) t.join();
  CHECK(granted == 10);
}
