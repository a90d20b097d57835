# The pkg-config route: `pkg-config --cflags trackingmore-status` from the installed PREFIX (and
# nowhere else), a plain compiler call, and the program run. MOVED: PREFIX was installed for
# another prefix, and is read with --define-prefix.
include("${CMAKE_CURRENT_LIST_DIR}/../compile_and_run.cmake")
set(ENV{PKG_CONFIG_LIBDIR} "${PREFIX}/share/pkgconfig")
unset(ENV{PKG_CONFIG_PATH})
set(define_prefix "")
if(MOVED)
  set(define_prefix --define-prefix)
endif()
execute_process(COMMAND "${PKG_CONFIG}" --modversion trackingmore-status
                OUTPUT_VARIABLE version OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
if(NOT version STREQUAL VERSION)
  message(FATAL_ERROR "pkg-config --modversion gives '${version}', not ${VERSION}")
endif()
execute_process(COMMAND "${PKG_CONFIG}" ${define_prefix} --cflags trackingmore-status
                OUTPUT_VARIABLE cflags OUTPUT_STRIP_TRAILING_WHITESPACE COMMAND_ERROR_IS_FATAL ANY)
# One include directory, in PREFIX: not a copy elsewhere that the compiler would find anyway.
# pkg-config writes a space in a path as "\ ".
if(NOT cflags MATCHES "^-I((\\\\ |[^ ])+)$")
  message(FATAL_ERROR "pkg-config --cflags gives '${cflags}', not one -I<dir>")
endif()
string(REPLACE "\\ " " " include_dir "${CMAKE_MATCH_1}")
cmake_path(IS_PREFIX PREFIX "${include_dir}" NORMALIZE in_prefix)
if(NOT in_prefix)
  message(FATAL_ERROR "pkg-config --cflags gives '${cflags}', outside ${PREFIX}")
endif()
separate_arguments(cflags UNIX_COMMAND "${cflags}")
compile_and_run(${cflags})
