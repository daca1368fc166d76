// The administration's seal (the server's signing key) for a data folder: DIWAN_SEAL_P12 or
// DIWAN_SEAL_KEY + DIWAN_SEAL_CERT from the environment when set (production); otherwise a demo
// seal made once with the openssl CLI into <data>/seal/ (a local CA and the seal's certificate,
// EC P-256, key mode 600). Nothing of it is in the repository.
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const NAMES = ['DIWAN_SEAL_P12', 'DIWAN_SEAL_KEY', 'DIWAN_SEAL_CERT', 'DIWAN_SEAL_PASSWORD'];

/** The DIWAN_SEAL_* variables for the engine; {} when there is no seal and openssl can't make one. */
export function ensureSeal(dataDir, env = process.env, notice = (m) => console.log(`[diwan] ${m}`)) {
  if (env.DIWAN_SEAL_P12 || (env.DIWAN_SEAL_KEY && env.DIWAN_SEAL_CERT)) return Object.fromEntries(NAMES.filter((n) => env[n]).map((n) => [n, env[n]]));
  const dir = path.join(dataDir, 'seal');
  const key = path.join(dir, 'seal.key');
  const chain = path.join(dir, 'seal-chain.pem');
  if (!existsSync(key) || !existsSync(chain)) {
    try {
      makeDemoSeal(dir, env.DIWAN_ADMINISTRATION_NAME_FR || 'Administration Diwan');
      notice(`a demo seal of the administration was made in ${dir} (set DIWAN_SEAL_P12 or DIWAN_SEAL_KEY/DIWAN_SEAL_CERT for a real one)`);
    } catch (err) {
      notice(`no seal: openssl could not make a demo seal (${err.message}); registration stamps will fail until DIWAN_SEAL_* is set`);
      return {};
    }
  }
  return { DIWAN_SEAL_KEY: key, DIWAN_SEAL_CERT: chain };
}

function makeDemoSeal(dir, name) {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const f = (n) => path.join(dir, n);
  const openssl = (...args) => execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
  const cn = name.replace(/[/\\=+,]/g, ' ').slice(0, 60);
  openssl('req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', f('ca.key'), '-out', f('ca.crt'), '-days', '3650', '-subj', `/CN=${cn} - CA de démonstration/O=Diwan`, '-utf8', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  writeFileSync(f('ext.cnf'), '[seal]\nbasicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
  openssl('req', '-new', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', f('seal.key'), '-out', f('seal.csr'), '-subj', `/CN=${cn} - cachet/O=Diwan`, '-utf8');
  openssl('x509', '-req', '-in', f('seal.csr'), '-CA', f('ca.crt'), '-CAkey', f('ca.key'), '-set_serial', String(Date.now() % 1e9), '-days', '3650', '-extfile', f('ext.cnf'), '-extensions', 'seal', '-out', f('seal.crt'));
  writeFileSync(f('seal-chain.pem'), readFileSync(f('seal.crt'), 'utf8') + readFileSync(f('ca.crt'), 'utf8'));
  for (const k of ['seal.key', 'ca.key']) chmodSync(f(k), 0o600);
}
