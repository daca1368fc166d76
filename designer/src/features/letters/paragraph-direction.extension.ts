import { Extension } from '@tiptap/react';

/**
 * Each paragraph, heading and list item carries `dir="auto"` (or the direction it came with), so
 * an Arabic paragraph runs right to left and a French one left to right in the same letter.
 */
export const ParagraphDirection = Extension.create({
  name: 'paragraphDirection',
  addGlobalAttributes() {
    return [
      {
        types: ['paragraph', 'heading', 'listItem'],
        attributes: {
          dir: {
            default: 'auto',
            parseHTML: (el) => (['rtl', 'ltr'].includes(el.getAttribute('dir') ?? '') ? el.getAttribute('dir') : 'auto'),
            renderHTML: (attrs) => ({ dir: (attrs.dir as string | null) ?? 'auto' }),
          },
        },
      },
    ];
  },
});
