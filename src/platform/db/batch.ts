// Multi-row writes and long id lists in chunks: SQLite limits the bound parameters of one statement (32766 in recent versions,
// 999 in old ones per default build), PostgreSQL to 65535. 500 rows of up to ~16 columns stay well below both.
export const BATCH_ROWS = 500;

/** Runs `write` (or a read by ids) on consecutive slices of `rows`, in order, and concatenates what it returns. */
export async function inBatches<R, T>(rows: readonly R[], write: (part: R[]) => Promise<T[]>, size = BATCH_ROWS): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < rows.length; i += size) out.push(...(await write(rows.slice(i, i + size))));
  return out;
}
