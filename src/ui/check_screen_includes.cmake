# cmake -DDIR=<src/ui/screens> [-DSTAMP=<file>] -P check_screen_includes.cmake
# Fails when a file in DIR includes the header of another screen. A file may include its own
# header (x_screen.cpp: x_screen.hpp) and a screen's part its screen's (wizard_steps.cpp:
# wizard_screen.hpp). Screens move by naming a route (ui/route.hpp); ui/screen_table builds them.
file(GLOB files "${DIR}/*.cpp" "${DIR}/*.hpp")
set(bad "")
foreach(file IN LISTS files)
  get_filename_component(stem "${file}" NAME_WE)
  string(REGEX REPLACE "_[a-z0-9]+$" "_screen" part_of "${stem}")
  file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*[\"<]ui/screens/")
  foreach(line IN LISTS lines)
    string(REGEX REPLACE ".*ui/screens/([A-Za-z0-9_]+)\\.hpp.*" "\\1" included "${line}")
    if(NOT included STREQUAL stem AND NOT included STREQUAL part_of)
      list(APPEND bad "${file}: ${line}")
    endif()
  endforeach()
endforeach()
if(bad)
  list(JOIN bad "\n  " text)
  message(FATAL_ERROR "A screen includes another screen (name a route instead):\n  ${text}")
endif()
if(STAMP)
  file(TOUCH "${STAMP}")
endif()
