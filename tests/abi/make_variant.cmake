# Included by tests/abi/CMakeLists.txt at configure time, so that the variant exists for a
# compilation database too: writes OUTPUT, a variant of the core header INPUT as a bundled copy of
# another release would be: the next minor version, one more v4 code (4104) and one changed
# message (4101's). OUTPUT is rewritten only when its text changes.
file(READ "${INPUT}" text)

# Replaces `from` with `to` in `text`, failing if the header no longer has `from` exactly once.
function(replace_once from to)
  string(FIND "${text}" "${from}" first)
  string(FIND "${text}" "${from}" last REVERSE)
  if(first EQUAL -1 OR NOT first EQUAL last)
    message(FATAL_ERROR "${INPUT}: expected `${from}` once")
  endif()
  string(REPLACE "${from}" "${to}" text "${text}")
  set(text "${text}" PARENT_SCOPE)
endfunction()

string(REGEX MATCH "#define TRACKINGMORE_STATUS_VERSION_MINOR ([0-9]+)\n" line "${text}")
math(EXPR minor "${CMAKE_MATCH_1} + 1")
replace_once("${line}" "#define TRACKINGMORE_STATUS_VERSION_MINOR ${minor}\n")
# 4101's message changes, and 4104 follows it in the row list (a macro continued by backslashes).
replace_once("\"Tracking No. already exists.\")"
             "\"The tracking number already exists (variant).\") \\\n  X(variant_only, 4104, bad_request, after_fixing_request, condition::limit_exceeded, \"A code only the variant documents.\")")

set(previous "")
if(EXISTS "${OUTPUT}")
  file(READ "${OUTPUT}" previous)
endif()
if(NOT previous STREQUAL text)
  file(WRITE "${OUTPUT}" "${text}")
endif()
