import { useTranslation } from 'react-i18next';

/** "Overdue" said three ways: colour, a clock icon and the word. */
export function OverdueBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge overdue-badge" data-testid="overdue-badge">
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
        <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
      </svg>
      {t('inbox.overdue')}
    </span>
  );
}
