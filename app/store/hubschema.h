#pragma once

#include "store/migrator.h"

namespace Wardline::Store {

/// The hub's schema, oldest migration first. Append new migrations; never edit a released one.
[[nodiscard]] QList<Migration> hubMigrations();

/// The console cache's schema.
[[nodiscard]] QList<Migration> cacheMigrations();

} // namespace Wardline::Store
