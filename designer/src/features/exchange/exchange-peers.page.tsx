import type { ExchangeIdentityDto, ExchangePeerDto } from '@diwan/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useFormatDate } from '../../shared/i18n/format-date';
import { useErrorMessage } from '../../shared/i18n/use-error-message';
import { useLanguage } from '../../shared/i18n/use-language';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { ExchangePeerForm } from './exchange-peer.form';
import { deletePeer, exchangeIdentityPath, exchangePeersPath } from './exchange.api';
import './exchange.css';

/**
 * Admins manage the directory of administrations this one exchanges mail with: only those listed
 * may send packages here, and mail goes only to them. This administration's own identity (id,
 * name, public key) is shown for the other administrations' admins to enter in theirs.
 */
export function ExchangePeersPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatDate = useFormatDate();
  const errorMessage = useErrorMessage();
  const identity = useApiQuery<ExchangeIdentityDto>(exchangeIdentityPath);
  const peers = useApiQuery<ExchangePeerDto[]>(exchangePeersPath);
  const [editing, setEditing] = useState<ExchangePeerDto | 'new' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const nameOf = (name: { ar: string; fr: string }) => (language === 'ar' ? name.ar : name.fr);

  async function remove(peer: ExchangePeerDto) {
    if (!window.confirm(t('exchange.confirmDelete', { name: nameOf(peer.name) }))) return;
    setFailure(null);
    try {
      await deletePeer(peer.id);
      peers.refresh();
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  return (
    <section className="page page--wide exchange-page" aria-labelledby="exchange-title" data-testid="exchange-page">
      <header className="page__header exchange__header">
        <div>
          <h1 id="exchange-title">{t('exchange.title')}</h1>
          <p className="page__intro">{t('exchange.intro')}</p>
        </div>
        {editing === null && (
          <button type="button" className="button button--primary" data-testid="peer-new" onClick={() => setEditing('new')}>
            {t('exchange.new')}
          </button>
        )}
      </header>

      <section className="card exchange-identity" aria-labelledby="exchange-identity-title">
        <h2 id="exchange-identity-title">{t('exchange.identity.title')}</h2>
        {identity.status === 'loading' && <Loading>{t('exchange.loading')}</Loading>}
        {identity.status === 'error' && <p className="muted">{t('exchange.identity.disabled')}</p>}
        {identity.status === 'success' && (
          <dl className="exchange-identity__facts">
            <dt>{t('exchange.fields.name')}</dt>
            <dd dir="auto">{nameOf(identity.data.name)}</dd>
            <dt>{t('exchange.fields.id')}</dt>
            <dd>
              <bdi className="exchange__code" data-testid="own-id">{identity.data.id}</bdi>
            </dd>
            <dt>{t('exchange.fields.publicKey')}</dt>
            <dd>
              <textarea className="exchange__key" dir="ltr" readOnly rows={2} value={identity.data.publicKey} aria-label={t('exchange.fields.publicKey')} />
            </dd>
          </dl>
        )}
      </section>

      {editing !== null && (
        <ExchangePeerForm
          key={editing === 'new' ? 'new' : editing.id}
          editing={editing === 'new' ? null : editing}
          onCancel={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            peers.refresh();
          }}
        />
      )}
      {failure && (
        <p className="alert alert--error" role="alert">
          {failure}
        </p>
      )}
      {peers.status === 'loading' && <Loading>{t('exchange.loading')}</Loading>}
      {peers.status === 'error' && <ErrorMessage error={peers.error} onRetry={peers.retry} />}
      {peers.status === 'success' && peers.data.length === 0 && <p className="empty">{t('exchange.empty')}</p>}
      {peers.status === 'success' && peers.data.length > 0 && (
        <div className="table-scroll">
          <table className="exchange-table" data-testid="peers-table">
            <thead>
              <tr>
                <th scope="col">{t('exchange.fields.name')}</th>
                <th scope="col">{t('exchange.fields.id')}</th>
                <th scope="col">{t('exchange.fields.url')}</th>
                <th scope="col">{t('exchange.fields.fingerprint')}</th>
                <th scope="col">{t('exchange.fields.updatedAt')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('exchange.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {peers.data.map((peer) => (
                <tr key={peer.id} data-testid="peer-row" data-id={peer.id}>
                  <th scope="row" dir="auto">
                    {nameOf(peer.name)}
                  </th>
                  <td>
                    <bdi className="exchange__code">{peer.id}</bdi>
                  </td>
                  <td>
                    <bdi dir="ltr">{peer.url}</bdi>
                  </td>
                  <td>
                    <bdi className="exchange__fingerprint" dir="ltr">{peer.fingerprint}</bdi>
                  </td>
                  <td>{formatDate(peer.updatedAt)}</td>
                  <td>
                    <div className="exchange__actions">
                      <button type="button" className="button button--small button--secondary" data-testid="peer-edit" onClick={() => setEditing(peer)}>
                        {t('exchange.edit')}
                      </button>
                      <button type="button" className="button button--small button--ghost" data-testid="peer-delete" onClick={() => void remove(peer)}>
                        {t('exchange.delete')}
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
