// An assessment asked to be opened from another screen (Home, Reviews). Those screens open the
// contractor's profile and leave the assessment's id here; the assessment screen takes it once.

class OpenAssessment {
  /** The assessment waiting to be opened, if any. */
  pending = $state<{ assessmentId: string } | null>(null);

  request(assessmentId: string) {
    this.pending = { assessmentId };
  }

  /** The id waiting, now taken: a second call gives null. */
  take(): string | null {
    const p = this.pending;
    if (p) this.pending = null;
    return p?.assessmentId ?? null;
  }

  /** Another workspace: nothing waits from the old one. */
  reset() {
    this.pending = null;
  }
}

export const openAssessment = new OpenAssessment();
