#pragma once

#include <QLoggingCategory>

// One category per library (STYLE.md). Never log patient data, tokens or secrets through it.
Q_DECLARE_LOGGING_CATEGORY(lcWhatsApp)
