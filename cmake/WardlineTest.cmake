# wardline_add_test(NAME tst_x SOURCES ... LIBS ... [KEYRING] [ENVIRONMENT VAR=value ...])
#   Builds one Qt Test executable and registers it with ctest under "<folder>/<name>".
#   KEYRING runs it inside a private D-Bus session with an unlocked gnome-keyring.
function(wardline_add_test)
  cmake_parse_arguments(T "KEYRING" "NAME" "SOURCES;LIBS;ENVIRONMENT" ${ARGN})
  add_executable(${T_NAME} ${T_SOURCES})
  target_link_libraries(${T_NAME} PRIVATE Qt6::Test wardline_policy ${T_LIBS})
  target_include_directories(${T_NAME} PRIVATE ${PROJECT_SOURCE_DIR}/tests/common)
  get_filename_component(folder ${CMAKE_CURRENT_SOURCE_DIR} NAME)
  if(T_KEYRING)
    add_test(NAME ${folder}/${T_NAME}
      COMMAND ${PROJECT_SOURCE_DIR}/tests/with-keyring $<TARGET_FILE:${T_NAME}>)
  else()
    add_test(NAME ${folder}/${T_NAME} COMMAND ${T_NAME})
  endif()
  set_tests_properties(${folder}/${T_NAME} PROPERTIES
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;WARDLINE_BIN_DIR=${PROJECT_BINARY_DIR}/bin;${T_ENVIRONMENT}"
    LABELS ${folder})
endfunction()
