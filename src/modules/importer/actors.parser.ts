// Actor cells are free text: "A (Amt Y) in Kooperation mit versch. Akteuren wie mit dem Amt für Schulen, Jugend
// und Vereine, VHS und B". The first named leads, everyone else is a partner, "(Amt Y)" names the parent office.
// Separators are only split at the top level: inside brackets, quotes, pair forms ("Bürgerinnen und Bürger")
// and office names that list their remits ("Amt für Schulen, Jugend und Vereine") they are part of the name.
import type { ExchangeActor } from '../plan/index.js';
import { oneLine } from './text.clean.js';

/** Why a kept part is doubtful: a run of words that may be several actors, or a fragment that names no organisation. */
export type UnsureReason = 'long' | 'fragment';

export interface ParsedActors {
  actors: ExchangeActor[];
  /** Parts the parser kept but is unsure about, for a warning on the row. */
  unsure: Array<{ name: string; reason: UnsureReason }>;
}

const HIDE = { comma: '\u0001', und: '\u0002', slash: '\u0003', semi: '\u0004', space: '\u0005' };

/** Hides separators inside a span so the top-level split leaves it whole. */
function hide(span: string): string {
  return span
    .replace(/,/g, HIDE.comma)
    .replace(/;/g, HIDE.semi)
    .replace(/\//g, HIDE.slash)
    .replace(/ und /g, ` ${HIDE.und} `)
    .replace(/ (sowie|in|mit|als|bzw\.|oder) /g, `${HIDE.space}$1${HIDE.space}`);
}

function unhide(text: string): string {
  return text
    .replace(new RegExp(HIDE.comma, 'g'), ',')
    .replace(new RegExp(HIDE.semi, 'g'), ';')
    .replace(new RegExp(HIDE.slash, 'g'), '/')
    .replace(new RegExp(HIDE.und, 'g'), 'und')
    .replace(new RegExp(HIDE.space, 'g'), ' ');
}

const ORG_HINT =
  /(amt|stelle|management|manager|center|zentrum|verein|kreis|schule|rat\b|dienst|agentur|büro|behörde|koordinator|verwaltung|e\.\s?v\.|gmbh|stiftung|initiative|netzwerk|gruppe|referat|abteilung|beauftragt|kirche|gemeinde|polizei|träger|einrichtung|verband|hochschule|bücherei|bibliothek|organisation|helfer|leitung)/i;

function looksLikeActor(text: string): boolean {
  return /\bfür\b|\(/.test(text) || ORG_HINT.test(text) || /^\p{Lu}{2,}\b/u.test(text.trim());
}

const ITEM = String.raw`(?:\p{Ll}+\s+)?\p{Lu}[\p{L}-]*`;
const REMIT_LIST = new RegExp(String.raw`\bfür\s+(?:(?:das|die|den|der|dem)\s+)?${ITEM}(?:,\s*${ITEM})+\s+und\s+${ITEM}`, 'gu');
const REMIT_PAIR = new RegExp(String.raw`\bfür\s+(?:(?:das|die|den|der|dem)\s+)?${ITEM}\s+und\s+(${ITEM})`, 'gu');
// "Kooperationspartnerinnen und -partner", "Bürgerinnen und Bürgern", "Vertreterinnen und Vertretern".
const PAIR_FORM = /(?<!\p{L})(\p{L}+)innen und (-\p{L}+|\p{L}+)/gu;

function protect(text: string): string {
  return text
    .replace(/\([^()]*\)/g, hide)
    .replace(/[„“"»«][^„“"»«]*[“"«»]/g, hide)
    .replace(PAIR_FORM, (whole, stem: string, other: string) =>
      other.startsWith('-') || other.slice(0, 4).toLowerCase() === stem.slice(0, 4).toLowerCase() ? hide(whole) : whole,
    )
    .replace(REMIT_LIST, hide)
    .replace(REMIT_PAIR, (whole, second: string) => (looksLikeActor(second) ? whole : hide(whole)));
}

const SEPARATOR =
  /\s*(?:;|,|\s+in\s+(?:Kooperation|Zusammenarbeit|Abstimmung)\s+mit\s+|\s+(?:gemeinsam|zusammen)\s+mit\s+|\s+(?:unterstützt|begleitet)\s+(?:durch|von)\s+|\s+mit\s+Unterstützung\s+(?:von|der|des|durch)\s+|\s+und\s+|\s+sowie\s+|\s+bzw\.\s+|\s+oder\s+|(?<!-)\/(?!-))\s*/;

/** The separators that introduce partners: what follows them never leads. */
const COOPERATION =
  /\s+(?:in\s+(?:Kooperation|Zusammenarbeit|Abstimmung)\s+mit|(?:gemeinsam|zusammen)\s+mit|(?:unterstützt|begleitet)\s+(?:durch|von)|mit\s+Unterstützung\s+(?:von|der|des|durch))\s+/;

const LEAD_LABEL = /^(ff|federführung|federführend|verantwortlich|verantwortung|lead|leitung|träger(?:in)?|zuständig(?:keit)?|koordination)$/i;
const PARTNER_LABEL = /^(beteiligte?|partner\S*|kooperation(?:spartner\S*)?|mitwirkung|mitwirkende|unterstützung|weitere)$/i;
const MID_LABEL = /(?:^|\s)(FF|Federführung|Verantwortlich|Beteiligte|Partner(?:innen)?|Kooperationspartner\S*|Umsetzung|Koordination|Mitwirkung|Unterstützung|Träger(?:in)?|Zuständig(?:keit)?)\s*:\s*/g;
const START_LABEL = /^([\p{L}][\p{L} .-]{0,60}?):\s+/u;

interface Part {
  lead: boolean;
  text: string;
}

/** Splits at "Label:" markers ("FF: A; Beteiligte: B", "Umsetzung: C"), remembering which part names leads. */
function labelledParts(text: string): Part[] {
  const parts: Part[] = [];
  let lead = false;
  let rest = text;
  const start = rest.match(START_LABEL);
  if (start && start[1].split(/\s+/).length <= 6) {
    lead = LEAD_LABEL.test(start[1].trim());
    rest = rest.slice(start[0].length);
  }
  let last = 0;
  for (const match of rest.matchAll(MID_LABEL)) {
    parts.push({ lead, text: rest.slice(last, match.index) });
    lead = LEAD_LABEL.test(match[1]) && !PARTNER_LABEL.test(match[1]);
    last = match.index + match[0].length;
  }
  parts.push({ lead, text: rest.slice(last) });
  return parts.filter((part) => part.text.trim());
}

const CONNECTOR = /^(in|und|sowie|mit|gemeinsam|zusammen|bzw\.?|oder|als|unterstützt|begleitet|ggf\.?|z\.|u\.|insbesondere|e\.)$/i;

/** "X (Amt Y) erstellen Übersicht … an die Stabsstelle Z": the verb clause is not an actor, its recipient is. */
function dropClauses(text: string): string {
  return text.replace(/\)\s+(\p{Ll}[\p{L}.]*)\b([^()]*)/gu, (whole, word: string, rest: string) => {
    if (CONNECTOR.test(word)) return whole;
    const recipient = rest.match(/\s(?:an|für|durch)\s+(?:die|den|das|dem)\s+(.*)$/);
    return recipient ? `), ${recipient[1]}` : ')';
  });
}

const PARENT_OFFICE = /^(amt|stabsstelle|dezernat|fachbereich|referat|abteilung|landratsamt|stadtverwaltung|bürgermeisteramt|dienststelle|fachdienst|fb|ressort|geschäftsbereich|sachgebiet|ministerium|behörde|stadt|landkreis|gemeinde)\b/i;

const LEADING =
  /^(?:(?:versch(?:\.|iedenen?)|weiteren?|diversen?)\s+\S+\s+wie\s+(?:z\.\s?B\.\s+)?(?:mit\s+)?|z\.\s?B\.\s+|u\.\s?a\.\s+|ggf\.\s+|insbesondere\s+|(?:mit|von|durch)\s+|(?:dem|der|den|die|das|des)\s+(?:einzelnen\s+)?|einzelnen\s+)+/i;

interface Segment {
  name: string;
  parent: string | null;
  examples: string[];
  /** Named the lead by a marker after the name: "A (Federführung)", "A (federführend)", "A (FF)". */
  marked: boolean;
}

const LEAD_MARKER = /\s*\((?:federführung|federführend|ff)\)/giu;

// Words for groups of people or places rather than an organisation, as the first word of a part: "Geflüchteten",
// "Bürgerinnen und Bürger", "internationalen Vereinen", "Kommunen Ostfildern".
const GROUP_WORD =
  /^(?:bürger(?:innen)?|einwohner(?:innen)?|geflüchteten?|flüchtlingen?|migrant(?:inn)?en|zugewanderten?|menschen|familien|eltern|kindern?|jugendlichen?|senior(?:inn)?en|ehrenamtlichen?|interessierten?|betroffenen?|akteur(?:inn)?en|kooperationspartner(?:innen|n)?|partner(?:innen|n)?|vereinen|gruppen|institutionen|kommunen|gemeinden|städten?|landkreisen|orten)$/iu;
const PLACE_GROUP = /^(?:kommunen|gemeinden|städten?|landkreisen|orten)\s+\p{Lu}/iu;

function isFragment(name: string): boolean {
  const first = name.split(/\s+/)[0];
  return /^\p{Ll}/u.test(name) || GROUP_WORD.test(first) || /^(?:versch(?:\.|iedene[nr]?)|diverse[nr]?|weitere[nr]?)$/i.test(first);
}

function segment(raw: string): Segment | null {
  let text = unhide(raw).trim();
  const marked = LEAD_MARKER.test(text);
  LEAD_MARKER.lastIndex = 0;
  text = text
    .replace(LEAD_MARKER, '')
    .replace(LEADING, '')
    .replace(/\s+als\s+.*$/, '')
    .replace(/[:,;]+$/, '')
    // A sentence's full stop goes, an abbreviation's stays ("e.V.", "Abt.").
    .replace(/(\s\p{L}{5,})\.$/u, '$1')
    .trim();
  if (!text || !/\p{L}/u.test(text)) return null;
  const bracket = text.match(/^(.*\S)\s*\(([^()]+)\)$/);
  if (!bracket) return { name: text, parent: null, examples: [], marked };
  const inner = bracket[2].trim();
  if (PARENT_OFFICE.test(inner) && !inner.includes(',')) return { name: bracket[1].trim(), parent: inner, examples: [], marked };
  if (inner.includes(',') || /e\.\s?V\./.test(inner)) {
    return { name: bracket[1].trim(), parent: null, examples: inner.split(/\s*,\s*/).filter(Boolean), marked };
  }
  return { name: text, parent: null, examples: [], marked };
}

/**
 * Splits an actor cell into actors with roles and parents. `role`: the role the cell's column gives its actors
 * (a "Federführung" column leads, a "Kooperationspartner" column partners); a lead marker or label in the cell
 * still wins, and "A in Kooperation mit B" still makes B a partner. Without it, the first named leads.
 */
export function parseActors(raw: string, role?: 'lead' | 'partner'): ParsedActors {
  const text = oneLine(raw.replace(/\r?\n+/g, ', '))
    // Flattened line breaks: after a quoted project name ("Projektleitung „LEmietet“ Koordinator …") and
    // between a unit and an office ("Telefonzentrale Amt für soziale Dienste").
    .replace(/([“"»])\s+(?=\p{Lu})/gu, '$1, ')
    .replace(/(\p{Lu}\p{Ll}+)\s+(?=Amt\s+für\b)/gu, '$1, ');
  const found: Array<{ name: string; parent: string | null; labelLead: boolean; marked: boolean; cooperating: boolean }> = [];
  const seen = new Map<string, number>();
  const parts = labelledParts(dropClauses(text));
  const anyLeadLabel = parts.some((part) => part.lead);
  for (const part of parts) {
    const pieces = protect(part.text).split(COOPERATION).flatMap((chunk, c) => chunk.split(SEPARATOR).map((piece) => ({ piece, cooperating: c > 0 })));
    for (const { piece, cooperating } of pieces) {
      const segmentFound = segment(piece);
      if (!segmentFound) continue;
      const entries = [segmentFound, ...segmentFound.examples.map((name) => ({ name, parent: null, examples: [], marked: false }))];
      for (const entry of entries) {
        const key = actorKey(entry.name);
        if (!key) continue;
        const earlier = seen.get(key);
        if (earlier !== undefined) {
          if (entry.marked) found[earlier].marked = true;
          continue;
        }
        seen.set(key, found.length);
        found.push({ name: entry.name, parent: entry.parent, labelLead: part.lead, marked: entry.marked, cooperating });
      }
    }
  }
  // A lead marker ("A (Federführung)") or label ("FF: A") names the lead wherever it stands; without either, the
  // first named leads.
  const anyMarked = found.some((entry) => entry.marked);
  const actors: ExchangeActor[] = found.map((entry, i) => {
    const lead = anyLeadLabel || anyMarked ? entry.labelLead || entry.marked : role ? role === 'lead' && !entry.cooperating : i === 0;
    return { name: entry.name, role: lead ? 'lead' : 'partner', parent: entry.parent };
  });
  const unsure: ParsedActors['unsure'] = [];
  let placeList = false;
  for (const { name } of actors) {
    const words = name.split(/\s+/);
    // "Kommunen Ostfildern, Filderstadt": the places listed after a group of places are fragments too.
    const listedPlace: boolean = placeList && words.length === 1 && /^\p{Lu}\p{Ll}+$/u.test(name) && !looksLikeActor(name);
    placeList = PLACE_GROUP.test(name) || listedPlace;
    if (isFragment(name) || listedPlace) unsure.push({ name, reason: 'fragment' });
    else if (words.length > 8) unsure.push({ name, reason: 'long' });
  }
  return { actors, unsure };
}

/** Compares actor names across spelling variants: case, spacing, gender forms, dative plural, ß/ss. */
export function actorKey(name: string): string {
  const lower = name.toLowerCase().replace(/ß/g, 'ss');
  // The pair forms' patterns backtrack at every letter: only a name that has "innen und" can match them.
  const paired = lower.includes('innen und')
    ? lower.replace(/(?<!\p{L})(\p{L}+)innen und -?\1(e?n)?\b/gu, '$1').replace(/(?<!\p{L})(\p{L}+)innen und -?(\p{L}+)/gu, '$2')
    : lower;
  return paired
    .replace(/[:*_·]innen\b/g, '')
    .replace(/^(?:der|die|das|dem|den|des)\s+/, '')
    .replace(/(e|er)n$/, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, '');
}
