// The interface of the two shared libraries of shared_libraries_test: each is built from
// shared_library.cpp (with -fvisibility=hidden on ELF; as a DLL on Windows) and exports one entry
// point.
#pragma once

#include <trackingmore/status.hpp>

/// What each library does with the header, called from outside it.
struct library_api {
  std::error_code (*to_error_code)(trackingmore::api_version, int);
  std::error_code (*v4_code)(trackingmore::v4::errc);
  std::error_condition (*make_condition)(trackingmore::condition);
  const std::error_category& (*category)(trackingmore::api_version);
  bool (*equals)(const std::error_code&, trackingmore::condition);
  const trackingmore::code_info* (*find)(const std::error_code&);
  bool (*is_retryable)(const std::error_code&);
  unsigned (*retry_after_seconds)(const std::error_code&);
};

#ifndef _WIN32
#define TRACKINGMORE_LIBRARY_EXPORT __attribute__((__visibility__("default")))
#elif defined(TRACKINGMORE_LIBRARY_ENTRY)  // building one of the DLLs
#define TRACKINGMORE_LIBRARY_EXPORT __declspec(dllexport)
#else
#define TRACKINGMORE_LIBRARY_EXPORT __declspec(dllimport)
#endif

/// Library A's functions.
TRACKINGMORE_LIBRARY_EXPORT library_api library_a();
/// Library B's functions.
TRACKINGMORE_LIBRARY_EXPORT library_api library_b();
