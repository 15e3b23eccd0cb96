#pragma once

#include "core/result.h"

#include <QSqlDatabase>

namespace Wardline::Hub {

class HubConfig;

/// Opens the hub's record as the config says (key file checked, schema brought up to date).
/// \a create is for `init` only: serve never creates an empty database in place of a lost one.
[[nodiscard]] Core::Result<QSqlDatabase>
openHubDatabase(const HubConfig &config, const QString &connectionName, bool create = false);

} // namespace Wardline::Hub
