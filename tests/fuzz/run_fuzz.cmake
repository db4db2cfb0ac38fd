# Runs a libFuzzer target (pekon_parsers_fuzz, pekon_image_fuzz) for a bounded time over a
# copy of its seed corpus.
#   cmake -DFUZZER=<binary> -DSEED_CORPUS=<dir> -DWORK_DIR=<dir> [-DDICT=<file>] [-DSECONDS=30]
#         [-DMAX_LEN=4096] -P run_fuzz.cmake
# Fails when the fuzzer reports a crash, a sanitizer error, a timeout or an out-of-memory.
foreach(var FUZZER SEED_CORPUS WORK_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "run_fuzz.cmake: -D${var}=... is required")
  endif()
endforeach()
if(NOT DEFINED SECONDS)
  set(SECONDS 30)
endif()
if(NOT DEFINED MAX_LEN)
  set(MAX_LEN 4096)
endif()

set(corpus "${WORK_DIR}/corpus")
set(artifacts "${WORK_DIR}/artifacts/")
file(REMOVE_RECURSE "${corpus}")
file(MAKE_DIRECTORY "${corpus}" "${artifacts}")
file(COPY "${SEED_CORPUS}/" DESTINATION "${corpus}")

set(args -max_total_time=${SECONDS} -rss_limit_mb=2048 -timeout=10 -max_len=${MAX_LEN}
         -print_final_stats=1 -artifact_prefix=${artifacts})
if(DEFINED DICT AND EXISTS "${DICT}")
  list(APPEND args -dict=${DICT})
endif()

message(STATUS "${FUZZER} ${args} ${corpus}")
execute_process(COMMAND "${FUZZER}" ${args} "${corpus}"
                RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  get_filename_component(name "${FUZZER}" NAME)
  message(FATAL_ERROR "${name} failed (${rc}); the input is in ${artifacts}")
endif()
