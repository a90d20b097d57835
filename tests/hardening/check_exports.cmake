# Checks that each shared library of LIBRARIES ("a.so|b.so"), though built with hidden visibility,
# exports the header's four category holders, so the dynamic linker makes each one object.
#   cmake -DNM=nm -DLIBRARIES="liba.so|libb.so" -P check_exports.cmake
cmake_minimum_required(VERSION 3.25)

string(REPLACE "|" ";" LIBRARIES "${LIBRARIES}")
foreach(library IN LISTS LIBRARIES)
  execute_process(COMMAND ${NM} --dynamic --defined-only --demangle ${library}
                  OUTPUT_VARIABLE symbols COMMAND_ERROR_IS_FATAL ANY)
  foreach(holder IN ITEMS v2_category v3_category v4_category conditions)
    if(NOT symbols MATCHES " trackingmore::(abi_v[0-9_]+::)?detail::${holder}\n")
      message(SEND_ERROR "${library} does not export trackingmore::detail::${holder}")
    endif()
  endforeach()
endforeach()
