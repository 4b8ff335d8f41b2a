// Tables of the rounds module, as Kysely sees them (see schema.ts for the conventions).
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RoundsTables {}
