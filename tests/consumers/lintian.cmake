# Runs LINTIAN on the Debian packages in DEBS_DIR (those of debian_packages.cmake): any error or
# warning fails, and each tag is printed.
#   cmake -DLINTIAN=lintian -DDEBS_DIR=<dir> -P lintian.cmake
cmake_minimum_required(VERSION 3.25)
file(GLOB debs "${DEBS_DIR}/*.deb")
if(NOT debs)
  message(FATAL_ERROR "no .deb in ${DEBS_DIR}")
endif()
execute_process(COMMAND "${LINTIAN}" --fail-on error,warning --tag-display-limit 0 ${debs}
                COMMAND_ECHO STDOUT COMMAND_ERROR_IS_FATAL ANY)
