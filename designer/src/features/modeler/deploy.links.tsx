import type { MailTypeDto } from '@diwan/contracts';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { apiFetch } from '../../shared/api/api.client';
import { useLanguage } from '../../shared/i18n/use-language';
import type { DeployResult } from './modeler.api';

/** The circuit key of a process definition id (`key:version:id`). */
export const circuitKeyOf = (processDefinitionId: string) => processDefinitionId.split(':')[0] ?? processDefinitionId;

/**
 * After a deploy: the live view of the deployed version, and the mail types that run this
 * circuit (GET /api/mail-types?circuitKey=), each named in the page's language, with the page
 * that manages them. When the mail types cannot be read, that part is left out.
 */
export function DeployLinks({ result }: { result: DeployResult }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const circuitKey = circuitKeyOf(result.processDefinitionId);
  const [mailTypes, setMailTypes] = useState<MailTypeDto[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    apiFetch<MailTypeDto[]>(`/api/mail-types?circuitKey=${encodeURIComponent(circuitKey)}`, { signal: controller.signal }).then(
      (types) => setMailTypes(Array.isArray(types) ? types.filter((type) => type.circuitKey === circuitKey) : null),
      // no mail types route (404) or not readable: show nothing rather than fail
      () => setMailTypes(null),
    );
    return () => controller.abort();
  }, [circuitKey]);

  return (
    <div className="deploy-links" data-testid="deploy-links">
      <p>
        <Link to={`/circuits/${encodeURIComponent(result.processDefinitionId)}/live`} data-testid="deploy-live-link">
          {t('modelerUx.deployed.live')}
        </Link>
      </p>
      {mailTypes && (
        <div data-testid="deploy-mail-types" data-count={mailTypes.length}>
          <p>{mailTypes.length > 0 ? t('modelerUx.deployed.mailTypes') : t('modelerUx.deployed.noMailTypes')}</p>
          {mailTypes.length > 0 && (
            <ul>
              {mailTypes.map((type) => (
                <li key={type.code} data-testid="deploy-mail-type" data-code={type.code}>
                  {type.label[language]}
                  {!type.active && ` (${t('modelerUx.deployed.inactive')})`}
                </li>
              ))}
            </ul>
          )}
          <Link to="/admin/mail-types" data-testid="deploy-mail-types-link">
            {t('modelerUx.deployed.manageMailTypes')}
          </Link>
        </div>
      )}
    </div>
  );
}
