/**
 * Resolves once the document is parsed (at once if it is already). The entry is an `async` script
 * (vite.config.ts), so it may run before the body exists.
 */
export function documentParsed(): Promise<void> {
  if (document.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => document.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
