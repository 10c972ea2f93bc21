// What the viewer shows about the one version on screen: its annotations, its decisions (newest
// first) and the rubric cells it is linked to. Each version keeps its own; switching versions loads
// them afresh, and an answer that arrives for a version no longer on screen is dropped.
import { api, type Annotation, type ReviewDecision, type RubricCell } from '$lib/api';
import { toasts } from '$lib/ui/toasts.svelte';

export class VersionReview {
  annotations = $state.raw<Annotation[] | null>(null);
  decisions = $state.raw<ReviewDecision[] | null>(null);
  rubric = $state.raw<RubricCell[] | null>(null);
  /** The evidence id (version) these belong to. */
  #id = '';

  /** Shows the review of version `id` (null each, until loaded). */
  show(id: string) {
    this.#id = id;
    this.annotations = this.decisions = this.rubric = null;
    void this.loadAnnotations();
    void this.loadDecisions();
    void this.#fetch(api.evidenceRubric, (v) => (this.rubric = v), []);
  }

  loadAnnotations() {
    return this.#fetch(api.annotations, (v) => (this.annotations = v), []);
  }

  loadDecisions() {
    return this.#fetch(api.decisions, (v) => (this.decisions = v), []);
  }

  async #fetch<T>(work: (id: string) => Promise<T>, set: (v: T) => void, fallback: T) {
    const id = this.#id;
    if (!id) return;
    try {
      const v = await work(id);
      if (id === this.#id) set(v);
    } catch (err) {
      toasts.error(err);
      if (id === this.#id) set(fallback);
    }
  }
}
