import type { ReactNode } from 'react';

/** A calm "loading…" line, announced to screen readers. */
export function Loading({ children }: { children: ReactNode }) {
  return (
    <p className="status status--loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  );
}
