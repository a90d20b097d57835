# Sets `maintainer` to the Debian packages' Maintainer, "Name <address>": whoever builds them,
# named as Debian's own tools (dch, debmake) name them, by DEBFULLNAME and DEBEMAIL (DEBEMAIL may
# also be "Name <address>"; EMAIL stands in for an unset DEBEMAIL). Read when the packages are
# made: by cpack, as its project config file (CPACK_PROJECT_CONFIG_FILE), and by the changelog's
# install step. Without a name and an address it stops with a message: a package never carries a
# made-up Maintainer.
set(address "$ENV{DEBEMAIL}")
if(address STREQUAL "")
  set(address "$ENV{EMAIL}")
endif()
set(name "$ENV{DEBFULLNAME}")
if(address MATCHES "^(.+) <(.+)>$")
  set(name "${CMAKE_MATCH_1}")
  set(address "${CMAKE_MATCH_2}")
endif()
if(name STREQUAL "" OR NOT address MATCHES "^[^@ <>]+@[^@ <>]+$")
  message(FATAL_ERROR "The Debian packages need their Maintainer, the person who builds them: set "
                      "DEBFULLNAME to your name and DEBEMAIL to your e-mail address (as for dch), "
                      "e.g. DEBFULLNAME='Jane Doe' DEBEMAIL=jane@example.org cpack")
endif()
set(maintainer "${name} <${address}>")
if(CPACK_GENERATOR) # run by cpack
  set(CPACK_DEBIAN_PACKAGE_MAINTAINER "${maintainer}")
endif()
