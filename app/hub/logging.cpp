#include "hub/logging.h"

Q_LOGGING_CATEGORY(lcHub, "wardline.hub", QtInfoMsg)
