import sanitizeHtml from 'sanitize-html';
import { MERGE_FIELDS } from '@diwan/contracts';

const BLOCK_ATTRIBUTES = ['style', { name: 'dir', multiple: false, values: ['rtl', 'ltr', 'auto'] }];

/**
 * The letter's HTML subset: paragraphs, headings h1–h3, bold, italic, underline, lists, line
 * breaks, alignment (`text-align` only) and direction per block, and merge fields
 * (`<span data-field>` naming a known field). Everything else goes: script and style elements
 * with their content, event handlers, links, images, other attributes and styles.
 */
export function sanitizeLetterHtml(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: ['p', 'h1', 'h2', 'h3', 'strong', 'b', 'em', 'i', 'u', 'ul', 'ol', 'li', 'br', 'span', 'blockquote'],
    allowedAttributes: {
      p: BLOCK_ATTRIBUTES,
      h1: BLOCK_ATTRIBUTES,
      h2: BLOCK_ATTRIBUTES,
      h3: BLOCK_ATTRIBUTES,
      li: BLOCK_ATTRIBUTES,
      blockquote: BLOCK_ATTRIBUTES,
      span: [{ name: 'data-field', multiple: false, values: [...MERGE_FIELDS] }],
    },
    allowedStyles: { '*': { 'text-align': [/^(left|right|center|justify)$/] } },
    allowedSchemes: [],
    disallowedTagsMode: 'discard',
    nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'title', 'iframe', 'object', 'template'],
  }).trim();
}

