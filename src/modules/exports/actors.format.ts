// Writes a measure's actors the way catalogues write them, so the importer's actor splitter reads them back:
// the first name leads, "in Kooperation mit" introduces the partners, "X (Y)" makes Y the parent of X.
import type { ExchangeActor } from '../plan/index.js';

function actorName(actor: ExchangeActor): string {
  return actor.parent ? `${actor.name} (${actor.parent})` : actor.name;
}

/**
 * With several leads each is marked "(Federführung)", as catalogues do and the importer reads: written plainly
 * before the partners, the second one would read back as a partner.
 */
export function formatActors(actors: readonly ExchangeActor[]): string {
  const named = actors.filter((a) => a.role === 'lead').map(actorName);
  const leads = named.length > 1 ? named.map((name) => `${name} (Federführung)`) : named;
  const partners = actors.filter((a) => a.role === 'partner').map(actorName);
  if (leads.length === 0) return partners.join(', ');
  const lead = leads.join(', ');
  return partners.length > 0 ? `${lead} in Kooperation mit ${partners.join(', ')}` : lead;
}
