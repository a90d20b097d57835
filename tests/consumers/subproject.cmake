# Included by a consumer project right after it added trackingmore-status (from
# TRACKINGMORE_SOURCE_DIR) as a subproject. That subproject defines its library and, only when
# asked, its examples, tools and tests: no warning flags on the library, no CTest.

# The targets the directory `dir` and its subdirectories define.
function(targets_under dir out)
  get_property(targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
  get_property(subdirectories DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
  foreach(subdirectory IN LISTS subdirectories)
    targets_under("${subdirectory}" more)
    list(APPEND targets ${more})
  endforeach()
  set(${out} ${targets} PARENT_SCOPE)
endfunction()

# Exactly the library, and the programs asked for with the options (the HTTP-client examples are
# left out: they are built only where their libraries are found; the tests are what tests/ defines).
set(expected trackingmore_status)
if(TRACKINGMORE_STATUS_EXAMPLES)
  list(APPEND expected quick_start)
endif()
if(TRACKINGMORE_STATUS_TOOLS)
  list(APPEND expected tmstatus)
  if(TRACKINGMORE_STATUS_INSTALL AND TRACKINGMORE_HELP2MAN)
    list(APPEND expected tmstatus_man_page) # its manual page, for the install
  endif()
endif()
if(TRACKINGMORE_STATUS_EXAMPLES OR TRACKINGMORE_STATUS_TOOLS OR TRACKINGMORE_STATUS_TESTS)
  list(APPEND expected trackingmore_warnings)
endif()
targets_under("${TRACKINGMORE_SOURCE_DIR}" own_targets)
if(TRACKINGMORE_STATUS_TESTS)
  targets_under("${TRACKINGMORE_SOURCE_DIR}/tests" test_targets)
  list(REMOVE_ITEM own_targets ${test_targets})
endif()
list(REMOVE_ITEM own_targets httplib_client retrying_client curl_client)
list(SORT expected)
list(SORT own_targets)
if(NOT own_targets STREQUAL expected)
  message(FATAL_ERROR "trackingmore-status defined the targets ${own_targets}, not ${expected}")
endif()

if(DEFINED BUILD_TESTING OR DEFINED CACHE{BUILD_TESTING})
  message(FATAL_ERROR "trackingmore-status leaked BUILD_TESTING (an include(CTest))")
endif()
get_target_property(options trackingmore::status INTERFACE_COMPILE_OPTIONS)
if(options)
  message(FATAL_ERROR "trackingmore-status imposes compile options: ${options}")
endif()

# The consumer, and the examples and tools when asked, built and run by the test command (ctest).
enable_testing()
add_executable(consumer "${CMAKE_CURRENT_LIST_DIR}/consumer.cpp")
target_link_libraries(consumer PRIVATE trackingmore::status)
target_compile_options(consumer PRIVATE -Wall -Wextra -Wpedantic -Wconversion -Werror)
add_test(NAME consumer COMMAND consumer)
if(TRACKINGMORE_STATUS_EXAMPLES)
  add_test(NAME quick_start COMMAND quick_start)
endif()
if(TRACKINGMORE_STATUS_TOOLS)
  add_test(NAME tmstatus COMMAND tmstatus --api v4 4101)
  set_tests_properties(tmstatus PROPERTIES PASS_REGULAR_EXPRESSION "Name: +tracking_exists\n")
endif()
# The Catch2 the suite was built with, when the parent names it.
if(TRACKINGMORE_STATUS_TESTS AND TRACKINGMORE_EXPECT_CATCH2)
  add_test(NAME "the suite's Catch2" COMMAND core_tests --libidentify)
  string(REPLACE "." "\\." version "${TRACKINGMORE_EXPECT_CATCH2}")
  set_tests_properties("the suite's Catch2" PROPERTIES PASS_REGULAR_EXPRESSION
                                                       "\nversion: +${version}\n")
endif()
