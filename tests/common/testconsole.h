#pragma once

// The console's side of end-to-end tests: signing in to a hub started by the test.
#include "console/hubclient.h"
#include "console/hubsession.h"

#include <QTest>
#include <QUrl>

#include <optional>

namespace Wardline::Test {

/// Signs \a username in to the hub at \a apiUrl through \a client, waiting at most \a patience
/// ms; the session, or nothing (and the hub's reason in \a error).
[[nodiscard]] inline std::optional<Console::HubSession>
signIn(Console::HubClient &client, const QString &apiUrl, const QString &username,
       const QString &password, int patience, QString *error = nullptr)
{
    std::optional<Console::HubSession> session;
    bool answered = false;
    client.signIn(QUrl(apiUrl), username, password,
                  [&](Core::Result<Console::HubSession> r, Console::HubClient::Failure) {
                      answered = true;
                      if (r)
                          session = std::move(r).value();
                      else if (error)
                          *error = r.error();
                  });
    if (!QTest::qWaitFor([&] { return answered; }, patience))
        return std::nullopt;
    return session;
}

} // namespace Wardline::Test
