import type { CorrespondentDto } from '@diwan/contracts';
import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CorrespondentCard } from './correspondent.card';
import { CorrespondentNewForm } from './correspondent.new-form';
import { useCorrespondentSearch } from './correspondent.search';
import { emptyNewCorrespondent, type CorrespondentChoice } from './mail-form.model';
import type { MailFormErrors } from './mail-form.validation';

interface CorrespondentPickerProps {
  value: CorrespondentChoice;
  onChange: (value: CorrespondentChoice) => void;
  errors: MailFormErrors;
}

/** Correspondent autocomplete (ARIA combobox): pick an existing one, or create one inline. */
export function CorrespondentPicker({ value, onChange, errors }: CorrespondentPickerProps) {
  const { t } = useTranslation();
  const id = useId();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const search = useCorrespondentSearch(text);
  const results = search.status === 'success' ? search.results : [];
  const optionCount = results.length + (text.trim().length >= 2 ? 1 : 0);

  if (value?.mode === 'existing') {
    return <CorrespondentCard correspondent={value.correspondent} onChange={() => onChange(null)} />;
  }
  if (value?.mode === 'new') {
    return (
      <CorrespondentNewForm
        fields={value.fields}
        errors={errors}
        onChange={(fields) => onChange({ mode: 'new', fields })}
        onCancel={() => onChange(null)}
      />
    );
  }

  function choose(index: number) {
    const picked: CorrespondentDto | undefined = results[index];
    onChange(picked ? { mode: 'existing', correspondent: picked } : { mode: 'new', fields: emptyNewCorrespondent(text.trim()) });
    setOpen(false);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (optionCount === 0 ? 0 : (current + step + optionCount) % optionCount));
    } else if (event.key === 'Enter' && open && optionCount > 0) {
      event.preventDefault();
      choose(active);
    } else if (event.key === 'Escape') {
      setOpen(false);
    }
  }

  const error = errors.correspondent;
  const showList = open && text.trim().length >= 2;
  return (
    <div className={`field combobox${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {t('mailForm.correspondent.label')}
        <span className="field__required" aria-hidden="true">
          {' *'}
        </span>
      </label>
      <input
        id={id}
        className="field__input"
        type="search"
        role="combobox"
        dir="auto"
        autoComplete="off"
        placeholder={t('mailForm.correspondent.placeholder')}
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={showList && optionCount > 0 ? `${id}-option-${active}` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        data-testid="correspondent-search"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(0);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {showList && (
        <ul id={`${id}-list`} role="listbox" className="combobox__list" aria-label={t('mailForm.correspondent.results')}>
          {search.status === 'loading' && <li className="combobox__status">{t('common.loading')}</li>}
          {search.status === 'error' && <li className="combobox__status">{t('mailForm.correspondent.searchFailed')}</li>}
          {search.status === 'success' && results.length === 0 && (
            <li className="combobox__status">{t('mailForm.correspondent.noMatch')}</li>
          )}
          {results.map((correspondent, index) => (
            <li
              key={correspondent.id}
              id={`${id}-option-${index}`}
              role="option"
              aria-selected={active === index}
              className="combobox__option"
              data-testid="correspondent-option"
              data-correspondent-id={correspondent.id}
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(index)}
            >
              <span dir="auto" className="combobox__name">
                {correspondent.name}
              </span>
              <span className="combobox__meta">
                {t(`correspondentKinds.${correspondent.kind}`)}
                {correspondent.city ? ` · ${correspondent.city}` : ''}
                {correspondent.nationalId ?? correspondent.registrationNumber ? (
                  <>
                    {' · '}
                    <bdi>{correspondent.nationalId ?? correspondent.registrationNumber}</bdi>
                  </>
                ) : null}
              </span>
            </li>
          ))}
          <li
            id={`${id}-option-${results.length}`}
            role="option"
            aria-selected={active === results.length}
            className="combobox__option combobox__option--create"
            data-testid="correspondent-create"
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => choose(results.length)}
          >
            <span aria-hidden="true">＋ </span>
            {t('mailForm.correspondent.create', { name: text.trim() })}
          </li>
        </ul>
      )}
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
    </div>
  );
}
