import type { ActivityFeedItem, I18nText } from '@diwan/contracts';
import { GroupCommit } from '../shared/group-commit.js';
import { DashboardMetaModel, type MailRights } from './dashboard.model.js';

/** How many events the live feed keeps. */
export const FEED_SIZE = 50;

/** A feed entry as stored: what the page shows, plus what rights and filters need (never the subject). */
export interface StoredFeedItem extends Omit<ActivityFeedItem, 'actor' | 'stepName' | 'departmentLabel'> {
  actor: string | null;
  stepNames: I18nText | null;
  departments: string[];
  circuit: string | null;
  mailType: string | null;
  rights: MailRights | null;
}

/**
 * Appends an event once (its id is derived from the event), keeping the last FEED_SIZE. Events
 * projected at the same moment (a burst of registrations) go in one write of the feed document.
 */
export function pushFeed(item: StoredFeedItem): Promise<void> {
  return pushes.add(item);
}

const pushes = new GroupCommit<StoredFeedItem, void>(async (items) => {
  await pushFeedItems([...new Map(items.map((i) => [i.id, i])).values()]);
  return items.map(() => undefined);
});

async function pushFeedItems(items: StoredFeedItem[]): Promise<void> {
  const push = (some: StoredFeedItem[]) =>
    DashboardMetaModel.updateOne({ _id: 'feed', 'items.id': { $nin: some.map((i) => i.id) } }, { $push: { items: { $each: some, $slice: -FEED_SIZE } } });
  if ((await push(items)).matchedCount > 0) return;
  // no feed yet, or one of these is in it already (a repeated event): make sure the feed exists,
  // try again, then each on its own, so that the others still go in
  await DashboardMetaModel.updateOne({ _id: 'feed' }, { $setOnInsert: { items: [] } }, { upsert: true });
  if ((await push(items)).matchedCount > 0 || items.length === 1) return;
  for (const item of items) await push([item]);
}

export async function feedItems(): Promise<StoredFeedItem[]> {
  const doc = await DashboardMetaModel.findById('feed').lean<{ items?: StoredFeedItem[] }>();
  return [...(doc?.items ?? [])].reverse();
}
