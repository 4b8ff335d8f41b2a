// Tables of the follow module (subscriptions without an account, and the digests sent), as Kysely sees them.
// What each keeps and why: migration 024.
import type { Generated } from 'kysely';

export interface FollowSubscriptionTable {
  id: Generated<number>;
  municipality_id: number;
  email: string;
  lang: Generated<string>;
  /** plan | field | measure | group */
  subject_type: string;
  subject_id: number;
  /** daily | weekly */
  frequency: Generated<string>;
  /** pending | active */
  state: Generated<string>;
  created_at: string;
  confirmed_at: string | null;
  /** ISO instant: what happened after it goes into the next digest */
  since: string;
}

export interface FollowLinkTable {
  id: Generated<number>;
  municipality_id: number;
  subscription_id: number;
  token_hash: string;
  created_at: string;
}

export interface FollowDigestTable {
  id: Generated<number>;
  municipality_id: number;
  subscription_id: number;
  /** the day (daily) or the ISO week (weekly) the digest is for: YYYY-MM-DD or YYYY-Www */
  period: string;
  items: Generated<number>;
  /** sending | sent */
  state: Generated<string>;
  created_at: string;
  sent_at: string | null;
}

export interface FollowTables {
  follow_subscriptions: FollowSubscriptionTable;
  follow_digests: FollowDigestTable;
  follow_links: FollowLinkTable;
}
