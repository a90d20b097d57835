# Configures, builds and tests one build of the whole project (a cell of the compiler matrix, or the
# sanitizer build), with TRACKINGMORE_STATUS_MATRIX=OFF so that it does not recurse. Run by ctest:
#   cmake -DSOURCE_DIR=... -DBINARY_DIR=... -DGENERATOR=... -DCXX=... -DCXX_FLAGS="..."
#         [-DSTANDARD=17|20|23] [-DTARGETS="a b"] [-DTESTS=regex] -P build_and_test.cmake
# The build tree is kept, so a second run rebuilds only what changed. No build type: CXX_FLAGS
# holds every flag. TARGETS defaults to all, TESTS to every test of the build.
cmake_minimum_required(VERSION 3.25)

if(CXX MATCHES "^missing: ")
  message(FATAL_ERROR "The compiler is not installed (${CXX}).")
endif()
set(options -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_CXX_FLAGS=${CXX_FLAGS} -DCMAKE_BUILD_TYPE=
            -DTRACKINGMORE_STATUS_MATRIX=OFF -DTRACKINGMORE_STATUS_WERROR=ON)
if(STANDARD)
  # CMake spells 23 as -std=c++23 for g++ 12, as -std=c++2b for clang 14 and 16 (older name).
  list(APPEND options -DCMAKE_CXX_STANDARD=${STANDARD} -DCMAKE_CXX_STANDARD_REQUIRED=ON
       -DCMAKE_CXX_EXTENSIONS=OFF)
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BINARY_DIR} -G ${GENERATOR}
                        ${options} COMMAND_ERROR_IS_FATAL ANY)

# One job: ctest runs two such builds side by side.
set(build ${CMAKE_COMMAND} --build ${BINARY_DIR} --parallel 1)
if(TARGETS)
  separate_arguments(TARGETS UNIX_COMMAND "${TARGETS}")
  list(APPEND build --target ${TARGETS})
endif()
execute_process(COMMAND ${build} COMMAND_ERROR_IS_FATAL ANY)

set(test ${CMAKE_CTEST_COMMAND} --test-dir ${BINARY_DIR} --output-on-failure --no-tests=error)
if(TESTS)
  list(APPEND test --tests-regex ${TESTS})
endif()
execute_process(COMMAND ${test} COMMAND_ERROR_IS_FATAL ANY)
