#include "ui/logging.h"

Q_LOGGING_CATEGORY(lcUi, "wardline.ui", QtInfoMsg)
