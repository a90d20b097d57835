# Fails when HEADER (found in INCLUDE_DIR) reaches a standard header outside the core issue's
# allowed list, so an include-cost regression fails the tests without timing anything. Two checks:
# 1. every #include line of the header names an allowed header, even one the standard library
#    happens to bring anyway (<string> comes with libstdc++'s <system_error>, not with every one);
# 2. the files the compiler reads for the header (`-M`) are those it reads for the allowed headers
#    alone, which also catches computed includes (`#include SOME_MACRO`); and the header compiles
#    on its own.
# Usage: cmake -DCOMPILER=c++ -DINCLUDE_DIR=include -DHEADER=trackingmore/status.hpp
#              -DWORK_DIR=<scratch directory> -P check_includes.cmake
cmake_minimum_required(VERSION 3.23)
set(allowed array cstddef cstdint string_view system_error)
set(problems "")

file(STRINGS "${INCLUDE_DIR}/${HEADER}" include_lines REGEX "^[ \t]*#[ \t]*include")
foreach(line IN LISTS include_lines)
  if(line MATCHES "#[ \t]*include[ \t]*<([^>]+)>")
    if(NOT CMAKE_MATCH_1 IN_LIST allowed)
      string(APPEND problems "\n  #include <${CMAKE_MATCH_1}> is not in the allowed list: ${allowed}")
    endif()
  elseif(line MATCHES "#[ \t]*include[ \t]*\"([^\"]+)\"")
    string(APPEND problems "\n  #include \"${CMAKE_MATCH_1}\": the header must stay self-contained")
  endif()
endforeach()

# The set of files `COMPILER -M` reports for a translation unit, without the unit itself.
function(files_read source standard out)
  execute_process(
    COMMAND "${COMPILER}" -std=${standard} -M -I "${INCLUDE_DIR}" "${source}"
    OUTPUT_VARIABLE rule ERROR_VARIABLE error RESULT_VARIABLE failed)
  if(failed)
    message(FATAL_ERROR "${COMPILER} -M ${source} failed:\n${error}")
  endif()
  # Make's syntax: `\` ends a line the rule goes on from, `\ ` is a space in a file name (a build
  # directory such as "build 2"), kept as a newline until the names are split.
  string(REGEX REPLACE "\\\\\n" " " rule "${rule}")
  string(STRIP "${rule}" rule)
  string(REPLACE "\\ " "\n" rule "${rule}")
  string(REGEX REPLACE "^[^:]*:" "" rule "${rule}")
  string(REGEX REPLACE "[ \t]+" ";" rule "${rule}")
  set(files "")
  foreach(file IN LISTS rule)
    string(REPLACE "\n" " " file "${file}")
    if(file AND NOT file STREQUAL source)
      get_filename_component(file "${file}" REALPATH)
      list(APPEND files "${file}")
    endif()
  endforeach()
  set(${out} "${files}" PARENT_SCOPE)
endfunction()

file(MAKE_DIRECTORY "${WORK_DIR}")
set(header_unit "${WORK_DIR}/header_alone.cpp")
set(allowed_unit "${WORK_DIR}/allowed_headers.cpp")
file(WRITE "${header_unit}" "#include <${HEADER}>\n")
set(allowed_includes "")
foreach(name IN LISTS allowed)
  string(APPEND allowed_includes "#include <${name}>\n")
endforeach()
file(WRITE "${allowed_unit}" "${allowed_includes}")
get_filename_component(header_file "${INCLUDE_DIR}/${HEADER}" REALPATH)

foreach(standard c++17 c++20)
  execute_process(COMMAND "${COMPILER}" -std=${standard} -fsyntax-only -I "${INCLUDE_DIR}" "${header_unit}"
                  ERROR_VARIABLE error RESULT_VARIABLE failed)
  if(failed)
    string(APPEND problems "\n  ${HEADER} does not compile on its own (-std=${standard}):\n${error}")
    continue()
  endif()
  files_read("${header_unit}" ${standard} header_files)
  files_read("${allowed_unit}" ${standard} allowed_files)
  list(REMOVE_ITEM header_files "${header_file}")
  list(REMOVE_ITEM header_files ${allowed_files})
  if(header_files)
    list(JOIN header_files "\n    " extra)
    string(APPEND problems "\n  -std=${standard}: ${HEADER} reads files outside the allowed headers:\n    ${extra}")
  endif()
endforeach()

if(problems)
  message(FATAL_ERROR "${HEADER} includes more than the allowed standard headers:${problems}")
endif()
message(STATUS "${HEADER} includes only ${allowed}")
