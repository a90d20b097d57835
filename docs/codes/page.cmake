# Writes one version's page of the site: the page TEMPLATE with its @CODE_TABLE@ line replaced by
# the table `tmstatus --list VERSION --format markdown` prints, so that the docs show exactly what
# the header holds. Each row's code cell gets an anchor, codes_VERSION_CODE, where the search box's
# entry for the code leads (search.cmake).
#   cmake -D TMSTATUS=... -D VERSION=v2 -D TEMPLATE=.../v2.md -D OUTPUT=.../codes_v2.md -P page.cmake
execute_process(
  COMMAND "${TMSTATUS}" --list "${VERSION}" --format markdown
  OUTPUT_VARIABLE table
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "tmstatus --list ${VERSION} failed: ${status}")
endif()
string(REGEX REPLACE "\n\\| (-?[0-9]+) \\|" "\n| \\\\anchor codes_${VERSION}_\\1 \\1 |" table
                     "${table}")
file(READ "${TEMPLATE}" page)
string(REPLACE "@CODE_TABLE@\n" "${table}" page "${page}")
file(WRITE "${OUTPUT}" "${page}")
