// The fault-injection soak (the full run): examples/retrying_client, 16 threads, 400 batch requests
// as a steady stream, its clock 50 times as fast, against the stand-in scripted with a seeded mix
// of what TrackingMore and its proxies answer (200, 4101, 429 with each form of Retry-After and
// without, 503, HTML 502 pages, resets, dropped connections, cut bodies, slow answers), then an
// outage (every answer a 500), then an account failure (every answer a 401), then recovery. It
// checks each bound a client must keep, prints the figures (docs/hardening.md) and exits 1 if one
// is broken.
//   soak RETRYING_CLIENT
#include <algorithm>
#include <chrono>
#include <cstddef>
#include <cstdio>
#include <ctime>
#include <exception>
#include <map>
#include <random>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "../most_in_window.hpp"
#include "real_body.hpp"
#include "stub_api.hpp"

namespace {

using std::chrono::milliseconds;

constexpr double time_scale = 0.02;  // 1 s of the client's clock takes 20 ms
constexpr int threads = 16;
constexpr int requests = 400;
constexpr double request_interval = 4.0;  // s: the stream lasts 1,600 s of the client's clock
constexpr double probe_interval = 5.0;    // s between two probes of a stopped account
constexpr unsigned max_attempts = 5;      // retry_policy's default
constexpr double documented_rate = 10.0;  // v4, every endpoint but create
constexpr double budget_fraction = 0.2;   // the retry budget's defaults
constexpr double budget_floor = 1.0;      // retries a second
constexpr double budget_saved = 10.0;     // retries
constexpr std::size_t outage_answers = 60;
constexpr std::size_t account_answers = 6;
constexpr double wall_limit = 60.0;  // s

/// `seconds` of the client's clock, in real time.
std::chrono::steady_clock::duration real(double seconds) {
  return std::chrono::duration_cast<std::chrono::steady_clock::duration>(
      std::chrono::duration<double>(seconds * time_scale));
}

/// A real duration, in seconds of the client's clock.
double scaled(std::chrono::steady_clock::duration d) {
  return std::chrono::duration<double>(d).count() / time_scale;
}

/// `t` formatted with strftime's `format`, in UTC.
std::string http_date(std::chrono::system_clock::time_point t, const char* format) {
  const std::time_t seconds = std::chrono::system_clock::to_time_t(t);
  std::tm utc{};
  gmtime_r(&seconds, &utc);
  char written[64];
  const std::size_t n = std::strftime(written, sizeof written, format, &utc);
  return {written, n};
}

/// The stand-in's script: the seeded mix, with the five 429s spread in it, then the outage and
/// the account failure; the last reply (a success) repeats: recovery.
std::vector<stub::reply> script() {
  const stub::reply batch_ok{200, real_body("v4_success.json")};
  const stub::reply batch_partial{200, real_body("v4_batch_four_groups.json")};
  const stub::reply exists{400, real_body("v4_tracking_exists.json")};
  const stub::reply unavailable{503, "Service Unavailable", "text/plain"};
  const stub::reply bad_gateway{502, real_body("proxy_502.html"), "text/html"};
  stub::reply slow = batch_ok;
  slow.delay = milliseconds(40);  // 2 s of the client's clock
  const std::pair<stub::reply, std::size_t> mix[] = {
      {batch_ok, 90},
      {batch_partial, 20},
      {exists, 12},
      {unavailable, 14},
      {bad_gateway, 10},
      {stub::reset_connection(), 7},
      {stub::dropped_connection(), 5},
      {stub::cut_body(batch_ok), 6},
      {stub::cut_body(batch_ok, true), 6},
      {slow, 5},
  };
  std::vector<stub::reply> replies;
  for (const auto& [reply, count] : mix) replies.insert(replies.end(), count, reply);
  // Fisher-Yates with mt19937's own numbers, whose sequence the standard fixes: the same order
  // on every platform (std::shuffle's is the library's).
  std::mt19937 random(17);  // NOLINT(cert-msc32-c,cert-msc51-cpp): the same script every run
  for (std::size_t i = replies.size() - 1; i > 0; --i) {
    std::swap(replies[i], replies[random() % (i + 1)]);
  }
  // 429 with Retry-After in delay-seconds, each HTTP-date format (200 s on), and without.
  const auto ahead = std::chrono::system_clock::now() + std::chrono::seconds(200);
  const std::string retry_afters[] = {"150", http_date(ahead, "%a, %d %b %Y %H:%M:%S GMT"),
                                      http_date(ahead, "%A, %d-%b-%y %H:%M:%S GMT"),
                                      http_date(ahead, "%a %b %e %H:%M:%S %Y"), ""};
  std::size_t at = 10;
  for (const std::string& value : retry_afters) {
    stub::reply limited{429, real_body("v4_too_many_requests.json")};
    if (!value.empty()) limited.headers = {{"Retry-After", value}};
    replies.insert(replies.begin() + static_cast<std::ptrdiff_t>(at), limited);
    at += 30;
  }
  replies.insert(replies.end(), outage_answers,
                 stub::reply{500, "Internal Server Error", "text/plain"});
  replies.insert(replies.end(), account_answers,
                 stub::reply{401, R"({"meta":{"code":401,"message":"Authentication failed"}})"});
  replies.push_back(batch_ok);
  return replies;
}

/// What the client printed about one request.
struct request_log {
  unsigned attempts = 0;      // "request N: " lines
  unsigned last_attempt = 0;  // their largest N
  int outcomes = 0;           // "success after" and "failed after" lines
  bool succeeded = false;
  bool refused = false;                // "not sent: the account is stopped"
  unsigned outage_attempts = 0;        // answered 500
  bool batch_failed = false;           // the last answer: some items of the batch failed
  std::multiset<std::string> triaged;  // the tracking numbers of its triage lines
};

/// The client's output, by request number.
std::map<int, request_log> read_output(const std::string& output) {
  std::map<int, request_log> logs;
  std::istringstream lines(output);
  const char* const groups[] = {
      "retry later: ", "fix and resend: ", "account action: ", "already exists: ", "give up: "};
  for (std::string line; std::getline(lines, line);) {
    const std::size_t tag = line.find(", request ");
    const std::size_t colon = line.find(": ", tag);
    if (line.rfind("thread ", 0) != 0 || tag == std::string::npos || colon == std::string::npos) {
      continue;
    }
    request_log& log = logs[std::stoi(line.substr(tag + 10))];
    const std::string rest = line.substr(colon + 2);
    if (rest.rfind("request ", 0) == 0) {
      ++log.attempts;
      log.last_attempt =
          std::max(log.last_attempt, static_cast<unsigned>(std::stoul(rest.substr(8))));
      if (rest.find(": HTTP 500: ") != std::string::npos) ++log.outage_attempts;
      log.batch_failed = rest.find("some items of the batch failed") != std::string::npos;
    } else if (rest.rfind("success after ", 0) == 0) {
      ++log.outcomes;
      log.succeeded = true;
    } else if (rest.rfind("failed after ", 0) == 0) {
      ++log.outcomes;
    } else if (rest.rfind("not sent: the account is stopped", 0) == 0) {
      log.refused = true;
    } else {
      for (const char* group : groups) {
        if (rest.rfind(group, 0) == 0) {
          const std::string item = rest.substr(std::string(group).size());
          log.triaged.insert(item.substr(0, item.find(' ')));
        }
      }
    }
  }
  return logs;
}

/// The table of bounds, and how many are broken.
struct table {
  int broken = 0;
  /// Prints one bound's row, and counts it if broken.
  void row(const char* bound, const std::string& measured, const std::string& limit, bool kept) {
    std::printf("| %s | %s | %s | %s |\n", bound, measured.c_str(), limit.c_str(),
                kept ? "kept" : "BROKEN");
    if (!kept) ++broken;
  }
};

/// `value` printed with `format`.
std::string formatted(const char* format, double value) {
  char buffer[32];
  (void)std::snprintf(buffer, sizeof buffer, format, value);
  return buffer;
}

/// `value` with one decimal.
std::string text(double value) { return formatted("%.1f", value); }

/// What one run of the soak gave.
struct soak_run {
  std::vector<stub::reply> replies;  // the script, in order of arrival
  std::size_t outage_begin = 0;      // the index of its first 500
  std::size_t account_begin = 0;     // of its first 401
  std::size_t recovery_begin = 0;    // of the success that then repeats
  std::vector<stub::request> arrivals;
  std::map<int, request_log> logs;
};

/// Every request ends in exactly one outcome, every failed batch item in one triage group, every
/// attempt is reported, none beyond the policy's maximum.
void check_requests(const soak_run& run, table& t) {
  int one_outcome = 0;
  int triaged_right = 0;
  int triaged_batches = 0;
  unsigned most_attempts = 0;
  std::size_t attempts_reported = 0;
  const std::multiset<std::string> failed_items = {
      "9261290302951157303002", "92612903029511573030", "9261290302951157303004",
      "9261290302951157303005", "9261290302951157303006"};
  for (const auto& [k, log] : run.logs) {
    one_outcome += log.outcomes == 1 ? 1 : 0;
    most_attempts = std::max(most_attempts, log.last_attempt);
    attempts_reported += log.attempts;
    if (log.batch_failed) {
      ++triaged_batches;
      triaged_right += log.triaged == failed_items ? 1 : 0;
    }
  }
  t.row("requests with exactly one outcome", std::to_string(one_outcome), std::to_string(requests),
        one_outcome == requests && run.logs.size() == static_cast<std::size_t>(requests));
  t.row("partly failed batches whose 5 failed items are each in one triage group",
        std::to_string(triaged_right) + " of " + std::to_string(triaged_batches),
        std::to_string(triaged_batches), triaged_right == triaged_batches && triaged_batches > 0);
  t.row("attempts reported = requests received", std::to_string(attempts_reported),
        std::to_string(run.arrivals.size()), attempts_reported == run.arrivals.size());
  t.row("most attempts of a request", std::to_string(most_attempts), std::to_string(max_attempts),
        most_attempts <= max_attempts);
}

/// The documented rate, and nothing sent during a 429's 120 s but what was in flight.
void check_pacing(const soak_run& run, table& t) {
  // In any 10 s of the client's clock, at most 10 x 10 requests (the arrivals lag the client's
  // slots by up to 20 ms, which the window leaves out).
  const std::size_t in_window = stub::most_in_window(run.arrivals, real(10.0) - milliseconds(20));
  t.row("most requests in 10 s (less 20 ms of arrival jitter)", std::to_string(in_window),
        text(documented_rate * 10), static_cast<double>(in_window) <= documented_rate * 10);
  std::size_t most_in_pause = 0;
  int pauses = 0;
  for (std::size_t i = 0; i < run.arrivals.size() && i < run.outage_begin; ++i) {
    if (run.replies[i].status != 429) continue;
    ++pauses;
    const auto from = run.arrivals[i].arrival;
    const auto during = std::count_if(run.arrivals.begin(), run.arrivals.end(), [&](const auto& r) {
      return r.arrival > from && r.arrival < from + real(120.0);
    });
    most_in_pause = std::max(most_in_pause, static_cast<std::size_t>(during));
  }
  t.row("most requests received during a 429's 120 s (in flight: one a thread at most)",
        std::to_string(most_in_pause) + " (" + std::to_string(pauses) + " pauses)",
        std::to_string(threads - 1), pauses == 5 && most_in_pause <= threads - 1);
}

/// The outage: attempts at most 1.2 x the requests it touched + the floor over its span + saved.
void check_outage(const soak_run& run, table& t) {
  std::size_t touched = 0;
  std::size_t attempts = 0;
  for (const auto& [k, log] : run.logs) {
    touched += log.outage_attempts > 0 ? 1 : 0;
    attempts += log.outage_attempts;
  }
  const bool seen = run.arrivals.size() > run.account_begin;
  const double span = seen ? scaled(run.arrivals[run.account_begin - 1].arrival -
                                    run.arrivals[run.outage_begin].arrival)
                           : 0.0;
  // A retry takes from the budget up to its backoff (at most 4 s) before it is sent.
  const double limit = (1.0 + budget_fraction) * static_cast<double>(touched) +
                       budget_floor * (span + 4.0) + budget_saved;
  const double ratio =
      touched > 0 ? static_cast<double>(attempts) / static_cast<double>(touched) : 0.0;
  t.row("outage: attempts for the requests it touched (5x without the budget)",
        std::to_string(attempts) + " for " + std::to_string(touched) + " (" + text(ratio) +
            "x), over " + text(span) + " s",
        text(limit) + " (1.2x + 1/s + 10)",
        seen && attempts == outage_answers && static_cast<double>(attempts) <= limit);
}

/// The account failure: after the first 401, at most one request a thread (those in flight)
/// before the first probe is due; requests refused unsent; then recovery.
void check_account(const soak_run& run, table& t) {
  const bool seen = run.arrivals.size() > run.recovery_begin;
  std::size_t after_stop = 0;
  double span = 0.0;
  if (seen) {
    const auto stop = run.arrivals[run.account_begin].arrival;
    after_stop = static_cast<std::size_t>(
        std::count_if(run.arrivals.begin(), run.arrivals.end(), [&](const auto& r) {
          return r.arrival > stop && r.arrival < stop + real(probe_interval);
        }));
    span = scaled(run.arrivals[run.recovery_begin].arrival - stop);
  }
  int refused = 0;
  int last_refused = 0;
  for (const auto& [k, log] : run.logs) {
    if (log.refused) {
      ++refused;
      last_refused = std::max(last_refused, k);
    }
  }
  t.row("account: requests received after the first 401, before the first probe",
        std::to_string(after_stop), std::to_string(threads), seen && after_stop <= threads);
  t.row("account: requests refused unsent while stopped",
        std::to_string(refused) + " over " + text(span) + " s", "> 0", refused > 0);
  // Once a probe succeeds, every later request succeeds.
  int later = 0;
  int later_succeeded = 0;
  for (const auto& [k, log] : run.logs) {
    if (k > last_refused + threads) {
      ++later;
      later_succeeded += log.succeeded ? 1 : 0;
    }
  }
  t.row("recovery: requests after the stop that succeeded", std::to_string(later_succeeded),
        std::to_string(later), later > 0 && later_succeeded == later);
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc != 2) {
    (void)std::fprintf(stderr, "usage: soak RETRYING_CLIENT\n");
    return 2;
  }
  soak_run run;
  run.replies = script();
  run.outage_begin = run.replies.size() - 1 - outage_answers - account_answers;
  run.account_begin = run.outage_begin + outage_answers;
  run.recovery_begin = run.account_begin + account_answers;
  stub::api stub;
  stub.script("POST", "/v4/trackings/batch", run.replies);
  const std::string batch =
      R"([{"tracking_number":"9261290302951157303001","courier_code":"usps"},)"
      R"({"tracking_number":"9261290302951157303002","courier_code":"usps"}])";
  const auto started = std::chrono::steady_clock::now();
  const stub::run_result result =
      stub.run({argv[1], "--time-scale", formatted("%g", time_scale), "--threads",
                std::to_string(threads), "--requests", std::to_string(requests),
                "--request-interval", formatted("%g", request_interval), "--account-probe",
                formatted("%g", probe_interval), "v4", stub.url() + "/v4/trackings/batch", batch});
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  run.arrivals = stub.requests();
  run.logs = read_output(result.output);

  std::printf(
      "retrying_client --time-scale %g --threads %d --requests %d --request-interval %g "
      "--account-probe %g: exit status %d, %zu requests received, %.1f s\n\n",
      time_scale, threads, requests, request_interval, probe_interval, result.exit_status,
      run.arrivals.size(), wall);
  std::printf("| bound | measured | limit | verdict |\n|---|--:|--:|---|\n");
  table t;
  check_requests(run, t);
  check_pacing(run, t);
  check_outage(run, t);
  check_account(run, t);
  t.row("wall time (s)", text(wall), text(wall_limit), wall < wall_limit);
  t.row("exit status (some requests failed)", std::to_string(result.exit_status), "1",
        result.exit_status == 1);
  return t.broken == 0 ? 0 : 1;
} catch (const std::exception& e) {
  (void)std::fprintf(stderr, "soak: %s\n", e.what());
  return 2;
}
