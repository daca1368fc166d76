import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { MyNotificationDto, MyNotificationsDto } from '@diwan/contracts';
import { apiFetch } from '../../shared/api/api.client';
import { useFormatDate } from '../../shared/i18n/format-date';
import { numberFormat } from '../../shared/i18n/format-number';
import { useLanguage } from '../../shared/i18n/use-language';
import { useSocketEvent } from '../../shared/realtime/use-realtime';
import { mailRoute } from '../../shared/routes/mail.routes';
import './notification-bell.css';

/**
 * The bell in the header: the unread count, the latest in-app notifications as plain sentences in
 * the reader's language, new ones live (`notification.created`), and "mark all as read".
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatDate = useFormatDate();
  const [state, setState] = useState<MyNotificationsDto | null>(null);
  const [failed, setFailed] = useState(false);
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const root = useRef<HTMLDivElement>(null);

  const load = useCallback(() => {
    apiFetch<MyNotificationsDto>('/api/notifications/mine').then(
      (mine) => {
        setState(mine);
        setFailed(false);
      },
      () => setFailed(true),
    );
  }, []);
  useEffect(load, [load]);

  useSocketEvent<MyNotificationDto>('notification.created', (created) => {
    setState((current) => {
      const items = current?.items ?? [];
      if (items.some((i) => i.id === created.id)) return current;
      return { unread: (current?.unread ?? 0) + 1, items: [created, ...items].slice(0, 50) };
    });
  });

  // Closes on Escape and on a click outside.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && setOpen(false);
    const onClick = (e: MouseEvent) => root.current && !root.current.contains(e.target as Node) && setOpen(false);
    document.addEventListener('keydown', onKey);
    document.addEventListener('mousedown', onClick);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('mousedown', onClick);
    };
  }, [open]);

  const markRead = () => {
    apiFetch<MyNotificationsDto>('/api/notifications/mine/read', { method: 'POST' }).then(setState, () => setFailed(true));
  };

  const unread = state?.unread ?? 0;
  const label = unread > 0 ? `${t('notifications.bell')} · ${t('notifications.unread', { count: unread })}` : t('notifications.bell');
  return (
    <div className="notification-bell" ref={root}>
      <button
        type="button"
        className="notification-bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={label}
        title={label}
        data-testid="notification-bell"
        onClick={() => setOpen((o) => !o)}
      >
        <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3.5a1.5 1.5 0 0 0-3 0v.66A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {unread > 0 && (
          <span className="notification-bell__count" data-testid="notification-count" aria-hidden="true">
            {numberFormat(language).format(unread)}
          </span>
        )}
      </button>
      {open && (
        <div className="notification-bell__panel" id={panelId} role="region" aria-label={t('notifications.bell')} data-testid="notification-panel">
          <div className="notification-bell__head">
            <strong>{t('notifications.bell')}</strong>
            {unread > 0 && (
              <button type="button" className="button button--ghost" data-testid="notification-mark-read" onClick={markRead}>
                {t('notifications.markRead')}
              </button>
            )}
          </div>
          {failed && !state && <p className="notification-bell__empty">{t('notifications.loadFailed')}</p>}
          {state && state.items.length === 0 && <p className="notification-bell__empty">{t('notifications.none')}</p>}
          {state && state.items.length > 0 && (
            <ul className="notification-bell__list">
              {state.items.map((item) => (
                <li key={item.id} className={item.read ? 'notification-bell__item' : 'notification-bell__item notification-bell__item--unread'} data-testid="notification-item">
                  <p className="notification-bell__text">
                    {!item.read && <span className="visually-hidden">{t('notifications.new')}: </span>}
                    {item.text[language]}
                  </p>
                  <span className="notification-bell__meta">
                    <time dateTime={item.createdAt}>{formatDate(item.createdAt)}</time>
                    {item.mailId && (
                      <Link to={mailRoute(item.mailId)} onClick={() => setOpen(false)}>
                        {t('notifications.openMail')}
                      </Link>
                    )}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
