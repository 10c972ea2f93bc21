// The Reviews screen's state: the filters (kept while a profile is open, so coming back shows the
// same queue), the reviews the core last listed for them, and whether assessment pay shows.
import { api, type ReviewItem } from '$lib/api';
import { toasts } from '$lib/ui/toasts.svelte';
import { NO_QUEUE_FILTERS, reviewFilter, type QueueFilters } from './model';

class ReviewQueue {
  filters = $state<QueueFilters>({ ...NO_QUEUE_FILTERS });
  /** The assessment pay section is open (kept, like the filters, while a profile is open). */
  showPay = $state(false);
  /** null until the first answer. */
  items = $state.raw<ReviewItem[] | null>(null);
  /** Only the answer to the latest query is shown (filters clicked fast, answers out of order). */
  #asked = 0;

  async load() {
    const asked = ++this.#asked;
    try {
      const items = await api.reviewQueue(reviewFilter(this.filters));
      if (asked === this.#asked) this.items = items;
    } catch (e) {
      if (asked === this.#asked) this.items = this.items ?? [];
      toasts.error(e);
    }
  }

  setFilters(patch: Partial<QueueFilters>) {
    const next = { ...this.filters, ...patch };
    if (JSON.stringify(next) === JSON.stringify(this.filters)) return;
    this.filters = next;
    void this.load();
  }

  clearFilters() {
    this.setFilters({ ...NO_QUEUE_FILTERS, showDone: this.filters.showDone });
  }

  /** Another workspace: nothing of the old one's queue carries over. */
  reset() {
    this.#asked++;
    this.filters = { ...NO_QUEUE_FILTERS };
    this.showPay = false;
    this.items = null;
  }
}

export const queue = new ReviewQueue();
