import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import './back-link.css';

/** The "← back to …" link above a page's title; the arrow turns in Arabic (RTL). */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <Link to={to} className="back-link">
      <span aria-hidden="true" className="back-link__arrow">
        ←
      </span>
      {children}
    </Link>
  );
}
