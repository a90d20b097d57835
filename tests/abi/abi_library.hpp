// The interface of tests/abi's shared libraries: each is built from abi_library.cpp with the core
// header, or with its variant (another version, one more v4 code, one changed message), and exports
// one entry point. Only standard types cross it: the two versions' types are different types.
#pragma once

#include <string>
#include <system_error>

/// What one library answers, each by its own copy of the header.
struct abi_library {
  int major, minor, patch;     ///< Its TRACKINGMORE_STATUS_VERSION_MAJOR, _MINOR, _PATCH.
  const char* code_info_type;  ///< typeid(trackingmore::code_info).name(): the namespace in force.
  std::size_t v4_count;        ///< codes_of(v4).size()
  std::error_code (*v4_code)(int code);             ///< to_error_code(v4, code)
  std::string (*v4_name)(int code);                 ///< find(v4, code)->name, or ""
  std::string (*v4_message)(int code);              ///< to_error_code(v4, code).message()
  bool (*is_v4)(const std::error_code&, int code);  ///< ec == v4::errc(code)
  bool (*is_condition)(const std::error_code&, const std::string& condition);  ///< ec == by name
  std::string (*retry_advice_of)(const std::error_code&);  ///< name_of(retry_advice_of(ec))
};

#ifdef _WIN32
#error "tests/abi is for ELF shared libraries, whose inline functions the dynamic linker merges"
#endif
#define TRACKINGMORE_ABI_EXPORT __attribute__((__visibility__("default")))

/// The library built with include/ (`current`) and the one built with the variant (`variant`).
TRACKINGMORE_ABI_EXPORT abi_library abi_current();
TRACKINGMORE_ABI_EXPORT abi_library abi_variant();
