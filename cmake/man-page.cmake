# Writes OUTPUT (a gzipped man page, section 1) for PROGRAM from its --help and --version, with
# Debian's help2man (HELP2MAN); NAME is the one line of the page's NAME section.
#   cmake -DHELP2MAN=help2man -DPROGRAM=tmstatus -DNAME="..." -DOUTPUT=tmstatus.1.gz -P man-page.cmake
cmake_minimum_required(VERSION 3.25)
string(REGEX REPLACE "\\.gz$" "" page "${OUTPUT}")
# help2man runs PROGRAM through the shell, which splits a path with spaces ("build 2"): run it from
# its own directory.
get_filename_component(directory "${PROGRAM}" DIRECTORY)
get_filename_component(name "${PROGRAM}" NAME)
execute_process(COMMAND "${HELP2MAN}" --no-info --section=1 "--name=${NAME}" --output=${page}
                        "./${name}" WORKING_DIRECTORY "${directory}" COMMAND_ERROR_IS_FATAL ANY)
file(ARCHIVE_CREATE OUTPUT "${OUTPUT}" PATHS "${page}" FORMAT raw COMPRESSION GZip
     COMPRESSION_LEVEL 9)
