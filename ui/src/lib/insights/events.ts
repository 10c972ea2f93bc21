// Delivery events in words: what each kind is called and the one-line title of an event.
// Pure: tested in events.test.ts.
import type { DeliveryEvent, DefectStage, EventKind, MilestoneOutcome } from '$lib/api';

export const EVENT_KINDS: { value: EventKind; label: string }[] = [
  { value: 'first_deliverable', label: 'First deliverable' },
  { value: 'pr_merged', label: 'Pull request merged' },
  { value: 'milestone', label: 'Milestone' },
  { value: 'defect', label: 'Defect' },
  { value: 'rework_hours', label: 'Rework' },
  { value: 'incident', label: 'Incident' }
];

export const STAGES: { value: DefectStage; label: string }[] = [
  { value: 'after_release', label: 'After release' },
  { value: 'before_release', label: 'Before release' }
];

export const OUTCOMES: { value: MilestoneOutcome; label: string }[] = [
  { value: 'on_time', label: 'On time' },
  { value: 'late', label: 'Late' },
  { value: 'failed', label: 'Failed' }
];

const label = <T extends string>(list: { value: T; label: string }[], v: T) =>
  list.find((x) => x.value === v)?.label ?? v;

/** "Defect · after release", "Rework · 3.5 h", "Incident · Payments integration". */
export function eventTitle(e: Pick<DeliveryEvent, 'kind' | 'hours' | 'stage' | 'outcome' | 'workAreaName'>): string {
  const parts = [label(EVENT_KINDS, e.kind)];
  if (e.hours !== null) parts.push(`${e.hours} h`);
  if (e.stage) parts.push(label(STAGES, e.stage).toLowerCase());
  if (e.outcome) parts.push(label(OUTCOMES, e.outcome).toLowerCase());
  if (e.workAreaName) parts.push(e.workAreaName);
  return parts.join(' · ');
}
