/** The citizen's public routes (no login): what a citizen may know about their mail, and their answers. */
export type { MailTrackingDto as TrackingDto, TrackingStage, CitizenAnswerDto } from '@diwan/contracts';

export const trackingPath = (code: string) => `/api/public/track/${encodeURIComponent(code)}`;
export const trackingRoute = (code: string) => `/track/${encodeURIComponent(code)}`;
export const answersPath = (code: string) => `${trackingPath(code)}/answers`;
export const answerDocumentPath = (code: string) => `${trackingPath(code)}/answer`;

/** What the engine accepts from a citizen (tracking.routes.ts): 5 files, 10 MB each. */
export const ANSWER_LIMITS = { maxFiles: 5, maxFileBytes: 10 * 1024 * 1024, accept: '.pdf,.png,.jpg,.jpeg,.tif,.tiff,.docx,.odt' };
