import { Parser } from 'htmlparser2';

/** A piece of text in one style. `\n` inside the text is a line break (`<br>`). */
export interface Run {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
}

export type BlockKind = 'p' | 'h1' | 'h2' | 'h3' | 'li';
export type BlockAlign = 'left' | 'right' | 'center' | 'justify' | null;

/** A paragraph, a heading or a list item, with its runs in logical order. */
export interface Block {
  kind: BlockKind;
  align: BlockAlign;
  /** `dir` given by the editor; null: from the text itself, else the letter's language. */
  dir: 'ltr' | 'rtl' | null;
  /** A list item's marker ("•", "1.") and nesting depth from 1. */
  marker: string | null;
  depth: number;
  runs: Run[];
}

const BLOCK_TAGS = new Set(['p', 'h1', 'h2', 'h3', 'li', 'blockquote']);
const ALIGN = /text-align\s*:\s*(left|right|center|justify)/i;

/**
 * Reads the letter's HTML subset (paragraphs, headings h1–h3, bold, italic, underline, lists,
 * alignment, line breaks, merge fields) into blocks. A merge field `<span data-field="x">` prints
 * `fields[x]` (its own content is ignored); anything outside the subset contributes its text only.
 */
export function letterBlocks(html: string, fields: Record<string, string>): Block[] {
  const blocks: Block[] = [];
  const lists: { ordered: boolean; count: number }[] = [];
  const style = { bold: 0, italic: 0, underline: 0 };
  const open: string[] = [];
  let current: Block | null = null;
  let fieldDepth = 0;

  const start = (kind: BlockKind, attrs: Record<string, string>): Block => {
    const list = lists[lists.length - 1];
    const marker = kind === 'li' && list ? (list.ordered ? `${(list.count += 1)}.` : '•') : null;
    const dir = attrs.dir === 'rtl' || attrs.dir === 'ltr' ? attrs.dir : null;
    const align = (ALIGN.exec(attrs.style ?? '')?.[1]?.toLowerCase() as BlockAlign) ?? null;
    return { kind, align, dir, marker, depth: Math.max(1, lists.length), runs: [] };
  };
  const flush = () => {
    if (current && current.runs.some((r) => r.text.trim())) blocks.push(current);
    current = null;
  };
  const add = (text: string) => {
    if (!text) return;
    current ??= { kind: 'p', align: null, dir: null, marker: null, depth: 1, runs: [] };
    const run = { text, bold: style.bold > 0, italic: style.italic > 0, underline: style.underline > 0 };
    const last = current.runs[current.runs.length - 1];
    if (last && last.bold === run.bold && last.italic === run.italic && last.underline === run.underline) last.text += text;
    else current.runs.push(run);
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        open.push(name);
        if (fieldDepth > 0) {
          fieldDepth += 1;
          return;
        }
        if (name === 'ul' || name === 'ol') {
          flush();
          lists.push({ ordered: name === 'ol', count: 0 });
        } else if (BLOCK_TAGS.has(name)) {
          // a paragraph inside a list item continues that item
          if (name === 'p' && current?.kind === 'li' && current.runs.every((r) => !r.text.trim())) {
            current.runs = [];
            const align = ALIGN.exec(attrs.style ?? '')?.[1];
            if (align) current.align = align.toLowerCase() as BlockAlign;
            if (attrs.dir === 'rtl' || attrs.dir === 'ltr') current.dir = attrs.dir;
            return;
          }
          flush();
          current = start(name === 'blockquote' ? 'p' : (name as BlockKind), attrs);
        } else if (name === 'br') add('\n');
        else if (name === 'strong' || name === 'b') style.bold += 1;
        else if (name === 'em' || name === 'i') style.italic += 1;
        else if (name === 'u') style.underline += 1;
        else if (name === 'span' && attrs['data-field'] !== undefined) {
          add(fields[attrs['data-field']] ?? '');
          fieldDepth = 1;
        }
      },
      ontext(text) {
        if (fieldDepth > 0) return;
        add(text.replace(/[\t\r\n ]+/g, ' '));
      },
      onclosetag(name) {
        open.pop();
        if (fieldDepth > 0) {
          fieldDepth -= 1;
          return;
        }
        if (name === 'ul' || name === 'ol') {
          flush();
          lists.pop();
        } else if (BLOCK_TAGS.has(name)) {
          if (name === 'p' && current?.kind === 'li' && open.includes('li')) return;
          flush();
        } else if (name === 'strong' || name === 'b') style.bold = Math.max(0, style.bold - 1);
        else if (name === 'em' || name === 'i') style.italic = Math.max(0, style.italic - 1);
        else if (name === 'u') style.underline = Math.max(0, style.underline - 1);
      },
    },
    { decodeEntities: true, lowerCaseTags: true, recognizeSelfClosing: true },
  );
  parser.write(html);
  parser.end();
  flush();
  return blocks;
}

/** The plain text of the blocks, one line per block (what a comparison of versions reads). */
export function blocksText(blocks: Block[]): string {
  return blocks.map((b) => `${b.marker ? `${b.marker} ` : ''}${b.runs.map((r) => r.text).join('')}`.trim()).join('\n');
}
