import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/i18n/use-error-message';
import { UserPicker } from './user-picker';
import { bulkUserTasks, type BulkResult } from './user-tasks.api';

interface BulkBarProps {
  ids: string[];
  department?: string;
  /** The outcome in words, and the ids that went through (the others stay selected). */
  onDone: (outcome: string, succeeded: string[]) => void;
}

/** With tasks selected: claim them all, or assign them all to a colleague; says what failed. */
export function BulkBar({ ids, department, onDone }: BulkBarProps) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [to, setTo] = useState('');
  const [busy, setBusy] = useState(false);

  async function run(action: 'claim' | 'assign') {
    setBusy(true);
    try {
      const results: BulkResult[] = await bulkUserTasks(action, ids, action === 'assign' ? to : undefined);
      const failed = results.filter((result) => !result.ok).length;
      const succeeded = results.filter((result) => result.ok).map((result) => result.id);
      onDone(
        failed === 0 ? t('inbox.bulk.done', { count: results.length }) : t('inbox.bulk.partial', { count: failed, total: results.length }),
        succeeded,
      );
    } catch (error) {
      onDone(errorMessage(error), []);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="bulk-bar" role="region" aria-label={t('inbox.bulk.label')} data-testid="bulk-bar">
      <strong>{t('inbox.bulk.selected', { count: ids.length })}</strong>
      <button type="button" className="button button--secondary button--small" data-testid="bulk-claim" disabled={busy || ids.length === 0} onClick={() => void run('claim')}>
        {t('inbox.bulk.claim')}
      </button>
      <UserPicker department={department} value={to} onChange={setTo} label={t('inbox.bulk.assignTo')} testId="bulk-assign-user" />
      <button type="button" className="button button--secondary button--small" data-testid="bulk-assign" disabled={busy || !to || ids.length === 0} onClick={() => void run('assign')}>
        {t('inbox.bulk.assign')}
      </button>
    </div>
  );
}
