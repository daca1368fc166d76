import { stepNameOf } from './inbox.view';
import { useLanguage } from '../../shared/i18n/use-language';
import type { UserTaskDto } from '@diwan/contracts';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UserPicker } from './user-picker';

interface DelegateDialogProps {
  userTask: UserTaskDto;
  me: string;
  onDelegate: (to: string) => void;
  onClose: () => void;
}

/** Modal <dialog>: pick a colleague of the task's department to hand the task to. */
export function DelegateDialog({ userTask, me, onDelegate, onClose }: DelegateDialogProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const dialog = useRef<HTMLDialogElement>(null);
  const [to, setTo] = useState('');
  useEffect(() => {
    dialog.current?.showModal();
  }, []);
  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="delegate-title" onClose={onClose} data-testid="delegate-dialog">
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          if (to) onDelegate(to);
          dialog.current?.close();
        }}
      >
        <h2 id="delegate-title">{t('inbox.delegateTitle', { name: stepNameOf(userTask, language) ?? t('inbox.untitled') })}</h2>
        <p className="muted">{t('inbox.delegateIntro')}</p>
        <UserPicker
          department={userTask.candidateGroups[0]}
          value={to}
          onChange={setTo}
          label={t('inbox.delegateTo')}
          testId="delegate-user"
          exclude={me}
        />
        <div className="dialog__actions">
          <button type="button" className="button button--ghost" onClick={() => dialog.current?.close()}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={!to} data-testid="delegate-confirm">
            {t('inbox.delegate')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
