import { useTranslation } from 'react-i18next';
import { isBlocking, type LintIssue } from './lint.issues';

interface LintPanelProps {
  issues: LintIssue[];
  /** Selects and shows the element on the canvas. */
  onReveal: (elementId: string) => void;
  /** How people know an element: its name in the diagram. */
  nameOf?: (elementId: string) => string;
}

/** The problems list: every lint issue, errors first, each naming its element and rule. */
export function LintPanel({ issues, onReveal, nameOf = (id) => id }: LintPanelProps) {
  const { t, i18n } = useTranslation();
  /** Our words for the rules we know; bpmnlint's own English message otherwise. */
  const messageOf = (issue: LintIssue) => {
    const key = `modeler.lint.rules.${issue.rule.replace('/', '__')}`;
    return i18n.exists(key) ? t(key as never) : issue.message;
  };
  const errors = issues.filter(isBlocking).length;
  return (
    <section className="modeler-card" aria-labelledby="lint-title" data-testid="lint-list">
      <h2 id="lint-title" className="modeler-card__title">
        {t('modeler.lint.title')}{' '}
        <span className={`badge ${errors > 0 ? 'badge--danger' : 'badge--neutral'}`} data-testid="lint-count" data-errors={errors} data-total={issues.length}>
          {t('modeler.lint.count', { errors, warnings: issues.length - errors })}
        </span>
      </h2>
      {issues.length === 0 && <p className="empty">{t('modeler.lint.none')}</p>}
      <ul className="lint-list">
        {issues.map((issue, index) => {
          const elementId = issue.actualElementId ?? issue.id;
          return (
            <li
              key={`${elementId}-${issue.rule}-${index}`}
              className={`lint-issue lint-issue--${isBlocking(issue) ? 'error' : 'warn'}`}
              data-testid="lint-issue"
              data-element-id={elementId}
              data-rule={issue.rule}
              data-category={issue.category}
            >
              <button type="button" className="lint-issue__element" onClick={() => onReveal(issue.id)} dir="auto" title={elementId}>
                {nameOf(elementId)}
              </button>
              {/* bpmnlint's own words and the rule stay in the tooltip, for whoever needs them */}
              <span className="lint-issue__message" dir="auto" title={`${issue.message} (${issue.rule})`}>
                {messageOf(issue)}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
