# Boost.JSON for the tests, snippets and benchmarks: the INTERFACE target trackingmore_boost_json,
# Boost 1.75 or later whose JSON is used header-only (one source file of each program includes
# <boost/json/src.hpp>), or no target and TRACKINGMORE_BOOST_JSON_WHY saying why not.
#
# An installed Boost with Boost.JSON when there is one (a user's libboost-json1.81-dev or own
# Boost). Debian 12 has Boost.JSON only in Boost 1.81, which conflicts with libboost-dev (1.74,
# which the rest of the suite uses): then Debian's libboost1.81-dev is fetched from the Debian
# archive with `apt-get download` (no root needed) and unpacked with `dpkg-deb -x` into this build
# tree, once; the programs that use Boost.JSON take every Boost header from there.
if(TARGET trackingmore_boost_json OR DEFINED TRACKINGMORE_BOOST_JSON_WHY)
  return()
endif()

find_path(TRACKINGMORE_BOOST_JSON_INCLUDE_DIR boost/json/src.hpp
          DOC "The directory holding Boost 1.75 or later, with boost/json/src.hpp")
if(NOT TRACKINGMORE_BOOST_JSON_INCLUDE_DIR)
  set(package libboost1.81-dev)
  set(root "${CMAKE_BINARY_DIR}/_deps/${package}")
  if(NOT EXISTS "${root}/usr/include/boost/json/src.hpp")
    find_program(TRACKINGMORE_APT_GET apt-get)
    find_program(TRACKINGMORE_DPKG_DEB dpkg-deb)
    if(TRACKINGMORE_APT_GET AND TRACKINGMORE_DPKG_DEB)
      message(STATUS "Boost.JSON: fetching Debian's ${package} into ${root}")
      file(REMOVE_RECURSE "${root}")
      file(MAKE_DIRECTORY "${root}/deb")
      execute_process(COMMAND "${TRACKINGMORE_APT_GET}" download ${package}
                      WORKING_DIRECTORY "${root}/deb" RESULT_VARIABLE failed
                      OUTPUT_QUIET ERROR_VARIABLE apt_error)
      file(GLOB deb "${root}/deb/${package}_*.deb")
      if(NOT failed AND deb)
        execute_process(COMMAND "${TRACKINGMORE_DPKG_DEB}" -x ${deb} "${root}"
                        RESULT_VARIABLE failed)
      endif()
      file(REMOVE_RECURSE "${root}/deb")
      if(failed OR NOT deb)
        string(STRIP "${apt_error}" apt_error)
        message(STATUS "Boost.JSON: apt-get download ${package} failed: ${apt_error}")
      endif()
    endif()
  endif()
  if(EXISTS "${root}/usr/include/boost/json/src.hpp")
    set(TRACKINGMORE_BOOST_JSON_INCLUDE_DIR "${root}/usr/include")
  endif()
endif()

if(TRACKINGMORE_BOOST_JSON_INCLUDE_DIR)
  add_library(trackingmore_boost_json INTERFACE)
  # BEFORE: every Boost header of these programs from this Boost, not from /usr/include's 1.74.
  target_include_directories(trackingmore_boost_json SYSTEM BEFORE
                             INTERFACE "${TRACKINGMORE_BOOST_JSON_INCLUDE_DIR}")
  target_compile_definitions(trackingmore_boost_json INTERFACE BOOST_JSON_NO_LIB BOOST_CONTAINER_NO_LIB)
else()
  set(TRACKINGMORE_BOOST_JSON_WHY
      "needs Boost.JSON (Boost 1.75 or later; on Debian 12 the tests fetch libboost1.81-dev with apt-get download, which failed: is apt's package list there, apt-get update?)")
endif()
