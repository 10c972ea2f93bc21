// Insights on a Monday morning: the onboarding pilot's before → 90 → 180 days with n and
// intervals, a figure clicked through to the engagements behind it, a group too small to show,
// the return on the program, a CSV of delivery events with a bad row, and an event by hand.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { answerNextDialogs, byId, openDemo, screenshot, waitForText } from '../app.mjs';

describe('program insights', () => {
  let driver;
  let browser;

  before(async () => {
    ({ driver, browser } = await openDemo('insights'));
  });
  after(async () => {
    await browser?.deleteSession().catch(() => {});
    driver?.stop();
  });

  const kpiRow = (kpi) => browser.$(`[data-testid="pilot-kpi"][data-kpi="${kpi}"]`);

  it("shows the pilot's KPIs before and during it, each with its n and a verdict", async () => {
    await byId(browser, 'nav-insights').click();
    await waitForText(byId(browser, 'pilot-name'), 'Backend onboarding pilot');
    const ramp = kpiRow('ramp_time');
    await ramp.waitForDisplayed();
    const baseline = await ramp.$('[data-testid="figure-baseline"]').getText();
    assert.match(baseline, /\d+ days/);
    assert.match(baseline, /95%: \d+–\d+ days/);
    assert.match(baseline, /n 12 engagements · 12 people/);
    const after180 = Number(await ramp.$('[data-testid="figure-180"]').getAttribute('data-value'));
    const before = Number(await ramp.$('[data-testid="figure-baseline"]').getAttribute('data-value'));
    assert.ok(after180 < before, `ramp ${before} → ${after180} days`);
    await waitForText(ramp.$('[data-testid="verdict"]'), 'Improved');
    // Repeat engagements: too few ended to call a change.
    const repeat = kpiRow('repeat_engagement_rate');
    assert.notEqual(await repeat.$('[data-testid="verdict"]').getText(), 'Improved');
    // The chart and its table for the chosen KPI.
    await byId(browser, 'pilot-review').$('canvas').waitForDisplayed();
    await screenshot(browser, '110-insights-pilot');
  });

  it('clicks a figure through to the engagements behind it, and on to a person', async () => {
    await kpiRow('ramp_time').$('[data-testid="figure-baseline"]').click();
    const dialog = byId(browser, 'kpi-rows');
    await dialog.waitForDisplayed();
    await waitForText(byId(browser, 'kpi-rows-count'), '12 engagements');
    assert.equal((await browser.$$('[data-testid="kpi-row"]')).length, 12);
    await screenshot(browser, '111-insights-rows');
    await browser.keys('Escape');
    await dialog.waitForDisplayed({ reverse: true });
  });

  it('hides a group of fewer than five people, and the group beside it', async () => {
    // No one whose engagement ended in the pilot's first 180 days held the credential.
    await kpiRow('repeat_engagement_rate').$('.kpi-name').click();
    const yes = byId(browser, 'figure-credentialed');
    await waitForText(yes, 'Too few people to show');
    await waitForText(yes, 'n 0 ended engagements');
    assert.equal(await yes.isEnabled(), false, 'a hidden figure opens no records');
    await waitForText(byId(browser, 'figure-not-credentialed'), 'Too few people to show');
  });

  it('shows the return with its assumptions, and follows an edited one', async () => {
    const roi = byId(browser, 'pilot-roi');
    await roi.scrollIntoView();
    const before = await byId(browser, 'roi-value').getText();
    assert.match(before, /^[+−]?\d+%$/);
    await byId(browser, 'assumptions-edit').click();
    const ramp = byId(browser, 'assume-ramp');
    await ramp.clearValue();
    await ramp.setValue('240');
    await byId(browser, 'assumptions-save').click();
    await byId(browser, 'assumptions-dialog').waitForDisplayed({ reverse: true });
    await browser.waitUntil(async () => (await byId(browser, 'roi-value').getText()) !== before, {
      timeoutMsg: 'the return follows the new ramp-day cost'
    });
    await screenshot(browser, '112-insights-roi');
  });

  it('lists every KPI for a role with credentialed vs not', async () => {
    await byId(browser, 'insights-tab-kpis').click();
    await byId(browser, 'kpi-table').waitForDisplayed();
    assert.equal((await browser.$$('[data-testid="kpi-result"]')).length, 8);
    await screenshot(browser, '113-insights-kpis');
  });

  it('imports delivery events from CSV, naming the bad row', async () => {
    const csv = join(driver.home, 'events.csv');
    writeFileSync(
      csv,
      'email,date,kind,value,stage,outcome,work_area,engagement_client,note\n' +
        'maya@example.net,2026-11-30,pr_merged,,,,,,\n' +
        'nobody@example.net,2026-11-30,pr_merged,,,,,,\n' +
        'maya@example.net,2026-11-30,milestone,,,on_time,,,Checkout live\n'
    );
    await answerNextDialogs(browser, csv);
    await byId(browser, 'events-import').click();
    await byId(browser, 'csv-preview').waitForDisplayed();
    const errors = await browser.$$('[data-testid="csv-error"]');
    assert.equal(errors.length, 1);
    assert.match(await errors[0].getText(), /Line 3: no contractor has the email nobody@example.net/);
    await screenshot(browser, '114-insights-csv');
    await byId(browser, 'csv-import-confirm').click();
    await byId(browser, 'csv-preview').waitForDisplayed({ reverse: true });
  });

  it("adds a delivery event by hand on a person's timeline", async () => {
    await byId(browser, 'nav-contractors').click();
    const search = byId(browser, 'roster-search');
    await search.setValue('Maya');
    const row = browser.$('[data-testid="roster-row"][data-name="Maya Cohen"]');
    await row.waitForDisplayed();
    await row.click();
    await byId(browser, 'tab-timeline').click();
    await byId(browser, 'delivery-event-add').click();
    await byId(browser, 'delivery-event-dialog').waitForDisplayed();
    await byId(browser, 'event-kind').selectByAttribute('value', 'incident');
    await byId(browser, 'event-note').setValue('A refund retried twice');
    await byId(browser, 'event-save').click();
    await byId(browser, 'delivery-event-dialog').waitForDisplayed({ reverse: true });
    await waitForText(byId(browser, 'timeline'), 'Incident in Payments integration');
    await waitForText(byId(browser, 'timeline'), 'Checkout live');
    await screenshot(browser, '115-timeline-delivery');
  });
});
