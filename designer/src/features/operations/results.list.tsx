import { useTranslation } from 'react-i18next';
import type { Outcomes } from './bulk-result';
import { OutcomeCell } from './outcome.cell';

export interface ActedItem {
  id: string;
  /** The step's name, in the user's language. */
  step: string;
  chronoNumber: string | null;
}

interface ResultsListProps {
  title: string;
  items: ActedItem[];
  outcomes: Outcomes;
  onDismiss: () => void;
  testId: string;
}

/**
 * What a bulk act did, item by item, as the items were listed when the act ran: the ones that
 * went through leave their list (a resolved incident, a moved task), so their outcome stays here.
 */
export function ResultsList({ title, items, outcomes, onDismiss, testId }: ResultsListProps) {
  const { t } = useTranslation();
  return (
    <section className="panel operations-results" role="status" data-testid={testId}>
      <h3>{title}</h3>
      <ul className="operations-results__list">
        {items.map((item) => (
          <li key={item.id} data-testid="operations-result" data-chrono={item.chronoNumber ?? ''}>
            <span dir="auto">{item.step}</span>
            {item.chronoNumber && (
              <>
                {' · '}
                <bdi>{item.chronoNumber}</bdi>
              </>
            )}{' '}
            <OutcomeCell outcome={outcomes.get(item.id)} />
          </li>
        ))}
      </ul>
      <button type="button" className="button button--ghost button--small" onClick={onDismiss}>
        {t('operations.dismiss')}
      </button>
    </section>
  );
}
