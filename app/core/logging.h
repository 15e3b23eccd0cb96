#pragma once

#include <QLoggingCategory>

// One category per library (STYLE.md). Never log patient data through any of them.
Q_DECLARE_LOGGING_CATEGORY(lcCore)
