# compile_and_run(<flags>...): compiles consumer.cpp with CXX and <flags> alone (no CMake target),
# as a user of a plain Makefile would, then runs it; any failure fails the test.
set(consumer_source "${CMAKE_CURRENT_LIST_DIR}/consumer.cpp")

function(compile_and_run)
  set(program "${WORK_DIR}/consumer")
  file(MAKE_DIRECTORY "${WORK_DIR}")
  execute_process(
    COMMAND "${CXX}" -std=c++17 -Wall -Wextra -Wpedantic -Wconversion -Werror ${ARGN}
            "${consumer_source}" -o "${program}" COMMAND_ECHO STDOUT COMMAND_ERROR_IS_FATAL ANY)
  execute_process(COMMAND "${program}" COMMAND_ERROR_IS_FATAL ANY)
endfunction()
