import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * Test-only: a small PKI made with the openssl CLI in a temporary directory at test time (a CA, a
 * person's PKCS#12, a seal in PEM, a timestamp authority) and an RFC 3161 TSA answering over HTTP
 * with `openssl ts -reply`. Nothing here is committed key material; `dispose()` deletes the directory.
 */
const run = promisify(execFile);
const openssl = (...args: string[]) => run('openssl', args);

export interface TestPki {
  dir: string;
  caPem: string;
  /** The person's PKCS#12 (password `secret`). */
  personP12: Buffer;
  sealKeyPath: string;
  sealCertPath: string;
  tsaConfigPath: string;
  dispose(): void;
}

const EXTENSIONS = `
[ca]
basicConstraints=critical,CA:TRUE
keyUsage=critical,keyCertSign,cRLSign
subjectKeyIdentifier=hash
[person]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature,nonRepudiation
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
[tsa]
basicConstraints=critical,CA:FALSE
keyUsage=critical,digitalSignature
extendedKeyUsage=critical,timeStamping
subjectKeyIdentifier=hash
authorityKeyIdentifier=keyid
`;

export async function makeTestPki(): Promise<TestPki> {
  const dir = mkdtempSync(join(tmpdir(), 'diwan-pki-'));
  const f = (name: string) => join(dir, name);
  writeFileSync(f('ext.cnf'), EXTENSIONS);
  await openssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', f('ca.key'), '-out', f('ca.crt'), '-days', '2', '-subj', '/CN=Diwan Test CA/O=Diwan', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  const issue = async (name: string, subject: string, ext: string, keyArgs: string[]) => {
    await openssl('req', '-new', ...keyArgs, '-nodes', '-keyout', f(`${name}.key`), '-out', f(`${name}.csr`), '-subj', subject, '-utf8');
    await openssl('x509', '-req', '-in', f(`${name}.csr`), '-CA', f('ca.crt'), '-CAkey', f('ca.key'), '-set_serial', String(Date.now() % 1e9), '-days', '2', '-extfile', f('ext.cnf'), '-extensions', ext, '-out', f(`${name}.crt`));
  };
  await issue('person', '/CN=Amina Ben Salah/O=Diwan', 'person', ['-newkey', 'rsa:2048']);
  await openssl('pkcs12', '-export', '-inkey', f('person.key'), '-in', f('person.crt'), '-certfile', f('ca.crt'), '-out', f('person.p12'), '-passout', 'pass:secret');
  await issue('seal', '/CN=Ministère de test - cachet/O=Diwan', 'person', ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256']);
  writeFileSync(f('seal-chain.pem'), readFileSync(f('seal.crt'), 'utf8') + readFileSync(f('ca.crt'), 'utf8'));
  await issue('tsa', '/CN=Diwan Test TSA/O=Diwan', 'tsa', ['-newkey', 'rsa:2048']);
  writeFileSync(f('tsaserial'), '01\n');
  writeFileSync(
    f('tsa.cnf'),
    `[ tsa ]\ndefault_tsa = diwan\n[ diwan ]\ndir = ${dir}\nserial = $dir/tsaserial\ncrypto_device = builtin\nsigner_cert = $dir/tsa.crt\ncerts = $dir/ca.crt\nsigner_key = $dir/tsa.key\nsigner_digest = sha256\ndefault_policy = 1.3.6.1.4.1.99999.1\ndigests = sha256, sha384, sha512\naccuracy = secs:1\nordering = yes\ntsa_name = yes\ness_cert_id_chain = no\ness_cert_id_alg = sha256\n`,
  );
  return {
    dir,
    caPem: readFileSync(f('ca.crt'), 'utf8'),
    personP12: readFileSync(f('person.p12')),
    sealKeyPath: f('seal.key'),
    sealCertPath: f('seal-chain.pem'),
    tsaConfigPath: f('tsa.cnf'),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** An RFC 3161 timestamp authority over HTTP: each query is answered by `openssl ts -reply`. */
export async function startTestTsa(pki: TestPki): Promise<{ url: string; requests: () => number; close: () => Promise<void> }> {
  let count = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      count += 1;
      const query = join(pki.dir, `q${count}.tsq`);
      const reply = join(pki.dir, `r${count}.tsr`);
      writeFileSync(query, Buffer.concat(chunks));
      openssl('ts', '-reply', '-config', pki.tsaConfigPath, '-queryfile', query, '-out', reply)
        .then(() => {
          res.writeHead(200, { 'content-type': 'application/timestamp-reply' });
          res.end(readFileSync(reply));
        })
        .catch((e: Error) => {
          res.writeHead(500);
          res.end(e.message);
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { url: `http://127.0.0.1:${port}/tsa`, requests: () => count, close };
}

/** `pdfsig` (poppler-utils), the independent verifier: its report, whatever its exit code. */
export async function pdfsig(path: string): Promise<string> {
  try {
    const { stdout } = await run('pdfsig', [path]);
    return stdout;
  } catch (e) {
    const err = e as { code?: string; stdout?: string; stderr?: string };
    // not installed: say so, rather than give an empty report that reads as "no signature"
    if (err.code === 'ENOENT') throw new Error('pdfsig is not installed (Debian: apt-get install poppler-utils)', { cause: e });
    return `${err.stdout ?? ''}${err.stderr ?? ''}`;
  }
}

/** Renders one page to PNG with `pdftoppm` (annotation appearances included), for a person to look at. */
export async function renderPage(pdfPath: string, pngBase: string, page: number): Promise<void> {
  await run('pdftoppm', ['-png', '-r', '110', '-f', String(page), '-l', String(page), '-singlefile', pdfPath, pngBase]);
}
