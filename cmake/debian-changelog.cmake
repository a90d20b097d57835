# Install step of a Debian package (debian-package.cmake): the changelog of this native package,
# this release's entry signed by the Maintainer (debian-maintainer.cmake), as
# share/doc/PACKAGE/changelog.gz. NAME, VERSION, DOC_DIR and BINARY_DIR come from the install rule.
include("${CMAKE_CURRENT_LIST_DIR}/debian-maintainer.cmake")
string(TIMESTAMP date "%a, %d %b %Y %H:%M:%S +0000" UTC) # SOURCE_DATE_EPOCH when set
set(changelog "${BINARY_DIR}/debian/${PACKAGE}/changelog")
file(WRITE "${changelog}" "${NAME} (${VERSION}) unstable; urgency=medium\n\n"
                          "  * Release ${VERSION}.\n\n -- ${maintainer}  ${date}\n")
file(ARCHIVE_CREATE OUTPUT "${changelog}.gz" PATHS "${changelog}" FORMAT raw COMPRESSION GZip
     COMPRESSION_LEVEL 9)
file(INSTALL "${changelog}.gz" DESTINATION "${CMAKE_INSTALL_PREFIX}/${DOC_DIR}/${PACKAGE}")
