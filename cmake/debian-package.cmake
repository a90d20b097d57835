# The Debian packages: `cpack` (or `cmake --build build --target package`) in a built tree writes
#   libtrackingmore-status-dev_<version>_all.deb   the `dev` component: headers, CMake package,
#                                                  pkg-config file, and its docs
#   trackingmore-status-tools_<version>_<arch>.deb the `tools` component: tmstatus
# both installing to /usr. The project's install rules name their component; the files only a Debian
# package has (/usr/share/doc/<package>/: copyright, changelog, docs) are added here,
# EXCLUDE_FROM_ALL so that a plain `cmake --install` leaves them out.
set(dev_package "lib${PROJECT_NAME}-dev")
set(tools_package "${PROJECT_NAME}-tools")
set(CPACK_PACKAGE_CONTACT
    "trackingmore-status maintainers <maintainers@users.noreply.r-seed-2d7be070.example>")

# What Debian policy asks of every package, in /usr/share/doc/<package>/: the copyright (the
# LICENSE) and the changelog of a native package, changelog.gz (this release's entry).
set(doc_dir "${CMAKE_INSTALL_DATAROOTDIR}/doc")
set(changelog "${PROJECT_BINARY_DIR}/changelog")
string(TIMESTAMP date "%a, %d %b %Y %H:%M:%S +0000" UTC) # SOURCE_DATE_EPOCH when set
file(CONFIGURE OUTPUT "${changelog}" CONTENT "${PROJECT_NAME} (${PROJECT_VERSION}) unstable; \
urgency=medium\n\n  * Release ${PROJECT_VERSION}.\n\n -- ${CPACK_PACKAGE_CONTACT}  ${date}\n")
file(ARCHIVE_CREATE OUTPUT "${changelog}.gz" PATHS "${changelog}" FORMAT raw COMPRESSION GZip
     COMPRESSION_LEVEL 9)
function(install_debian_files package component)
  install(FILES LICENSE DESTINATION "${doc_dir}/${package}" RENAME copyright
          COMPONENT ${component} EXCLUDE_FROM_ALL)
  install(FILES "${changelog}.gz" DESTINATION "${doc_dir}/${package}" COMPONENT ${component}
          EXCLUDE_FROM_ALL)
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
# The JSON libraries of the adapter headers (trackingmore/status/*json*.hpp, rapidjson.hpp,
# simdjson.hpp), the only headers with a dependency, each on its own library.
set(CPACK_DEBIAN_DEV_PACKAGE_SUGGESTS
    "nlohmann-json3-dev, libboost-json1.81-dev, rapidjson-dev, libjsoncpp-dev, libsimdjson-dev, ${tools_package}")
set(CPACK_DEBIAN_DEV_DESCRIPTION
    "TrackingMore API response codes as std::error_code (C++17 headers)
Every response code of the TrackingMore shipment-tracking API (v2, v3 and v4)
as std::error_code, in one self-contained header-only C++17 library, with
conditions portable across API versions, documented messages and retry
advice. Optional headers: retrying, pacing, and adapters reading whole
responses with nlohmann/json, Boost.JSON, RapidJSON, JsonCpp or simdjson.

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
