export type TtlCacheOptions = { maxEntries: number; ttlMs: number; now?: () => number };

/**
 * A small map in this process's memory for answers asked for on every request that may be a little old: an entry
 * lasts `ttlMs` (or the time `set` is given) and at most `maxEntries` are kept, the oldest going first. Each process
 * has its own, so what one process forgets another may still answer until its entry expires. Keeps no `undefined`:
 * `get` answers that for "nothing kept".
 */
export class TtlCache<K, V> {
  private readonly entries = new Map<K, { value: V; until: number }>();
  readonly now: () => number;

  constructor(private readonly options: TtlCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (this.now() < entry.until) return entry.value;
    this.entries.delete(key);
    return undefined;
  }

  /** Replaces what is kept for the key; a value that may be kept for no time at all only drops it. */
  set(key: K, value: V, ttlMs = this.options.ttlMs): void {
    this.entries.delete(key);
    if (ttlMs <= 0) return;
    if (this.entries.size >= this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, { value, until: this.now() + ttlMs });
  }

  delete(key: K): void {
    this.entries.delete(key);
  }

  /** What is kept for the key, else what `load` answers, which is then kept. */
  async getOrLoad(key: K, load: () => Promise<V>): Promise<V> {
    const kept = this.get(key);
    if (kept !== undefined) return kept;
    const value = await load();
    this.set(key, value);
    return value;
  }
}
