# Builds the Catch2 3 sources SOURCE_DIR in BINARY_DIR with the compiler CXX, at -O0 without debug
# information to stay fast, and installs them into PREFIX: the package the "catch2 3: find_package"
# test finds. Run by ctest:
#   cmake -DSOURCE_DIR=... -DBINARY_DIR=... -DPREFIX=... -DGENERATOR=... -DCXX=...
#         -P install_catch2.cmake
cmake_minimum_required(VERSION 3.25)
execute_process(
  COMMAND ${CMAKE_COMMAND} -S ${SOURCE_DIR} -B ${BINARY_DIR} -G ${GENERATOR}
          -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE= -DCATCH_INSTALL_DOCS=OFF
  COMMAND_ERROR_IS_FATAL ANY)
# Two jobs: it is the only build the find_package test waits for.
execute_process(COMMAND ${CMAKE_COMMAND} --build ${BINARY_DIR} --parallel 2
                COMMAND_ERROR_IS_FATAL ANY)
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BINARY_DIR} --prefix ${PREFIX}
                COMMAND_ERROR_IS_FATAL ANY)
