import { MAIL_DIRECTIONS, type CircuitDefaultsDto, type CircuitDto } from '@diwan/contracts';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../shared/api/api.error';
import type { QueryControls, QueryState } from '../../shared/api/use-api-query';
import { useErrorMessage } from '../../shared/i18n/use-error-message';
import { ErrorMessage } from '../../shared/ui/error-message';
import { FormField } from '../../shared/ui/form-field';
import { Loading } from '../../shared/ui/loading';
import { saveCircuitDefaults } from './mail-types.api';

/** The circuit each direction runs when a mail's type names none (GET/PUT /api/circuit-defaults). */
export function CircuitDefaultsPanel({ circuits, query }: { circuits: CircuitDto[]; query: QueryState<CircuitDefaultsDto> & QueryControls }) {
  const { t } = useTranslation();
  const errorMessage = useErrorMessage();
  const [defaults, setDefaults] = useState<CircuitDefaultsDto | null>(null);
  const [state, setState] = useState<{ kind: 'idle' | 'saving' | 'saved' } | { kind: 'failed'; message: string; fields: string[] }>({ kind: 'idle' });
  const loaded = query.status === 'success' ? query.data : null;
  useEffect(() => {
    if (loaded) setDefaults(loaded);
  }, [loaded]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!defaults) return;
    setState({ kind: 'saving' });
    try {
      setDefaults(await saveCircuitDefaults(defaults));
      setState({ kind: 'saved' });
      query.refresh();
    } catch (error) {
      const details = isApiError(error) ? (error.details as { fields?: { field?: unknown }[] } | undefined) : undefined;
      const fields = (details?.fields ?? []).map((f) => String(f.field ?? ''));
      setState({ kind: 'failed', message: errorMessage(error), fields });
    }
  }

  return (
    <section className="panel" aria-labelledby="circuit-defaults-title" data-testid="circuit-defaults">
      <h2 id="circuit-defaults-title">{t('mailTypes.defaults.title')}</h2>
      <p className="muted">{t('mailTypes.defaults.intro')}</p>
      {query.status === 'loading' && <Loading>{t('common.loading')}</Loading>}
      {query.status === 'error' && <ErrorMessage error={query.error} onRetry={query.retry} />}
      {defaults && (
        <form onSubmit={(event) => void submit(event)} noValidate>
          <div className="form-grid">
            {MAIL_DIRECTIONS.map((direction) => {
              const current = defaults[direction];
              const known = circuits.some((c) => c.key === current);
              return (
                <FormField
                  key={direction}
                  label={t(`directions.${direction}`)}
                  error={state.kind === 'failed' && state.fields.includes(direction) ? t('mailTypes.errors.circuitKey') : undefined}
                >
                  {(control) => (
                    <select
                      {...control}
                      className="field__input"
                      data-testid={`circuit-default-${direction}`}
                      value={current}
                      onChange={(event) => {
                        setDefaults({ ...defaults, [direction]: event.target.value });
                        setState({ kind: 'idle' });
                      }}
                    >
                      {!known && <option value={current}>{current}</option>}
                      {circuits.map((circuit) => (
                        <option key={circuit.key} value={circuit.key}>
                          {circuit.name ?? circuit.key}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
              );
            })}
          </div>
          {state.kind === 'failed' && state.fields.length === 0 && (
            <p className="alert alert--error" role="alert">
              {state.message}
            </p>
          )}
          <div className="mail-types__form-actions">
            {state.kind === 'saved' && (
              <span role="status" className="muted" data-testid="circuit-defaults-saved">
                {t('mailTypes.defaults.saved')}
              </span>
            )}
            <button type="submit" className="button button--primary" data-testid="circuit-defaults-save" disabled={state.kind === 'saving'} aria-busy={state.kind === 'saving'}>
              {state.kind === 'saving' ? t('mailTypes.saving') : t('mailTypes.defaults.save')}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
