# Static analysis of the whole tree; TOOL picks one:
#   clang-tidy    (.clang-tidy) every unit of DATABASE/compile_commands.json under SOURCE_DIR, or
#                 with PART and PARTS, every PARTS-th of them from the PART-th (1 to PARTS);
#   cppcheck      the same units;
#   clang-format  (.clang-format) every C++ file under SOURCE_DIR but build trees.
# Units and files are found, not listed, so whatever is added later is checked too.
#   cmake -DTOOL=... -DSOURCE_DIR=... [-DDATABASE=...] [-DBINARY_DIR=...]
#         [-DCLANG_TIDY=...] [-DPART=1 -DPARTS=2] [-DCPPCHECK=...] [-DCLANG_FORMAT=...]
#         -P static_analysis.cmake
cmake_minimum_required(VERSION 3.25)

if(TOOL STREQUAL "clang-format")
  file(GLOB_RECURSE files LIST_DIRECTORIES false RELATIVE ${SOURCE_DIR} ${SOURCE_DIR}/*.hpp
       ${SOURCE_DIR}/*.cpp ${SOURCE_DIR}/*.h ${SOURCE_DIR}/*.cc)
  # Build trees hold no sources: build*/ (as .gitignore has it) and this build, wherever it is.
  file(RELATIVE_PATH binary_dir ${SOURCE_DIR} ${BINARY_DIR})
  list(FILTER files EXCLUDE REGEX "^(build[^/]*|\\.git)/")
  if(binary_dir AND NOT binary_dir MATCHES "^\\.\\.")
    list(FILTER files EXCLUDE REGEX "^${binary_dir}/")
  endif()
  list(LENGTH files count)
  message(STATUS "clang-format: ${count} files")
  execute_process(COMMAND ${CLANG_FORMAT} --dry-run -Werror ${files} WORKING_DIRECTORY ${SOURCE_DIR}
                  COMMAND_ERROR_IS_FATAL ANY)
  return()
endif()

# The units of the compilation database under SOURCE_DIR (the project's own), once each. The
# Catch2 main is left out: it is Catch2's code, and the slowest unit to analyse.
file(READ ${DATABASE}/compile_commands.json database)
string(JSON count LENGTH "${database}")
math(EXPR last "${count} - 1")
set(units)
foreach(i RANGE ${last})
  string(JSON unit GET "${database}" ${i} file)
  string(FIND "${unit}" "${SOURCE_DIR}/" at)
  if(at EQUAL 0 AND NOT unit MATCHES "/tests/catch_main\\.cpp$")
    list(APPEND units ${unit})
  endif()
endforeach()
list(REMOVE_DUPLICATES units)
list(LENGTH units count)
message(STATUS "${TOOL}: ${count} units")

if(TOOL STREQUAL "clang-tidy")
  if(PARTS)
    set(part_units)
    math(EXPR last "${count} - 1")
    foreach(i RANGE ${last})
      math(EXPR in_part "${i} % ${PARTS} + 1")
      if(in_part EQUAL PART)
        list(GET units ${i} unit)
        list(APPEND part_units ${unit})
      endif()
    endforeach()
    set(units ${part_units})
    list(LENGTH units count)
    message(STATUS "clang-tidy: part ${PART} of ${PARTS}, ${count} units")
  endif()
  execute_process(COMMAND ${CLANG_TIDY} -p ${DATABASE} --quiet -header-filter=^${SOURCE_DIR}/
                          ${units} COMMAND_ERROR_IS_FATAL ANY)
elseif(TOOL STREQUAL "cppcheck")
  # useStlAlgorithm: the header's loops are constexpr C++17, where std::find_if is not, and it
  # includes only cheap headers (no <algorithm>).
  # knownConditionTrueFalse in the core header: name_of(retry_advice)'s `i < names.size()` is "always
  # true" only if the enum held nothing but its enumerators; it can hold any int, and that guard is
  # what keeps such a value from indexing out of bounds.
  execute_process(
    COMMAND ${CPPCHECK} --project=${DATABASE}/compile_commands.json --file-filter=${SOURCE_DIR}/*
            --enable=warning,style,performance,portability --inline-suppr --error-exitcode=1
            --quiet --suppress=missingIncludeSystem --suppress=useStlAlgorithm
            --suppress=knownConditionTrueFalse:${SOURCE_DIR}/include/trackingmore/status.hpp
    COMMAND_ERROR_IS_FATAL ANY)
else()
  message(FATAL_ERROR "TOOL must be clang-tidy, cppcheck or clang-format, not '${TOOL}'")
endif()
