import type { CircuitDefaultsDto, CircuitDto, MailTypeDto } from '@diwan/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/api/use-api-query';
import { mailTypesPath } from '../../shared/directory/use-mail-types';
import { useErrorMessage } from '../../shared/i18n/use-error-message';
import { useLanguage } from '../../shared/i18n/use-language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { CircuitDefaultsPanel } from './circuit-defaults.panel';
import { MailTypeForm } from './mail-type.form';
import { circuitDefaultsPath, deployedCircuitsPath, updateMailType } from './mail-types.api';
import './mail-types.css';

/**
 * Admins manage the mail types: what binds a mail to its circuit and its deadline, in three
 * languages, and the default circuit of each direction.
 */
export function MailTypesPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorMessage = useErrorMessage();
  const types = useApiQuery<MailTypeDto[]>(mailTypesPath);
  const circuits = useApiQuery<CircuitDto[]>(deployedCircuitsPath);
  const defaults = useApiQuery<CircuitDefaultsDto>(circuitDefaultsPath);
  const [editing, setEditing] = useState<MailTypeDto | 'new' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const deployed = circuits.status === 'success' ? circuits.data : [];
  const nameOf = (key: string) => deployed.find((c) => c.key === key)?.name ?? key;
  // A type without a circuit of its own runs its direction's default: say which.
  const circuitOf = (type: MailTypeDto) => {
    if (type.circuitKey !== null) return nameOf(type.circuitKey);
    const fallback = defaults.status === 'success' ? defaults.data[type.direction] : null;
    return fallback ? t('mailTypes.defaultCircuitIs', { name: nameOf(fallback) }) : t('mailTypes.defaultCircuit');
  };

  async function toggle(type: MailTypeDto) {
    setFailure(null);
    try {
      await updateMailType(type.code, { active: !type.active });
      types.refresh();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  return (
    <section className="page page--wide mail-types-page" aria-labelledby="mail-types-title" data-testid="mail-types-page">
      <header className="page__header mail-types__header">
        <div>
          <h1 id="mail-types-title">{t('mailTypes.title')}</h1>
          <p className="page__intro">{t('mailTypes.intro')}</p>
        </div>
        {editing === null && (
          <button type="button" className="button button--primary" data-testid="mail-type-new" onClick={() => setEditing('new')}>
            {t('mailTypes.new')}
          </button>
        )}
      </header>
      {editing !== null && (
        <MailTypeForm
          key={editing === 'new' ? 'new' : editing.code}
          editing={editing === 'new' ? null : editing}
          circuits={deployed}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            types.refresh();
          }}
        />
      )}
      {failure && (
        <p className="alert alert--error" role="alert">
          {failure}
        </p>
      )}
      {types.status === 'loading' && <Loading>{t('mailTypes.loading')}</Loading>}
      {types.status === 'error' && <ErrorMessage error={types.error} onRetry={types.retry} />}
      {types.status === 'success' && types.data.length === 0 && <p className="empty">{t('mailTypes.empty')}</p>}
      {types.status === 'success' && types.data.length > 0 && (
        <div className="table-scroll">
          <table className="mail-types-table" data-testid="mail-types-table">
            <thead>
              <tr>
                <th scope="col">{t('mailTypes.columns.label')}</th>
                <th scope="col">{t('mailTypes.columns.code')}</th>
                <th scope="col">{t('mailTypes.columns.direction')}</th>
                <th scope="col">{t('mailTypes.columns.dueDays')}</th>
                <th scope="col">{t('mailTypes.columns.circuit')}</th>
                <th scope="col">{t('mailTypes.columns.state')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('mailTypes.columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {types.data.map((type) => (
                <tr key={type.code} data-testid="mail-type-row" data-code={type.code} data-active={type.active}>
                  <th scope="row" dir="auto">
                    {type.label[language]}
                  </th>
                  <td>
                    <bdi className="mail-types__code">{type.code}</bdi>
                  </td>
                  <td>{t(`directions.${type.direction}`)}</td>
                  <td>{t('mailTypes.days', { count: type.dueDays })}</td>
                  <td dir="auto" className={type.circuitKey === null ? 'muted' : undefined}>{circuitOf(type)}</td>
                  <td>
                    <span className={`badge ${type.active ? 'badge--active' : 'badge--neutral'}`}>
                      {type.active ? t('mailTypes.active') : t('mailTypes.inactive')}
                    </span>
                  </td>
                  <td>
                    <div className="mail-types__actions">
                    <button type="button" className="button button--small button--secondary" data-testid="mail-type-edit" onClick={() => setEditing(type)}>
                      {t('mailTypes.edit')}
                    </button>
                    <button type="button" className="button button--small button--ghost" data-testid="mail-type-toggle" onClick={() => void toggle(type)}>
                      {type.active ? t('mailTypes.deactivate') : t('mailTypes.activate')}
                    </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {circuits.status === 'error' && <ErrorMessage error={circuits.error} onRetry={circuits.retry} />}
      <CircuitDefaultsPanel circuits={deployed} query={defaults} />
    </section>
  );
}
