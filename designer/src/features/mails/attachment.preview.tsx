import type { AttachmentDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { attachmentPath } from './mails.api';
import { useBlobUrl } from './use-blob-url';

const INLINE_IMAGES = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

export function isPreviewable(attachment: AttachmentDto): boolean {
  return attachment.contentType === 'application/pdf' || INLINE_IMAGES.includes(attachment.contentType);
}

/** A PDF in an <iframe> or an image, fetched with the token; anything else gets a download link. */
export function AttachmentPreview({ attachment }: { attachment: AttachmentDto }) {
  const { t } = useTranslation();
  const file = useBlobUrl(attachmentPath(attachment.id));
  if (file.status === 'loading') return <Loading>{t('mail.attachments.loading')}</Loading>;
  if (file.status === 'error') return <ErrorMessage error={file.error} />;
  const download = (
    <a href={file.url} download={attachment.filename} className="button button--secondary button--small">
      {t('mail.attachments.download')}
    </a>
  );
  return (
    <div className="attachment-preview" data-testid="attachment-preview" data-attachment-id={attachment.id}>
      {attachment.contentType === 'application/pdf' && (
        <iframe src={file.url} title={attachment.filename} className="attachment-preview__frame" />
      )}
      {INLINE_IMAGES.includes(attachment.contentType) && (
        <img src={file.url} alt={attachment.filename} className="attachment-preview__image" />
      )}
      {!isPreviewable(attachment) && <p className="muted">{t('mail.attachments.noPreview')}</p>}
      <p>{download}</p>
    </div>
  );
}
