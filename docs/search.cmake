# Makes the search box of the Doxygen site in HTML_DIR find the numbers a reader copies from a log:
# every documented code of every API version, leading to its row of the version's code table (the
# anchors page.cmake writes), and every HTTP status the library knows by name, leading to the
# section on how the library reads HTTP statuses. Doxygen 1.9.4 indexes symbols and page titles
# only, so this adds the entries, as tmstatus prints them, to the index Doxygen wrote (search/), and
# fails on an index of another format or on an entry whose anchor the site lacks.
#   cmake -D TMSTATUS=... -D HTML_DIR=.../html -P search.cmake
cmake_minimum_required(VERSION 3.19) # string(JSON)
set(http_section "semantics.html#transport")

# Each entry is "number<US>order<US>page#anchor<US>label", the label HTML (the box shows it as
# such) escaped for a JavaScript string, without the `;`, `[` and `]` that would split the list.
string(ASCII 31 us)
set(entries)
function(add_entry number target label)
  string(REPLACE "&" "&amp;" html "${label}")
  string(REPLACE "<" "&lt;" html "${html}")
  string(REPLACE ">" "&gt;" html "${html}")
  string(REGEX REPLACE "`([^`]*)`" "<code>\\1</code>" html "${html}")
  string(REGEX REPLACE "[\r\n\t]" " " html "${html}")
  string(REPLACE "\\" "\\\\" html "${html}")
  string(REPLACE "'" "\\'" html "${html}")
  string(REPLACE ";" "\\x3b" html "${html}")
  string(REPLACE "[" "\\x5b" html "${html}")
  string(REPLACE "]" "\\x5d" html "${html}")
  list(LENGTH entries order)
  set(entries ${entries} "${number}${us}${order}${us}${target}${us}${html}" PARENT_SCOPE)
endfunction()

foreach(version v2 v3 v4)
  execute_process(
    COMMAND "${TMSTATUS}" --list ${version} --format json
    OUTPUT_VARIABLE json
    RESULT_VARIABLE status)
  if(NOT status EQUAL 0)
    message(FATAL_ERROR "tmstatus --list ${version} --format json failed: ${status}")
  endif()
  string(JSON rows LENGTH "${json}")
  if(rows EQUAL 0)
    message(FATAL_ERROR "tmstatus --list ${version} --format json printed no code")
  endif()
  math(EXPR last "${rows} - 1")
  foreach(i RANGE ${last})
    string(JSON code GET "${json}" ${i} code)
    string(JSON name GET "${json}" ${i} name)
    string(JSON message GET "${json}" ${i} message)
    add_entry(${code} "codes_${version}.html#codes_${version}_${code}"
              "${version} `${name}`: ${message}")
  endforeach()
endforeach()

# The statuses with a reason phrase; the section gives the rule for every other one.
foreach(status RANGE 100 599)
  execute_process(
    COMMAND "${TMSTATUS}" --http ${status}
    OUTPUT_VARIABLE text
    RESULT_VARIABLE result)
  if(NOT result EQUAL 0)
    message(FATAL_ERROR "tmstatus --http ${status} failed: ${result}")
  endif()
  if(text MATCHES "\nMessage: +HTTP ${status} ([^\n]+)\nCondition: +([^\n]+)\n")
    set(label "HTTP: ${CMAKE_MATCH_1}")
    if(NOT CMAKE_MATCH_2 STREQUAL "-")
      string(APPEND label " (`${CMAKE_MATCH_2}`)")
    endif()
    add_entry(${status} ${http_section} "${label}")
  endif()
endforeach()

# Doxygen's index: searchdata.js lists, for section 0 (all), the first characters that have a file
# of entries, search/all_<hex of the character's position>.js (and .html, the results frame).
set(dir "${HTML_DIR}/search")
file(READ "${dir}/searchdata.js" searchdata)
file(READ "${dir}/all_0.html" frame)
if(NOT frame MATCHES "\"all_0\\.js\""
   OR NOT searchdata MATCHES "var indexSectionsWithContent =\n{\n  0: \"([^\"]*)\"")
  message(FATAL_ERROR "${dir}: not the search index of Doxygen 1.9.4, which search.cmake extends")
endif()
set(section_0 "${CMAKE_MATCH_0}") # of the last match
set(firsts "${CMAKE_MATCH_1}")
set(pages)
set(positions)
set(new_positions)
set(n 0)
list(SORT entries COMPARE NATURAL)
foreach(entry IN LISTS entries)
  string(REPLACE "${us}" ";" fields "${entry}")
  list(GET fields 0 number)
  list(GET fields 2 target)
  list(GET fields 3 label)
  string(REGEX REPLACE "#.*" "" page "${target}")
  string(REGEX REPLACE ".*#" "" anchor "${target}")
  if(NOT page IN_LIST pages)
    file(READ "${HTML_DIR}/${page}" html_${page})
    list(APPEND pages ${page})
  endif()
  string(FIND "${html_${page}}" "id=\"${anchor}\"" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "${HTML_DIR}/${page}: no anchor ${anchor} for the search entry ${number}")
  endif()
  string(SUBSTRING "${number}" 0 1 first)
  string(FIND "${firsts}" "${first}" position)
  if(position EQUAL -1)
    string(LENGTH "${firsts}" position)
    string(APPEND firsts "${first}")
    list(APPEND new_positions ${position})
  endif()
  # The id is what the box matches what one types against, up to an `_`.
  string(REPLACE "-" "_2d" id "${number}")
  list(APPEND js_${position} "  ['${id}_n${n}',['${number}',['../${target}',1,'${label}']]]")
  list(APPEND positions ${position})
  math(EXPR n "${n} + 1")
endforeach()

list(REMOVE_DUPLICATES positions)
foreach(position IN LISTS positions)
  math(EXPR hex "${position}" OUTPUT_FORMAT HEXADECIMAL)
  string(REPLACE "0x" "" hex "${hex}")
  set(js "${dir}/all_${hex}.js")
  # Doxygen leaves the files of an earlier run that it did not write this time.
  if(position IN_LIST new_positions)
    set(data "var searchData=\n[\n];\n")
    string(REPLACE "\"all_0.js\"" "\"all_${hex}.js\"" html "${frame}")
    file(WRITE "${dir}/all_${hex}.html" "${html}")
  else()
    file(READ "${js}" data)
  endif()
  if(NOT data MATCHES "\n\\];\n$")
    message(FATAL_ERROR "${js}: not a file of entries of Doxygen 1.9.4")
  endif()
  # The entries go before the closing "\n];\n", after a comma if some are there.
  string(LENGTH "${data}" length)
  math(EXPR length "${length} - 4")
  string(SUBSTRING "${data}" 0 ${length} data)
  if(data MATCHES "]$")
    string(APPEND data ",")
  endif()
  list(JOIN js_${position} ",\n" added)
  file(WRITE "${js}" "${data}\n${added}\n];\n")
endforeach()
string(REPLACE "${section_0}" "var indexSectionsWithContent =\n{\n  0: \"${firsts}\"" searchdata
               "${searchdata}")
file(WRITE "${dir}/searchdata.js" "${searchdata}")
