// libFuzzer target: arbitrary bytes through nlohmann's parser into the JSON adapter, under every
// version and a spread of HTTP statuses. Besides crashes and sanitizer reports, it checks the
// adapter's promises; a broken promise aborts with its name.
#include <trackingmore/status/nlohmann_json.hpp>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

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

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const nlohmann::json body = tk::parse_body(text);
  for (const tk::api_version version :
       {tk::api_version::v2, tk::api_version::v3, tk::api_version::v4}) {
    for (const int status : {0, 200, 201, 204, 400, 404, 429, 500, 502, 503, -1, 99999}) {
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
