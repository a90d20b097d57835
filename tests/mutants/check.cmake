# The mutation check: each tests/mutants/*.mutant is a one-line bug planted in a copy of the tree;
# the tests it names must fail. Fails naming every mutant that survives (its tests pass), that is
# stale (its original text is not in its file exactly once) or that does not build.
#   cmake -DSOURCE_DIR=<the project> -DWORK_DIR=<a directory of its own> [-DGENERATOR=Ninja]
#         [-DCXX=c++] [-DJOBS=2] [-DONLY=<regex of mutant names>] -P tests/mutants/check.cmake
# WORK_DIR keeps the copy (tree/) and its build (build/) between runs, so a second run rebuilds
# only what changed; each mutant builds only its targets. A mutant file:
#   # What the bug is, and the rule it breaks.
#   file: include/trackingmore/status/pacing.hpp
#   targets: pacing_tests
#   tests: pacing:.*documented rate limits
#   original:
#     if (version != api_version::v4) return 1.0;
#   mutant:
#     if (version != api_version::v4) return 2.0;
# `targets` are the build targets the tests need, `tests` a ctest regex that must match a test. The
# original text (lines that occur once in the file: one line, or more lines where one alone would
# not be unique) runs to the `mutant:` line, the mutant to the end of the file.
cmake_minimum_required(VERSION 3.25)

foreach(variable SOURCE_DIR WORK_DIR)
  if(NOT ${variable})
    message(FATAL_ERROR "usage: cmake -DSOURCE_DIR=... -DWORK_DIR=... -P check.cmake")
  endif()
endforeach()
if(NOT GENERATOR)
  set(GENERATOR Ninja)
endif()
if(NOT JOBS)
  set(JOBS 2)
endif()
get_filename_component(SOURCE_DIR "${SOURCE_DIR}" ABSOLUTE)
get_filename_component(WORK_DIR "${WORK_DIR}" ABSOLUTE)
set(tree ${WORK_DIR}/tree)
set(build ${WORK_DIR}/build)
set(logs ${WORK_DIR}/logs)
file(MAKE_DIRECTORY ${logs})
string(TIMESTAMP started "%s")

# The number of times `text` occurs in `content`.
function(count_occurrences out content text)
  set(n 0)
  string(LENGTH "${text}" length)
  string(FIND "${content}" "${text}" at)
  while(at GREATER_EQUAL 0)
    math(EXPR n "${n} + 1")
    math(EXPR at "${at} + ${length}")
    string(SUBSTRING "${content}" ${at} -1 content)
    string(FIND "${content}" "${text}" at)
  endwhile()
  set(${out} ${n} PARENT_SCOPE)
endfunction()

# Reads a mutant file into <prefix>_file, _targets, _tests, _original, _mutant.
function(read_mutant prefix path)
  file(READ "${path}" content)
  string(FIND "${content}" "\noriginal:\n" original_at)
  string(FIND "${content}" "\nmutant:\n" mutant_at)
  if(original_at LESS 0 OR mutant_at LESS original_at)
    set(${prefix}_error "no `original:` line followed by a `mutant:` line" PARENT_SCOPE)
    return()
  endif()
  string(SUBSTRING "${content}" 0 ${original_at} header)
  math(EXPR start "${original_at} + 11")
  math(EXPR length "${mutant_at} - ${start}")
  string(SUBSTRING "${content}" ${start} ${length} original)
  math(EXPR start "${mutant_at} + 9")
  string(SUBSTRING "${content}" ${start} -1 mutant)
  string(REGEX REPLACE "\n$" "" mutant "${mutant}")
  foreach(key file targets tests)
    if(NOT header MATCHES "(^|\n)${key}: *([^\n]*)")
      set(${prefix}_error "no `${key}:` line" PARENT_SCOPE)
      return()
    endif()
    set(${prefix}_${key} "${CMAKE_MATCH_2}" PARENT_SCOPE)
  endforeach()
  if(original STREQUAL mutant)
    set(${prefix}_error "the mutant is the original" PARENT_SCOPE)
  endif()
  set(${prefix}_original "${original}" PARENT_SCOPE)
  set(${prefix}_mutant "${mutant}" PARENT_SCOPE)
endfunction()

# Every mutant, read and checked against the source tree first: a stale one fails the check
# before anything is built.
file(GLOB mutants ${CMAKE_CURRENT_LIST_DIR}/*.mutant)
list(SORT mutants)
set(names)
set(failures)
set(all_targets)
set(all_tests)
foreach(path IN LISTS mutants)
  get_filename_component(name "${path}" NAME_WE)
  if(ONLY AND NOT name MATCHES "${ONLY}")
    continue()
  endif()
  read_mutant(m "${path}")
  if(m_error)
    list(APPEND failures "${name}: ${m_error}")
    set(m_error)
    continue()
  endif()
  if(NOT EXISTS "${SOURCE_DIR}/${m_file}")
    list(APPEND failures "${name}: stale: ${m_file} does not exist")
    continue()
  endif()
  file(READ "${SOURCE_DIR}/${m_file}" content)
  count_occurrences(n "${content}" "${m_original}")
  if(NOT n EQUAL 1)
    list(APPEND failures "${name}: stale: its original text occurs ${n} times in ${m_file}")
    continue()
  endif()
  list(APPEND names ${name})
  foreach(key file targets tests original mutant)
    set(${name}_${key} "${m_${key}}")
  endforeach()
  separate_arguments(targets UNIX_COMMAND "${m_targets}")
  list(APPEND all_targets ${targets})
  list(APPEND all_tests "${m_tests}")
endforeach()
list(LENGTH names count)
if(failures)
  list(JOIN failures "\n  " failures)
  message(FATAL_ERROR "Mutants that cannot be planted:\n  ${failures}")
endif()
if(count EQUAL 0)
  message(FATAL_ERROR "No mutant in ${CMAKE_CURRENT_LIST_DIR} (ONLY: ${ONLY})")
endif()

# The copy of the tree: every file but .git and build trees, written only where it differs, so
# that a file the last run mutated and restored is rewritten (a newer time: rebuilt) and the others
# keep their times (not rebuilt).
file(GLOB_RECURSE files LIST_DIRECTORIES false RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/*)
list(FILTER files EXCLUDE REGEX "^(\\.git|build[^/]*)(/|$)")
file(RELATIVE_PATH work_relative ${SOURCE_DIR} ${WORK_DIR})
if(NOT work_relative MATCHES "^\\.\\.")
  list(FILTER files EXCLUDE REGEX "^${work_relative}/")
endif()
foreach(file IN LISTS files)
  get_filename_component(directory ${tree}/${file} DIRECTORY)
  file(MAKE_DIRECTORY ${directory})
  file(COPY_FILE ${SOURCE_DIR}/${file} ${tree}/${file} ONLY_IF_DIFFERENT)
endforeach()

set(configure ${CMAKE_COMMAND} -S ${tree} -B ${build} -G ${GENERATOR} -DCMAKE_BUILD_TYPE=
              -DCMAKE_CXX_FLAGS=-O0 -DTRACKINGMORE_STATUS_MATRIX=OFF)
if(CXX)
  list(APPEND configure -DCMAKE_CXX_COMPILER=${CXX})
endif()
if(NOT EXISTS ${build}/CMakeCache.txt)
  execute_process(COMMAND ${configure} OUTPUT_FILE ${logs}/configure.log
                  ERROR_FILE ${logs}/configure.log RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "Configuring the copy failed: ${logs}/configure.log")
  endif()
endif()

# Builds `targets` and runs the `tests` regex (each failure confirmed by one rerun; the first
# confirmed failure ends the run, since one caught is enough), with output in `log`; `out` is
# "built-passed", "built-failed" or "not-built".
function(build_and_test out targets tests log)
  separate_arguments(targets UNIX_COMMAND "${targets}")
  execute_process(COMMAND ${CMAKE_COMMAND} --build ${build} --parallel ${JOBS} --target ${targets}
                  OUTPUT_FILE ${log} ERROR_FILE ${log} RESULT_VARIABLE failed)
  if(failed)
    set(${out} not-built PARENT_SCOPE)
    return()
  endif()
  execute_process(COMMAND ${CMAKE_CTEST_COMMAND} --test-dir ${build} --tests-regex "${tests}"
                          --no-tests=error --repeat until-pass:2 --stop-on-failure
                          --parallel ${JOBS}
                          --output-on-failure
                  OUTPUT_VARIABLE output ERROR_VARIABLE output RESULT_VARIABLE failed)
  file(APPEND ${log} "${output}")
  if(failed)
    set(${out} built-failed PARENT_SCOPE)
  else()
    set(${out} built-passed PARENT_SCOPE)
  endif()
endfunction()

# Without a mutant, every test the mutants name passes: else a failing test would catch them all.
list(REMOVE_DUPLICATES all_targets)
list(JOIN all_targets " " all_targets)
# (No parentheses: ctest's regular expressions allow only nine groups.)
list(REMOVE_DUPLICATES all_tests)
list(JOIN all_tests "|" all_tests)
build_and_test(result "${all_targets}" "${all_tests}" ${logs}/unmutated.log)
if(NOT result STREQUAL "built-passed")
  message(FATAL_ERROR "Without a mutant, the mutants' tests do not pass (${result}): "
                      "${logs}/unmutated.log")
endif()

# Each mutant's regex names tests of the build (ctest fails on a regex that matches none, which
# would count as caught).
foreach(name IN LISTS names)
  execute_process(COMMAND ${CMAKE_CTEST_COMMAND} --test-dir ${build} --show-only
                          --tests-regex "${${name}_tests}" OUTPUT_VARIABLE listing)
  if(NOT listing MATCHES "\nTotal Tests: [1-9]")
    list(APPEND failures "${name}: stale: its tests (${${name}_tests}) match no test")
  endif()
endforeach()
if(failures)
  list(JOIN failures "\n  " failures)
  message(FATAL_ERROR "Mutants that cannot be planted:\n  ${failures}")
endif()

set(survivors)
set(not_built)
foreach(name IN LISTS names)
  string(TIMESTAMP mutant_started "%s")
  set(path ${tree}/${${name}_file})
  file(READ ${path} original_content)
  string(FIND "${original_content}" "${${name}_original}" at)
  string(LENGTH "${${name}_original}" length)
  string(SUBSTRING "${original_content}" 0 ${at} before)
  math(EXPR after_at "${at} + ${length}")
  string(SUBSTRING "${original_content}" ${after_at} -1 after)
  file(WRITE ${path} "${before}${${name}_mutant}${after}")
  build_and_test(result "${${name}_targets}" "${${name}_tests}" ${logs}/${name}.log)
  file(WRITE ${path} "${original_content}")
  string(TIMESTAMP mutant_ended "%s")
  math(EXPR seconds "${mutant_ended} - ${mutant_started}")
  if(result STREQUAL "built-failed")
    message(STATUS "caught:   ${name} (${seconds} s)")
  elseif(result STREQUAL "not-built")
    message(STATUS "no build: ${name} (${seconds} s): ${logs}/${name}.log")
    list(APPEND not_built ${name})
  else()
    message(STATUS "SURVIVED: ${name} (${seconds} s): ${logs}/${name}.log")
    list(APPEND survivors ${name})
  endif()
endforeach()

string(TIMESTAMP ended "%s")
math(EXPR seconds "${ended} - ${started}")
set(problems)
if(survivors)
  list(JOIN survivors ", " survivors)
  list(APPEND problems "Mutants that survive (their tests pass with the bug): ${survivors}")
endif()
if(not_built)
  list(JOIN not_built ", " not_built)
  list(APPEND problems "Mutants that do not build (a mutant must compile): ${not_built}")
endif()
if(problems)
  list(JOIN problems "\n" problems)
  message(FATAL_ERROR "${problems}\n(logs in ${logs}; ${seconds} s)")
endif()
message(STATUS "All ${count} mutants caught in ${seconds} s")
