#include "console/logging.h"

Q_LOGGING_CATEGORY(lcConsole, "wardline.console", QtInfoMsg)
