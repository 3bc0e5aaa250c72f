# `cpack -G DEB` (from the build folder) builds copylint_<version>_<arch>.deb:
# configure with -DCMAKE_INSTALL_PREFIX=/usr for Debian's layout (ci/deb-test.sh).
set(CPACK_PACKAGE_NAME copylint)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "translation-quality checker for article repositories")
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGING_INSTALL_PREFIX ${CMAKE_INSTALL_PREFIX})
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_MAINTAINER "copylint maintainers <maintainers@copylint.invalid>"
  CACHE STRING "The Debian package's Maintainer field")
set(CPACK_DEBIAN_PACKAGE_SECTION text)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The library's shlibs and an ldconfig trigger (not maintainer scripts).
configure_file(dist/debian/shlibs.in ${CMAKE_CURRENT_BINARY_DIR}/debian/shlibs @ONLY)
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
  ${CMAKE_CURRENT_BINARY_DIR}/debian/shlibs ${CMAKE_CURRENT_SOURCE_DIR}/dist/debian/triggers)
set(CPACK_DEBIAN_PACKAGE_DESCRIPTION "copylint checks the copy of article repositories (plain text and Markdown,
in any language) before it is published: misspellings with Hunspell,
paragraphs left untranslated, duplicated headings, sentences and
paragraphs, repeated words, broken dates and times, punctuation and quotes
that break the language's rules, invisible characters and lookalike
letters. It runs on files and folders, as a git pre-commit hook, and in CI
(GitHub, GitLab, SARIF, JUnit, Checkstyle reports). The package also holds
the C library, its header and pkg-config file.")

# English is recommended; every other dictionary that spelling.def knows is
# suggested, from the same table.
file(STRINGS src/checks/spelling.def COPYLINT_DICT_LINES REGEX "^SPELL_DICT")
set(COPYLINT_SUGGESTS "")
foreach(line IN LISTS COPYLINT_DICT_LINES)
  string(REGEX REPLACE ".*, \"([a-z0-9.-]+)\"\\)$" "\\1" package "${line}")
  if(NOT package STREQUAL "hunspell-en-us")
    list(APPEND COPYLINT_SUGGESTS ${package})
  endif()
endforeach()
list(REMOVE_DUPLICATES COPYLINT_SUGGESTS)
list(SORT COPYLINT_SUGGESTS)
string(REPLACE ";" ", " COPYLINT_SUGGESTS "${COPYLINT_SUGGESTS}")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "hunspell-en-us")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "${COPYLINT_SUGGESTS}")

include(CPack)
