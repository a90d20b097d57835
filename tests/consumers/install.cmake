# Installs the build tree BUILD into a fresh PREFIX, checks that exactly the package's files, and
# the tmstatus tool when TOOLS, are there, and runs the installed tool.
include("${CMAKE_CURRENT_LIST_DIR}/installed_tree.cmake")
file(REMOVE_RECURSE "${PREFIX}")
execute_process(COMMAND "${CMAKE_COMMAND}" --install "${BUILD}" --prefix "${PREFIX}"
                COMMAND_ERROR_IS_FATAL ANY)
if(TOOLS)
  check_files("${PREFIX}" ${library_files} ${tool_files})
  check_tmstatus("${PREFIX}/bin/tmstatus")
else()
  check_files("${PREFIX}" ${library_files})
endif()
