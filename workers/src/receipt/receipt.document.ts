/** The receipt's layout lives in @diwan/documents, shared with the engine (which seals portal receipts). */
export { renderReceipt, type ReceiptContent } from '@diwan/documents';
