# Installs the build tree BUILD into a fresh PREFIX, checks that exactly the package's files, and the
# tmstatus tool when TOOLS, are there (header-only: nothing under lib/), and runs the installed tool.
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD}" --prefix "${PREFIX}"
                COMMAND_ERROR_IS_FATAL ANY)
file(GLOB_RECURSE installed RELATIVE "${PREFIX}" "${PREFIX}/*")
list(SORT installed)
set(expected
    include/trackingmore/status.hpp
    include/trackingmore/status/nlohmann_json.hpp
    include/trackingmore/status/pacing.hpp
    include/trackingmore/status/retry.hpp
    share/cmake/trackingmore-status/trackingmore-status-config-version.cmake
    share/cmake/trackingmore-status/trackingmore-status-config.cmake
    share/cmake/trackingmore-status/trackingmore-status-targets.cmake
    share/pkgconfig/trackingmore-status.pc)
if(TOOLS)
  list(PREPEND expected bin/tmstatus)
endif()
if(NOT installed STREQUAL expected)
  message(FATAL_ERROR "installed:\n  ${installed}\nexpected:\n  ${expected}")
endif()
if(TOOLS)
  execute_process(COMMAND "${PREFIX}/bin/tmstatus" --api v4 4101 OUTPUT_VARIABLE explained
                  COMMAND_ERROR_IS_FATAL ANY)
  if(NOT explained MATCHES "Name: +tracking_exists\n")
    message(FATAL_ERROR "the installed tmstatus explained v4 4101 as:\n${explained}")
  endif()
endif()
