# Fails unless every place that states the version agrees with the core header's
# TRACKINGMORE_STATUS_VERSION_MAJOR, _MINOR and _PATCH: CMake's project(), the CMake package's
# version file, the pkg-config file, CPack (the Debian packages), the Doxygen
# site, Meson's project(), `tmstatus --version` and the consumers' expectation. A place a build
# does not generate (no install rules, no Doxygen) is skipped, saying so.
#   cmake -DSOURCE=<repo> -DBUILD=<build dir> -DPROJECT_VERSION=x.y.z -DTMSTATUS=<tmstatus> -P ...
cmake_minimum_required(VERSION 3.25)

file(STRINGS "${SOURCE}/include/trackingmore/status.hpp" parts
     REGEX "^#define TRACKINGMORE_STATUS_VERSION_(MAJOR|MINOR|PATCH) [0-9]+$")
list(TRANSFORM parts REPLACE "^.* " "")
list(JOIN parts . version)
list(GET parts 0 major)
list(GET parts 1 minor)
list(GET parts 2 patch)
math(EXPR number "${major} * 10000 + ${minor} * 100 + ${patch}")
message(STATUS "the header says ${version}")

set(disagree "")
# check(<place> <text> <regex>): <regex>'s first group, found in <text>, must be the version.
function(check place text regex)
  if(text MATCHES "${regex}" AND CMAKE_MATCH_1 STREQUAL version)
    message(STATUS "${place}: ${CMAKE_MATCH_1}")
  else()
    set(disagree "${disagree}\n  ${place}: '${CMAKE_MATCH_1}'" PARENT_SCOPE)
  endif()
endfunction()
# check_file(<place> <file> <regex>): check() on the file's text; skipped if the build has none.
function(check_file place file regex)
  if(NOT EXISTS "${file}")
    message(STATUS "${place}: skipped, this build has no ${file}")
    return()
  endif()
  file(READ "${file}" text)
  check("${place}" "${text}" "${regex}")
  set(disagree "${disagree}" PARENT_SCOPE)
endfunction()

check("CMake project(VERSION)" "${PROJECT_VERSION}" "^(.*)$")
check_file("CMake package version file" "${BUILD}/trackingmore-status-config-version.cmake"
           "set\\(PACKAGE_VERSION \"([^\"]*)\"\\)")
check_file("pkg-config file" "${BUILD}/trackingmore-status.pc.in" "\nVersion: ([^\n]*)\n")
check_file("CPack (the Debian packages)" "${BUILD}/CPackConfig.cmake"
           "set\\(CPACK_PACKAGE_VERSION \"([^\"]*)\"\\)")
check_file("Doxygen PROJECT_NUMBER" "${BUILD}/docs/Doxyfile" "\nPROJECT_NUMBER *= *([^\n]*)\n")
check_file("Meson project()" "${SOURCE}/meson.build" "\n  version: '([^']*)',\n")
if(TMSTATUS)
  execute_process(COMMAND "${TMSTATUS}" --version OUTPUT_VARIABLE printed COMMAND_ERROR_IS_FATAL ANY)
  check("tmstatus --version" "${printed}" "^tmstatus ([^\n]*)\n$")
else()
  message(STATUS "tmstatus --version: skipped, this build has no tmstatus")
endif()
file(READ "${SOURCE}/tests/consumers/consumer.cpp" consumer)
if(consumer MATCHES "TRACKINGMORE_STATUS_VERSION == ([0-9]+)" AND CMAKE_MATCH_1 EQUAL number)
  message(STATUS "tests/consumers/consumer.cpp: ${CMAKE_MATCH_1}")
else()
  string(APPEND disagree "\n  tests/consumers/consumer.cpp: '${CMAKE_MATCH_1}', not ${number}")
endif()

if(disagree)
  message(FATAL_ERROR "include/trackingmore/status.hpp says ${version}, but:${disagree}")
endif()
