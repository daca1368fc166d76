import { useTranslation } from 'react-i18next';

/** The submission's upload progress: a native <progress> with a percentage in words. */
export function UploadProgress({ fraction }: { fraction: number }) {
  const { t } = useTranslation();
  const percent = Math.round(fraction * 100);
  return (
    <div className="upload-progress" data-testid="upload-progress" data-percent={percent}>
      <label>
        <span>{percent < 100 ? t('mailForm.uploading', { percent }) : t('mailForm.registering')}</span>
        <progress max={100} value={percent} />
      </label>
    </div>
  );
}
