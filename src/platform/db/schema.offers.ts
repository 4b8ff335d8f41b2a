// Tables of the offers module (the Wegweiser), as Kysely sees them. What each keeps and why: migration 025.
import type { Generated } from 'kysely';

export interface OfferTable {
  id: Generated<number>;
  municipality_id: number;
  actor_id: number | null;
  title: string;
  description: Generated<string>;
  category: string;
  street: Generated<string>;
  postcode: Generated<string>;
  town: Generated<string>;
  district: Generated<string>;
  /** weekly | biweekly | monthly | appointment */
  frequency: Generated<string>;
  /** weekday codes between commas (",TU,TH,") */
  weekdays: Generated<string>;
  /** monthly: the week of the month (1–4, or -1 for the last) */
  month_week: number | null;
  start_time: Generated<string>;
  end_time: Generated<string>;
  starts_on: string | null;
  ends_on: string | null;
  /** cancelled days, ISO dates between commas */
  exceptions: Generated<string>;
  skip_holidays: Generated<number>;
  times_note: Generated<string>;
  /** language codes between commas (",de,ar,") */
  languages: Generated<string>;
  /** target group codes between commas */
  target_groups: Generated<string>;
  free_of_charge: Generated<number>;
  cost: Generated<string>;
  accessibility: Generated<string>;
  phone: Generated<string>;
  email: Generated<string>;
  website: Generated<string>;
  /** draft | published */
  state: Generated<string>;
  last_checked_on: string;
  /** ok | broken, or null before the first check */
  link_state: string | null;
  link_error: string | null;
  link_checked_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface OfferLinkTable {
  id: Generated<number>;
  municipality_id: number;
  offer_id: number;
  /** measure | field */
  target_type: string;
  target_id: number;
}

export interface OfferSettingsTable {
  id: Generated<number>;
  municipality_id: number;
  map_url_template: Generated<string>;
  stale_days: Generated<number>;
  holiday_region: Generated<string>;
  reminder_email: Generated<string>;
  updated_at: string;
}

export interface OffersTables {
  offers: OfferTable;
  offer_links: OfferLinkTable;
  offer_settings: OfferSettingsTable;
}
