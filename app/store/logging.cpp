#include "store/logging.h"

Q_LOGGING_CATEGORY(lcStore, "wardline.store", QtInfoMsg)
