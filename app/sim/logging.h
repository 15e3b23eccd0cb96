#pragma once

#include <QLoggingCategory>

// One category per library (STYLE.md). Never log tokens, secrets or patient data through it.
Q_DECLARE_LOGGING_CATEGORY(lcSim)
