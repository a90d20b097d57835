// How the tests measure a rate: the most of a set of times within one span of a window.
#pragma once

#include <algorithm>
#include <cstddef>
#include <vector>

namespace test {

/// The most of `times` that fall within one span of `window`, i.e. in some [t, t + window).
template <class TimePoint, class Duration>
std::size_t most_in_window(std::vector<TimePoint> times, Duration window) {
  std::sort(times.begin(), times.end());
  std::size_t most = 0;
  auto first = times.begin();
  for (auto last = times.begin(); last != times.end(); ++last) {
    while (*last - *first >= window) ++first;
    most = std::max(most, static_cast<std::size_t>(last - first + 1));
  }
  return most;
}

}  // namespace test
