import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { draftOfCircuit } from '../../shared/api/circuit-drafts.api';
import { draftRoute } from '../../shared/routes/draft.routes';
import { ErrorMessage } from '../../shared/ui/error-message';

/** Opens a deployed circuit in the modeler (admins): its draft, or a new one made from it. */
export function OpenInModelerButton({ processDefinitionId }: { processDefinitionId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function open() {
    setBusy(true);
    setError(null);
    try {
      const draft = await draftOfCircuit(processDefinitionId);
      navigate(draftRoute(draft._id));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <>
      <button type="button" className="button button--secondary" data-testid="open-in-modeler" disabled={busy} aria-busy={busy} onClick={() => void open()}>
        {t('circuits.openInModeler')}
      </button>
      {error !== null && <ErrorMessage error={error} />}
    </>
  );
}
