/** GET /api/public/track/:code, no login: what a citizen may know about their mail. */
export type { MailTrackingDto as TrackingDto } from '@diwan/contracts';

export const trackingPath = (code: string) => `/api/public/track/${encodeURIComponent(code)}`;
export const trackingRoute = (code: string) => `/track/${encodeURIComponent(code)}`;
