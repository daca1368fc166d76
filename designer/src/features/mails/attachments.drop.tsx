import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLanguage } from '../../shared/i18n/use-language';
import { ACCEPT_ATTRIBUTE, extensionOf, formatSize, MAX_FILES, rejectionOf, type FileRejection } from './attachments.rules';

interface AttachmentsDropProps {
  files: File[];
  onChange: (files: File[]) => void;
  disabled?: boolean;
}

/** Drag-and-drop zone and file picker for scans, with the list of chosen files and why some were refused. */
export function AttachmentsDrop({ files, onChange, disabled }: AttachmentsDropProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const [refused, setRefused] = useState<{ name: string; reason: FileRejection }[]>([]);

  function add(incoming: FileList | null) {
    if (!incoming) return;
    const next = [...files];
    const rejections: { name: string; reason: FileRejection }[] = [];
    for (const file of incoming) {
      const reason = rejectionOf(file) ?? (next.length >= MAX_FILES ? 'count' : null);
      if (reason) rejections.push({ name: file.name, reason });
      else next.push(file);
    }
    setRefused(rejections);
    onChange(next);
  }

  function onDrop(event: DragEvent<HTMLDivElement>) {
    event.preventDefault();
    setDragging(false);
    if (!disabled) add(event.dataTransfer.files);
  }

  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>{t('mailForm.attachments.title')}</legend>
      <div
        className={`drop-zone${dragging ? ' drop-zone--over' : ''}`}
        data-testid="file-drop"
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('mailForm.attachments.drop')}</p>
        <label htmlFor={id} className="button button--secondary button--small">
          {t('mailForm.attachments.pick')}
        </label>
        <input
          id={id}
          type="file"
          multiple
          accept={ACCEPT_ATTRIBUTE}
          className="visually-hidden"
          data-testid="file-input"
          onChange={(event) => {
            add(event.target.files);
            event.target.value = '';
          }}
        />
        <p className="field__hint">{t('mailForm.attachments.rules', { count: MAX_FILES })}</p>
      </div>
      {refused.map((rejection) => (
        <p key={rejection.name} className="field__error" role="alert">
          {t(`mailForm.attachments.refused.${rejection.reason}`, { name: rejection.name, count: MAX_FILES })}
        </p>
      ))}
      {files.length > 0 && (
        <ul className="file-list" data-testid="file-list">
          {files.map((file, index) => (
            <li key={`${file.name}-${index}`} className="file-list__item">
              <span className="file-list__type">{extensionOf(file.name).toUpperCase()}</span>
              <bdi className="file-list__name">{file.name}</bdi>
              <span className="muted">{formatSize(file.size, language)}</span>
              <button
                type="button"
                className="button button--ghost button--small"
                aria-label={t('mailForm.attachments.removeLabel', { name: file.name })}
                onClick={() => onChange(files.filter((_, i) => i !== index))}
              >
                {t('mailForm.attachments.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
