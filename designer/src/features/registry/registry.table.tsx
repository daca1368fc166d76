import type { MailDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useDepartments } from '../../shared/directory/use-departments';
import { useFormatDate, useFormatDay } from '../../shared/i18n/format-date';
import { mailRoute } from '../../shared/routes/mail.routes';
import { MailStatusBadge } from '../../shared/ui/mail-status.badge';
import { sortOf, withParam, type RegistrySort } from './registry.query';

interface RegistryTableProps {
  mails: MailDto[];
  params: URLSearchParams;
  onParams: (params: URLSearchParams) => void;
}

/** One page of the register; the date, due date and priority headers sort (click again to reverse). */
export function RegistryTable({ mails, params, onParams }: RegistryTableProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const formatDay = useFormatDay();
  const { nameOf } = useDepartments();
  const sort = sortOf(params);

  const header = (key: 'registeredAt' | 'dueDate' | 'priority') => {
    const direction = sort === key ? 'ascending' : sort === `-${key}` ? 'descending' : 'none';
    const next = (direction === 'descending' ? key : `-${key}`) as RegistrySort;
    return (
      <th scope="col" aria-sort={direction}>
        <button type="button" className="sort-button" data-testid={`registry-sort-${key}`} onClick={() => onParams(withParam(params, 'sort', next))}>
          {t(`registry.columns.${key}`)}
          <span aria-hidden="true" className="sort-button__arrow">
            {direction === 'ascending' ? '▲' : direction === 'descending' ? '▼' : '↕'}
          </span>
        </button>
      </th>
    );
  };

  return (
    <div className="table-scroll">
      <table className="data-table" data-testid="registry-table">
        <thead>
          <tr>
            <th scope="col">{t('registry.columns.chronoNumber')}</th>
            {header('registeredAt')}
            <th scope="col">{t('registry.columns.direction')}</th>
            <th scope="col">{t('registry.columns.subject')}</th>
            <th scope="col">{t('registry.columns.correspondent')}</th>
            <th scope="col">{t('registry.columns.departments')}</th>
            {header('dueDate')}
            {header('priority')}
            <th scope="col">{t('registry.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {mails.map((mail) => (
            <tr key={mail.id} data-testid="registry-row" data-mail-id={mail.id}>
              <th scope="row">
                <Link to={mailRoute(mail.id)}>
                  <bdi className="chrono">{mail.chronoNumber ?? t('statuses.draft')}</bdi>
                </Link>
              </th>
              <td>
                <time dateTime={mail.registeredAt}>{formatDate(mail.registeredAt)}</time>
              </td>
              <td>{t(`directions.${mail.direction}`)}</td>
              <td dir="auto">{mail.subject}</td>
              <td dir="auto">{mail.correspondent?.name ?? '—'}</td>
              <td>
                {mail.departments.forAction.map((code) => (
                  <span key={code} className="chip">
                    {nameOf(code)}
                  </span>
                ))}
              </td>
              <td>{mail.dueDate ? formatDay(mail.dueDate) : '—'}</td>
              <td>{t(`priorities.${mail.priority}`)}</td>
              <td>
                <MailStatusBadge status={mail.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
