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
        {3,
         QStringLiteral("patients, conversations, messages, statuses, media, templates, outbox"),
         {
             QStringLiteral("CREATE TABLE patients ("
                            "id INTEGER PRIMARY KEY, "
                            "wa_id TEXT, "
                            "business_user_id TEXT, "
                            "phone_e164 TEXT, "
                            "profile_name TEXT NOT NULL DEFAULT '', "
                            "display_name TEXT NOT NULL DEFAULT '', "
                            "language TEXT NOT NULL DEFAULT '', "
                            "time_zone TEXT NOT NULL DEFAULT '', "
                            "opt_in TEXT NOT NULL DEFAULT 'unknown', "
                            "created_at TEXT NOT NULL, "
                            "updated_at TEXT NOT NULL)"),
             // Every identifier a patient was ever known by (wa_id, business-scoped user id),
             // so a number Meta rewrites or a new user id still finds the same patient.
             QStringLiteral("CREATE TABLE patient_identities ("
                            "kind TEXT NOT NULL CHECK (kind IN ('wa_id', 'user_id')), "
                            "value TEXT NOT NULL, "
                            "patient_id INTEGER NOT NULL REFERENCES patients(id), "
                            "PRIMARY KEY (kind, value))"),
             QStringLiteral(
                 "CREATE TABLE conversations ("
                 "id INTEGER PRIMARY KEY, "
                 "patient_id INTEGER NOT NULL REFERENCES patients(id), "
                 "phone_number_id TEXT NOT NULL DEFAULT '', "
                 "state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'closed')), "
                 "category TEXT NOT NULL DEFAULT 'GENERAL', "
                 "priority TEXT NOT NULL DEFAULT 'P4', "
                 "triage_reason TEXT NOT NULL DEFAULT '', "
                 "assignee_id INTEGER REFERENCES users(id), "
                 "last_inbound_at TEXT, "
                 "last_message_at TEXT, "
                 "unread INTEGER NOT NULL DEFAULT 0, "
                 "created_at TEXT NOT NULL, "
                 "closed_at TEXT)"),
             QStringLiteral(
                 "CREATE INDEX conversations_patient ON conversations (patient_id, state)"),
             QStringLiteral("CREATE TABLE messages ("
                            "id INTEGER PRIMARY KEY, "
                            "conversation_id INTEGER NOT NULL REFERENCES conversations(id), "
                            "wamid TEXT UNIQUE, "
                            "direction TEXT NOT NULL CHECK (direction IN ('in', 'out', 'note')), "
                            "type TEXT NOT NULL, "
                            "body TEXT NOT NULL DEFAULT '', "
                            "payload TEXT NOT NULL DEFAULT '{}', "
                            "reply_to_wamid TEXT, "
                            "status TEXT NOT NULL DEFAULT 'pending', "
                            "status_at TEXT, "
                            "error_code INTEGER, "
                            "error_text TEXT, "
                            "author_id INTEGER REFERENCES users(id), "
                            "sent_at TEXT NOT NULL, "
                            "created_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX messages_conversation ON messages (conversation_id, id)"),
             // Each status Meta reported, once: redeliveries and late arrivals change nothing.
             QStringLiteral("CREATE TABLE message_statuses ("
                            "wamid TEXT NOT NULL, "
                            "status TEXT NOT NULL, "
                            "at TEXT NOT NULL, "
                            "payload TEXT NOT NULL DEFAULT '{}', "
                            "PRIMARY KEY (wamid, status))"),
             QStringLiteral("CREATE TABLE media ("
                            "id INTEGER PRIMARY KEY, "
                            "message_id INTEGER REFERENCES messages(id), "
                            "meta_media_id TEXT UNIQUE, "
                            "mime_type TEXT NOT NULL DEFAULT '', "
                            "sha256 TEXT NOT NULL DEFAULT '', "
                            "size INTEGER, "
                            "data BLOB, "
                            "state TEXT NOT NULL DEFAULT 'pending', "
                            "attempts INTEGER NOT NULL DEFAULT 0, "
                            "error_text TEXT, "
                            "fetched_at TEXT)"),
             QStringLiteral("CREATE TABLE templates ("
                            "id INTEGER PRIMARY KEY, "
                            "meta_id TEXT, "
                            "name TEXT NOT NULL, "
                            "language TEXT NOT NULL, "
                            "category TEXT NOT NULL DEFAULT '', "
                            "status TEXT NOT NULL DEFAULT 'PENDING', "
                            "components TEXT NOT NULL DEFAULT '[]', "
                            "reason TEXT NOT NULL DEFAULT '', "
                            "updated_at TEXT NOT NULL, "
                            "UNIQUE (name, language))"),
             QStringLiteral("CREATE TABLE outbox ("
                            "id INTEGER PRIMARY KEY, "
                            "idempotency_key TEXT NOT NULL UNIQUE, "
                            "conversation_id INTEGER REFERENCES conversations(id), "
                            "message_id INTEGER REFERENCES messages(id), "
                            "payload TEXT NOT NULL, "
                            "state TEXT NOT NULL DEFAULT 'queued', "
                            "attempts INTEGER NOT NULL DEFAULT 0, "
                            "next_attempt_at TEXT NOT NULL, "
                            "wamid TEXT, "
                            "error_code INTEGER, "
                            "error_text TEXT, "
                            "created_at TEXT NOT NULL, "
                            "updated_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX outbox_due ON outbox (state, next_attempt_at)"),
             // One row per webhook delivery acknowledged: what arrived when (never its body).
             QStringLiteral("CREATE TABLE webhook_deliveries ("
                            "id INTEGER PRIMARY KEY, "
                            "received_at TEXT NOT NULL, "
                            "body_sha256 TEXT NOT NULL, "
                            "messages INTEGER NOT NULL, "
                            "statuses INTEGER NOT NULL, "
                            "problems INTEGER NOT NULL)"),
         }},
        {4,
         QStringLiteral("triage, appointments, medications, pathways, photo reviews, scheduler"),
         {
             // What triage decided for each patient message (the reason is shown to nurses).
             QStringLiteral("ALTER TABLE messages ADD COLUMN category TEXT"),
             QStringLiteral("ALTER TABLE messages ADD COLUMN priority TEXT"),
             QStringLiteral("ALTER TABLE messages ADD COLUMN triage_reason TEXT"),
             // The queue's service-level timer: due, what it is for, and whether it was missed.
             QStringLiteral("ALTER TABLE conversations ADD COLUMN sla_kind TEXT"),
             QStringLiteral("ALTER TABLE conversations ADD COLUMN sla_due_at TEXT"),
             QStringLiteral(
                 "ALTER TABLE conversations ADD COLUMN sla_breached INTEGER NOT NULL DEFAULT 0"),
             QStringLiteral("ALTER TABLE conversations ADD COLUMN alert_at TEXT"),
             // The hospital's own identifier (FHIR Patient.id, a CSV patient_id).
             QStringLiteral("ALTER TABLE patients ADD COLUMN external_id TEXT"),
             QStringLiteral("ALTER TABLE patients ADD COLUMN opt_in_changed_at TEXT"),
             QStringLiteral("CREATE UNIQUE INDEX patients_external ON patients (external_id)"),
             QStringLiteral("CREATE INDEX patients_phone ON patients (phone_e164)"),
             QStringLiteral(
                 "CREATE TABLE appointments ("
                 "id INTEGER PRIMARY KEY, "
                 "external_id TEXT UNIQUE, "
                 "patient_id INTEGER NOT NULL REFERENCES patients(id), "
                 "start_at TEXT NOT NULL, "
                 "end_at TEXT, "
                 "provider TEXT NOT NULL DEFAULT '', "
                 "location TEXT NOT NULL DEFAULT '', "
                 "description TEXT NOT NULL DEFAULT '', "
                 "instructions TEXT NOT NULL DEFAULT '', "
                 "status TEXT NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', "
                 "'confirmed', 'change_requested', 'cancelled', 'noshow', 'fulfilled')), "
                 "change_requested_at TEXT, "
                 "confirmed_at TEXT, "
                 "created_at TEXT NOT NULL, "
                 "updated_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX appointments_start ON appointments (start_at)"),
             QStringLiteral(
                 "CREATE INDEX appointments_patient ON appointments (patient_id, start_at)"),
             QStringLiteral("CREATE TABLE medication_schedules ("
                            "id INTEGER PRIMARY KEY, "
                            "patient_id INTEGER NOT NULL REFERENCES patients(id), "
                            "medication TEXT NOT NULL, "
                            "times TEXT NOT NULL, "
                            "first_day TEXT NOT NULL, "
                            "last_day TEXT, "
                            "active INTEGER NOT NULL DEFAULT 1, "
                            "created_at TEXT NOT NULL)"),
             // One row per dose reminded: what the patient answered (adherence).
             QStringLiteral("CREATE TABLE medication_doses ("
                            "dose_key TEXT PRIMARY KEY, "
                            "schedule_id INTEGER NOT NULL REFERENCES medication_schedules(id), "
                            "due_at TEXT NOT NULL, "
                            "state TEXT NOT NULL DEFAULT 'reminded' CHECK (state IN "
                            "('reminded', 'taken', 'skipped', 'missed')), "
                            "answered_at TEXT)"),
             QStringLiteral("CREATE TABLE pathways ("
                            "id INTEGER PRIMARY KEY, "
                            "patient_id INTEGER NOT NULL REFERENCES patients(id), "
                            "kind TEXT NOT NULL DEFAULT 'post_surgical', "
                            "surgery_date TEXT NOT NULL, "
                            "state TEXT NOT NULL DEFAULT 'active' CHECK (state IN ('active', "
                            "'completed', 'stopped')), "
                            "created_at TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE pathway_steps ("
                            "pathway_id INTEGER NOT NULL REFERENCES pathways(id), "
                            "day INTEGER NOT NULL, "
                            "sent_at TEXT NOT NULL, "
                            "answered_at TEXT, "
                            "answer TEXT, "
                            "nudged_at TEXT, "
                            "task_at TEXT, "
                            "PRIMARY KEY (pathway_id, day))"),
             QStringLiteral("CREATE TABLE photo_reviews ("
                            "id INTEGER PRIMARY KEY, "
                            "message_id INTEGER NOT NULL UNIQUE REFERENCES messages(id), "
                            "conversation_id INTEGER NOT NULL REFERENCES conversations(id), "
                            "pathway_id INTEGER REFERENCES pathways(id), "
                            "pathway_day INTEGER, "
                            "state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', "
                            "'reviewed')), "
                            "outcome TEXT, "
                            "note TEXT, "
                            "reviewer_id INTEGER REFERENCES users(id), "
                            "reviewed_at TEXT, "
                            "created_at TEXT NOT NULL)"),
             QStringLiteral(
                 "CREATE INDEX photo_reviews_state ON photo_reviews (state, created_at)"),
             // Work for staff the hub raised: an unanswered pathway step, a pain score to call
             // about, a missed service level.
             QStringLiteral("CREATE TABLE tasks ("
                            "id INTEGER PRIMARY KEY, "
                            "conversation_id INTEGER REFERENCES conversations(id), "
                            "kind TEXT NOT NULL, "
                            "subject TEXT NOT NULL DEFAULT '', "
                            "created_at TEXT NOT NULL, "
                            "done_at TEXT, "
                            "UNIQUE (kind, subject))"),
             // Every automated send the scheduler decided on, under its deterministic key:
             // sent (the outbox row has the same key) or skipped with the reason.
             QStringLiteral("CREATE TABLE scheduled_sends ("
                            "send_key TEXT PRIMARY KEY, "
                            "kind TEXT NOT NULL, "
                            "patient_id INTEGER REFERENCES patients(id), "
                            "due_at TEXT NOT NULL, "
                            "decided_at TEXT NOT NULL, "
                            "outcome TEXT NOT NULL CHECK (outcome IN ('sent', 'skipped')), "
                            "reason TEXT NOT NULL DEFAULT '')"),
         }},
        {5,
         QStringLiteral("template parameter format"),
         {
             // POSITIONAL ({{1}}) or NAMED ({{name}}), as an administrator built it.
             QStringLiteral("ALTER TABLE templates ADD COLUMN parameter_format TEXT NOT NULL "
                            "DEFAULT ''"),
         }},
        {6,
         QStringLiteral("console keys on internal notes"),
         {
             // A note a console retried after a lost answer is the same note.
             QStringLiteral("ALTER TABLE messages ADD COLUMN client_key TEXT"),
             QStringLiteral("CREATE UNIQUE INDEX messages_client_key ON messages (client_key)"),
         }},
        {7,
         QStringLiteral("permission table overrides"),
         {
             // Only the cells an administrator changed from Core's defaults; every hub sharing
             // the database reads them on each check, so a change applies everywhere at once.
             QStringLiteral("CREATE TABLE permission_overrides ("
                            "role TEXT NOT NULL, "
                            "permission TEXT NOT NULL, "
                            "allowed INTEGER NOT NULL CHECK (allowed IN (0, 1)), "
                            "changed_by TEXT NOT NULL, "
                            "changed_at TEXT NOT NULL, "
                            "PRIMARY KEY (role, permission))"),
         }},
        {8,
         QStringLiteral("canned responses"),
         {
             // Saved replies staff insert in the composer and edit before sending; the hub
             // fills the site's placeholders, the console the patient's. One shortcut per
             // language, so "/directions" means one text for each patient.
             QStringLiteral("CREATE TABLE canned_responses ("
                            "id INTEGER PRIMARY KEY, "
                            "shortcut TEXT NOT NULL, "
                            "language TEXT NOT NULL, "
                            "title TEXT NOT NULL, "
                            "body TEXT NOT NULL, "
                            "updated_by TEXT NOT NULL DEFAULT '', "
                            "updated_at TEXT, "
                            "UNIQUE (language, shortcut))"),
             // A few a new site starts with; administrators change them from a console.
             QStringLiteral(
                 "INSERT INTO canned_responses (shortcut, language, title, body) VALUES "
                 "('/received', 'en', 'Message received', 'Hello {patient_first_name}, we have "
                 "received your message. A member of the care team will answer you here "
                 "shortly.'), "
                 "('/directions', 'en', 'Directions to the clinic', 'Hello "
                 "{patient_first_name}, you will find us at {site_name}, {site_address}. If "
                 "you cannot find us, call {site_phone}.'), "
                 "('/refill', 'en', 'Refill request received', 'Hello {patient_first_name}, "
                 "we have received your refill request. The pharmacy team will write to you "
                 "here when your prescription is ready.'), "
                 "('/labs', 'en', 'Lab results by phone', 'Hello {patient_first_name}, to "
                 "protect your privacy we give lab results by phone. Please call {site_phone} "
                 "on a weekday and ask for the nurse on duty.'), "
                 "('/received', 'es', 'Mensaje recibido', 'Hola, {patient_first_name}: hemos "
                 "recibido su mensaje. Un miembro del equipo de atención le responderá por "
                 "aquí en breve.'), "
                 "('/directions', 'es', 'Cómo llegar a la clínica', 'Hola, "
                 "{patient_first_name}: nos encuentra en {site_name}, {site_address}. Si no "
                 "nos encuentra, llame al {site_phone}.'), "
                 "('/refill', 'es', 'Solicitud de receta recibida', 'Hola, "
                 "{patient_first_name}: hemos recibido su solicitud de renovación de receta. "
                 "El equipo de farmacia le escribirá por aquí cuando su receta esté lista.'), "
                 "('/labs', 'es', 'Resultados de laboratorio por teléfono', 'Hola, "
                 "{patient_first_name}: para proteger su privacidad, comunicamos los "
                 "resultados de laboratorio por teléfono. Llame al {site_phone} en un día "
                 "laborable y pregunte por la enfermera de turno.')"),
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
        {2,
         QStringLiteral("inbox summaries with full-text search"),
         {
             // One row per conversation as GET /api/v1/inbox gives it; seq is the event the
             // row is current to. Times are ISO 8601 UTC text, NULL when the hub sent null.
             QStringLiteral("CREATE TABLE conversations ("
                            "id INTEGER PRIMARY KEY, "
                            "patient_id INTEGER NOT NULL, "
                            "patient_name TEXT NOT NULL DEFAULT '', "
                            "phone TEXT NOT NULL DEFAULT '', "
                            "language TEXT NOT NULL DEFAULT '', "
                            "category TEXT NOT NULL DEFAULT '', "
                            "priority TEXT NOT NULL DEFAULT '', "
                            "triage_reason TEXT NOT NULL DEFAULT '', "
                            "state TEXT NOT NULL DEFAULT '', "
                            "assignee_id INTEGER NOT NULL DEFAULT 0, "
                            "assignee_name TEXT NOT NULL DEFAULT '', "
                            "unread INTEGER NOT NULL DEFAULT 0, "
                            "last_inbound_at TEXT, "
                            "last_message_at TEXT, "
                            "preview TEXT NOT NULL DEFAULT '', "
                            "preview_direction TEXT NOT NULL DEFAULT '', "
                            "sla_kind TEXT NOT NULL DEFAULT '', "
                            "sla_due_at TEXT, "
                            "sla_breached INTEGER NOT NULL DEFAULT 0, "
                            "alert_at TEXT, "
                            "seq INTEGER NOT NULL DEFAULT 0)"),
             QStringLiteral("CREATE INDEX conversations_patient ON conversations (patient_id)"),
             // External content: the words live once, in conversations; the index follows it
             // through the triggers below. Diacritics are folded so "Jose" finds "José".
             QStringLiteral("CREATE VIRTUAL TABLE conversations_fts USING fts5("
                            "patient_name, phone, preview, "
                            "content='conversations', content_rowid='id', "
                            "tokenize='unicode61 remove_diacritics 2')"),
             QStringLiteral("CREATE TRIGGER conversations_fts_insert AFTER INSERT ON "
                            "conversations BEGIN "
                            "INSERT INTO conversations_fts (rowid, patient_name, phone, preview) "
                            "VALUES (new.id, new.patient_name, new.phone, new.preview); END"),
             QStringLiteral("CREATE TRIGGER conversations_fts_delete AFTER DELETE ON "
                            "conversations BEGIN "
                            "INSERT INTO conversations_fts (conversations_fts, rowid, "
                            "patient_name, phone, preview) VALUES ('delete', old.id, "
                            "old.patient_name, old.phone, old.preview); END"),
             QStringLiteral("CREATE TRIGGER conversations_fts_update AFTER UPDATE OF "
                            "patient_name, phone, preview ON conversations BEGIN "
                            "INSERT INTO conversations_fts (conversations_fts, rowid, "
                            "patient_name, phone, preview) VALUES ('delete', old.id, "
                            "old.patient_name, old.phone, old.preview); "
                            "INSERT INTO conversations_fts (rowid, patient_name, phone, preview) "
                            "VALUES (new.id, new.patient_name, new.phone, new.preview); END"),
         }},
        {3,
         QStringLiteral("sends kept while the hub is unreachable"),
         {
             // What staff sent while offline, delivered once the hub is back. The key is the
             // idempotency key the hub is given, so a send repeated after a lost answer is
             // never a second message to the patient. kind: text, template, note; body: the
             // request's JSON.
             QStringLiteral("CREATE TABLE outbox ("
                            "key TEXT PRIMARY KEY, "
                            "conversation_id INTEGER NOT NULL, "
                            "kind TEXT NOT NULL, "
                            "body TEXT NOT NULL, "
                            "created_at TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX outbox_conversation ON outbox (conversation_id)"),
         }},
        {4,
         QStringLiteral("conversations as last opened, with full-text search of their messages"),
         {
             // The hub's answer to GET /api/v1/conversations/ID without its messages, and the
             // messages one row each (payload: the hub's JSON of the message; words: what is
             // searched), so a conversation opens from here at once and reads while offline.
             QStringLiteral("CREATE TABLE conversation_details ("
                            "conversation_id INTEGER PRIMARY KEY, "
                            "answer TEXT NOT NULL, "
                            "fetched_at TEXT NOT NULL)"),
             QStringLiteral("CREATE TABLE messages ("
                            "id INTEGER PRIMARY KEY, "
                            "conversation_id INTEGER NOT NULL, "
                            "words TEXT NOT NULL DEFAULT '', "
                            "payload TEXT NOT NULL)"),
             QStringLiteral("CREATE INDEX messages_conversation ON messages (conversation_id, id)"),
             QStringLiteral("CREATE VIRTUAL TABLE messages_fts USING fts5("
                            "words, content='messages', content_rowid='id', "
                            "tokenize='unicode61 remove_diacritics 2')"),
             QStringLiteral("CREATE TRIGGER messages_fts_insert AFTER INSERT ON messages BEGIN "
                            "INSERT INTO messages_fts (rowid, words) VALUES (new.id, new.words); "
                            "END"),
             QStringLiteral("CREATE TRIGGER messages_fts_delete AFTER DELETE ON messages BEGIN "
                            "INSERT INTO messages_fts (messages_fts, rowid, words) "
                            "VALUES ('delete', old.id, old.words); END"),
             QStringLiteral("CREATE TRIGGER messages_fts_update AFTER UPDATE OF words ON "
                            "messages BEGIN "
                            "INSERT INTO messages_fts (messages_fts, rowid, words) "
                            "VALUES ('delete', old.id, old.words); "
                            "INSERT INTO messages_fts (rowid, words) VALUES (new.id, new.words); "
                            "END"),
         }},
    };
}

} // namespace Wardline::Store
