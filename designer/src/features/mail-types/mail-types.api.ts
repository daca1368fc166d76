import type { CircuitDefaultsDto, MailTypeDto, MailTypeInput } from '@diwan/contracts';
import { apiFetch } from '../../shared/api/api.client';

/** Engine calls of the mail types admin page (admins only, the engine checks). */
export const circuitDefaultsPath = '/api/circuit-defaults';
export const deployedCircuitsPath = '/api/circuits';
export const mailTypesRoute = '/admin/mail-types';

const typePath = (code: string) => `/api/mail-types/${encodeURIComponent(code)}`;

export function createMailType(input: MailTypeInput): Promise<MailTypeDto> {
  return apiFetch<MailTypeDto>('/api/mail-types', { method: 'POST', body: input });
}

export function updateMailType(code: string, changes: Partial<Omit<MailTypeInput, 'code'>>): Promise<MailTypeDto> {
  return apiFetch<MailTypeDto>(typePath(code), { method: 'PUT', body: changes });
}

export function saveCircuitDefaults(defaults: CircuitDefaultsDto): Promise<CircuitDefaultsDto> {
  return apiFetch<CircuitDefaultsDto>(circuitDefaultsPath, { method: 'PUT', body: defaults });
}
