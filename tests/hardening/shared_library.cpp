// One of the two shared libraries of shared_libraries_test (TRACKINGMORE_LIBRARY_ENTRY names
// which): built with -fvisibility=hidden -fvisibility-inlines-hidden, so the only symbols it shares
// with the other library and the program are the ones the header marks visible.
#include "shared_library.hpp"

namespace tk = trackingmore;

library_api TRACKINGMORE_LIBRARY_ENTRY() {
  return {[](tk::api_version v, int code) { return tk::to_error_code(v, code); },
          [](tk::v4::errc e) { return std::error_code(e); },
          [](tk::condition c) { return std::error_condition(c); },
          [](tk::api_version v) -> const std::error_category& { return tk::category(v); },
          [](const std::error_code& ec, tk::condition c) { return ec == c; },
          [](const std::error_code& ec) { return tk::find(ec); },
          [](const std::error_code& ec) { return tk::is_retryable(ec); },
          [](const std::error_code& ec) { return tk::retry_after_seconds(ec); }};
}
