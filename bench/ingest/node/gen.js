'use strict';
// Writes N distinct signed webhook deliveries, one per line: "<wamid>\t<signature>\t<body>".
// Each body is a Meta "messages" webhook carrying one inbound text message, as the Cloud API
// sends it (see WHATSAPP.md §2), from one of a few hundred patients. The body is compact JSON, so
// it never holds a tab or a newline, and the signature is computed over exactly those bytes.
//
//   node gen.js APP_SECRET_FILE COUNT OUT_FILE [PREFIX]
//
// PREFIX keeps the wamids of separate files (warm-up, measured run) apart.
const crypto = require('node:crypto');
const fs = require('node:fs');

const [secretFile, countText, outFile, prefix = 'm'] = process.argv.slice(2);
const count = Number(countText);
if (!secretFile || !outFile || !Number.isInteger(count) || count < 1) {
  console.error('usage: node gen.js APP_SECRET_FILE COUNT OUT_FILE [PREFIX]');
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

const out = fs.openSync(outFile, 'w', 0o600);
const seen = new Set();
const start = Math.floor(Date.now() / 1000) - count; // one message a second, ending now
let pending = [];
for (let seq = 0; seq < count; seq++) {
  // Spread patients unevenly, as real traffic is: some write often, most rarely.
  const p = patient(Math.floor(Math.pow((seq * 7919) % 1000 / 1000, 2) * PATIENTS));
  const id = wamid(p.waId, seq);
  if (seen.has(id)) throw new Error(`duplicate wamid ${id}`);
  seen.add(id);
  const body = JSON.stringify({
    object: 'whatsapp_business_account',
    entry: [{
      id: WABA_ID,
      changes: [{
        value: {
          messaging_product: 'whatsapp',
          metadata: { display_phone_number: DISPLAY_NUMBER, phone_number_id: PHONE_NUMBER_ID },
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
        field: 'messages',
      }],
    }],
  });
  const signature = 'sha256=' + crypto.createHmac('sha256', secret).update(body).digest('hex');
  pending.push(`${id}\t${signature}\t${body}\n`);
  if (pending.length === 1000) {
    fs.writeSync(out, pending.join(''));
    pending = [];
  }
}
fs.writeSync(out, pending.join(''));
fs.closeSync(out);
