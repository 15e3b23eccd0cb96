#include "whatsapp/logging.h"

Q_LOGGING_CATEGORY(lcWhatsApp, "wardline.whatsapp", QtInfoMsg)
