import { useTranslation } from 'react-i18next';
import { useFormatDate } from '../../shared/i18n/format-date';
import type { DraftVersionSummary } from './circuit-diff.api';

interface VersionPickerProps {
  versions: DraftVersionSummary[];
  a: number | null;
  b: number | null;
  onChange: (a: number, b: number) => void;
}

/** Two selects, "from" and "to", and a swap button. */
export function VersionPicker({ versions, a, b, onChange }: VersionPickerProps) {
  const { t } = useTranslation();
  const formatDate = useFormatDate();
  const options = versions.map((v) => (
    <option key={v.number} value={v.number}>
      {t('circuitDiff.versionOption', { number: v.number, label: v.label, date: formatDate(v.savedAt) })}
    </option>
  ));
  const first = versions[0]?.number ?? 1;
  return (
    <div className="version-picker" data-testid="diff-version-picker">
      <label className="field">
        <span className="field__label">{t('circuitDiff.from')}</span>
        <select className="field__input" data-testid="diff-version-a" value={a ?? ''} onChange={(e) => onChange(Number(e.target.value), b ?? first)}>
          {options}
        </select>
      </label>
      <button type="button" className="button button--ghost version-picker__swap" onClick={() => a !== null && b !== null && onChange(b, a)} aria-label={t('circuitDiff.swap')} title={t('circuitDiff.swap')}>
        ⇄
      </button>
      <label className="field">
        <span className="field__label">{t('circuitDiff.to')}</span>
        <select className="field__input" data-testid="diff-version-b" value={b ?? ''} onChange={(e) => onChange(a ?? first, Number(e.target.value))}>
          {options}
        </select>
      </label>
    </div>
  );
}
