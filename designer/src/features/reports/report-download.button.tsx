import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiBlob, saveBlob } from '../../shared/api/api.download';

interface Props {
  path: string;
  label: string;
  fallbackName: string;
  testId: string;
  onError: (error: unknown) => void;
  onStart: () => void;
  primary?: boolean;
}

/** Fetches a report with the session's token (a plain link can't carry it) and saves it. */
export function ReportDownloadButton({ path, label, fallbackName, testId, onError, onStart, primary = false }: Props) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    onStart();
    try {
      const { blob, filename } = await apiBlob(path);
      saveBlob(blob, filename ?? fallbackName);
    } catch (error) {
      onError(error);
    } finally {
      setBusy(false);
    }
  }

  return (
    <button type="button" className={`button ${primary ? 'button--primary' : 'button--secondary'}`} data-testid={testId} disabled={busy} aria-busy={busy} onClick={() => void download()}>
      {busy ? t('reports.preparing') : label}
    </button>
  );
}
