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
  char text[64];
  const std::size_t n = std::strftime(text, sizeof text, format, &utc);
  return {text, n};
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
  std::mt19937 random(17);
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

int failures = 0;

/// Prints one bound's row, and counts it if broken.
void row(const char* bound, const std::string& measured, const std::string& limit, bool kept) {
  std::printf("| %s | %s | %s | %s |\n", bound, measured.c_str(), limit.c_str(),
              kept ? "kept" : "BROKEN");
  if (!kept) ++failures;
}

/// `value` with one decimal.
std::string text(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.1f", value);
  return buffer;
}

/// `value` as an argument: exactly as the constant reads.
std::string argument(double value) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%g", value);
  return buffer;
}

}  // namespace

int main(int argc, char** argv) try {
  if (argc != 2) {
    std::fprintf(stderr, "usage: soak RETRYING_CLIENT\n");
    return 2;
  }
  const std::vector<stub::reply> replies = script();
  const std::size_t mix_answers = replies.size() - 1 - outage_answers - account_answers;
  const std::size_t outage_begin = mix_answers;
  const std::size_t account_begin = outage_begin + outage_answers;
  const std::size_t recovery_begin = account_begin + account_answers;
  stub::api stub;
  stub.script("POST", "/v4/trackings/batch", replies);
  const std::string batch =
      R"([{"tracking_number":"9261290302951157303001","courier_code":"usps"},)"
      R"({"tracking_number":"9261290302951157303002","courier_code":"usps"}])";
  const auto started = std::chrono::steady_clock::now();
  const stub::run_result run =
      stub.run({argv[1], "--time-scale", argument(time_scale), "--threads", std::to_string(threads),
                "--requests", std::to_string(requests), "--request-interval",
                argument(request_interval), "--account-probe", argument(probe_interval), "v4",
                stub.url() + "/v4/trackings/batch", batch});
  const double wall =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const std::vector<stub::request> arrivals = stub.requests();
  const std::map<int, request_log> logs = read_output(run.output);

  std::printf(
      "retrying_client --time-scale %g --threads %d --requests %d --request-interval %g "
      "--account-probe %g: exit status %d, %zu requests received, %.1f s\n\n",
      time_scale, threads, requests, request_interval, probe_interval, run.exit_status,
      arrivals.size(), wall);
  std::printf("| bound | measured | limit | verdict |\n|---|--:|--:|---|\n");

  // Every request ends in exactly one outcome; every batch item in one triage group.
  int one_outcome = 0;
  int triaged_right = 0;
  int triaged_batches = 0;
  unsigned most_attempts = 0;
  std::size_t attempts_reported = 0;
  const std::multiset<std::string> failed_items = {
      "9261290302951157303002", "92612903029511573030", "9261290302951157303004",
      "9261290302951157303005", "9261290302951157303006"};
  for (int k = 1; k <= requests; ++k) {
    const auto found = logs.find(k);
    if (found == logs.end()) continue;
    const request_log& log = found->second;
    one_outcome += log.outcomes == 1 ? 1 : 0;
    most_attempts = std::max(most_attempts, log.last_attempt);
    attempts_reported += log.attempts;
    if (log.batch_failed) {
      ++triaged_batches;
      triaged_right += log.triaged == failed_items ? 1 : 0;
    }
  }
  row("requests with exactly one outcome", std::to_string(one_outcome), std::to_string(requests),
      one_outcome == requests && logs.size() == static_cast<std::size_t>(requests));
  row("partly failed batches whose 5 failed items are each in one triage group",
      std::to_string(triaged_right) + " of " + std::to_string(triaged_batches),
      std::to_string(triaged_batches), triaged_right == triaged_batches && triaged_batches > 0);
  row("attempts reported = requests received", std::to_string(attempts_reported),
      std::to_string(arrivals.size()), attempts_reported == arrivals.size());
  row("most attempts of a request", std::to_string(most_attempts), std::to_string(max_attempts),
      most_attempts <= max_attempts);

  // The rate: in any 10 s of the client's clock, at most 10 x 10 requests (the arrivals lag the
  // client's slots by up to 20 ms, which the window leaves out).
  const std::size_t in_window = stub::most_in_window(arrivals, real(10.0) - milliseconds(20));
  row("most requests in 10 s (less 20 ms of arrival jitter)", std::to_string(in_window),
      text(documented_rate * 10), static_cast<double>(in_window) <= documented_rate * 10);

  // Nothing sent during a 429's 120 s, but what was in flight when it arrived.
  std::size_t most_in_pause = 0;
  int pauses = 0;
  for (std::size_t i = 0; i < arrivals.size() && i < mix_answers; ++i) {
    if (replies[i].status != 429) continue;
    ++pauses;
    std::size_t during = 0;
    for (const stub::request& r : arrivals) {
      if (r.arrival > arrivals[i].arrival && r.arrival < arrivals[i].arrival + real(120.0)) {
        ++during;
      }
    }
    most_in_pause = std::max(most_in_pause, during);
  }
  row("most requests received during a 429's 120 s (in flight: one a thread at most)",
      std::to_string(most_in_pause) + " (" + std::to_string(pauses) + " pauses)",
      std::to_string(threads - 1), pauses == 5 && most_in_pause <= threads - 1);

  // The outage: attempts at most 1.2 x the requests it touched + the floor over its span + saved.
  std::size_t outage_requests = 0;
  std::size_t outage_attempts = 0;
  for (const auto& [k, log] : logs) {
    outage_requests += log.outage_attempts > 0 ? 1 : 0;
    outage_attempts += log.outage_attempts;
  }
  const bool outage_seen = arrivals.size() > account_begin;
  const double outage_span =
      outage_seen ? scaled(arrivals[account_begin - 1].arrival - arrivals[outage_begin].arrival)
                  : 0.0;
  // A retry takes from the budget up to its backoff (at most 4 s) before it is sent.
  const double outage_limit = (1.0 + budget_fraction) * static_cast<double>(outage_requests) +
                              budget_floor * (outage_span + 4.0) + budget_saved;
  row("outage: attempts for the requests it touched (5x without the budget)",
      std::to_string(outage_attempts) + " for " + std::to_string(outage_requests) + " (" +
          text(outage_requests
                   ? static_cast<double>(outage_attempts) / static_cast<double>(outage_requests)
                   : 0.0) +
          "x), over " + text(outage_span) + " s",
      text(outage_limit) + " (1.2x + 1/s + 10)",
      outage_seen && outage_attempts == outage_answers &&
          static_cast<double>(outage_attempts) <= outage_limit);

  // The account failure: after the first 401, at most one request a thread (those in flight)
  // before the first probe is due.
  const bool account_seen = arrivals.size() > recovery_begin;
  std::size_t after_stop = 0;
  double account_span = 0.0;
  if (account_seen) {
    const auto stop = arrivals[account_begin].arrival;
    for (const stub::request& r : arrivals) {
      if (r.arrival > stop && r.arrival < stop + real(probe_interval)) ++after_stop;
    }
    account_span = scaled(arrivals[recovery_begin].arrival - stop);
  }
  int refused = 0;
  int max_refused = 0;
  for (const auto& [k, log] : logs) {
    if (log.refused) {
      ++refused;
      max_refused = std::max(max_refused, k);
    }
  }
  row("account: requests received after the first 401, before the first probe",
      std::to_string(after_stop), std::to_string(threads), account_seen && after_stop <= threads);
  row("account: requests refused unsent while stopped",
      std::to_string(refused) + " over " + text(account_span) + " s", "> 0", refused > 0);

  // Recovery: once a probe succeeds, every later request succeeds.
  int later = 0;
  int later_succeeded = 0;
  for (const auto& [k, log] : logs) {
    if (k > max_refused + threads) {
      ++later;
      later_succeeded += log.succeeded ? 1 : 0;
    }
  }
  row("recovery: requests after the stop that succeeded", std::to_string(later_succeeded),
      std::to_string(later), later > 0 && later_succeeded == later);
  row("wall time (s)", text(wall), text(wall_limit), wall < wall_limit);
  row("exit status (some requests failed)", std::to_string(run.exit_status), "1",
      run.exit_status == 1);
  return failures == 0 ? 0 : 1;
} catch (const std::exception& e) {
  std::fprintf(stderr, "soak: %s\n", e.what());
  return 2;
}
