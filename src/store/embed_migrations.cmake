# Generates a C++ source that holds every schema/<engine>/NNNN_name.sql file as
# a raw string literal, so the binary needs no source tree at run time. One
# script for every engine: each passes the header that declares `Migration`
# and `EmbeddedMigrations()`, and the namespace they live in.
# Usage: cmake -DSQL_DIR=<dir> -DOUT=<file.cc> -DHEADER=<store/x/migrations.h>
#              -DNAMESPACE=<mporders::x> -P embed_migrations.cmake

file(GLOB sql_files RELATIVE "${SQL_DIR}" "${SQL_DIR}/*.sql")
list(SORT sql_files)

set(delimiter "mpsql")
set(entries "")
foreach(name IN LISTS sql_files)
  if(NOT name MATCHES "^([0-9]+)_[A-Za-z0-9_]+\\.sql$")
    message(FATAL_ERROR "migration file name must look like 0001_name.sql: ${name}")
  endif()
  # Strip leading zeros: a C++ literal with a leading zero is octal.
  string(REGEX REPLACE "^0+([0-9])" "\\1" version "${CMAKE_MATCH_1}")
  file(READ "${SQL_DIR}/${name}" sql)
  string(FIND "${sql}" ")${delimiter}\"" clash)
  if(NOT clash EQUAL -1)
    message(FATAL_ERROR "${name} contains the raw string delimiter )${delimiter}\"")
  endif()
  string(APPEND entries
    "    {${version}, \"${name}\", R\"${delimiter}(${sql})${delimiter}\"},\n")
endforeach()

get_filename_component(engine "${SQL_DIR}" NAME)
set(content "// Generated from schema/${engine} by embed_migrations.cmake. Do not edit.
#include \"${HEADER}\"

namespace ${NAMESPACE} {

std::span<const Migration> EmbeddedMigrations() {
  static const Migration kMigrations[] = {
${entries}  };
  return kMigrations;
}

}  // namespace ${NAMESPACE}
")

# Rewrite only on change so that an unrelated rebuild does not recompile it.
if(EXISTS "${OUT}")
  file(READ "${OUT}" old)
  if(old STREQUAL content)
    return()
  endif()
endif()
file(WRITE "${OUT}" "${content}")
