# A Meson project (meson.build here, with ../consumer.cpp) that gets the library by ROUTE, built
# and run in WORK_DIR with MESON and the compiler CXX, offline:
#   subproject  this repository (SOURCE) in its subprojects/ directory, --wrap-mode=nodownload
#   pkg_config  SOURCE built and installed with Meson (its top-level meson.build) into a prefix,
#               found by dependency('trackingmore-status') through the installed pkg-config file
include("${CMAKE_CURRENT_LIST_DIR}/../installed_tree.cmake")
file(REMOVE_RECURSE "${WORK_DIR}")
file(COPY "${CMAKE_CURRENT_LIST_DIR}/meson.build" "${CMAKE_CURRENT_LIST_DIR}/../consumer.cpp"
     DESTINATION "${WORK_DIR}/consumer")
set(ENV{CXX} "${CXX}")
unset(ENV{PKG_CONFIG_PATH})

function(run)
  execute_process(COMMAND ${ARGN} COMMAND_ECHO STDOUT COMMAND_ERROR_IS_FATAL ANY)
endfunction()

if(ROUTE STREQUAL "subproject")
  file(MAKE_DIRECTORY "${WORK_DIR}/consumer/subprojects")
  file(CREATE_LINK "${SOURCE}" "${WORK_DIR}/consumer/subprojects/trackingmore-status" SYMBOLIC)
  set(options --wrap-mode=nodownload --force-fallback-for=trackingmore-status)
elseif(ROUTE STREQUAL "pkg_config")
  set(prefix "${WORK_DIR}/prefix")
  run("${MESON}" setup "${WORK_DIR}/library" "${SOURCE}" --prefix "${prefix}" --libdir lib
      --wrap-mode=nodownload)
  run("${MESON}" install -C "${WORK_DIR}/library" --quiet)
  # What CMake's install has, but its CMake package, and the manual page not compressed.
  set(expected ${library_files} ${tool_files})
  list(FILTER expected EXCLUDE REGEX "^share/cmake/")
  list(TRANSFORM expected REPLACE "\\.1\\.gz$" ".1")
  check_files("${prefix}" ${expected})
  check_tmstatus("${prefix}/bin/tmstatus")
  set(ENV{PKG_CONFIG_PATH} "${prefix}/share/pkgconfig")
  set(options --wrap-mode=nofallback)
else()
  message(FATAL_ERROR "unknown ROUTE '${ROUTE}'")
endif()
run("${MESON}" setup "${WORK_DIR}/build" "${WORK_DIR}/consumer" ${options})
run("${MESON}" compile -C "${WORK_DIR}/build")
run("${WORK_DIR}/build/consumer")
