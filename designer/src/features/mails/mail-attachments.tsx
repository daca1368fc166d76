import type { AttachmentDto } from '@diwan/contracts';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../shared/i18n/format-date';
import { useLanguage } from '../../shared/i18n/use-language';
import { AttachmentPreview, isPreviewable } from './attachment.preview';
import { formatSize } from './attachments.rules';

/** The mail's files, and the chosen one shown inline (the first previewable one at first). */
export function MailAttachments({ attachments }: { attachments: AttachmentDto[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatDate = useFormatDate();
  const [chosen, setChosen] = useState<string | null>(null);
  const shown = attachments.find((a) => a.id === chosen) ?? attachments.find(isPreviewable) ?? null;
  if (attachments.length === 0) return <p className="muted">{t('mail.attachments.none')}</p>;
  return (
    <div className="mail-attachments" data-testid="mail-attachments">
      <ul className="file-list">
        {attachments.map((attachment) => (
          <li key={attachment.id} className="file-list__item" data-testid="attachment-item" data-role={attachment.role}>
            <span className="file-list__type">{t(`mail.attachments.roles.${attachment.role}`)}</span>
            <bdi className="file-list__name">{attachment.filename}</bdi>
            <span className="muted">
              {/* each number isolated, so that size and date keep their order in a right-to-left line */}
              <bdi>{formatSize(attachment.size, language)}</bdi> · <bdi>{formatDate(attachment.uploadedAt)}</bdi>
            </span>
            <button
              type="button"
              className="button button--ghost button--small"
              aria-pressed={shown?.id === attachment.id}
              onClick={() => setChosen(attachment.id)}
            >
              {t('mail.attachments.show')}
            </button>
          </li>
        ))}
      </ul>
      {shown && <AttachmentPreview key={shown.id} attachment={shown} />}
    </div>
  );
}
