/** Sends a client may make in a window, kept in memory (per process): enough for a person, not for a script. */
export class ClientLimit {
  private readonly seen = new Map<string, number[]>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Counts one attempt of the client at `now`; false when it is over the limit. */
  take(client: string, now: number): boolean {
    const since = now - this.windowMs;
    const list = (this.seen.get(client) ?? []).filter((at) => at > since);
    if (list.length >= this.max) {
      this.seen.set(client, list);
      return false;
    }
    list.push(now);
    this.seen.set(client, list);
    if (this.seen.size > 10_000) for (const [key, times] of this.seen) if (times.every((at) => at <= since)) this.seen.delete(key);
    return true;
  }
}
