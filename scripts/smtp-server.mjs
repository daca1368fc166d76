// The local SMTP server of `npm start` and the tests: accepts every message on loopback (no TLS,
// no authentication) and keeps each one as a .eml file in its folder, so that letters sent by
// e-mail can be read with no outside service. Production points DIWAN_SMTP_URL at a real relay.
//   node scripts/smtp-server.mjs --port 2525 --dir data/smtp
import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg('port', process.env.DIWAN_SMTP_PORT || 2525));
const dir = path.resolve(arg('dir', 'data/smtp'));
const MAX_BYTES = 30 * 1024 * 1024;
mkdirSync(dir, { recursive: true });

const server = new SMTPServer({
  name: 'diwan-smtp.localhost',
  banner: 'Diwan local SMTP server: messages are kept as files, never delivered',
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  size: MAX_BYTES,
  logger: false,
  onData(stream, session, callback) {
    const chunks = [];
    stream.on('data', (c) => chunks.push(c));
    stream.on('end', async () => {
      if (stream.sizeExceeded) return callback(Object.assign(new Error('Message too big'), { responseCode: 552 }));
      const raw = Buffer.concat(chunks);
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${randomBytes(3).toString('hex')}.eml`;
      // Written whole, then renamed: a reader never sees half a message.
      writeFileSync(path.join(dir, `.${name}.part`), raw);
      renameSync(path.join(dir, `.${name}.part`), path.join(dir, name));
      const to = session.envelope.rcptTo.map((r) => r.address).join(', ');
      let subject = '';
      try {
        subject = (await simpleParser(raw)).subject ?? '';
      } catch {
        /* kept anyway */
      }
      console.log(`kept ${name} for ${to}: ${subject}`);
      callback();
    });
  },
});
server.on('error', (err) => console.error(`smtp error: ${err.message}`));
server.listen(port, '127.0.0.1', () => console.log(`diwan-smtp listening on 127.0.0.1:${port}, keeping mail in ${dir}`));

for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.close(() => process.exit(0)));
