export default async function globalTeardown() {
  await globalThis.__diwanStack?.stop();
}
