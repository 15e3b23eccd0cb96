'use strict';
// The reference receiver: what a small team would write with Express and better-sqlite3.
// Same contract as the hub's webhook listener, minus the hub's record keeping (patients,
// conversations, events): check the signature over the raw bytes, store each message once
// (UNIQUE wamid) and each status update once (UNIQUE wamid and status), answer 200 only after
// the commit. Like the hub, WAL with synchronous=FULL, so
// an acknowledged delivery survives a power cut. better-sqlite3 is synchronous: one transaction,
// and so one fsync, per delivery.
//
//   node receiver.js APP_SECRET_FILE DATABASE_FILE [PORT]
// prints "listening on http://127.0.0.1:PORT/webhook" once it accepts deliveries.
const crypto = require('node:crypto');
const fs = require('node:fs');
const express = require('express');
const Database = require('better-sqlite3');

const [secretFile, databaseFile, port = '0'] = process.argv.slice(2);
if (!secretFile || !databaseFile) {
  console.error('usage: node receiver.js APP_SECRET_FILE DATABASE_FILE [PORT]');
  process.exit(2);
}
const secret = fs.readFileSync(secretFile, 'utf8').trim();
if (!secret) throw new Error('the app secret is empty: an empty HMAC key proves nothing');

const db = new Database(databaseFile);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
// Read back, as the hub does: a setting that silently did not apply would flatter the figures.
if (db.pragma('journal_mode', { simple: true }) !== 'wal' ||
    db.pragma('synchronous', { simple: true }) !== 2) {
  throw new Error('journal_mode=WAL / synchronous=FULL did not apply');
}
db.exec(`CREATE TABLE IF NOT EXISTS messages (
  id INTEGER PRIMARY KEY,
  wamid TEXT NOT NULL UNIQUE,
  wa_id TEXT,
  user_id TEXT,
  type TEXT NOT NULL,
  body TEXT NOT NULL,
  payload TEXT NOT NULL,
  sent_at INTEGER,
  received_at TEXT NOT NULL)`);
db.exec(`CREATE TABLE IF NOT EXISTS statuses (
  id INTEGER PRIMARY KEY,
  wamid TEXT NOT NULL,
  status TEXT NOT NULL,
  recipient_id TEXT,
  payload TEXT NOT NULL,
  at INTEGER,
  UNIQUE (wamid, status))`);
const insert = db.prepare(`INSERT INTO messages
  (wamid, wa_id, user_id, type, body, payload, sent_at, received_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (wamid) DO NOTHING`);
const insertStatus = db.prepare(`INSERT INTO statuses (wamid, status, recipient_id, payload, at)
  VALUES (?, ?, ?, ?, ?) ON CONFLICT (wamid, status) DO NOTHING`);
const storeAll = db.transaction(({ messages, statuses }) => {
  for (const row of messages) insert.run(row);
  for (const row of statuses) insertStatus.run(row);
});

function signatureValid(header, body) {
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(header || '');
  if (!match) return false;
  const expected = crypto.createHmac('sha256', secret).update(body).digest();
  return crypto.timingSafeEqual(Buffer.from(match[1], 'hex'), expected);
}

function updatesOf(payload) {
  if (payload?.object !== 'whatsapp_business_account' || !Array.isArray(payload.entry)) return null;
  const now = new Date().toISOString();
  const messages = [];
  const statuses = [];
  for (const entry of payload.entry) {
    for (const change of entry?.changes ?? []) {
      for (const m of change?.value?.messages ?? []) {
        if (typeof m?.id !== 'string') continue;
        messages.push([m.id, m.from ?? null, m.from_user_id ?? null, String(m.type ?? 'unknown'),
          m.text?.body ?? '', JSON.stringify(m), Number(m.timestamp) || null, now]);
      }
      for (const s of change?.value?.statuses ?? []) {
        if (typeof s?.id !== 'string' || typeof s?.status !== 'string') continue;
        statuses.push([s.id, s.status, s.recipient_id ?? null, JSON.stringify(s),
          Number(s.timestamp) || null]);
      }
    }
  }
  return { messages, statuses };
}

const app = express();
app.disable('x-powered-by');
// The raw bytes are what Meta signed; the cap is the hub's default webhook/max_body.
app.post('/webhook', express.raw({ type: () => true, limit: 3 * 1024 * 1024 }), (req, res) => {
  const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (!signatureValid(req.get('x-hub-signature-256'), body)) return res.status(401).end();
  let updates;
  try {
    updates = updatesOf(JSON.parse(body));
  } catch {
    updates = null;
  }
  if (!updates) return res.status(400).end();
  try {
    storeAll(updates);
  } catch (error) {
    console.error(`not stored, answering 503: ${error.message}`);
    return res.status(503).end();
  }
  res.status(200).end();
});

const server = app.listen(Number(port), '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}/webhook`);
});
// On SIGTERM: no new connections, drop the idle ones, close the database (checkpoints the WAL).
const stop = () => {
  server.close(() => {
    db.close();
    process.exit(0);
  });
  server.closeIdleConnections();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
