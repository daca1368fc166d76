import type { ActivityFeedItem, I18nText } from '@diwan/contracts';
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

/** Appends an event once (its id is derived from the event), keeping the last FEED_SIZE. */
export async function pushFeed(item: StoredFeedItem): Promise<void> {
  const push = () => DashboardMetaModel.updateOne({ _id: 'feed', 'items.id': { $ne: item.id } }, { $push: { items: { $each: [item], $slice: -FEED_SIZE } } });
  if ((await push()).matchedCount > 0) return;
  // no feed yet (or the item is in it already): make sure it exists, then try once more
  await DashboardMetaModel.updateOne({ _id: 'feed' }, { $setOnInsert: { items: [] } }, { upsert: true });
  await push();
}

export async function feedItems(): Promise<StoredFeedItem[]> {
  const doc = await DashboardMetaModel.findById('feed').lean<{ items?: StoredFeedItem[] }>();
  return [...(doc?.items ?? [])].reverse();
}
