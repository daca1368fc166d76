import type { UserTaskDto } from '@diwan/contracts';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorMessage } from '../../shared/i18n/use-error-message';
import { useUserTasks } from './user-tasks.context';

/**
 * Runs a task action (claim, unclaim, delegate), puts the answer in the live list at once, and
 * keeps a translated failure to show.
 */
export function useUserTaskAction() {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const { upsert } = useUserTasks();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const run = useCallback(
    async (userTask: UserTaskDto, action: () => Promise<UserTaskDto | undefined>) => {
      setFailure(null);
      setBusy(userTask.id);
      try {
        const updated = await action();
        if (updated && typeof updated === 'object' && 'id' in updated) upsert(updated);
      } catch (error) {
        setFailure(t('inbox.actionFailed', { name: userTask.name ?? t('inbox.untitled'), reason: errorMessage(error) }));
      } finally {
        setBusy(null);
      }
    },
    [t, errorMessage, upsert],
  );
  return { run, busy, failure, clearFailure: () => setFailure(null) };
}
