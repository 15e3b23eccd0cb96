'use strict';
// Writes N distinct signed webhook deliveries, one per line: "<id>\t<signature>\t<body>".
// Each body is a Meta "messages" webhook as the Cloud API sends it (see WHATSAPP.md §2). The body
// is compact JSON, so it never holds a tab or a newline, and the signature is computed over
// exactly those bytes.
//
//   node gen.js APP_SECRET_FILE COUNT OUT_FILE [PREFIX] [BATCH]
//
// PREFIX keeps the wamids of separate files (warm-up, measured run) apart.
// With BATCH 1 (the default) a delivery carries one inbound text message from one of a few
// hundred patients, and its id is that message's wamid.
// With BATCH > 1 a delivery carries BATCH updates, each its own entry[0].changes[] item, as Meta
// batches notifications (up to 1,000 per delivery): inbound text messages and status updates
// (sent, delivered, read) for messages the business sent, alternately. Its id is then
// "<PREFIX>-<n>", and OUT_FILE.keys lists what it carries, one "<id>\t<key>" a line, the key
// being "m:<wamid>" for a message and "s:<wamid>:<status>" for a status update.
const crypto = require('node:crypto');
const fs = require('node:fs');

const [secretFile, countText, outFile, prefix = 'm', batchText = '1'] = process.argv.slice(2);
const count = Number(countText);
const batch = Number(batchText);
if (!secretFile || !outFile || !Number.isInteger(count) || count < 1 ||
    !Number.isInteger(batch) || batch < 1 || batch > 1000) {
  console.error('usage: node gen.js APP_SECRET_FILE COUNT OUT_FILE [PREFIX] [BATCH (1-1000)]');
  process.exit(2);
}
// The hub reads the secret file and drops the trailing newline; so do we.
const secret = fs.readFileSync(secretFile, 'utf8').trim();

const WABA_ID = '102290129340398';
const PHONE_NUMBER_ID = '115550100000001';
const DISPLAY_NUMBER = '15550100000';
const PATIENTS = 300;

const FIRST = ['Ana', 'Luis', 'Maria', 'John', 'Aisha', 'Wei', 'Fatima', 'Carlos', 'Grace',
  'Omar', 'Sofia', 'Daniel', 'Priya', 'Tomas', 'Helen'];
const LAST = ['Ruiz', 'Smith', 'Garcia', 'Nguyen', 'Okafor', 'Chen', 'Haddad', 'Lopez',
  'Brown', 'Kowalski', 'Silva', 'Patel', 'Moreau', 'Jensen', 'Rossi', 'Ito', 'Adams', 'Diaz',
  'Novak', 'Khan'];
const TEXTS = [
  'I need a refill of my blood pressure pills',
  'Can I change my appointment on Thursday?',
  'CHANGE',
  'Are my lab results back yet?',
  'The wound looks a bit red around the stitches today',
  'Thank you, see you next week',
  'What time does the clinic open on Saturday?',
  'My father has a fever of 38.5 since last night, should we come in?',
  'Necesito cambiar mi cita del martes',
  'Is it normal to feel dizzy after the new medication?',
  'Yes, I confirm',
  'Can you send me the address of the imaging centre?',
  'I ran out of insulin, can the pharmacy prepare it today?',
  'The pain after the operation is better, 3 out of 10 now',
  '¿Puedo tomar ibuprofeno con el antibiótico?',
];

// Fictional US numbers (555-01xx is reserved for fiction), three area codes of 100 each.
function patient(i) {
  const area = ['212', '415', '617'][Math.floor(i / 100) % 3];
  const waId = `1${area}55501${String(i % 100).padStart(2, '0')}`;
  // A business-scoped user id (BSUID): country, a dot, digits derived from the number.
  const digest = crypto.createHash('sha256').update(waId).digest();
  const userId = `US.${digest.readBigUInt64BE(0).toString().padStart(20, '0')}`;
  const name = `${FIRST[i % FIRST.length]} ${LAST[(i * 7) % LAST.length]}`;
  return { waId, userId, name };
}

// Meta's wamids are base64 of a small binary record holding the user's number and a hex id; the
// hub treats them as opaque, but realistic length and alphabet keep parsing costs honest.
function wamid(waId, seq) {
  const hex = crypto.createHash('sha256').update(`${prefix}:${seq}:${crypto.randomUUID()}`)
    .digest('hex').slice(0, 32).toUpperCase();
  const raw = Buffer.concat([
    Buffer.from([0x1c, 0x18, waId.length]), Buffer.from(waId),
    Buffer.from([0x15, 0x02, 0x00, 0x12, 0x18, hex.length]), Buffer.from(hex), Buffer.from([0]),
  ]);
  return `wamid.${raw.toString('base64')}`;
}

const STATUSES = ['sent', 'delivered', 'read'];
const sign = (body) => 'sha256=' + crypto.createHmac('sha256', secret).update(body).digest('hex');
const metadata = { display_phone_number: DISPLAY_NUMBER, phone_number_id: PHONE_NUMBER_ID };
const seen = new Set();
const updates = count * batch;
const start = Math.floor(Date.now() / 1000) - updates; // one update a second, ending now

// The seq-th update of the file: a "messages" change carrying one inbound message, or (odd seq,
// in batches) one status update for a message the business sent to the same patient.
function update(seq, withStatuses) {
  // Spread patients unevenly, as real traffic is: some write often, most rarely.
  const p = patient(Math.floor(Math.pow((seq * 7919) % 1000 / 1000, 2) * PATIENTS));
  const id = wamid(p.waId, seq);
  if (seen.has(id)) throw new Error(`duplicate wamid ${id}`);
  seen.add(id);
  if (withStatuses && seq % 2 === 1) {
    const status = STATUSES[Math.floor(seq / 2) % STATUSES.length];
    return {
      key: `s:${id}:${status}`,
      value: {
        messaging_product: 'whatsapp',
        metadata,
        statuses: [{
          id,
          status,
          timestamp: String(start + seq),
          recipient_id: p.waId,
          recipient_user_id: p.userId,
          conversation: { id: crypto.createHash('md5').update(p.waId).digest('hex'),
            origin: { type: 'service' } },
          pricing: { billable: true, pricing_model: 'PMP', category: 'service', type: 'free_customer_service' },
        }],
      },
    };
  }
  return {
    key: `m:${id}`,
    id,
    value: {
      messaging_product: 'whatsapp',
      metadata,
      contacts: [{ profile: { name: p.name }, wa_id: p.waId, user_id: p.userId }],
      messages: [{
        from: p.waId,
        from_user_id: p.userId,
        id,
        timestamp: String(start + seq),
        type: 'text',
        text: { body: TEXTS[(seq * 31) % TEXTS.length] },
      }],
    },
  };
}

const out = fs.openSync(outFile, 'w', 0o600);
const keysOut = batch > 1 ? fs.openSync(`${outFile}.keys`, 'w', 0o600) : null;
let pending = [];
let pendingKeys = [];
for (let n = 0; n < count; n++) {
  const changes = [];
  let deliveryId;
  for (let k = 0; k < batch; k++) {
    const u = update(n * batch + k, batch > 1);
    changes.push({ value: u.value, field: 'messages' });
    if (batch > 1) {
      deliveryId = `${prefix}-${n}`;
      pendingKeys.push(`${deliveryId}\t${u.key}\n`);
    } else {
      deliveryId = u.id;
    }
  }
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{ id: WABA_ID, changes }],
  });
  pending.push(`${deliveryId}\t${sign(body)}\t${body}\n`);
  if (pending.length >= 1000 || pendingKeys.length >= 10000) {
    fs.writeSync(out, pending.join(''));
    if (keysOut !== null) fs.writeSync(keysOut, pendingKeys.join(''));
    pending = [];
    pendingKeys = [];
  }
}
fs.writeSync(out, pending.join(''));
fs.closeSync(out);
if (keysOut !== null) {
  fs.writeSync(keysOut, pendingKeys.join(''));
  fs.closeSync(keysOut);
}
