// Small pure helpers of the Staffing screen.
import type { NeedStatus, OfferStatus } from '$lib/api';
import type { Tone } from '$lib/ui/Badge.svelte';

/** `iso` plus `days` calendar days, as YYYY-MM-DD. */
export function addDays(iso: string, days: number): string {
  const [y, m, d] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d + days));
  return date.toISOString().slice(0, 10);
}

export const needStatusLabel: Record<NeedStatus, { label: string; tone: Tone }> = {
  open: { label: 'Open', tone: 'accent' },
  filled: { label: 'Filled', tone: 'success' },
  closed: { label: 'Closed', tone: 'neutral' }
};

export const offerStatusLabel: Record<OfferStatus, { label: string; tone: Tone }> = {
  sent: { label: 'Offer sent', tone: 'info' },
  accepted: { label: 'Accepted', tone: 'success' },
  declined: { label: 'Declined', tone: 'warning' },
  withdrawn: { label: 'Withdrawn', tone: 'neutral' }
};
