// A credential from start to a revoked badge, as HR runs it: Priya's portfolio review is signed, a
// credential is defined from the Designer level, awarded from that signed assessment, a work area
// requires it (Priya is cleared), the badge is exported as a baked PNG and verified in the app,
// then the award is revoked — the same file now verifies as revoked, and the clearance list changes.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { answerNextDialogs, byId, openDemo, screenshot, type, waitForText } from '../app.mjs';

describe('credentials and badges', () => {
  let driver;
  let browser;
  let badgePath;

  before(async () => {
    ({ driver, browser } = await openDemo('badges'));
    badgePath = join(driver.home, 'priya-nair-design-critique.png');
  });
  after(async () => {
    await browser?.deleteSession().catch(() => {});
    driver?.stop();
  });

  const holder = (name) => browser.$(`[data-testid="holder-row"][data-name="${name}"]`);
  const check = (name) => browser.$(`[data-testid="verify-check"][data-name="${name}"]`);

  async function verifyInApp() {
    await byId(browser, 'verify-open').click();
    await byId(browser, 'verify-dialog').waitForDisplayed();
    await answerNextDialogs(browser, badgePath);
    await byId(browser, 'verify-choose').click();
    const result = byId(browser, 'verify-result');
    await result.waitForDisplayed({ timeout: 15_000 });
    return result;
  }

  async function clearedNames() {
    const cells = await browser.$$('[data-testid="cleared-row"] td:first-child');
    const names = [];
    for (const c of cells) names.push((await c.getText()).trim());
    return names;
  }

  it("signs Priya's portfolio review", async () => {
    await byId(browser, 'nav-contractors').click();
    await byId(browser, 'roster-search').setValue('Priya');
    // The list settles on the one match before it is clicked (a click mid-render lands elsewhere).
    await browser.waitUntil(async () => (await browser.$$('[data-testid="roster-row"]')).length === 1, {
      timeoutMsg: 'the search finds Priya alone'
    });
    await browser.$('[data-testid="roster-row"][data-name="Priya Nair"]').click();
    await byId(browser, 'tab-assessments').waitForDisplayed();
    await byId(browser, 'tab-assessments').click();
    await browser.$('[data-testid="assessment-row"][data-status="in_progress"]').click();
    await byId(browser, 'assessment-screen').waitForDisplayed();
    for (const row of await browser.$$('[data-testid="rubric-row"]')) {
      const meets = row.$('[data-testid="assessor-rating"] [data-value="meets"]');
      if ((await meets.getAttribute('aria-pressed')) !== 'true') {
        await meets.click();
        await browser.waitUntil(async () => (await meets.getAttribute('aria-pressed')) === 'true');
      }
    }
    await browser.waitUntil(() => byId(browser, 'assessment-sign').isEnabled(), { timeoutMsg: 'Sign is enabled' });
    await byId(browser, 'assessment-sign').click();
    await byId(browser, 'confirm-ok').click();
    const banner = byId(browser, 'integrity');
    await banner.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await banner.getAttribute('data-state'), 'verified');
  });

  it('defines "Design critique" from the Designer level and awards it from the signed assessment', async () => {
    await byId(browser, 'nav-credentials').click();
    await byId(browser, 'credential-new').click();
    await byId(browser, 'credential-dialog').waitForDisplayed();
    await type(byId(browser, 'credential-name'), 'Design critique');
    await type(byId(browser, 'credential-description'), 'Runs a critique that leaves the work better.');
    await byId(browser, 'credential-role').selectByVisibleText('Product designer');
    const level = byId(browser, 'credential-level');
    await browser.waitUntil(async () => (await level.getProperty('disabled')) === false, { timeoutMsg: 'levels load' });
    await level.selectByVisibleText('Designer');
    // Ratings alone: Priya's evidence is still being gathered.
    const evidence = byId(browser, 'credential-require-evidence');
    if (await evidence.isSelected()) await evidence.click();
    await byId(browser, 'credential-save').click();
    await byId(browser, 'credential-dialog').waitForDisplayed({ reverse: true, timeout: 10_000 });
    await browser.$('[data-testid="credential-row"][data-name="Design critique"]').click();
    await byId(browser, 'credential-page').waitForDisplayed();

    await byId(browser, 'credential-award').click();
    await byId(browser, 'award-dialog').waitForDisplayed();
    await type(byId(browser, 'award-person-search'), 'Priya');
    await browser.$('[data-testid="award-person-option"][data-name="Priya Nair"]').click();
    await byId(browser, 'award-how-assessment').click();
    await byId(browser, 'award-assessment-option').waitForDisplayed();
    await waitForText(byId(browser, 'award-gaps'), 'Meets the criteria');
    const by = byId(browser, 'award-by');
    if (!(await by.getValue())) await type(by, 'Hana Okafor');
    await screenshot(browser, '95-award-from-assessment');
    await byId(browser, 'award-save').click();
    await byId(browser, 'award-dialog').waitForDisplayed({ reverse: true, timeout: 10_000 });
    await waitForText(holder('Priya Nair').$('[data-testid="holder-how"]'), 'From assessment');
    assert.equal(await holder('Priya Nair').getAttribute('data-status'), 'active');
  });

  it('gates a work area on it: Priya is cleared', async () => {
    await byId(browser, 'credential-back').click();
    await byId(browser, 'credentials-tab-areas').click();
    await byId(browser, 'work-area-new').click();
    await byId(browser, 'work-area-dialog').waitForDisplayed();
    await type(byId(browser, 'work-area-name'), 'Client design reviews');
    await browser.$('[data-testid="work-area-credential"][data-name="Design critique"]').click();
    await byId(browser, 'work-area-save').click();
    await byId(browser, 'work-area-dialog').waitForDisplayed({ reverse: true });
    await browser.waitUntil(async () => JSON.stringify(await clearedNames()) === '["Priya Nair"]', {
      timeoutMsg: 'Priya alone is cleared'
    });
  });

  it("gives the issuer a logo, which badges will carry", async () => {
    // A 1 × 1 teal PNG.
    const logo = join(driver.home, 'logo.png');
    writeFileSync(
      logo,
      Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64')
    );
    await byId(browser, 'issuer-open').click();
    await byId(browser, 'issuer-dialog').waitForDisplayed();
    // The demo has a logo already: wait for the new one, not any.
    const img = byId(browser, 'issuer-logo').$('img');
    await img.waitForDisplayed();
    const before = await img.getAttribute('data-sha');
    await answerNextDialogs(browser, logo);
    await byId(browser, 'issuer-logo-choose').click();
    await browser.waitUntil(async () => (await img.getAttribute('data-sha')) !== before, {
      timeoutMsg: 'the chosen logo replaces the demo one'
    });
    await byId(browser, 'issuer-save').click();
    await byId(browser, 'issuer-dialog').waitForDisplayed({ reverse: true });
  });

  it('exports the baked PNG badge and verifies it in the app', async () => {
    await byId(browser, 'credentials-tab-catalogue').click();
    await browser.$('[data-testid="credential-row"][data-name="Design critique"]').click();
    await byId(browser, 'credential-page').waitForDisplayed();
    await holder('Priya Nair').$('[data-testid="badge-export"]').click();
    await answerNextDialogs(browser, badgePath);
    await byId(browser, 'badge-export-png').click();
    await browser.waitUntil(() => existsSync(badgePath), { timeoutMsg: 'the badge is written', timeout: 15_000 });
    const png = readFileSync(badgePath);
    assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');
    assert.ok(png.includes('openbadgecredential'), 'with the credential baked in');
    assert.ok(png.includes('data:image/png;base64,iVBORw0KGgo'), "with the issuer's logo");

    const result = await verifyInApp();
    assert.equal(await result.getAttribute('data-verdict'), 'valid');
    await waitForText(byId(browser, 'verify-verdict'), 'Valid');
    await waitForText(byId(browser, 'verify-holder'), 'Priya Nair');
    await waitForText(byId(browser, 'verify-name'), 'Design critique');
    for (const name of ['proof', 'key', 'schema', 'dates', 'revocation']) {
      assert.equal(await check(name).getAttribute('data-outcome'), 'passed', name);
    }
    await screenshot(browser, '96-verify-valid');
    await byId(browser, 'verify-close').click();
  });

  it('revokes the award: the same file now verifies as revoked, and the clearance list changes', async () => {
    await holder('Priya Nair').$('[data-testid="holder-revoke"]').click();
    await byId(browser, 'revoke-dialog').waitForDisplayed();
    const by = byId(browser, 'revoke-by');
    if (!(await by.getValue())) await type(by, 'Hana Okafor');
    await type(byId(browser, 'revoke-reason'), 'Assessment was of a team project, not her own');
    await byId(browser, 'revoke-save').click();
    await byId(browser, 'revoke-dialog').waitForDisplayed({ reverse: true, timeout: 10_000 });
    await browser.waitUntil(async () => (await holder('Priya Nair').getAttribute('data-status')) === 'revoked');

    const result = await verifyInApp();
    assert.equal(await result.getAttribute('data-verdict'), 'invalid');
    await waitForText(byId(browser, 'verify-verdict'), 'Not valid');
    assert.equal(await check('revocation').getAttribute('data-outcome'), 'failed');
    await waitForText(check('revocation'), 'Assessment was of a team project');
    await screenshot(browser, '97-verify-revoked');
    await byId(browser, 'verify-close').click();

    await byId(browser, 'credential-back').click();
    await byId(browser, 'credentials-tab-areas').click();
    await browser.$('[data-testid="work-area-row"][data-name="Client design reviews"]').click();
    await browser.waitUntil(async () => (await clearedNames()).length === 0, { timeoutMsg: 'no one is cleared now' });
    await type(byId(browser, 'why-not-person'), 'Priya');
    await browser.$('[data-testid="why-not-option"][data-name="Priya Nair"]').click();
    const verdict = byId(browser, 'why-not').$('[data-testid="clearance-verdict"]');
    await waitForText(verdict, 'revoked');
    assert.equal(await verdict.getAttribute('data-cleared'), 'false');
  });
});
