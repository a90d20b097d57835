# Downloads the Debian packages PACKAGES ("a b c") with apt-get and unpacks them into ROOT, for a
# cell that needs packages which conflict with installed ones (libc++-16-dev with libc++-dev 14).
# Once: a second run finds ROOT/unpacked.
#   cmake -DROOT=<dir> -DPACKAGES="..." -P unpack_debs.cmake
cmake_minimum_required(VERSION 3.25)
if(EXISTS "${ROOT}/unpacked")
  return()
endif()
separate_arguments(PACKAGES UNIX_COMMAND "${PACKAGES}")
file(REMOVE_RECURSE "${ROOT}")
file(MAKE_DIRECTORY "${ROOT}/debs")
execute_process(COMMAND apt-get download ${PACKAGES} WORKING_DIRECTORY "${ROOT}/debs"
                COMMAND_ERROR_IS_FATAL ANY)
file(GLOB debs "${ROOT}/debs/*.deb")
foreach(deb IN LISTS debs)
  execute_process(COMMAND dpkg-deb --extract "${deb}" "${ROOT}" COMMAND_ERROR_IS_FATAL ANY)
endforeach()
file(TOUCH "${ROOT}/unpacked")
