// One of tests/abi's shared libraries: TRACKINGMORE_ABI_ENTRY names it (abi_current or
// abi_variant), the include path gives it its copy of the header.
#include "abi_library.hpp"

#include <trackingmore/status.hpp>

#include <typeinfo>

namespace tk = trackingmore;

abi_library TRACKINGMORE_ABI_ENTRY() {
  return {
      TRACKINGMORE_STATUS_VERSION_MAJOR,
      TRACKINGMORE_STATUS_VERSION_MINOR,
      TRACKINGMORE_STATUS_VERSION_PATCH,
      typeid(tk::code_info).name(),
      tk::codes_of(tk::api_version::v4).size(),
      [](int code) { return tk::v4::to_error_code(code); },
      [](int code) {
        const tk::code_info* row = tk::v4::find(code);
        return row != nullptr ? std::string(row->name) : std::string();
      },
      [](int code) { return tk::v4::to_error_code(code).message(); },
      [](const std::error_code& ec, int code) { return ec == static_cast<tk::v4::errc>(code); },
      [](const std::error_code& ec, const std::string& name) {
        for (int c = 1; !tk::name_of(static_cast<tk::condition>(c)).empty(); ++c) {
          if (tk::name_of(static_cast<tk::condition>(c)) == name) {
            return ec == static_cast<tk::condition>(c);
          }
        }
        return false;
      },
      [](const std::error_code& ec) { return std::string(tk::name_of(tk::retry_advice_of(ec))); }};
}
