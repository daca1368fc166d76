import { useTranslation } from 'react-i18next';
import type { ChangeKind, ElementChange } from './bpmn.diff';

const ORDER: ChangeKind[] = ['added', 'removed', 'changed', 'layout'];

/** The differences in words, by kind, each with the element's name, id and changed attributes. */
export function ChangeList({ changes }: { changes: ElementChange[] }) {
  const { t } = useTranslation();
  if (changes.length === 0) return <p className="empty" data-testid="diff-no-change">{t('circuitDiff.none')}</p>;
  return (
    <div className="change-list" data-testid="diff-changes">
      {ORDER.map((kind) => {
        const ofKind = changes.filter((c) => c.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`diff-${kind}`}>
            <h3 id={`diff-${kind}`} className={`change-list__title diff-swatch diff-swatch--${kind}`}>
              {t(`circuitDiff.kind.${kind}`)} <span className="badge badge--neutral">{ofKind.length}</span>
            </h3>
            <ul className="change-list__items">
              {ofKind.map((change) => (
                <li key={`${kind}-${change.id}`} data-testid="diff-change" data-kind={kind} data-element-id={change.id}>
                  <span className="change-list__name">
                    <bdi>{change.name ?? t('circuitDiff.unnamed')}</bdi>
                  </span>{' '}
                  <code dir="ltr">
                    {change.type} · {change.id}
                  </code>
                  {change.attributes.length > 0 && (
                    <ul className="change-list__attributes" dir="ltr">
                      {change.attributes.map((attribute) => (
                        <li key={attribute.name}>
                          <code>{attribute.name}</code>: <del>{attribute.oldValue}</del> → <ins>{attribute.newValue}</ins>
                        </li>
                      ))}
                    </ul>
                  )}
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
