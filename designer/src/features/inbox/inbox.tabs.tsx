import { useTranslation } from 'react-i18next';
import type { InboxTab } from './inbox.view';

interface InboxTabsProps {
  tab: InboxTab;
  counts: { mine: number; groups: number; overdue: number };
  onChange: (tab: InboxTab) => void;
}

/** "My tasks" / "My groups' tasks", each with its count, and the overdue count beside them. */
export function InboxTabs({ tab, counts, onChange }: InboxTabsProps) {
  const { t } = useTranslation();
  const item = (id: InboxTab, testId: string) => (
    <button
      type="button"
      role="tab"
      id={`inbox-tab-${id}`}
      aria-selected={tab === id}
      aria-controls="inbox-panel"
      className="tabs__tab"
      data-testid={testId}
      data-count={counts[id]}
      onClick={() => onChange(id)}
    >
      {t(`inbox.tabs.${id}`)}
      <span className="app-nav__count">{counts[id]}</span>
    </button>
  );
  return (
    <div className="tabs inbox-tabs">
      <div role="tablist" aria-label={t('inbox.tabs.label')} className="tabs__list">
        {item('mine', 'inbox-tab-mine')}
        {item('groups', 'inbox-tab-groups')}
      </div>
      {counts.overdue > 0 && (
        <span className="badge overdue-badge inbox-tabs__overdue" data-testid="inbox-overdue-count" data-count={counts.overdue}>
          {t('inbox.overdueCount', { count: counts.overdue })}
        </span>
      )}
    </div>
  );
}
