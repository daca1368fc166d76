import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import type { ExchangeIdentityDto, MailDto } from '@diwan/contracts';
import { launchBrowser, logIn } from '../harness/browser.js';
import { api, login, stack } from '../harness/stack.js';
import { TINY_PDF, aMail, registerMail } from './mail.fixtures.js';
import { handAdministration, signText, type HandAdministration } from './exchange.fixtures.js';

// Screenshots of the exchange directory and of an acknowledged outgoing mail, in Arabic.
const SCREENSHOTS = path.resolve('test-results/exchange');
async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/**
 * The admin adds an administration to the directory through the page, in Arabic; an outgoing mail
 * sent to it shows, once its acknowledgment came back, "acknowledged by … under number …". The other
 * administration is played by the test: a small server takes the package, and the test signs the
 * acknowledgment with that administration's key.
 */
describe('exchange in a real browser, in Arabic', () => {
  let browser: Browser;
  let peer: HandAdministration;
  let server: Server;
  let peerUrl: string;
  const packages: string[] = [];

  beforeAll(async () => {
    peer = handAdministration(`admin-web-${randomUUID().slice(0, 6)}`);
    peer.name = { ar: 'بلدية نابل', fr: 'Commune de Nabeul' };
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        packages.push(body);
        res.writeHead(201, { 'content-type': 'application/json' }).end('{}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    peerUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await api('DELETE', `/api/exchange/peers/${peer.id}`, { token: (await login('admin')).token });
  });

  it('the admin adds an administration; a mail sent to it shows its acknowledgment', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, 'admin', 'ar');
    await page.getByTestId('nav-exchange').click();
    await page.getByTestId('exchange-page').waitFor();
    expect(await page.locator('html').getAttribute('dir')).toBe('rtl');
    const own = (await api<ExchangeIdentityDto>('GET', '/api/exchange/identity')).body;
    expect(await page.getByTestId('own-id').textContent()).toBe(own.id);

    // a wrong key is refused in Arabic, then the right one is taken
    await page.getByTestId('peer-new').click();
    await page.getByTestId('peer-id').fill(peer.id);
    await page.getByTestId('peer-name-ar').fill(peer.name.ar);
    await page.getByTestId('peer-name-fr').fill(peer.name.fr);
    await page.getByTestId('peer-url').fill(peerUrl);
    await page.getByTestId('peer-key').fill('bm90IGEga2V5IGF0IGFsbCwganVzdCBzb21lIGJ5dGVzIQ==');
    await page.getByTestId('peer-save').click();
    await page.getByText('هذا ليس مفتاحًا عموميًا صالحًا.').waitFor();
    await page.getByTestId('peer-key').fill(peer.publicKey);
    await page.getByTestId('peer-save').click();
    const row = page.locator(`[data-testid="peer-row"][data-id="${peer.id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain(peer.name.ar);
    await screenshot(page, 'directory-ar');

    // an outgoing mail goes to it (the dispatch worker's call), and its acknowledgment comes back
    const registrar = (await login('registrar')).token;
    const mail: MailDto = (await registerMail(registrar, aMail({ direction: 'outgoing', channel: 'post', correspondent: { kind: 'administration', name: peer.name.fr }, departments: { forAction: [], forInformation: [] } }), [{ name: 'lettre.pdf', data: TINY_PDF }])).body;
    const sent = await fetch(`${stack.engineUrl}/api/internal/exchange/send`, { method: 'POST', headers: { authorization: `Bearer ${stack.workerToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ mailId: mail.id, peer: peer.id }) });
    expect(sent.status).toBe(200);
    const { packageId } = (await sent.json()) as { packageId: string };
    expect(packages).toHaveLength(1);
    const ack = JSON.stringify({ version: 1, packageId, sender: { id: peer.id }, recipient: { id: own.id }, chronoNumber: '2026/A/000042', receivedAt: new Date().toISOString() });
    expect((await api('POST', '/api/exchange/acknowledgments', { body: { acknowledgment: ack, signature: signText(ack, peer.privateKey) } })).status).toBe(200);

    await page.goto(`${stack.engineUrl}/mails/${mail.id}`);
    const status = page.getByTestId('mail-exchange-ack');
    await status.waitFor();
    const text = (await status.textContent()) ?? '';
    expect(text).toContain(peer.name.ar);
    expect(text).toContain('2026/A/000042');
    expect(text).toContain('إشعار الاستلام');
    expect(await page.getByTestId('mail-exchange-number').textContent()).toBe('2026/A/000042');
    await page.getByTestId('mail-exchange').scrollIntoViewIfNeeded();
    await screenshot(page, 'mail-acknowledged-ar');
  }, 120_000);
});
