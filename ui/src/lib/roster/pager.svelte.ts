// The rows of one query, fetched a page at a time as the list scrolls to them. Pages that arrive
// for an older query are dropped; a refresh keeps showing the old rows until the new ones arrive.
import { pagesFor } from './windowing';

export const PAGE_SIZE = 200;

export interface Page<T> {
  rows: T[];
  total: number;
}

export class Pager<T> {
  /** How many rows the query matches; null until the first page arrives. */
  total = $state<number | null>(null);
  /** Bumped by every reset: what shows the rows asks for its pages again. */
  epoch = $state(0);
  /** Bumped when pages arrive, so rows read through `row()` re-render. */
  #rev = $state(0);
  #pages = new Map<number, T[]>();
  /** The previous query's pages, shown while a refresh of the same query is on its way. */
  #stale = new Map<number, T[]>();
  #inflight = new Set<number>();
  /** Pages that failed: not asked again until the next reset (no error storm while scrolling). */
  #failed = new Set<number>();
  #gen = 0;
  readonly #load: (offset: number, limit: number) => Promise<Page<T>>;
  readonly #onerror: (e: unknown) => void;

  constructor(
    load: (offset: number, limit: number) => Promise<Page<T>>,
    onerror: (e: unknown) => void,
    readonly pageSize = PAGE_SIZE
  ) {
    this.#load = load;
    this.#onerror = onerror;
  }

  /** The row at `index`, or undefined while its page is on its way. */
  row(index: number): T | undefined {
    void this.#rev;
    const p = Math.floor(index / this.pageSize);
    const at = index % this.pageSize;
    return (this.#pages.get(p) ?? this.#stale.get(p))?.[at];
  }

  /** Whether the first page of the current query has arrived. */
  get loaded(): boolean {
    void this.#rev;
    return this.#pages.has(0) || this.#failed.has(0);
  }

  /** Fetches the pages holding rows [start, end) that aren't here or on their way. */
  ensure(start: number, end: number): Promise<void> {
    const wanted = pagesFor(start, Math.max(end, start + 1), this.pageSize).filter(
      (p) => !this.#pages.has(p) && !this.#inflight.has(p) && !this.#failed.has(p)
    );
    return Promise.all(wanted.map((p) => this.#fetch(p))).then(() => undefined);
  }

  async #fetch(p: number) {
    const gen = this.#gen;
    this.#inflight.add(p);
    try {
      const page = await this.#load(p * this.pageSize, this.pageSize);
      if (gen !== this.#gen) return;
      this.#pages.set(p, page.rows);
      this.#stale.delete(p);
      this.total = page.total;
    } catch (e) {
      if (gen !== this.#gen) return;
      this.#failed.add(p);
      this.#onerror(e);
    } finally {
      if (gen === this.#gen) {
        this.#inflight.delete(p);
        this.#rev++;
      }
    }
  }

  /**
   * Forgets the pages. `keep` (same query, fresher data): old rows stay on screen until their
   * pages come back. Otherwise (another query) the list starts empty.
   */
  reset(keep = false) {
    this.#gen++;
    if (keep) {
      for (const [p, rows] of this.#pages) this.#stale.set(p, rows);
    } else {
      this.#stale.clear();
      this.total = null;
    }
    this.#pages.clear();
    this.#inflight.clear();
    this.#failed.clear();
    this.#rev++;
    this.epoch++;
  }
}
