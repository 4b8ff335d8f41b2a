// The addresses of the accounts module: one's own account, the links in invitation and reset mails, and the
// pages on which an admin changes a person's role or removes them from the municipality.
import { platformPaths } from '../../platform/http/paths.js';
import { route } from '../../platform/http/route.js';

export const accountsPaths = {
  account: platformPaths.account,
  forgotPassword: platformPaths.forgotPassword,
  /** The link of an invitation or a reset mail: choose a password. */
  setPassword: route('/konto/passwort/:token'),
  /** The link that invites an existing account into another municipality. */
  join: route('/konto/beitreten/:token'),
  adminMemberRole: route('/:slug/verwaltung/personen/:userId/rolle'),
  adminMemberRemove: route('/:slug/verwaltung/personen/:userId/entfernen'),
};

/** Every address this module's pages link to. */
export const paths = { ...platformPaths, ...accountsPaths, adminUsers: route('/:slug/verwaltung/personen') };
