# What `cmake --install` puts where (GNU layout; DESTDIR and --prefix work).
install(TARGETS copylint RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(TARGETS copylint_shared
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_SKIP)
install(TARGETS copylint_shared
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR} NAMELINK_ONLY COMPONENT dev)
install(TARGETS copylint_lib ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR} COMPONENT dev)
install(DIRECTORY include/copylint DESTINATION ${CMAKE_INSTALL_INCLUDEDIR} COMPONENT dev)

# copylint.pc names the prefix the files are installed under, which
# `cmake --install --prefix` may change after configuring: it is written at
# install time.
set(COPYLINT_PC_PREFIX "@COPYLINT_PC_PREFIX@")  # kept for the install-time pass
configure_file(dist/copylint.pc.in ${CMAKE_CURRENT_BINARY_DIR}/copylint.pc.in @ONLY)
install(CODE "
  set(COPYLINT_PC_PREFIX \"\${CMAKE_INSTALL_PREFIX}\")
  configure_file(\"${CMAKE_CURRENT_BINARY_DIR}/copylint.pc.in\"
                 \"${CMAKE_CURRENT_BINARY_DIR}/copylint.pc\" @ONLY)" COMPONENT dev)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/copylint.pc
  DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig COMPONENT dev)

install(DIRECTORY dictionaries/ DESTINATION ${CMAKE_INSTALL_DATADIR}/copylint/dictionaries)
# Man pages compressed, as Debian wants them (man reads both).
foreach(page copylint.1 copylint.yml.5)
  string(REGEX REPLACE ".*\\.([0-9])$" "\\1" section ${page})
  execute_process(COMMAND gzip -9 -n -c ${CMAKE_CURRENT_SOURCE_DIR}/dist/man/${page}
    OUTPUT_FILE ${CMAKE_CURRENT_BINARY_DIR}/${page}.gz)
  set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS dist/man/${page})
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/${page}.gz DESTINATION ${CMAKE_INSTALL_MANDIR}/man${section})
endforeach()
install(FILES dist/completions/copylint.bash
  DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions RENAME copylint)
install(FILES dist/completions/_copylint
  DESTINATION ${CMAKE_INSTALL_DATADIR}/zsh/vendor-completions)
install(FILES dist/completions/copylint.fish
  DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)

# Debian wants these in every package's doc folder; they do no harm elsewhere.
execute_process(COMMAND gzip -9 -n -c ${CMAKE_CURRENT_SOURCE_DIR}/dist/debian/changelog
  OUTPUT_FILE ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz)
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS dist/debian/changelog)
install(FILES dist/debian/copyright ${CMAKE_CURRENT_BINARY_DIR}/changelog.gz
  DESTINATION ${CMAKE_INSTALL_DOCDIR})
