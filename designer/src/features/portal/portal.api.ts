import type { PortalChallengeDto, PortalConfirmedDto, PortalDepositCreatedDto, PortalDepositInput, PortalOptionsDto, PortalReceiptFactsDto, PortalReceiptVerificationDto } from '@diwan/contracts';
import { apiFetch } from '../../shared/api/api.client';
import { apiUpload } from '../../shared/api/api.upload';

/** The public portal's API: no login. */
export const portalApi = {
  options: () => apiFetch<PortalOptionsDto>('/api/public/portal/options'),
  challenge: () => apiFetch<PortalChallengeDto>('/api/public/deposits/challenge'),
  deposit(input: PortalDepositInput, files: File[], onProgress?: (f: number) => void) {
    const form = new FormData();
    form.append('deposit', JSON.stringify(input));
    for (const file of files) form.append('files', file, file.name);
    return apiUpload<PortalDepositCreatedDto>({ path: '/api/public/deposits', form, ...(onProgress ? { onProgress } : {}) });
  },
  confirm: (id: string, code: string) => apiFetch<PortalConfirmedDto>(`/api/public/deposits/${encodeURIComponent(id)}/confirm`, { method: 'POST', body: { code } }),
  resend: (id: string) => apiFetch<PortalDepositCreatedDto>(`/api/public/deposits/${encodeURIComponent(id)}/resend`, { method: 'POST', body: {} }),
  facts: (code: string) => apiFetch<PortalReceiptFactsDto>(`/api/public/receipts/${encodeURIComponent(code)}`),
  verify(file: File) {
    const form = new FormData();
    form.append('receipt', file, file.name);
    return apiUpload<PortalReceiptVerificationDto>({ path: '/api/public/receipts/verify', form });
  },
};

export const portalRoute = '/portal';
export const verifyRoute = (code?: string) => (code ? `/portal/verify?code=${encodeURIComponent(code)}` : '/portal/verify');
