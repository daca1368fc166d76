/** The portal under abuse: rate limits per address and per phone, sizes, types, proof of work, honeypot. */
import { describe, expect, it } from '@jest/globals';
import { deposit, freshAddress, proofOfWork, request, someDeposit } from './portal.fixtures.js';

describe('portal abuse protection', () => {
  it('refuses a deposit without a valid proof of work (400), and a challenge used twice', async () => {
    const from = freshAddress();
    expect((await deposit(from, someDeposit(), [], { challenge: 'x'.repeat(20), nonce: '0' })).status).toBe(400);
    const pow = await proofOfWork(from);
    expect((await deposit(from, someDeposit(), [], { challenge: pow.challenge, nonce: pow.nonce === '0' ? '1' : `${pow.nonce}z` })).status).toBe(400);
    expect((await deposit(from, someDeposit(), [], pow)).status).toBe(201);
    expect((await deposit(from, someDeposit(), [], pow)).status).toBe(400);
    const form = new FormData();
    form.append('deposit', JSON.stringify(someDeposit()));
    expect((await request(from, 'POST', '/api/public/deposits', { form })).status).toBe(400);
  });

  it('refuses a filled honeypot (400)', async () => {
    const res = await deposit(freshAddress(), { ...someDeposit(), website: 'http://spam.example' } as ReturnType<typeof someDeposit>);
    expect(res.status).toBe(400);
  });

  it('refuses an oversized upload (413) and a .pdf that is an executable (415)', async () => {
    const from = freshAddress();
    const big = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(6 * 1024 * 1024, 0x20)]);
    expect((await deposit(from, someDeposit(), [{ name: 'big.pdf', type: 'application/pdf', data: big }])).status).toBe(413);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), Buffer.alloc(512)]);
    expect((await deposit(from, someDeposit(), [{ name: 'scan.pdf', type: 'application/pdf', data: exe }])).status).toBe(415);
  });

  it('limits deposits per phone number (429 with Retry-After), from any address', async () => {
    const phone = `+2169${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    for (let i = 0; i < 3; i += 1) expect((await deposit(freshAddress(), someDeposit({}, { phone }))).status).toBe(201);
    const refused = await deposit(freshAddress(), someDeposit({}, { phone }));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('limits deposits per address (429 with Retry-After)', async () => {
    const from = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 21; i += 1) statuses.push((await deposit(from, someDeposit())).status);
    expect(statuses.slice(0, 20).every((s) => s === 201)).toBe(true);
    expect(statuses[20]).toBe(429);
    const again = await deposit(from, someDeposit());
    expect(again.status).toBe(429);
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
  }, 120_000);
});
