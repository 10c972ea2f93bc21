// Going from Home or Reviews to an assessment: its contractor's profile opens, and the assessment
// waits in `openAssessment` for the assessment screen to take it.
import { roster } from '$lib/roster/roster.svelte';
import { app } from '$lib/workspace/app.svelte';
import { openAssessment } from './openAssessment.svelte';

export function showAssessment(contractorId: string, assessmentId: string) {
  openAssessment.request(assessmentId);
  roster.openProfile(contractorId);
  app.screen = 'contractors';
}
