# What an installed tree must hold, checked after `cmake --install` (install.cmake) and after
# extracting the Debian packages (debian_packages.cmake).

# The library's files, relative to the prefix (header-only: nothing under lib/), and the tool's.
set(library_files
    include/trackingmore/status.hpp
    include/trackingmore/status/asio.hpp
    include/trackingmore/status/boost_json.hpp
    include/trackingmore/status/client.hpp
    include/trackingmore/status/curl.hpp
    include/trackingmore/status/format.hpp
    include/trackingmore/status/httplib.hpp
    include/trackingmore/status/json_rules.hpp
    include/trackingmore/status/jsoncpp.hpp
    include/trackingmore/status/nlohmann_json.hpp
    include/trackingmore/status/pacing.hpp
    include/trackingmore/status/printable.hpp
    include/trackingmore/status/rapidjson.hpp
    include/trackingmore/status/redis.hpp
    include/trackingmore/status/retry.hpp
    include/trackingmore/status/simdjson.hpp
    share/cmake/trackingmore-status/trackingmore-status-config-version.cmake
    share/cmake/trackingmore-status/trackingmore-status-config.cmake
    share/cmake/trackingmore-status/trackingmore-status-targets.cmake
    share/pkgconfig/trackingmore-status.pc)
set(tool_files bin/tmstatus)
if(MAN) # the build made tmstatus's manual page (help2man)
  list(APPEND tool_files share/man/man1/tmstatus.1.gz)
endif()

# check_files(<root> <file>...): fails unless the files under <root> are exactly <file>...
function(check_files root)
  file(GLOB_RECURSE found RELATIVE "${root}" "${root}/*")
  set(missing ${ARGN})
  list(REMOVE_ITEM missing ${found})
  set(unexpected ${found})
  list(REMOVE_ITEM unexpected ${ARGN})
  if(missing OR unexpected)
    list(JOIN missing "\n  " missing)
    list(JOIN unexpected "\n  " unexpected)
    message(FATAL_ERROR "${root}:\nmissing:\n  ${missing}\nunexpected:\n  ${unexpected}")
  endif()
endfunction()

# check_tmstatus(<program>): fails unless the installed tmstatus runs and explains v4 4101.
function(check_tmstatus program)
  execute_process(COMMAND "${program}" --api v4 4101 OUTPUT_VARIABLE explained
                  COMMAND_ERROR_IS_FATAL ANY)
  if(NOT explained MATCHES "Name: +tracking_exists\n")
    message(FATAL_ERROR "${program} explained v4 4101 as:\n${explained}")
  endif()
endfunction()
