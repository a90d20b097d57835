// libFuzzer target: arbitrary bytes through every JSON adapter (nlohmann/json, Boost.JSON,
// RapidJSON, JsonCpp, simdjson), under every version and a spread of HTTP statuses. Besides
// crashes and sanitizer reports, it checks the adapters' promises and that every adapter gives
// nlohmann's answers (every_adapter.hpp); a broken promise aborts with its name.
#include <boost/json/src.hpp>  // Boost.JSON, header-only
#include <cstdint>
#include <cstdio>
#include <cstdlib>

#include "every_adapter.hpp"

namespace tk = trackingmore;

namespace {

void promise(bool kept, const char* what) {
  if (kept) return;
  std::fprintf(stderr, "broken promise: %s\n", what);
  std::abort();
}

bool of_version_or_response(const std::error_code& ec, tk::api_version version) {
  return ec.category() == tk::category(version) || ec.category() == tk::response_category();
}

bool of_the_library(const std::error_code& ec, tk::api_version version) {
  return of_version_or_response(ec, version) || ec.category() == tk::http::category();
}

const int statuses[] = {0, 200, 201, 204, 400, 404, 429, 500, 502, 503, -1, 99999};

/// Every version with every status of `statuses`.
std::vector<every_adapter::query> every_query() {
  std::vector<every_adapter::query> queries;
  for (const tk::api_version version :
       {tk::api_version::v2, tk::api_version::v3, tk::api_version::v4}) {
    for (const int status : statuses) queries.push_back({version, status});
  }
  return queries;
}

/// Aborts, printing both answers, unless every adapter answers `text` as nlohmann's does.
void same_answers(std::string_view text) {
  static const std::vector<every_adapter::query> queries = every_query();
  const every_adapter::adapter& reference = every_adapter::adapters[0];
  const std::vector<every_adapter::reading> expected = reference.read(text, queries);
  for (const every_adapter::adapter& a : every_adapter::adapters) {
    const std::vector<every_adapter::reading> got = a.read(text, queries);
    for (std::size_t i = 0; i < queries.size(); ++i) {
      if (got[i] == expected[i]) continue;
      const auto print = [&](const char* name, const every_adapter::reading& r) {
        std::fprintf(stderr, "%s: %s | %s | %s | %s | %s\n", name, r.error_code.c_str(),
                     r.batch.c_str(), r.items.c_str(), r.item_fields.c_str(), r.triage.c_str());
      };
      std::fprintf(stderr, "%s as %s with HTTP %d:\n", a.name,
                   std::string(tk::name_of(queries[i].version)).c_str(), queries[i].http_status);
      print(reference.name, expected[i]);
      print(a.name, got[i]);
      promise(false, "every adapter gives the same answer");
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  same_answers(text);
  const nlohmann::json body = tk::parse_body(text);
  for (const tk::api_version version :
       {tk::api_version::v2, tk::api_version::v3, tk::api_version::v4}) {
    for (const int status : statuses) {
      const std::error_code ec = tk::error_code_of(version, status, body);
      const std::error_code batch = tk::batch_error_code_of(version, status, body);
      promise(!ec || of_the_library(ec, version), "the error is of the version, HTTP or response");
      promise(!ec || !ec.message().empty(), "every error has a message");
      promise(ec || (body.is_object() && !body.is_discarded()), "no success without a JSON object");
      promise(ec || !tk::http::to_error_code(status), "no success under a failing HTTP status");
      promise(!ec || batch == ec, "the batch reading only adds failures");
      promise(!batch || of_the_library(batch, version), "the batch error is of the library");
    }
    const std::vector<tk::item_failure> failures = tk::item_failures(version, body);
    promise(failures.empty() || tk::batch_error_code_of(version, body),
            "a batch with failed items is not a success");
    for (const tk::item_failure& f : failures) {
      promise(!f.code || of_version_or_response(f.code, version),
              "an item's code is of its version");
      promise(!f.code.message().empty(), "an item's code has a message");
    }
  }
  return 0;
}
