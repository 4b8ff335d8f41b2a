// What modules add to the pages of the app: navigation entries and links (plain data, rendered by views).
import type { Permission } from '../auth/permissions.js';

export interface NavEntry {
  area: 'admin' | 'public';
  /** Place in the navigation, lowest first (the entries of all modules are sorted together). */
  order: number;
  /** i18n key of the label. */
  label: string;
  href(slug: string): string;
  /** Shown only to people who may open the page (the page itself checks the same permission). */
  permission?: Permission;
}

/** A link another module adds to a page it does not own (the plan workspace links to the dashboard …). */
export interface LinkItem {
  href: string;
  label: string;
  /** A file to download rather than a page. */
  download?: boolean;
}
