# Builds the Debian packages of the build tree BUILD (cmake/debian-package.cmake) with CPACK into
# WORK_DIR/packages, checks their control fields, extracts each alone with DPKG_DEB into a root of
# its own, WORK_DIR/<package>, checks that it holds exactly its files, and runs the extracted
# tmstatus. The consumer tests then build against WORK_DIR/libtrackingmore-status-dev/usr alone.
# TOOLS: the tools package too.
# The Maintainer is whoever builds the packages (cmake/debian-maintainer.cmake): without DEBEMAIL
# and DEBFULLNAME cpack stops and says why; with them, here this test's own, they are the field.
include("${CMAKE_CURRENT_LIST_DIR}/installed_tree.cmake")
file(REMOVE_RECURSE "${WORK_DIR}")
set(cpack "${CPACK}" --config "${BUILD}/CPackConfig.cmake" -G DEB -B "${WORK_DIR}/packages")
unset(ENV{DEBEMAIL})
unset(ENV{EMAIL})
unset(ENV{DEBFULLNAME})
execute_process(COMMAND ${cpack} RESULT_VARIABLE failed OUTPUT_VARIABLE out ERROR_VARIABLE out)
string(REGEX REPLACE "[ \n]+" " " out "${out}") # as CMake wraps messages
if(NOT failed OR NOT out MATCHES "set DEBFULLNAME to your name and DEBEMAIL")
  message(FATAL_ERROR "cpack without DEBEMAIL did not stop for it:\n${out}")
endif()
file(REMOVE_RECURSE "${WORK_DIR}")
set(maintainer "trackingmore-status test suite <test-suite@trackingmore-status.invalid>")
set(ENV{DEBFULLNAME} "trackingmore-status test suite")
set(ENV{DEBEMAIL} "test-suite@trackingmore-status.invalid")
execute_process(COMMAND ${cpack} COMMAND_ERROR_IS_FATAL ANY)

# check_field(<deb> <field> <regex>): fails unless the control field <field> of <deb> (empty when
# absent) matches <regex>.
function(check_field deb field regex)
  execute_process(COMMAND "${DPKG_DEB}" --field "${deb}" ${field} OUTPUT_VARIABLE value
                          OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
  if(NOT value MATCHES "${regex}")
    message(FATAL_ERROR "${deb}: ${field} is '${value}', which does not match ${regex}")
  endif()
endfunction()

# The LICENSE's text, without its Copyright line, which debian/copyright must hold.
file(READ "${SOURCE}/LICENSE" license)
string(REGEX REPLACE "^Copyright \\(c\\) [0-9]+(-[0-9]+)? the trackingmore-status authors\n\n" ""
                     license_text "${license}")
if(license_text STREQUAL license)
  message(FATAL_ERROR "${SOURCE}/LICENSE does not begin with its Copyright line")
endif()

# check_package(<package> <architecture> <section> <file>...): checks the fields every package has,
# extracts it into WORK_DIR/<package> and fails unless that holds exactly usr/<file>..., a changelog
# and a machine-readable copyright with the LICENSE's text. Sets `deb` to the package's file.
set(debs "")
function(check_package package architecture section)
  set(deb "${WORK_DIR}/packages/${package}_${VERSION}_${architecture}.deb")
  check_field("${deb}" Package "^${package}$")
  check_field("${deb}" Version "^${VERSION}$")
  check_field("${deb}" Architecture "^${architecture}$")
  check_field("${deb}" Section "^${section}$")
  set(root "${WORK_DIR}/${package}")
  execute_process(COMMAND "${DPKG_DEB}" --extract "${deb}" "${root}" COMMAND_ERROR_IS_FATAL ANY)
  set(copyright share/doc/${package}/copyright)
  set(expected ${ARGN} ${copyright} share/doc/${package}/changelog.gz)
  list(TRANSFORM expected PREPEND usr/)
  check_files("${root}" ${expected})
  check_field("${deb}" Maintainer "^${maintainer}$")
  file(READ "${root}/usr/${copyright}" text)
  set(header "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
             "Upstream-Name: trackingmore-status\nSource: [^\n]+\n\nFiles: \\*\n"
             "Copyright: [0-9]+(-[0-9]+)? the trackingmore-status authors\nLicense: BSL-1.0\n")
  string(JOIN "" header ${header})
  string(REGEX REPLACE "^${header}" "" body "${text}")
  string(REGEX REPLACE "\n \\.\n" "\n\n" body "\n${body}")
  string(REPLACE "\n " "\n" body "${body}")
  string(STRIP "${body}" body)
  string(STRIP "${license_text}" license_text)
  if(NOT body STREQUAL license_text)
    message(FATAL_ERROR "${root}/usr/${copyright} is not the LICENSE in Debian's format:\n${text}")
  endif()
  set(deb "${deb}" PARENT_SCOPE)
  set(debs ${debs} "${deb}" PARENT_SCOPE)
endfunction()

set(dev_package libtrackingmore-status-dev)
file(GLOB docs RELATIVE "${SOURCE}" "${SOURCE}/docs/*.md" "${SOURCE}/docs/snippets/*")
list(TRANSFORM docs PREPEND share/doc/${dev_package}/)
check_package(${dev_package} all libdevel ${library_files} share/doc/${dev_package}/README.md
              ${docs})
check_field("${deb}" Depends "^$")
check_field("${deb}" Suggests "(^|, )nlohmann-json3-dev(,|$)")
# Installed in /usr, the pkg-config file adds no flag: the compiler searches /usr/include anyway.
if(PKG_CONFIG)
  set(ENV{PKG_CONFIG_LIBDIR} "${WORK_DIR}/${dev_package}/usr/share/pkgconfig")
  foreach(query --cflags --variable=includedir)
    execute_process(COMMAND "${PKG_CONFIG}" ${query} trackingmore-status OUTPUT_VARIABLE value
                            OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
    string(APPEND answers "'${value}' ")
  endforeach()
  if(NOT answers STREQUAL "'' '/usr/include' ")
    message(FATAL_ERROR "pkg-config --cflags, --variable=includedir give ${answers}, not '' "
                        "'/usr/include'")
  endif()
endif()

if(TOOLS)
  execute_process(COMMAND dpkg --print-architecture OUTPUT_VARIABLE arch
                          OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
  set(tools_package trackingmore-status-tools)
  check_package(${tools_package} ${arch} utils ${tool_files})
  # From dpkg-shlibdeps: the C and C++ runtimes tmstatus links (libstdc++ or libc++).
  check_field("${deb}" Depends "(^|, )libc6 \\(>= [^)]+\\)(,|$)")
  check_field("${deb}" Depends "(^|, )lib(stdc\\+\\+6|c\\+\\+1[-0-9]*) \\(>= [^)]+\\)(,|$)")
  check_tmstatus("${WORK_DIR}/${tools_package}/usr/bin/tmstatus")
endif()

file(GLOB built "${WORK_DIR}/packages/*.deb")
if(NOT built STREQUAL debs)
  message(FATAL_ERROR "cpack built:\n  ${built}\nexpected:\n  ${debs}")
endif()
