# Writes a C++ source that returns the text of INPUT from FUNCTION() in
# namespace mporders, so data files travel inside the binary.
# Usage: cmake -DINPUT=<file> -DOUTPUT=<file.cc> -DFUNCTION=<name> -P embed_text.cmake
file(READ "${INPUT}" content)
# A raw string literal keeps the text verbatim; its delimiter must not occur in it.
set(delimiter "mpembed")
string(FIND "${content}" ")${delimiter}\"" clash)
if(NOT clash EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains the raw-string delimiter )${delimiter}\"")
endif()
file(WRITE "${OUTPUT}.tmp"
  "// Generated from ${INPUT} by embed_text.cmake. Do not edit.\n"
  "#include <string_view>\n\n"
  "namespace mporders {\n\n"
  "std::string_view ${FUNCTION}() {\n"
  "  static constexpr std::string_view kText = R\"${delimiter}(${content})${delimiter}\";\n"
  "  return kText;\n"
  "}\n\n"
  "}  // namespace mporders\n")
# Only touch OUTPUT when the text changed, so unrelated edits rebuild nothing.
file(COPY_FILE "${OUTPUT}.tmp" "${OUTPUT}" ONLY_IF_DIFFERENT)
file(REMOVE "${OUTPUT}.tmp")
