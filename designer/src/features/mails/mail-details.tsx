import type { MailDto } from '@diwan/contracts';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useDepartments } from '../../shared/directory/use-departments';
import { useMailTypes } from '../../shared/directory/use-mail-types';
import { useUsers } from '../../shared/directory/use-users';
import { useFormatDate, useFormatDay } from '../../shared/i18n/format-date';

/** The mail's registered fields, as a description list. */
const SYSTEM_ACCOUNTS = ['portal', 'exchange', 'workers', 'system'] as const;
type SystemAccount = (typeof SYSTEM_ACCOUNTS)[number];
const isSystemAccount = (username: string): username is SystemAccount => (SYSTEM_ACCOUNTS as readonly string[]).includes(username);

export function MailDetails({ mail }: { mail: MailDto }) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatDay = useFormatDay();
  const { nameOf, query: departmentsQuery } = useDepartments();
  const { labelOf: typeLabel } = useMailTypes();
  const users = useUsers();
  // the accounts Diwan itself registers under (the portal, the exchange) are named, not shown as usernames
  const personName = (username: string) =>
    users.status !== 'success' ? '' : (users.data.find((u) => u.username === username)?.displayName ?? (isSystemAccount(username) ? t(`mail.systemAccounts.${username}`) : username));
  // departments by name in the reader's language: none shown (rather than their codes) until the directory is read
  const departments = (codes: string[]) =>
    codes.length === 0 || departmentsQuery.status !== 'success' ? null : codes.map((code) => <span key={code} className="chip">{nameOf(code)}</span>);
  // An outgoing mail was not received: no receiving channel, and a draft says when and by whom it was drafted.
  const outgoing = mail.direction === 'outgoing';
  const draft = mail.status === 'draft';
  const rows: [string, ReactNode][] = [
    [t('mailForm.direction'), t(`directions.${mail.direction}`)],
    [t('mailForm.channel'), !outgoing && t(`channels.${mail.channel}`)],
    [t('mailForm.correspondent.label'), mail.correspondent && <bdi>{mail.correspondent.name}</bdi>],
    [t('mailForm.receivedAt'), !outgoing && formatDate(mail.receivedAt)],
    [t('mail.status'), draft && t('statuses.draft')],
    [t('mailForm.letterDate'), mail.letterDate && formatDay(mail.letterDate)],
    [t('mailForm.letterReference'), mail.letterReference && <bdi>{mail.letterReference}</bdi>],
    [t('mailForm.priority'), t(`priorities.${mail.priority}`)],
    [t('mailForm.mailType'), mail.mailType && <span dir="auto" data-testid="mail-type-label">{typeLabel(mail.mailType)}</span>],
    [t('mailForm.dueDate'), mail.dueDate && formatDay(mail.dueDate)],
    [t('mailForm.forAction'), departments(mail.departments.forAction)],
    [t('mailForm.forInformation'), departments(mail.departments.forInformation)],
    [t('mail.consulted'), departments(mail.departments.consulted)],
    [t('mailForm.summary'), mail.summary && <span dir="auto">{mail.summary}</span>],
    [t('mailForm.tags'), mail.tags.length > 0 && mail.tags.map((tag) => <span key={tag} className="chip">{tag}</span>)],
    [t('mail.receiptNumber'), mail.receipt && <bdi>{mail.receipt.number}</bdi>],
    [t(draft ? 'mail.draftedBy' : 'mail.registeredBy'), <><bdi>{personName(mail.registeredBy)}</bdi> · {formatDate(mail.registeredAt)}</>],
    [t('mail.voidReason'), mail.voidReason],
  ];
  return (
    <dl className="details">
      {rows
        .filter(([, value]) => value !== null && value !== undefined && value !== false && value !== '')
        .map(([label, value]) => (
          <div key={label} className="details__row">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
