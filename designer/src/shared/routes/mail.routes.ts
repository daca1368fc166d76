/** Designer routes of a mail (courrier / مراسلة); ids are encoded. */
export const mailRoute = (id: string) => `/mails/${encodeURIComponent(id)}`;
export const receiptRoute = (id: string) => `/mails/${encodeURIComponent(id)}/receipt`;
/** The letter editor of an outgoing mail (designer/src/features/letters). */
export const letterRoute = (id: string) => `/mails/${encodeURIComponent(id)}/letter`;
