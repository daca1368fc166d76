import { MERGE_FIELDS, type LetterCompareDto, type LetterDto, type LetterTemplateDto, type MergeField } from '@diwan/contracts';
import TextAlign from '@tiptap/extension-text-align';
import { EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { ApiError } from '../../shared/api/api.error';
import { useApiQuery } from '../../shared/api/use-api-query';
import { useFormatDate } from '../../shared/i18n/format-date';
import { useErrorMessage } from '../../shared/i18n/use-error-message';
import { useLanguage } from '../../shared/i18n/use-language';
import { mailRoute } from '../../shared/routes/mail.routes';
import { BackLink } from '../../shared/ui/back-link';
import { ErrorMessage } from '../../shared/ui/error-message';
import { Loading } from '../../shared/ui/loading';
import { LetterAnnexes } from './letter-annexes';
import { LetterCompare } from './letter-compare';
import { LetterToolbar } from './letter-toolbar';
import { applyTemplate, compareVersions, documentPath, letterPath, saveLetter, templatesPath } from './letters.api';
import { MergeFieldNode } from './merge-field.node';
import { ParagraphDirection } from './paragraph-direction.extension';
import { usePdfPreview } from './use-pdf-preview';
import './letters.css';

const stripIsolates = (s: string) => s.replace(/[\u2066-\u2069]/g, '');

/**
 * The letter of an outgoing mail (الرسالة): start from a template, write it with merge fields
 * (chips the engine fills), save versions (a save from an older version is refused), compare two
 * versions, and see the PDF/A the engine renders.
 */
export function LetterEditorPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const letter = useApiQuery<LetterDto>(letterPath(id));
  const templates = useApiQuery<LetterTemplateDto[]>(templatesPath);
  if (letter.status === 'loading') return <Loading>{t('letters.loading')}</Loading>;
  if (letter.status === 'error') return <ErrorMessage title={t('letters.loadFailed')} error={letter.error} onRetry={letter.retry} />;
  return <LetterEditor mailId={id} initial={letter.data} templates={templates.status === 'success' ? templates.data : []} />;
}

function LetterEditor({ mailId, initial, templates }: { mailId: string; initial: LetterDto; templates: LetterTemplateDto[] }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const formatDate = useFormatDate();
  const reason = useErrorMessage();
  const [letter, setLetter] = useState(initial);
  const fieldsRef = useRef(letter.fields);
  fieldsRef.current = letter.fields;
  const [template, setTemplate] = useState(initial.templateCode ?? templates[0]?.code ?? '');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; failed: boolean } | null>(null);
  const [dirty, setDirty] = useState(false);
  const [compare, setCompare] = useState<LetterCompareDto | null>(null);
  const [signatory, setSignatory] = useState(initial.signatory);
  const preview = usePdfPreview(documentPath(mailId), letter.revision);
  const rtl = letter.language === 'ar';

  const editor = useEditor({
    extensions: [
      StarterKit.configure({ heading: { levels: [1, 2, 3] }, code: false, codeBlock: false, horizontalRule: false, strike: false, link: false }),
      TextAlign.configure({ types: ['heading', 'paragraph'] }),
      ParagraphDirection,
      MergeFieldNode.configure({ label: (field) => t(`letters.fields.${field}`), value: (field) => stripIsolates(fieldsRef.current[field] ?? '') }),
    ],
    content: initial.html || '<p></p>',
    editable: initial.editable,
    onUpdate: () => setDirty(true),
    editorProps: { attributes: { 'data-testid': 'letter-body', 'aria-label': t('letters.body'), class: 'letter-body' } },
  });
  // the toolbar follows the selection
  useEditorState({ editor, selector: (ctx) => ctx.editor?.state.selection.toJSON() });

  useEffect(() => {
    if (templates.length && !template) setTemplate(templates.find((tp) => tp.language === letter.language)?.code ?? templates[0]!.code);
  }, [templates, template, letter.language]);

  function took(next: LetterDto, message: string) {
    setLetter(next);
    setSignatory(next.signatory);
    editor?.commands.setContent(next.html || '<p></p>', { emitUpdate: false });
    editor?.setEditable(next.editable);
    setDirty(false);
    setOutcome({ text: message, failed: false });
  }

  async function run(work: () => Promise<void>) {
    setBusy(true);
    setOutcome(null);
    try {
      await work();
    } catch (error) {
      const stale = error instanceof ApiError && error.status === 409;
      setOutcome({ text: stale ? `${reason(error)}` : reason(error), failed: true });
    } finally {
      setBusy(false);
    }
  }

  const save = () => run(async () => took(await saveLetter(mailId, { html: editor?.getHTML() ?? '', revision: letter.revision, signatory }), t('letters.saved', { n: letter.revision + 1 })));
  const apply = () => run(async () => took(await applyTemplate(mailId, template, letter.revision), t('letters.templateApplied', { n: letter.revision + 1 })));
  const showCompare = (from: number, to: number) => run(async () => setCompare(await compareVersions(mailId, from, to)));
  const insertField = (field: MergeField) => editor?.chain().focus().insertContent({ type: 'mergeField', attrs: { field } }).run();
  const label = (tp: LetterTemplateDto) => tp.labels[language] || tp.labels.fr;

  return (
    <div className="letter-page" data-testid="letter-editor">
      <BackLink to={mailRoute(mailId)}>{t('letters.backToMail')}</BackLink>
      <h1>{t('letters.title')}</h1>
      {letter.signed && <p className="alert alert--info">{t('letters.signed')}</p>}
      {!letter.editable && !letter.signed && <p className="alert alert--info">{t('letters.readOnly')}</p>}

      {letter.editable && (
        <div className="letter-template">
          <label htmlFor="letter-template">{t('letters.template')}</label>
          <select id="letter-template" data-testid="letter-template" value={template} onChange={(e) => setTemplate(e.target.value)}>
            {templates.map((tp) => (
              <option key={tp.code} value={tp.code}>
                {label(tp)}
              </option>
            ))}
          </select>
          <button type="button" className="button button--secondary" data-testid="letter-apply-template" disabled={busy || !template} onClick={() => void apply()}>
            {t('letters.applyTemplate')}
          </button>
        </div>
      )}

      <div className="letter-layout">
        <section className="letter-editor" aria-label={t('letters.body')}>
          {editor && letter.editable && <LetterToolbar editor={editor} rtl={rtl} />}
          {letter.editable && (
            <div className="letter-fields" aria-label={t('letters.fieldsLabel')}>
              <span className="letter-fields__title">{t('letters.fieldsLabel')}</span>
              {MERGE_FIELDS.map((field) => (
                <button key={field} type="button" className="merge-field merge-field--button" data-testid={`merge-${field}`} title={stripIsolates(letter.fields[field] ?? '')} onClick={() => insertField(field)}>
                  {t(`letters.fields.${field}`)}
                </button>
              ))}
            </div>
          )}
          <div className="letter-paper" dir={rtl ? 'rtl' : 'ltr'} lang={letter.language}>
            <EditorContent editor={editor} />
          </div>
          <div className="letter-signatory">
            <label>
              {t('letters.fields.signatory.name')}
              <input data-testid="letter-signatory-name" dir="auto" value={signatory.name} disabled={!letter.editable} maxLength={200} onChange={(e) => { setSignatory({ ...signatory, name: e.target.value }); setDirty(true); }} />
            </label>
            <label>
              {t('letters.fields.signatory.title')}
              <input data-testid="letter-signatory-title" dir="auto" value={signatory.title} disabled={!letter.editable} maxLength={200} onChange={(e) => { setSignatory({ ...signatory, title: e.target.value }); setDirty(true); }} />
            </label>
          </div>
          <div className="letter-actions">
            {letter.editable && (
              <button type="button" className="button" data-testid="letter-save" disabled={busy} onClick={() => void save()}>
                {busy ? t('letters.saving') : t('letters.save')}
              </button>
            )}
            {dirty && <span className="letter-dirty">{t('letters.unsaved')}</span>}
            {outcome && (
              <span role={outcome.failed ? 'alert' : 'status'} className={outcome.failed ? 'letter-outcome letter-outcome--failed' : 'letter-outcome'} data-testid="letter-outcome">
                {outcome.text}
              </span>
            )}
          </div>

          <section className="letter-versions" aria-label={t('letters.versions')}>
            <h2>{t('letters.versions')}</h2>
            {letter.versions.length === 0 ? (
              <p className="empty">{t('letters.noVersions')}</p>
            ) : (
              <ol data-testid="letter-versions">
                {[...letter.versions].reverse().map((v) => (
                  <li key={v.number}>
                    <span>
                      {t('letters.version', { n: v.number })} · {t(`letters.kind.${v.kind}`)} · {t('letters.savedBy', { who: v.savedByName, when: formatDate(v.savedAt) })}
                    </span>
                    {v.number > 1 && (
                      <button type="button" className="button button--small button--secondary" data-testid={`compare-${v.number}`} onClick={() => void showCompare(v.number - 1, v.number)}>
                        {t('letters.compareWithPrevious')}
                      </button>
                    )}
                  </li>
                ))}
              </ol>
            )}
            {compare && <LetterCompare compare={compare} rtl={rtl} />}
          </section>
          <LetterAnnexes mailId={mailId} editable={letter.editable && !letter.signed} />
        </section>

        <section className="letter-preview" aria-label={t('letters.preview')}>
          <h2>{t('letters.preview')}</h2>
          {preview.status === 'idle' && <p className="empty">{t('letters.previewAfterSave')}</p>}
          {preview.status === 'loading' && <Loading>{t('letters.previewLoading')}</Loading>}
          {preview.status === 'error' && <ErrorMessage error={preview.error} />}
          {preview.status === 'ready' && <iframe className="letter-preview__frame" data-testid="letter-preview" title={t('letters.preview')} src={preview.url} />}
        </section>
      </div>
    </div>
  );
}
