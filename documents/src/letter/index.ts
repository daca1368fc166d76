export { letterBlocks, blocksText, type Block, type Run } from './letter.blocks.js';
export { renderLetterPdf, type LetterContent } from './letter.pdf.js';
