// The local SMPP server (SMS centre) of `npm start` and the tests: accepts a transceiver or
// transmitter bind on loopback (any system id, or only DIWAN_SMPP_SYSTEM_ID/PASSWORD when set),
// keeps each submit_sm as a JSON file in its folder, answers with a message id, and, when asked
// (registered_delivery), sends the delivery receipt back as a deliver_sm carrying that id.
// Production points DIWAN_SMPP_URL at the operator's SMS centre.
//   node scripts/smpp-server.mjs --port 2775 --dir data/smpp
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import smpp from 'smpp';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg('port', process.env.DIWAN_SMPP_PORT || 2775));
const dir = path.resolve(arg('dir', 'data/smpp'));
const wantedId = process.env.DIWAN_SMPP_SYSTEM_ID || '';
const wantedPassword = process.env.DIWAN_SMPP_PASSWORD || '';
mkdirSync(dir, { recursive: true });

/** SMPP time for a receipt: YYMMDDhhmm. */
const smppTime = (d) => d.toISOString().replace(/[-:T]/g, '').slice(2, 12);
const textOf = (field) => {
  if (field === undefined || field === null) return '';
  const value = typeof field === 'object' && !Buffer.isBuffer(field) ? field.message : field;
  return Buffer.isBuffer(value) ? value.toString('hex') : String(value ?? '');
};

const server = smpp.createServer({ debug: false }, (session) => {
  let bound = false;
  const bind = (pdu) => {
    if (wantedId && (pdu.system_id !== wantedId || pdu.password !== wantedPassword)) {
      session.send(pdu.response({ command_status: smpp.ESME_RBINDFAIL }));
      session.close();
      return;
    }
    bound = true;
    session.send(pdu.response({ system_id: 'diwan-smsc' }));
  };
  session.on('bind_transceiver', bind);
  session.on('bind_transmitter', bind);
  session.on('enquire_link', (pdu) => session.send(pdu.response()));
  session.on('unbind', (pdu) => {
    session.send(pdu.response());
    session.close();
  });
  session.on('deliver_sm_resp', () => {});
  session.on('error', (err) => console.error(`smpp session error: ${err.message}`));
  session.on('submit_sm', (pdu) => {
    if (!bound) return session.send(pdu.response({ command_status: 0x04 /* ESME_RINVBNDSTS */ }));
    const messageId = randomBytes(8).toString('hex');
    const text = textOf(pdu.message_payload) || textOf(pdu.short_message);
    const submitted = new Date();
    const record = {
      messageId,
      receivedAt: submitted.toISOString(),
      source: pdu.source_addr,
      destination: pdu.destination_addr,
      dataCoding: pdu.data_coding,
      registeredDelivery: pdu.registered_delivery,
      text,
    };
    const name = `${submitted.toISOString().replace(/[:.]/g, '-')}-${messageId}.json`;
    // Written whole, then renamed: a reader never sees half a message.
    writeFileSync(path.join(dir, `.${name}.part`), JSON.stringify(record, null, 2));
    renameSync(path.join(dir, `.${name}.part`), path.join(dir, name));
    session.send(pdu.response({ message_id: messageId }));
    console.log(`kept ${name} for ${pdu.destination_addr}`);
    if ((pdu.registered_delivery & 0x03) === 0) return;
    setTimeout(() => {
      const done = new Date();
      session.deliver_sm({
        source_addr: pdu.destination_addr,
        destination_addr: pdu.source_addr,
        esm_class: 0x04, // an SMSC delivery receipt
        receipted_message_id: messageId,
        message_state: 2, // DELIVERED
        short_message: `id:${messageId} sub:001 dlvrd:001 submit date:${smppTime(submitted)} done date:${smppTime(done)} stat:DELIVRD err:000 text:`,
      });
    }, 200);
  });
});
server.on('error', (err) => console.error(`smpp error: ${err.message}`));
server.listen(port, '127.0.0.1', () => console.log(`diwan-smpp listening on 127.0.0.1:${port}, keeping SMS in ${dir}`));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => {
    server.close();
    process.exit(0); // every message is on disk already; open sessions need no goodbye
  });
