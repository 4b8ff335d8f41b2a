// The importer's public surface: parsing a catalogue into the exchange format, as pure functions.
export { parseCatalogue, DEFAULT_LIMITS } from './parse.catalogue.js';
export type { ParseInput, ParseOptions, ParseResult, ImportLimits, StatusSummary } from './parse.catalogue.js';
export type { DetectedColumns, ImportWarning } from './layout.interpreter.js';
export type { DirectoryEntry } from './actors.directory.js';
export type { ImportProblem } from './table.model.js';
export { COLUMN_ROLES, COLUMN_LABELS, roleOfHeader, type ColumnRole } from './columns.detect.js';
export { parseActors, actorKey } from './actors.parser.js';
export * from './exchange.js';
