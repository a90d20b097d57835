# Checks that each shared library of LIBRARIES ("a.so|b.so"), though built with hidden visibility,
# exports every category holder of HEADER (the objects it marks TRACKINGMORE_STATUS_SYMBOL_VISIBLE),
# so the dynamic linker makes each one object.
#   cmake -DNM=nm -DLIBRARIES="liba.so|libb.so" -DHEADER=.../status.hpp -P check_exports.cmake
cmake_minimum_required(VERSION 3.25)

file(STRINGS ${HEADER} declarations
     REGEX "^TRACKINGMORE_STATUS_SYMBOL_VISIBLE inline const never_destroyed<[a-z_]+> [a-z0-9_]+")
set(holders)
foreach(declaration IN LISTS declarations)
  string(REGEX REPLACE "^.*never_destroyed<[a-z_]+> ([a-z0-9_]+).*$" "\\1" holder "${declaration}")
  list(APPEND holders ${holder})
endforeach()
if(NOT holders)
  message(FATAL_ERROR "${HEADER}: no category holder found")
endif()

string(REPLACE "|" ";" LIBRARIES "${LIBRARIES}")
foreach(library IN LISTS LIBRARIES)
  execute_process(COMMAND ${NM} --dynamic --defined-only --demangle ${library}
                  OUTPUT_VARIABLE symbols COMMAND_ERROR_IS_FATAL ANY)
  foreach(holder IN LISTS holders)
    if(NOT symbols MATCHES " trackingmore::(abi_v[0-9_]+::)?detail::${holder}\n")
      message(SEND_ERROR "${library} does not export trackingmore::detail::${holder}")
    endif()
  endforeach()
endforeach()
