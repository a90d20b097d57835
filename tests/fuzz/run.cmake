# Runs the fuzzer FUZZER. MODE replay: every input of CORPUS and REGRESSIONS once. MODE fuzz: for
# SECONDS, from those inputs, growing a corpus in WORK_DIR (never in the source tree).
# Known undefined behaviour in a JSON library, not in ours (ubsan.supp says which and why).
set(ENV{UBSAN_OPTIONS}
    "suppressions=${CMAKE_CURRENT_LIST_DIR}/ubsan.supp:halt_on_error=1:print_stacktrace=1")
file(GLOB seeds "${CORPUS}/*")
if(NOT seeds)
  message(FATAL_ERROR "No seed corpus in ${CORPUS}")
endif()
file(GLOB regressions "${REGRESSIONS}/*")
list(FILTER regressions EXCLUDE REGEX "/README[^/]*$")
set(inputs ${seeds} ${regressions})
if(MODE STREQUAL "replay")
  execute_process(COMMAND "${FUZZER}" ${inputs} RESULT_VARIABLE failed)
else()
  file(MAKE_DIRECTORY "${WORK_DIR}/corpus" "${WORK_DIR}/artifacts")
  file(COPY ${inputs} DESTINATION "${WORK_DIR}/corpus")
  execute_process(COMMAND "${FUZZER}" -max_total_time=${SECONDS} -max_len=4096 -timeout=10
                          -print_final_stats=1 -artifact_prefix=${WORK_DIR}/artifacts/
                          "${WORK_DIR}/corpus" RESULT_VARIABLE failed)
endif()
if(failed)
  message(FATAL_ERROR "The fuzzer failed. Keep the crash input as a regression test: copy it from "
                      "${WORK_DIR}/artifacts/ into tests/fuzz/regressions/, fix, and commit both.")
endif()
