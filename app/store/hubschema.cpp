#include "store/hubschema.h"

namespace Wardline::Store {

QList<Migration> hubMigrations()
{
    return {
        {1,
         QStringLiteral("staff accounts, audit trail, event log, hub settings"),
         {
             QStringLiteral("CREATE TABLE hub_settings ("
                            "key TEXT PRIMARY KEY, "
                            "value TEXT NOT NULL)"),
             QStringLiteral(
                 "CREATE TABLE users ("
                 "id INTEGER PRIMARY KEY, "
                 "username TEXT NOT NULL UNIQUE, "
                 "display_name TEXT NOT NULL DEFAULT '', "
                 "role TEXT NOT NULL CHECK (role IN ('nurse', 'receptionist', 'physician', "
                 "'administrator', 'auditor')), "
                 "password_hash TEXT NOT NULL, "
                 "active INTEGER NOT NULL DEFAULT 1, "
                 "must_change_password INTEGER NOT NULL DEFAULT 0, "
                 "failed_sign_ins INTEGER NOT NULL DEFAULT 0, "
                 "locked_until TEXT, "
                 "last_sign_in TEXT, "
                 "created_at TEXT NOT NULL)"),
             // Append-only; each row chains the previous row's hash (core/auditchain.h).
             QStringLiteral("CREATE TABLE audit_log ("
                            "id INTEGER PRIMARY KEY, "
                            "at TEXT NOT NULL, "
                            "actor TEXT NOT NULL, "
                            "action TEXT NOT NULL, "
                            "subject TEXT NOT NULL DEFAULT '', "
                            "detail TEXT NOT NULL DEFAULT '', "
                            "prev_hash TEXT NOT NULL, "
                            "hash TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX audit_log_actor ON audit_log (actor, at)"),
             // What consoles sync from: one sequence number per change, never reused.
             QStringLiteral("CREATE TABLE events ("
                            "seq INTEGER PRIMARY KEY AUTOINCREMENT, "
                            "at TEXT NOT NULL, "
                            "kind TEXT NOT NULL, "
                            "payload TEXT NOT NULL)"),
         }},
        {2,
         QStringLiteral("staff sessions"),
         {
             // Server-side sessions: only a hash of the token is stored, so a copy of the
             // database does not let anyone sign in.
             QStringLiteral("CREATE TABLE sessions ("
                            "token_hash TEXT PRIMARY KEY, "
                            "user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE, "
                            "created_at TEXT NOT NULL, "
                            "last_seen_at TEXT NOT NULL, "
                            "expires_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX sessions_user ON sessions (user_id)"),
         }},
    };
}

QList<Migration> cacheMigrations()
{
    return {
        {1,
         QStringLiteral("sync position, cached events, drafts"),
         {
             QStringLiteral("CREATE TABLE cache_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE events ("
                            "seq INTEGER PRIMARY KEY, "
                            "kind TEXT NOT NULL, "
                            "payload TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE drafts ("
                            "conversation_id INTEGER PRIMARY KEY, "
                            "body TEXT NOT NULL, "
                            "updated_at TEXT NOT NULL)"),
         }},
    };
}

} // namespace Wardline::Store
