# The Debian packages: `cpack` (or `cmake --build build --target package`) in a built tree writes
#   libtrackingmore-status-dev_<version>_all.deb   the `dev` component: headers, CMake package,
#                                                  pkg-config file, and its docs
#   trackingmore-status-tools_<version>_<arch>.deb the `tools` component: tmstatus
# both installing to /usr. The project's install rules name their component; the files only a Debian
# package has (/usr/share/doc/<package>/: copyright, docs) are added here, EXCLUDE_FROM_ALL so that
# a plain `cmake --install` leaves them out.
set(dev_package "lib${PROJECT_NAME}-dev")
set(tools_package "${PROJECT_NAME}-tools")

# The docs as plain files, not the Doxygen site: packaging then needs no Doxygen and no docs build
# (`cpack` builds nothing), and README.md's links to docs/*.md still resolve.
set(dev_doc_dir "${CMAKE_INSTALL_DATAROOTDIR}/doc/${dev_package}")
install(FILES LICENSE DESTINATION "${dev_doc_dir}" RENAME copyright COMPONENT dev EXCLUDE_FROM_ALL)
install(FILES README.md DESTINATION "${dev_doc_dir}" COMPONENT dev EXCLUDE_FROM_ALL)
file(GLOB doc_pages CONFIGURE_DEPENDS docs/*.md)
install(FILES ${doc_pages} DESTINATION "${dev_doc_dir}/docs" COMPONENT dev EXCLUDE_FROM_ALL)
install(DIRECTORY docs/snippets DESTINATION "${dev_doc_dir}/docs" COMPONENT dev EXCLUDE_FROM_ALL)

set(CPACK_GENERATOR DEB)
set(CPACK_DEB_COMPONENT_INSTALL ON)
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_STRIP_FILES ON) # tmstatus, even from a Debug build
set(CPACK_PACKAGE_CONTACT
    "trackingmore-status maintainers <maintainers@users.noreply.r-seed-2d7be070.example>")
# Each package's description begins with a synopsis of its own; CPack would put this shared one
# above both.
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "")

set(CPACK_COMPONENTS_ALL dev)
set(CPACK_DEBIAN_DEV_PACKAGE_NAME "${dev_package}")
set(CPACK_DEBIAN_DEV_PACKAGE_ARCHITECTURE all)
set(CPACK_DEBIAN_DEV_PACKAGE_SECTION libdevel)
# The adapter header, trackingmore/status/nlohmann_json.hpp, is the only one with a dependency.
set(CPACK_DEBIAN_DEV_PACKAGE_SUGGESTS "nlohmann-json3-dev, ${tools_package}")
set(CPACK_DEBIAN_DEV_DESCRIPTION
    "TrackingMore API response codes as std::error_code (C++17 headers)
Every response code of the TrackingMore shipment-tracking API (v2, v3 and v4) as std::error_code,
in one self-contained header-only C++17 library, with conditions portable across API versions,
documented messages and retry advice. Optional headers: retrying, pacing, and an adapter reading
whole responses with nlohmann/json (nlohmann-json3-dev).

This package holds the headers, the CMake package (find_package(trackingmore-status)) and the
pkg-config file (trackingmore-status).")

if(TRACKINGMORE_STATUS_TOOLS)
  install(FILES LICENSE DESTINATION "${CMAKE_INSTALL_DATAROOTDIR}/doc/${tools_package}"
          RENAME copyright COMPONENT tools EXCLUDE_FROM_ALL)
  list(APPEND CPACK_COMPONENTS_ALL tools)
  set(CPACK_DEBIAN_TOOLS_PACKAGE_NAME "${tools_package}")
  set(CPACK_DEBIAN_TOOLS_PACKAGE_SECTION utils)
  set(CPACK_DEBIAN_TOOLS_PACKAGE_SHLIBDEPS ON) # Depends from dpkg-shlibdeps (dpkg-dev)
  set(CPACK_DEBIAN_TOOLS_DESCRIPTION
      "explain TrackingMore API response codes from the command line
tmstatus prints what the trackingmore-status library knows about a TrackingMore API response code
or HTTP status: its name, documented message, condition and retry advice, for each API version
that documents it, and prints whole code tables as text, Markdown, CSV or JSON.")
endif()

include(CPack)
