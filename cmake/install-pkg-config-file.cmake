# Install-time part of the pkg-config file's install rule (CMakeLists.txt): fills in pc_in's
# prefix and includedir with CMAKE_INSTALL_PREFIX, the prefix of this install, and installs it.
# pkg-config reads a space in a value as the end of a flag, unless escaped ("build 2").
if(IS_ABSOLUTE "${includedir}")
  string(REPLACE " " "\\ " includedir "${includedir}")
else()
  set(includedir "\${prefix}/${includedir}")
endif()
string(REPLACE " " "\\ " prefix "${CMAKE_INSTALL_PREFIX}")
get_filename_component(pc_dir "${pc_in}" DIRECTORY)
configure_file("${pc_in}" "${pc_dir}/pkg-config-install/trackingmore-status.pc" @ONLY)
file(INSTALL "${pc_dir}/pkg-config-install/trackingmore-status.pc"
     DESTINATION "${CMAKE_INSTALL_PREFIX}/${pkgconfig_dir}")
