import { Node, mergeAttributes } from '@tiptap/react';
import type { MergeField } from '@diwan/contracts';

export interface MergeFieldOptions {
  /** The chip's text: the field's name in the user's language. */
  label: (field: MergeField) => string;
  /** Its value as it prints now (a tooltip). */
  value: (field: MergeField) => string;
}

/**
 * A merge field (`<span data-field="correspondent.name">`): an inline atom shown as a chip; the
 * engine fills it when it renders the letter.
 */
export const MergeFieldNode = Node.create<MergeFieldOptions>({
  name: 'mergeField',
  group: 'inline',
  inline: true,
  atom: true,
  selectable: true,
  addOptions() {
    return { label: (field) => field, value: () => '' };
  },
  addAttributes() {
    return {
      field: { default: null, parseHTML: (el) => el.getAttribute('data-field'), renderHTML: (attrs) => ({ 'data-field': attrs.field as string }) },
    };
  },
  parseHTML() {
    return [{ tag: 'span[data-field]' }];
  },
  renderHTML({ HTMLAttributes, node }) {
    return ['span', mergeAttributes(HTMLAttributes), `{{${node.attrs.field as string}}}`];
  },
  renderText({ node }) {
    return this.options.value(node.attrs.field as MergeField);
  },
  addNodeView() {
    return ({ node }) => {
      const dom = document.createElement('span');
      const field = node.attrs.field as MergeField;
      dom.className = 'merge-field';
      dom.dataset.field = field;
      dom.contentEditable = 'false';
      dom.textContent = this.options.label(field);
      const value = this.options.value(field);
      if (value) dom.title = value;
      return { dom };
    };
  },
});
