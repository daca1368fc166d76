import type { LetterCompareDto } from '@diwan/contracts';
import { useTranslation } from 'react-i18next';

/** Two versions' text, word by word: insertions and deletions highlighted, paragraphs kept. */
export function LetterCompare({ compare, rtl }: { compare: LetterCompareDto; rtl: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="letter-compare" data-testid="letter-compare" aria-label={t('letters.compareTitle', { from: compare.from, to: compare.to })}>
      <h3>{t('letters.compareTitle', { from: compare.from, to: compare.to })}</h3>
      <p className="letter-compare__legend">
        <ins>{t('letters.inserted')}</ins> <del>{t('letters.removed')}</del>
      </p>
      <div className="letter-compare__text" dir={rtl ? 'rtl' : 'ltr'}>
        {compare.segments.map((segment, i) =>
          segment.kind === 'inserted' ? (
            <ins key={i} data-testid="compare-inserted">
              {segment.text}
            </ins>
          ) : segment.kind === 'removed' ? (
            <del key={i} data-testid="compare-removed">
              {segment.text}
            </del>
          ) : (
            <span key={i}>{segment.text}</span>
          ),
        )}
      </div>
    </section>
  );
}
