import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiBlob, saveBlob } from '../../shared/api/api.download';
import { useErrorMessage } from '../../shared/i18n/use-error-message';

/** Downloads the current search as CSV: fetched with the token, then saved from a Blob. */
export function CsvExportButton({ path }: { path: string }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  async function exportCsv() {
    setBusy(true);
    setFailure(null);
    try {
      const { blob, filename } = await apiBlob(path);
      saveBlob(blob, filename ?? `registre-${new Date().toISOString().slice(0, 10)}.csv`);
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="csv-export">
      <button type="button" className="button button--secondary" data-testid="csv-export" disabled={busy} aria-busy={busy} onClick={() => void exportCsv()}>
        {busy ? t('registry.exporting') : t('registry.export')}
      </button>
      {failure && (
        <p className="field__error" role="alert">
          {failure}
        </p>
      )}
    </div>
  );
}
