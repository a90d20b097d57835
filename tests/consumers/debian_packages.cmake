# Builds the Debian packages of the build tree BUILD (cmake/debian-package.cmake) with CPACK into
# WORK_DIR/packages, checks their control fields, extracts each alone with DPKG_DEB into a root of
# its own, WORK_DIR/<package>, checks that it holds exactly its files, and runs the extracted
# tmstatus. The consumer tests then build against WORK_DIR/libtrackingmore-status-dev/usr alone.
# TOOLS: the tools package too.
include("${CMAKE_CURRENT_LIST_DIR}/installed_tree.cmake")
file(REMOVE_RECURSE "${WORK_DIR}")
execute_process(COMMAND "${CPACK}" --config "${BUILD}/CPackConfig.cmake" -G DEB
                        -B "${WORK_DIR}/packages" COMMAND_ERROR_IS_FATAL ANY)

# check_field(<deb> <field> <regex>): fails unless the control field <field> of <deb> (empty when
# absent) matches <regex>.
function(check_field deb field regex)
  execute_process(COMMAND "${DPKG_DEB}" --field "${deb}" ${field} OUTPUT_VARIABLE value
                          OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
  if(NOT value MATCHES "${regex}")
    message(FATAL_ERROR "${deb}: ${field} is '${value}', which does not match ${regex}")
  endif()
endfunction()

# check_package(<package> <architecture> <section> <file>...): checks the fields every package has,
# extracts it into WORK_DIR/<package> and fails unless that holds exactly usr/<file>..., a changelog
# and a copyright that is the LICENSE. Sets `deb` to the package's file.
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
  execute_process(COMMAND "${CMAKE_COMMAND}" -E compare_files "${SOURCE}/LICENSE"
                          "${root}/usr/${copyright}" RESULT_VARIABLE differs)
  if(differs)
    message(FATAL_ERROR "${root}/usr/${copyright} is not the LICENSE")
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
