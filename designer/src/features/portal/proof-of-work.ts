/**
 * Solves the server's proof of work in the browser with SubtleCrypto: a nonce (base 36) such that
 * sha256(challenge + ':' + nonce) starts with `bits` zero bits. Hashes run in batches so the page
 * stays responsive; about 65 000 hashes (16 bits) take a few hundred milliseconds.
 */
export async function solveProofOfWork(challenge: string, bits: number, signal?: AbortSignal): Promise<string> {
  const encoder = new TextEncoder();
  const BATCH = 512;
  for (let start = 0; ; start += BATCH) {
    if (signal?.aborted) throw new DOMException('aborted', 'AbortError');
    const nonces = Array.from({ length: BATCH }, (_, i) => (start + i).toString(36));
    const digests = await Promise.all(nonces.map((n) => crypto.subtle.digest('SHA-256', encoder.encode(`${challenge}:${n}`))));
    const found = digests.findIndex((d) => leadingZeroBits(new Uint8Array(d), bits));
    if (found >= 0) return nonces[found]!;
  }
}

function leadingZeroBits(bytes: Uint8Array, bits: number): boolean {
  for (let i = 0; i < bits; i += 1) if ((bytes[i >> 3]! >> (7 - (i & 7))) & 1) return false;
  return true;
}
