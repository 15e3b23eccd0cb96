#include "sim/logging.h"

Q_LOGGING_CATEGORY(lcSim, "wardline.sim", QtInfoMsg)
