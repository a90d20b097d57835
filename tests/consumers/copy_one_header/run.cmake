# The "copy one header" route: status.hpp copied alone into an empty directory, compiled with a
# plain compiler call that can see nothing else of the project.
include("${CMAKE_CURRENT_LIST_DIR}/../compile_and_run.cmake")
file(REMOVE_RECURSE "${WORK_DIR}")
file(COPY "${HEADER}" DESTINATION "${WORK_DIR}/vendor/trackingmore")
compile_and_run("-I${WORK_DIR}/vendor")
