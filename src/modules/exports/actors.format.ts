// Writes a measure's actors the way catalogues write them, so the importer's actor splitter reads them back:
// the first name leads, "in Kooperation mit" introduces the partners, "X (Y)" makes Y the parent of X.
import type { ExchangeActor } from '../plan/index.js';

function actorName(actor: ExchangeActor): string {
  return actor.parent ? `${actor.name} (${actor.parent})` : actor.name;
}

/**
 * A second lead cannot be expressed in this wording: it is written before the partners, where the importer will
 * read it as a partner. The JSON export is the lossless format.
 */
export function formatActors(actors: readonly ExchangeActor[]): string {
  const leads = actors.filter((a) => a.role === 'lead').map(actorName);
  const partners = actors.filter((a) => a.role === 'partner').map(actorName);
  if (leads.length === 0) return partners.join(', ');
  const lead = leads.join(', ');
  return partners.length > 0 ? `${lead} in Kooperation mit ${partners.join(', ')}` : lead;
}
