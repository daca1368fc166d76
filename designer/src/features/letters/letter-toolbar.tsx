import type { Editor } from '@tiptap/react';
import { useTranslation } from 'react-i18next';

/** Bold, italic, underline, a heading, lists and alignment; the start and end sides follow the letter's direction. */
export function LetterToolbar({ editor, rtl }: { editor: Editor; rtl: boolean }) {
  const { t } = useTranslation();
  const chain = () => editor.chain().focus();
  const buttons: { key: string; label: string; active: boolean; run: () => void }[] = [
    { key: 'bold', label: t('letters.toolbar.bold'), active: editor.isActive('bold'), run: () => chain().toggleBold().run() },
    { key: 'italic', label: t('letters.toolbar.italic'), active: editor.isActive('italic'), run: () => chain().toggleItalic().run() },
    { key: 'underline', label: t('letters.toolbar.underline'), active: editor.isActive('underline'), run: () => chain().toggleUnderline().run() },
    { key: 'heading', label: t('letters.toolbar.heading'), active: editor.isActive('heading', { level: 2 }), run: () => chain().toggleHeading({ level: 2 }).run() },
    { key: 'bullets', label: t('letters.toolbar.bulletList'), active: editor.isActive('bulletList'), run: () => chain().toggleBulletList().run() },
    { key: 'numbers', label: t('letters.toolbar.orderedList'), active: editor.isActive('orderedList'), run: () => chain().toggleOrderedList().run() },
    { key: 'start', label: t('letters.toolbar.alignStart'), active: editor.isActive({ textAlign: rtl ? 'right' : 'left' }), run: () => chain().setTextAlign(rtl ? 'right' : 'left').run() },
    { key: 'center', label: t('letters.toolbar.alignCenter'), active: editor.isActive({ textAlign: 'center' }), run: () => chain().setTextAlign('center').run() },
    { key: 'end', label: t('letters.toolbar.alignEnd'), active: editor.isActive({ textAlign: rtl ? 'left' : 'right' }), run: () => chain().setTextAlign(rtl ? 'left' : 'right').run() },
  ];
  return (
    <div className="letter-toolbar" role="toolbar" aria-label={t('letters.toolbar.label')}>
      {buttons.map((b) => (
        <button key={b.key} type="button" className={`button button--small${b.active ? ' is-active' : ''}`} aria-pressed={b.active} onClick={b.run}>
          {b.label}
        </button>
      ))}
    </div>
  );
}
