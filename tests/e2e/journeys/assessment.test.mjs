// An assessment from start to signature: a new one for Lena Novak (adding its assessor on the way,
// whose signing key is made on this computer), every cell rated, Sign held back while something is
// missing and saying what, then signed and verified — and still signed and verified after a restart.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { byId, launch, openDemo, screenshot, waitForText, type } from '../app.mjs';

describe('assessment', () => {
  let driver;
  let browser;

  before(async () => {
    ({ driver, browser } = await openDemo('assessment'));
  });
  after(async () => {
    await browser?.deleteSession().catch(() => {});
    driver?.stop();
  });

  const row = (domain) => browser.$(`[data-testid="rubric-row"][data-domain="${domain}"]`);
  const rate = async (domain, which, value) => {
    const button = row(domain).$(`[data-testid="${which}"] [data-value="${value}"]`);
    await button.click();
    await browser.waitUntil(async () => (await button.getAttribute('aria-pressed')) === 'true', {
      timeoutMsg: `${domain}: the ${which} "${value}" is stored`
    });
  };

  async function openLena() {
    await byId(browser, 'nav-contractors').click();
    await byId(browser, 'roster-search').setValue('Lena');
    await browser.$('[data-testid="roster-row"][data-name="Lena Novak"]').click();
    await byId(browser, 'tab-assessments').click();
  }

  it('starts an assessment, adding its assessor on the way', async () => {
    await openLena();
    await byId(browser, 'assessments-tab').waitForDisplayed();
    await byId(browser, 'assessment-new').click();
    await byId(browser, 'assessment-dialog').waitForDisplayed();
    // The rubric comes from the person's role; Lena already holds its top level, so that stays the target.
    const level = byId(browser, 'assessment-level');
    await browser.waitUntil(async () => (await level.getValue()) !== '', { timeoutMsg: 'the levels load' });
    assert.match(await level.$('option:checked').getText(), /Creative lead/);

    await byId(browser, 'assessor-add-open').click();
    await waitForText(byId(browser, 'assessor-add'), 'signing key is made and kept on this computer');
    await type(byId(browser, 'assessor-name'), 'Ana Ferreira');
    await type(byId(browser, 'assessor-email'), 'ana@example.net');
    await byId(browser, 'assessor-add-save').click();
    await byId(browser, 'assessor-add').waitForDisplayed({ reverse: true });
    assert.equal(await byId(browser, 'assessment-assessor').$('option:checked').getText(), 'Ana Ferreira');

    // A stipend must be an amount; the form says so and keeps the rest.
    await byId(browser, 'assessment-save').click();
    await waitForText(byId(browser, 'amount-error'), 'Enter an amount');
    await type(byId(browser, 'assessment-amount'), '250');
    await screenshot(browser, '40-assessment-new');
    await byId(browser, 'assessment-save').click();

    await byId(browser, 'assessment-screen').waitForDisplayed({ timeout: 10_000 });
    await waitForText(byId(browser, 'assessment-pay'), 'Stipend €250.00');
    await waitForText(byId(browser, 'assessment-assessor-name'), 'Ana Ferreira');
    assert.equal((await browser.$$('[data-testid="rubric-row"]')).length, 3);
    await waitForText(byId(browser, 'assessment-progress'), '0 of 3 cells rated');
  });

  it('holds Sign back until every cell has an assessor rating, saying what is missing', async () => {
    await rate('Craft', 'self-rating', 'meets');
    await rate('Craft', 'assessor-rating', 'exceeds');
    const comment = row('Craft').$('[data-testid="cell-comment"]');
    await comment.click();
    await type(comment, 'The poster series holds together');
    await rate('Client interaction', 'self-rating', 'meets'); // leaving the comment saves it
    await rate('Client interaction', 'assessor-rating', 'meets');

    await row('Craft').$('[data-testid="attach-evidence"]').click();
    await byId(browser, 'attach-evidence-dialog').waitForDisplayed();
    await browser.$('[data-testid="attach-evidence-option"][data-title="Harbour festival poster"]').click();
    const chip = row('Craft').$('[data-testid="attached-evidence"][data-title="Harbour festival poster"]');
    await chip.waitForDisplayed();
    await browser.waitUntil(async () => (await chip.$('img').getProperty('naturalWidth')) > 0, {
      timeoutMsg: 'the chip shows the thumbnail'
    });

    // Attached to the wrong cell: removed again, the rest left as it was.
    await row('Impact').$('[data-testid="attach-evidence"]').click();
    await byId(browser, 'attach-evidence-dialog').waitForDisplayed();
    await browser.$('[data-testid="attach-evidence-option"][data-title="Night market illustration"]').click();
    const wrong = row('Impact').$('[data-testid="attached-evidence"][data-title="Night market illustration"]');
    await wrong.waitForDisplayed();
    const detach = wrong.$('[data-testid="evidence-detach"]');
    assert.equal(await detach.getAttribute('aria-label'), 'Remove Night market illustration from Impact');
    await detach.click();
    await wrong.waitForDisplayed({ reverse: true });
    await chip.waitForDisplayed();

    await waitForText(byId(browser, 'assessment-progress'), '2 of 3 cells rated');
    assert.equal(await byId(browser, 'assessment-sign').isEnabled(), false);
    await waitForText(byId(browser, 'sign-blockers'), 'Missing: Impact: no assessor rating');
    await screenshot(browser, '41-assessment-missing');

    await rate('Impact', 'self-rating', 'not yet');
    await rate('Impact', 'assessor-rating', 'meets');
    await waitForText(byId(browser, 'assessment-progress'), '3 of 3 cells rated');
    await browser.waitUntil(() => byId(browser, 'assessment-sign').isEnabled(), { timeoutMsg: 'Sign is enabled' });
    assert.equal(await byId(browser, 'sign-blockers').getText(), '');
    assert.equal(await row('Craft').$('[data-testid="cell-comment"]').getValue(), 'The poster series holds together');
  });

  it('signs, and the signature verifies', async () => {
    await byId(browser, 'assessment-sign').click();
    await byId(browser, 'confirm-dialog').waitForDisplayed();
    await byId(browser, 'confirm-ok').click();
    const banner = byId(browser, 'integrity');
    await banner.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await banner.getAttribute('data-state'), 'verified');
    assert.match(await banner.getText(), /^Signed by Ana Ferreira on .+ · signature verified$/);
    await waitForText(byId(browser, 'assessment-status'), 'Signed');
    // Read-only from now on.
    assert.equal(await row('Impact').$('[data-testid="assessor-rating"] [data-value="exceeds"]').isEnabled(), false);
    assert.equal(await byId(browser, 'assessment-sign').isExisting(), false);
    assert.equal(await row('Craft').$('[data-testid="attach-evidence"]').isExisting(), false);
    assert.equal(await row('Craft').$('[data-testid="evidence-detach"]').isExisting(), false);
    await browser.execute(() => document.querySelector('[data-testid="assessment-screen"]').scrollIntoView());
    await screenshot(browser, '42-assessment-signed');
  });

  it('is still signed and verified after a restart', async () => {
    await browser.deleteSession();
    ({ browser } = await launch(driver)); // the last workspace reopens
    await openLena();
    const item = browser.$('[data-testid="assessment-row"][data-status="signed"]');
    await item.waitForDisplayed();
    await waitForText(item, 'Product designer · Creative lead');
    await item.click();
    const banner = byId(browser, 'integrity');
    await banner.waitForDisplayed({ timeout: 10_000 });
    assert.equal(await banner.getAttribute('data-state'), 'verified');
    await waitForText(banner, 'Signed by Ana Ferreira');
    assert.equal(await row('Craft').$('[data-testid="cell-comment"]').getText(), 'The poster series holds together');
    assert.equal(await row('Craft').$('[data-testid="assessor-rating"]').getAttribute('data-selected'), 'exceeds');
    // (textContent: WebKitWebDriver reads no text from a span that may be cut with an ellipsis)
    const chip = row('Craft').$('[data-testid="attached-evidence"]');
    assert.match(await chip.getProperty('textContent'), /Harbour festival poster/);
    await browser.waitUntil(async () => (await chip.$('img').getProperty('naturalWidth')) > 0, {
      timeoutMsg: 'the thumbnail loads'
    });
  });
});
