// Staffing the demo's payments work on a Monday morning: a need for a Backend engineer cleared for
// Payments integration, the people who can take it with their reasons, someone filtered out with
// why, an offer recorded and accepted, and the new engagement on the person's profile.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { byId, openDemo, screenshot, type, waitForText } from '../app.mjs';

describe('staffing from the credentialed pool', () => {
  let driver;
  let browser;

  before(async () => {
    ({ driver, browser } = await openDemo('staffing'));
  });
  after(async () => {
    await browser?.deleteSession().catch(() => {});
    driver?.stop();
  });

  const candidate = (name) => browser.$(`[data-testid="candidate"][data-name="${name}"]`);

  it('creates a need for the payments work and lists who is cleared and free, with reasons', async () => {
    await byId(browser, 'nav-staffing').click();
    await byId(browser, 'needs-empty').waitForDisplayed();
    await byId(browser, 'need-new').click();
    await byId(browser, 'need-dialog').waitForDisplayed();
    await type(byId(browser, 'need-title'), 'Refunds API');
    await byId(browser, 'need-role').selectByVisibleText('Backend engineer');
    await browser.waitUntil(async () => (await byId(browser, 'need-level').$$('option')).length > 1, {
      timeoutMsg: 'the ladder levels load'
    });
    await byId(browser, 'need-area').selectByVisibleText('Payments integration');
    const hours = byId(browser, 'need-hours');
    await hours.clearValue();
    await hours.setValue('16');
    await byId(browser, 'need-ceiling').setValue('90');
    await type(byId(browser, 'need-client'), 'Harbour Bank');
    await byId(browser, 'need-save').click();
    await byId(browser, 'need-dialog').waitForDisplayed({ reverse: true });

    await waitForText(byId(browser, 'need-summary'), 'cleared for Payments integration');
    const elif = candidate('Elif Demir');
    await elif.waitForDisplayed();
    const reasons = await elif.getText();
    assert.match(reasons, /Free over the need's dates/);
    assert.match(reasons, /above the minimum/);
    await screenshot(browser, '120-staffing-candidates');
  });

  it('says why someone is filtered out', async () => {
    await byId(browser, 'filtered-toggle').click();
    const carmen = browser.$('[data-testid="filtered"][data-name="Carmen Ruiz"]');
    await carmen.waitForDisplayed();
    assert.match(await carmen.getText(), /expires on .+, before the need ends on/);
    const hannah = browser.$('[data-testid="filtered"][data-name="Hannah Weiss"]');
    assert.match(await hannah.getText(), /was revoked on/);
    await screenshot(browser, '121-staffing-filtered');
  });

  it('records an offer, accepts it, and finds the engagement on the profile', async () => {
    await candidate('Elif Demir').$('[data-testid="offer-open"]').click();
    await byId(browser, 'offer-dialog').waitForDisplayed();
    assert.equal(await byId(browser, 'offer-rate').getValue(), '90.00');
    await type(byId(browser, 'offer-by'), 'Hana Okafor');
    await byId(browser, 'offer-send').click();
    await byId(browser, 'offer-dialog').waitForDisplayed({ reverse: true });
    const offer = browser.$('[data-testid="offer"][data-name="Elif Demir"]');
    await offer.waitForDisplayed();
    assert.equal(await offer.getAttribute('data-status'), 'sent');
    await screenshot(browser, '122-staffing-offer');
    await offer.$('[data-testid="offer-accept"]').click();
    await browser.waitUntil(async () => (await byId(browser, 'need-detail').getText()).includes('Filled'), {
      timeoutMsg: 'the need is filled'
    });
    await browser.$('[data-testid="offer"][data-status="accepted"]').waitForDisplayed();

    await candidate('Elif Demir').$('button.link').click();
    const row = browser.$('[data-testid="engagement-row"][data-client="Harbour Bank"]');
    await row.waitForDisplayed();
    assert.match(await row.getText(), /Refunds API/);
    await screenshot(browser, '123-staffing-engagement');
  });
});
