// From a renewal review to a new level: an overdue Backend engineer review is started with Ines
// Carvalho (whose key is on this computer), opens on its assessment, is rated and signed; the
// progression panel proposes an advance (the role's rule: 3 of 4 domains, evidence not required),
// which is applied — the profile shows the new level. After a restart it is all still there, with
// "Advanced to …" on the Timeline; and an edit made behind the app's back shows as tampering.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { byId, launch, openDemo, screenshot, waitForText, type } from '../app.mjs';

describe('progression', () => {
  let driver;
  let browser;
  /** The person whose review this journey does, and what it is about. */
  let person;
  let assessmentId;
  let title; // "Backend engineer · Lead"
  let level; // "Lead"
  /** The profile header's levels before and after the advance. */
  let levelsBefore;
  let levelsAfter;

  before(async () => {
    ({ driver, browser } = await openDemo('progression'));
  });
  after(async () => {
    await browser?.deleteSession().catch(() => {});
    driver?.stop();
  });

  const row = (domain) => browser.$(`[data-testid="rubric-row"][data-domain="${domain}"]`);

  async function openProfile(name) {
    await byId(browser, 'nav-contractors').click();
    const search = byId(browser, 'roster-search');
    await search.waitForDisplayed();
    await search.setValue(name.split(' ').pop());
    await browser.$(`[data-testid="roster-row"][data-name="${name}"]`).click();
    await waitForText(byId(browser, 'profile-name'), name);
  }

  async function openAssessmentFromProfile() {
    await byId(browser, 'tab-assessments').click();
    const item = browser.$(`[data-testid="assessment-row"][data-id="${assessmentId}"]`);
    await item.waitForDisplayed();
    await item.click();
    await byId(browser, 'assessment-screen').waitForDisplayed();
    return item;
  }

  it("opens a submitted assessment from Home straight on its screen", async () => {
    await browser.$('[data-testid="home-signature"][data-contractor="Rosa Mendes"]').waitForDisplayed();
    await byId(browser, 'home-open-assessment').click();
    await byId(browser, 'assessment-screen').waitForDisplayed({ timeout: 10_000 });
    await waitForText(byId(browser, 'profile-name'), 'Rosa Mendes');
    assert.equal(await byId(browser, 'tab-assessments').getAttribute('aria-selected'), 'true');
    await waitForText(byId(browser, 'assessment-assessor-name'), 'Marta Kowalczyk');
    // An external assessor's key is not here: Sign says so rather than failing.
    await waitForText(byId(browser, 'sign-blockers'), "Marta Kowalczyk's key is not on this computer");
    await screenshot(browser, '60-progression-from-home');
  });

  it('starts an overdue Backend engineer review with Ines Carvalho and lands on its assessment', async () => {
    await byId(browser, 'nav-reviews').click();
    await byId(browser, 'reviews-page').waitForDisplayed();
    const overdue = '[data-testid="review-row"][data-bucket="overdue"]';
    await browser.$(overdue).waitForDisplayed();
    let action;
    for (const r of await browser.$$(overdue)) {
      if (!(await r.getText()).includes('Backend engineer')) continue;
      const start = r.$('[data-testid="review-start"]');
      if (await start.isExisting()) {
        person = await r.getAttribute('data-contractor');
        action = start;
        break;
      }
    }
    assert.ok(action, 'an overdue Backend engineer review not started yet');
    await action.click();
    await byId(browser, 'start-review-dialog').waitForDisplayed();
    await byId(browser, 'assessment-assessor').selectByVisibleText('Ines Carvalho');
    await byId(browser, 'start-review-confirm').click();

    // The profile opens on the Assessments tab with the review's assessment on screen.
    await byId(browser, 'assessment-screen').waitForDisplayed({ timeout: 10_000 });
    await waitForText(byId(browser, 'profile-name'), person);
    assert.equal(await byId(browser, 'tab-assessments').getAttribute('aria-selected'), 'true');
    await waitForText(byId(browser, 'assessment-assessor-name'), 'Ines Carvalho');
    title = await byId(browser, 'assessment-title').getText();
    assert.match(title, /^Backend engineer · .+/);
    level = title.split(' · ')[1];
    levelsBefore = await byId(browser, 'profile-levels').getText();
    assert.match(levelsBefore, /Backend engineer · /);
    await waitForText(byId(browser, 'assessment-pay'), 'Billed to');
  });

  it('rates every cell and signs it: signed and verified', async () => {
    const domains = [];
    for (const r of await browser.$$('[data-testid="rubric-row"]')) domains.push(await r.getAttribute('data-domain'));
    assert.equal(domains.length, 4, 'the Backend engineer ladder has four domains');
    for (const [i, domain] of domains.entries()) {
      const value = i === 1 ? 'exceeds' : 'meets';
      const button = row(domain).$(`[data-testid="assessor-rating"] [data-value="${value}"]`);
      await button.click();
      await browser.waitUntil(async () => (await button.getAttribute('aria-pressed')) === 'true', {
        timeoutMsg: `${domain}: "${value}" is stored`
      });
    }
    await waitForText(byId(browser, 'assessment-progress'), '4 of 4 cells rated');
    await browser.waitUntil(() => byId(browser, 'assessment-sign').isEnabled(), { timeoutMsg: 'Sign is enabled' });
    await screenshot(browser, '61-progression-rated');

    await byId(browser, 'assessment-sign').click();
    await byId(browser, 'confirm-dialog').waitForDisplayed();
    await byId(browser, 'confirm-ok').click();
    const banner = byId(browser, 'integrity');
    await banner.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await banner.getAttribute('data-state'), 'verified');
    await waitForText(banner, 'Signed by Ines Carvalho');
    await waitForText(byId(browser, 'assessment-status'), 'Signed');
  });

  it('proposes an advance, with the pay band of the new level, and applies it', async () => {
    const outcome = byId(browser, 'progression-outcome');
    await outcome.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await outcome.getAttribute('data-outcome'), 'advance');
    await waitForText(outcome, `Advance · ${level}`);
    assert.equal((await browser.$$('[data-testid="progression-cell"]')).length, 4);
    await waitForText(byId(browser, 'progression-band'), `Proposed pay band for the next engagement: €`);
    await waitForText(byId(browser, 'progression-band'), `(${level})`);
    const band = (await byId(browser, 'progression-band').getText()).match(/engagement: (.+) \(/)[1]; // "€85.00–€120.00 / hour"
    await byId(browser, 'progression-panel').scrollIntoView();
    await screenshot(browser, '62-progression-proposal');

    await byId(browser, 'progression-apply').click();
    await byId(browser, 'progression-dialog').waitForDisplayed();
    const decider = byId(browser, 'progression-decider');
    await decider.clearValue();
    await type(decider, 'Ines Carvalho');
    await byId(browser, 'progression-apply-confirm').click();
    await byId(browser, 'progression-dialog').waitForDisplayed({ reverse: true });

    await waitForText(byId(browser, 'progression-decided'), 'Advance: decided by Ines Carvalho');
    await waitForText(byId(browser, 'assessment-status'), 'Closed');
    // The header shows the new level (named as the role's ladder names it now), and the band of
    // the current engagement follows it.
    const levels = byId(browser, 'profile-levels');
    await browser.waitUntil(async () => (await levels.getText()) !== levelsBefore, {
      timeoutMsg: 'the header shows the new level'
    });
    levelsAfter = await levels.getText();
    assert.match(levelsAfter, /^Backend engineer · /);
    await waitForText(byId(browser, 'current-band'), `Band ${band}`);
    await browser.execute(() => document.querySelector('[data-testid="contractor-profile"]').scrollTo(0, 0));
    await screenshot(browser, '63-progression-applied');
  });

  it("shows this person's assessment pay, and the totals per quarter on Reviews", async () => {
    await byId(browser, 'assessment-back').click();
    const row = browser.$(`[data-testid="assessment-row"][data-status="closed"]`);
    await row.waitForDisplayed();
    assessmentId = await row.getAttribute('data-id');
    const pay = browser.$('[data-testid="assessment-pay-line"]');
    await pay.waitForDisplayed();
    await waitForText(pay, 'integrated into billable work');
    assert.match(await pay.getText(), /^Q[1-4] \d{4} · Backend engineer/);
    await screenshot(browser, '64-progression-pay-profile');

    await byId(browser, 'nav-reviews').click();
    await byId(browser, 'reviews-pay-toggle').click();
    const section = byId(browser, 'reviews-pay');
    await section.waitForDisplayed();
    const quarter = section.$('[data-testid="reviews-pay-quarter"]');
    await quarter.waitForDisplayed();
    const designers = quarter.$('[data-testid="reviews-pay-line"][data-role="Product designer"]');
    assert.match(await designers.$('[data-testid="reviews-pay-stipends"]').getText(), /^€[\d,.]+ \(\d+\)$/);
    const backend = quarter.$('[data-testid="reviews-pay-line"][data-role="Backend engineer"]');
    assert.ok(Number(await backend.$('[data-testid="reviews-pay-billable"]').getText()) >= 1, 'this review was billable');
    await screenshot(browser, '64-progression-pay-reviews');
  });

  it('is still signed, with the new level and the advance on the Timeline, after a restart', async () => {
    await browser.deleteSession();
    ({ browser } = await launch(driver, '[data-testid="home-page"]'));
    await openProfile(person);
    assert.equal(await byId(browser, 'profile-levels').getText(), levelsAfter);
    await openAssessmentFromProfile();
    const banner = byId(browser, 'integrity');
    await banner.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await banner.getAttribute('data-state'), 'verified');
    await waitForText(byId(browser, 'progression-decided'), 'Advance: decided by Ines Carvalho');

    await byId(browser, 'tab-timeline').click();
    const timeline = byId(browser, 'timeline');
    await timeline.waitForDisplayed();
    await waitForText(timeline, `Advanced to ${level}`);
    await screenshot(browser, '65-progression-timeline');
  });

  it('warns that the assessment was changed after signing, naming what changed', async () => {
    await browser.deleteSession();
    browser = null;
    const db = join(driver.home, 'data', 'Demo workspace', 'guildbook.db');
    // Someone with the file edits a signed comment and puts the freezing trigger back, so the
    // schema looks untouched: only the signature can tell.
    const trigger = execFileSync('sqlite3', [
      db,
      "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'assessment_cell_frozen_update';"
    ]).toString().trim();
    assert.match(trigger, /^CREATE TRIGGER/);
    execFileSync('sqlite3', [
      db,
      `DROP TRIGGER assessment_cell_frozen_update; UPDATE assessment_cell SET comment = 'edited behind the app' WHERE assessment_id = '${assessmentId}'; ${trigger};`
    ]);
    ({ browser } = await launch(driver, '[data-testid="home-page"]'));
    await openProfile(person);
    await openAssessmentFromProfile();
    const banner = byId(browser, 'integrity');
    await banner.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await banner.getAttribute('data-state'), 'tampered');
    const text = await banner.getText();
    assert.match(text, /This assessment was changed after it was signed: The stored ratings, comments or evidence of .+ differ from what was signed\./);
    await byId(browser, 'assessment-tampered').waitForDisplayed();
    // What the changed ratings would propose is not shown: they are not what was signed.
    assert.equal(await byId(browser, 'progression-panel').isExisting(), false);
    await waitForText(browser.$('[data-testid="rubric-row"] [data-testid="cell-comment"]'), 'edited behind the app');
    await browser.execute(() => document.querySelector('[data-testid="contractor-profile"]').scrollTo(0, 0));
    await screenshot(browser, '66-progression-tampered');
  });
});
