# The Debian packages: `cpack` (or `cmake --build build --target package`) in a built tree writes
#   libtrackingmore-status-dev_<version>_all.deb   the `dev` component: headers, CMake package,
#                                                  pkg-config file, and its docs
#   trackingmore-status-tools_<version>_<arch>.deb the `tools` component: tmstatus
# both installing to /usr. The project's install rules name their component; the files only a Debian
# package has (/usr/share/doc/<package>/: copyright, changelog, docs) are added here,
# EXCLUDE_FROM_ALL so that a plain `cmake --install` leaves them out.
set(dev_package "lib${PROJECT_NAME}-dev")
set(tools_package "${PROJECT_NAME}-tools")
# The Maintainer: whoever builds the packages, by DEBFULLNAME and DEBEMAIL, read when cpack runs
# (debian-maintainer.cmake, which stops cpack when they are unset).
set(CPACK_PROJECT_CONFIG_FILE "${PROJECT_SOURCE_DIR}/cmake/debian-maintainer.cmake")

# What Debian policy asks of every package, in /usr/share/doc/<package>/: the copyright, in
# Debian's machine-readable format with the LICENSE's text, and the changelog of a native package,
# changelog.gz (this release's entry, written at packaging time: debian-changelog.cmake).
set(doc_dir "${CMAKE_INSTALL_DATAROOTDIR}/doc")
file(READ LICENSE license_text)
string(REGEX MATCH "^Copyright \\(c\\) ([^\n]*)\n\n" notice "${license_text}")
set(holders "${CMAKE_MATCH_1}")
string(REPLACE "${notice}" "" license_text "${license_text}")
string(STRIP "${license_text}" license_text)
string(REPLACE "\n" "\n " license_text " ${license_text}")
string(REPLACE "\n \n" "\n .\n" license_text "${license_text}") # a blank line is " ."
set(copyright "${PROJECT_BINARY_DIR}/debian/copyright")
file(CONFIGURE OUTPUT "${copyright}" CONTENT "\
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: ${PROJECT_NAME}
Source: ${PROJECT_HOMEPAGE_URL}

Files: *
Copyright: ${holders}
License: BSL-1.0
${license_text}
")
function(install_debian_files package component)
  install(FILES "${copyright}" DESTINATION "${doc_dir}/${package}" COMPONENT ${component}
          EXCLUDE_FROM_ALL)
  install(CODE "set(NAME \"${PROJECT_NAME}\")
                set(VERSION \"${PROJECT_VERSION}\")
                set(PACKAGE \"${package}\")
                set(DOC_DIR \"${doc_dir}\")
                set(BINARY_DIR \"${PROJECT_BINARY_DIR}\")"
          COMPONENT ${component} EXCLUDE_FROM_ALL)
  install(SCRIPT cmake/debian-changelog.cmake COMPONENT ${component} EXCLUDE_FROM_ALL)
endfunction()

# The docs as plain files, not the Doxygen site: packaging then needs no Doxygen and no docs build
# (`cpack` builds nothing), and README.md's links to docs/*.md still resolve.
install_debian_files(${dev_package} dev)
install(FILES README.md DESTINATION "${doc_dir}/${dev_package}" COMPONENT dev EXCLUDE_FROM_ALL)
file(GLOB doc_pages CONFIGURE_DEPENDS docs/*.md)
install(FILES ${doc_pages} DESTINATION "${doc_dir}/${dev_package}/docs" COMPONENT dev
        EXCLUDE_FROM_ALL)
install(DIRECTORY docs/snippets DESTINATION "${doc_dir}/${dev_package}/docs" COMPONENT dev
        EXCLUDE_FROM_ALL)

set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON) # tmstatus, even from a Debug build
# Each package's description begins with a synopsis of its own (CPack would put this shared one
# above both); its lines are at most 79 characters, Debian's 80 with the leading space.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")

set(CPACK_COMPONENTS_ALL dev)
set(CPACK_DEBIAN_DEV_PACKAGE_NAME "${dev_package}")
set(CPACK_DEBIAN_DEV_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
# The libraries of the optional headers that include one: the JSON libraries (nlohmann_json.hpp,
# boost_json.hpp, rapidjson.hpp, jsoncpp.hpp, simdjson.hpp), cpp-httplib (httplib.hpp), libcurl
# (curl.hpp), Boost (asio.hpp).
set(CPACK_DEBIAN_DEV_PACKAGE_SUGGESTS
    "nlohmann-json3-dev, libboost-json1.81-dev, rapidjson-dev, libjsoncpp-dev, libsimdjson-dev, libcpp-httplib-dev, libcurl4-openssl-dev | libcurl-dev, libboost-dev, ${tools_package}")
set(CPACK_DEBIAN_DEV_DESCRIPTION
    "TrackingMore API response codes as std::error_code (C++17 headers)
Every response code of the TrackingMore shipment-tracking API (v2, v3 and v4)
as std::error_code, in one self-contained header-only C++17 library, with
conditions portable across API versions, documented messages and retry
advice. Optional headers: retrying, pacing, a client loop, adapters reading
whole responses with nlohmann/json, Boost.JSON, RapidJSON, JsonCpp or
simdjson, and the transport errors of cpp-httplib, libcurl and Boost.Asio
and Beast.

This package holds the headers, the CMake package
(find_package(trackingmore-status)) and the pkg-config file
(trackingmore-status).")

if(TRACKINGMORE_STATUS_TOOLS)
  install_debian_files(${tools_package} tools)
  list(APPEND CPACK_COMPONENTS_ALL tools)
  set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME "${tools_package}")
  set(CPACK_DEBIAN_TOOLS_PACKAGE_SECTION utils)
  set(CPACK_DEBIAN_TOOLS_PACKAGE_SHLIBDEPS ON) # Depends from dpkg-shlibdeps (dpkg-dev)
  set(CPACK_DEBIAN_TOOLS_DESCRIPTION
      "explain TrackingMore API response codes from the command line
tmstatus prints what the trackingmore-status library knows about a
TrackingMore API response code or HTTP status: its name, documented message,
condition and retry advice, for each API version that documents it, and
prints whole code tables as text, Markdown, CSV or JSON.")
endif()

include(CPack)
