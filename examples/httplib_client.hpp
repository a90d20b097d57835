// A TrackingMore v4 client on cpp-httplib (Debian libcpp-httplib-dev) and nlohmann/json: it sends a
// request, classifies the answer with trackingmore-status, and retries only what the library says
// is worth retrying. Used by httplib_client.cpp and by the end-to-end test (tests/e2e).
#ifndef TRACKINGMORE_EXAMPLES_HTTPLIB_CLIENT_HPP
#define TRACKINGMORE_EXAMPLES_HTTPLIB_CLIENT_HPP

#include <trackingmore/status/httplib.hpp>
#include <trackingmore/status/nlohmann_json.hpp>
#include <trackingmore/status/retry.hpp>

#include <algorithm>
#include <chrono>
#include <httplib.h>
#include <string>
#include <system_error>
#include <thread>
#include <utility>
#include <vector>

namespace example {

namespace tk = trackingmore;

/// How the client retries a transient failure.
struct retry_policy {
  unsigned max_attempts = 4;                     ///< Requests in all, the first one included.
  std::chrono::milliseconds first_backoff{500};  ///< The first wait; it doubles after each retry,
  std::chrono::milliseconds max_backoff{8000};   ///< up to this.
  double time_scale = 1.0;  ///< Multiplies every wait: tests use 0.001, so 120 s take 120 ms.
};

/// What the client decided about one call.
struct outcome {
  /// Empty on success; otherwise a TrackingMore code, a `trackingmore::response_errc`, or a
  /// transport failure (`trackingmore::transport_error`: a `std::errc` or a `transport_errc`).
  std::error_code ec;
  unsigned attempts = 0;                         ///< Requests sent.
  std::vector<std::chrono::milliseconds> waits;  ///< The wait before each retry.
  /// The last body; discarded if none or not JSON.
  nlohmann::json body{nlohmann::json::value_t::discarded};
  std::vector<tk::item_failure> failures;  ///< The failed items of a batch call.
};

/// A TrackingMore API key (the `Tracking-Api-Key` header): a type of its own, so that it cannot be
/// swapped with the URL.
struct api_key {
  std::string value;
};

/// A client of one TrackingMore v4 endpoint base (`https://api.trackingmore.com`).
class client {
 public:
  client(const std::string& base_url, api_key key, retry_policy policy = {})
      : http_(base_url), key_(std::move(key)), policy_(policy) {
    http_.set_connection_timeout(std::chrono::seconds(10));
    http_.set_read_timeout(std::chrono::seconds(30));
  }

  /// POSTs `request` to `path` (e.g. "/v4/trackings/create"), retrying transient failures.
  outcome post(const std::string& path, const nlohmann::json& request) {
    const std::string payload = request.dump();
    outcome result;
    for (;;) {
      ++result.attempts;
      const httplib::Result response =
          http_.Post(path, {{"Tracking-Api-Key", key_.value}}, payload, "application/json");
      bool retry = false;
      if (!response) {
        // No answer, so the request may or may not have been processed. Sending a create again
        // is harmless: TrackingMore answers 4101 (tracking exists), which is never retried.
        result.ec = tk::transport_error(response.error());
        result.body = nlohmann::json(nlohmann::json::value_t::discarded);
        // decide knows which transport errors are transient: a reset is, a TLS failure is not.
        retry = static_cast<bool>(tk::decide(result.ec, 1));
      } else {
        result.body = tk::parse_body(response->body);
        // The batch reading: a batch answered 200 with failed items is not a success.
        result.ec = tk::batch_error_code_of(tk::api_version::v4, response->status, result.body);
        result.failures = tk::item_failures(tk::api_version::v4, result.body);
        retry = tk::is_retryable(result.ec);
      }
      if (!retry || result.attempts >= policy_.max_attempts) return result;
      result.waits.push_back(wait_before_retry(result.ec, result.attempts));
      std::this_thread::sleep_for(result.waits.back());
    }
  }

 private:
  /// The documented wait for a rate limit (120 s), else exponential backoff from `first_backoff`,
  /// capped at `max_backoff`; then scaled.
  std::chrono::milliseconds wait_before_retry(const std::error_code& ec, unsigned retry) const {
    std::chrono::milliseconds wait = std::chrono::seconds(tk::retry_after_seconds(ec));
    if (wait.count() == 0) {
      wait = policy_.first_backoff;
      for (unsigned i = 1; i < retry && wait < policy_.max_backoff; ++i) wait *= 2;
      wait = std::min(wait, policy_.max_backoff);
    }
    return std::chrono::duration_cast<std::chrono::milliseconds>(wait * policy_.time_scale);
  }

  httplib::Client http_;
  api_key key_;
  retry_policy policy_;
};

}  // namespace example

#endif  // TRACKINGMORE_EXAMPLES_HTTPLIB_CLIENT_HPP
