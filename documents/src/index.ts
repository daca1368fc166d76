export { hasRtlLetters, isRtl, visualRuns, type BidiRun } from './bidi.text.js';
export { registerFonts, type FontName } from './fonts.js';
export { fit, line, lineWidth, wrap, type Align } from './text.line.js';
export { A4, createPdf, type Doc, type PdfInfo } from './pdf.document.js';
export { table, type TableColumn, type TableOptions } from './pdf.table.js';
