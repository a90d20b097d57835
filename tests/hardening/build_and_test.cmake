# Configures, builds and tests one build of the whole project (a cell of the compiler matrix, the
# sanitizer build, a Catch2 3 build), with TRACKINGMORE_STATUS_MATRIX=OFF so that it does not
# recurse. Run by ctest:
#   cmake -DSOURCE_DIR=... -DBINARY_DIR=... -DGENERATOR=... -DCXX=... -DCXX_FLAGS="..."
#         [-DSTANDARD=17|20|23] [-DOPTIONS="-Dx=y ..."] [-DTARGETS="a b"] [-DTESTS=regex]
#         [-DEXCLUDE=regex] [-DCATCH2=3.7.1] -P build_and_test.cmake
# The build tree is kept, so a second run rebuilds only what changed. No build type: CXX_FLAGS
# holds every flag. OPTIONS are more configure options, TARGETS defaults to all, TESTS to every test
# of the build, EXCLUDE to none; CATCH2 is the Catch2 version the core tests must report.
cmake_minimum_required(VERSION 3.25)

set(options -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_CXX_FLAGS=${CXX_FLAGS} -DCMAKE_BUILD_TYPE=
            -DTRACKINGMORE_STATUS_MATRIX=OFF -DTRACKINGMORE_STATUS_WERROR=ON)
if(STANDARD)
  # CMake spells 23 as -std=c++23 for g++ 12, as -std=c++2b for clang 14 and 16 (older name).
  list(APPEND options -DCMAKE_CXX_STANDARD=${STANDARD} -DCMAKE_CXX_STANDARD_REQUIRED=ON
       -DCMAKE_CXX_EXTENSIONS=OFF)
endif()
separate_arguments(OPTIONS UNIX_COMMAND "${OPTIONS}")
execute_process(COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BINARY_DIR} -G ${GENERATOR}
                        ${options} ${OPTIONS} COMMAND_ERROR_IS_FATAL ANY)

# One job: ctest runs two such builds side by side.
set(build ${CMAKE_COMMAND} --build ${BINARY_DIR} --parallel 1)
if(TARGETS)
  separate_arguments(TARGETS UNIX_COMMAND "${TARGETS}")
  list(APPEND build --target ${TARGETS})
endif()
execute_process(COMMAND ${build} COMMAND_ERROR_IS_FATAL ANY)

if(CATCH2)
  execute_process(COMMAND ${BINARY_DIR}/tests/core_tests --libidentify OUTPUT_VARIABLE identity
                  COMMAND_ERROR_IS_FATAL ANY)
  if(NOT identity MATCHES "\nversion: +${CATCH2}\n")
    message(FATAL_ERROR "The tests were built with another Catch2 than ${CATCH2}:\n${identity}")
  endif()
endif()

set(test ${CMAKE_CTEST_COMMAND} --test-dir ${BINARY_DIR} --output-on-failure --no-tests=error)
if(TESTS)
  list(APPEND test --tests-regex ${TESTS})
endif()
if(EXCLUDE)
  list(APPEND test --exclude-regex ${EXCLUDE})
endif()
execute_process(COMMAND ${test} COMMAND_ERROR_IS_FATAL ANY)
