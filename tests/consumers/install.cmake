# Installs the build tree BUILD into a fresh PREFIX and checks that exactly the package's files are
# there (header-only: nothing under lib/).
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD}" --prefix "${PREFIX}"
                COMMAND_ERROR_IS_FATAL ANY)
file(GLOB_RECURSE installed RELATIVE "${PREFIX}" "${PREFIX}/*")
list(SORT installed)
set(expected
    include/trackingmore/status.hpp
    include/trackingmore/status/nlohmann_json.hpp
    share/cmake/trackingmore-status/trackingmore-status-config-version.cmake
    share/cmake/trackingmore-status/trackingmore-status-config.cmake
    share/cmake/trackingmore-status/trackingmore-status-targets.cmake
    share/pkgconfig/trackingmore-status.pc)
if(NOT installed STREQUAL expected)
  message(FATAL_ERROR "installed:\n  ${installed}\nexpected:\n  ${expected}")
endif()
