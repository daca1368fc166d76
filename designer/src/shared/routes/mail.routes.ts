/** Designer routes of a mail (courrier / مراسلة); ids are encoded. */
export const mailRoute = (id: string) => `/mails/${encodeURIComponent(id)}`;
export const receiptRoute = (id: string) => `/mails/${encodeURIComponent(id)}/receipt`;
