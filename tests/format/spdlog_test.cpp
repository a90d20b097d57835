// The README's spdlog line, logged into a string: spdlog formats with fmt, so format.hpp's
// formatters serve it.
#include <trackingmore/status/format.hpp>

#include <memory>
#include <spdlog/sinks/ostream_sink.h>
#include <spdlog/spdlog.h>
#include <sstream>

#include "catch.hpp"

namespace tk = trackingmore;

TEST_CASE("spdlog logs a described code and a retry decision") {
  std::ostringstream out;
  auto logger = std::make_shared<spdlog::logger>(
      "test", std::make_shared<spdlog::sinks::ostream_sink_st>(out));
  logger->set_pattern("%l %v");
  const std::error_code ec = tk::v4::to_error_code(429);
  const unsigned attempt = 1;
  logger->warn("TrackingMore: {} ({})", tk::described(ec), tk::decide(ec, attempt));
  CHECK(out.str() ==
        "warning TrackingMore: trackingmore.v4:429 Exceeded API request limits, please try again "
        "later. Please check the API documentation for the limit of this API. (retry after "
        "120000 ms (after_delay))\n");
}
