import { h } from '@bpmn-io/properties-panel/preact';
import { useState } from '@bpmn-io/properties-panel/preact/hooks';

/** One choice of a picker: what is stored (a department code, a username) and what people read. */
export interface PickerChoice {
  value: string;
  label: string;
}

export interface AssignmentPickerProps {
  /** The panel entry id (`candidateGroups`, `candidateUsers`, `assignee`). */
  id: string;
  label: string;
  /** The attribute as stored: comma-separated for the candidates, one name for the assignee. */
  value: string;
  choices: PickerChoice[];
  multiple: boolean;
  translate: (text: string) => string;
  onChange: (value: string | undefined) => void;
}

const isExpression = (value: string) => /[$#]\{/.test(value);
const split = (value: string) =>
  value
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * A properties-panel entry (preact, as the panel is) that picks real departments or users by
 * their names and stores their codes, or takes an expression (`${...}`) for dynamic assignment.
 */
export function AssignmentPicker({ id, label, value, choices, multiple, translate, onChange }: AssignmentPickerProps) {
  const [mode, setMode] = useState<'list' | 'expression'>(isExpression(value) ? 'expression' : 'list');
  const [filter, setFilter] = useState('');
  const selected = split(value);
  // codes the directory does not know (yet) stay visible, so nothing is dropped silently
  const all = [...choices, ...selected.filter((s) => !choices.some((c) => c.value === s)).map((s) => ({ value: s, label: s }))];
  const needle = filter.trim().toLowerCase();
  const shown = needle ? all.filter((c) => c.label.toLowerCase().includes(needle) || selected.includes(c.value)) : all;

  const toggle = (choice: string, on: boolean) => {
    const next = on ? [...selected.filter((s) => s !== choice), choice] : selected.filter((s) => s !== choice);
    onChange(next.length ? next.join(',') : undefined);
  };
  const switchMode = (next: 'list' | 'expression') => {
    setMode(next);
    // an expression does not name anyone from the list: start the list empty
    if (next === 'list' && isExpression(value)) onChange(undefined);
  };

  const list = multiple
    ? h(
        'div',
        { class: 'diwan-picker__list', role: 'group', 'aria-label': label, 'data-testid': `picker-${id}` },
        all.length > 8 &&
          h('input', {
            class: 'bio-properties-panel-input diwan-picker__filter',
            type: 'search',
            placeholder: translate('Search'),
            value: filter,
            onInput: (e: Event) => setFilter((e.target as HTMLInputElement).value),
          }),
        shown.map((choice) =>
          h(
            'label',
            { class: 'diwan-picker__choice', key: choice.value },
            h('input', {
              type: 'checkbox',
              'data-value': choice.value,
              checked: selected.includes(choice.value),
              onChange: (e: Event) => toggle(choice.value, (e.target as HTMLInputElement).checked),
            }),
            h('span', null, choice.label),
          ),
        ),
        all.length === 0 && h('p', { class: 'diwan-picker__empty' }, translate('Nobody to choose yet')),
      )
    : h(
        'select',
        {
          class: 'bio-properties-panel-input',
          'data-testid': `picker-${id}`,
          'aria-label': label,
          value: selected[0] ?? '',
          onChange: (e: Event) => onChange((e.target as HTMLSelectElement).value || undefined),
        },
        h('option', { value: '' }, translate('<none>')),
        all.map((choice) => h('option', { value: choice.value, key: choice.value }, choice.label)),
      );

  return h(
    'div',
    { class: 'bio-properties-panel-entry diwan-picker', 'data-entry-id': id },
    h(
      'div',
      { class: 'diwan-picker__header' },
      h('span', { class: 'bio-properties-panel-label' }, label),
      h(
        'select',
        {
          class: 'diwan-picker__mode',
          'data-testid': `picker-mode-${id}`,
          'aria-label': translate('How to choose'),
          value: mode,
          onChange: (e: Event) => switchMode((e.target as HTMLSelectElement).value as 'list' | 'expression'),
        },
        h('option', { value: 'list' }, translate('From the list')),
        h('option', { value: 'expression' }, translate('Expression')),
      ),
    ),
    mode === 'list'
      ? list
      : h('input', {
          id: `bio-properties-panel-${id}`,
          class: 'bio-properties-panel-input',
          dir: 'ltr',
          spellcheck: false,
          placeholder: '${…}',
          value,
          onChange: (e: Event) => onChange((e.target as HTMLInputElement).value.trim() || undefined),
        }),
  );
}
