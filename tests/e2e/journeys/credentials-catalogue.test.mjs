// The credential catalogue on a Monday morning: the demo's credentials with their holders by
// status, a new one made from the Product designer ladder with a hexagon badge, awarded by hand to
// Priya Nair with a reason, and revoked again with a reason that stays on record.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { byId, openDemo, screenshot, type, waitForText } from '../app.mjs';

describe('credentials catalogue', () => {
  let driver;
  let browser;

  before(async () => {
    ({ driver, browser } = await openDemo('credentials-catalogue'));
  });
  after(async () => {
    await browser?.deleteSession().catch(() => {});
    driver?.stop();
  });

  const row = (name) => browser.$(`[data-testid="credential-row"][data-name="${name}"]`);
  const holder = (name) => browser.$(`[data-testid="holder-row"][data-name="${name}"]`);

  it('lists the demo credentials with their badges, validity and holders by status', async () => {
    await byId(browser, 'nav-credentials').click();
    await byId(browser, 'credentials-catalogue').waitForDisplayed();
    await browser.waitUntil(async () => (await browser.$$('[data-testid="credential-row"]')).length === 3, {
      timeoutMsg: 'the three demo credentials show'
    });
    await waitForText(byId(browser, 'credentials-count'), '3 credentials');

    const lead = row('Backend engineer — Lead');
    await waitForText(lead.$('[data-testid="credential-row-holders"]'), 'active');
    const holders = await lead.$('[data-testid="credential-row-holders"]').getText();
    assert.match(holders, /\d+ active/);
    assert.match(holders, /\d+ revoked/);
    assert.match(await lead.$('[data-testid="credential-row-validity"]').getText(), /^(Valid \d+ months?|Never expires)$/);
    // (textContent: WebKitWebDriver reads no text from a line-clamped span)
    assert.match(
      await lead.$('[data-testid="credential-row-criteria"]').getProperty('textContent'),
      /Lead level of the Backend engineer ladder/
    );
    // The badge is drawn: an image that loaded.
    await browser.waitUntil(async () => (await lead.$('img').getProperty('naturalWidth')) > 0, {
      timeoutMsg: 'the badge shows'
    });
    await screenshot(browser, '90-credentials-catalogue');
  });

  it('creates a credential from a ladder level with a hexagon badge', async () => {
    await byId(browser, 'credential-new').click();
    await byId(browser, 'credential-dialog').waitForDisplayed();

    // Nothing filled in: the form says what is missing, in the dialog.
    await byId(browser, 'credential-save').click();
    await waitForText(byId(browser, 'credential-name-error'), 'Give the credential a name');
    await waitForText(byId(browser, 'credential-criteria-error'), 'Choose a role and level');

    await type(byId(browser, 'credential-name'), 'Accessibility reviewer');
    assert.equal(await byId(browser, 'badge-initials').getValue(), 'AR');
    await type(byId(browser, 'credential-description'), 'Reviews designs for accessibility before they ship.');
    await byId(browser, 'badge-shape-hexagon').click();
    assert.equal(await byId(browser, 'badge-shape-hexagon').getAttribute('aria-pressed'), 'true');
    await browser.waitUntil(async () => (await byId(browser, 'badge-preview').$('img').getProperty('naturalWidth')) > 0, {
      timeoutMsg: 'the preview is drawn'
    });

    await byId(browser, 'credential-role').selectByVisibleText('Product designer');
    const level = byId(browser, 'credential-level');
    await browser.waitUntil(async () => (await level.getProperty('disabled')) === false, { timeoutMsg: 'the levels load' });
    await level.selectByVisibleText('Designer');
    // Every domain is ticked to begin with.
    const domains = await browser.$$('[data-testid="credential-domain"]');
    assert.ok(domains.length >= 2);
    for (const d of domains) assert.equal(await d.isSelected(), true);
    // The narrative's placeholder says the sentence that will be used.
    assert.match(
      await byId(browser, 'credential-narrative').getAttribute('placeholder'),
      /^Leave empty to use: A signed assessment rates .+ as meeting the Designer level of the Product designer ladder/
    );
    await screenshot(browser, '91-credential-new');

    await byId(browser, 'credential-save').click();
    await byId(browser, 'credential-dialog').waitForDisplayed({ reverse: true, timeout: 10_000 });
    await row('Accessibility reviewer').waitForDisplayed();
    await waitForText(row('Accessibility reviewer').$('[data-testid="credential-row-holders"]'), 'No holders yet');
    await waitForText(row('Accessibility reviewer').$('[data-testid="credential-row-validity"]'), 'Valid 12 months');
    await waitForText(byId(browser, 'credentials-count'), '4 credentials');
  });

  it('opens its page with the badge large and the criteria', async () => {
    await row('Accessibility reviewer').click();
    await byId(browser, 'credential-page').waitForDisplayed();
    await waitForText(byId(browser, 'credential-title'), 'Accessibility reviewer');
    const badge = byId(browser, 'credential-badge');
    await browser.waitUntil(async () => (await badge.getProperty('naturalWidth')) > 0, { timeoutMsg: 'the badge shows' });
    assert.equal(await badge.getAttribute('width'), '160');
    assert.match(await byId(browser, 'credential-ladder').getText(), /^Product designer · Designer · v\d+$/);
    await waitForText(byId(browser, 'credential-evidence'), 'With evidence');
    await waitForText(byId(browser, 'credential-validity'), 'Valid 12 months');
    await waitForText(byId(browser, 'holders-empty'), 'No one holds Accessibility reviewer yet');
  });

  it('awards it by hand to Priya Nair, with a reason', async () => {
    await byId(browser, 'credential-award').click();
    await byId(browser, 'award-dialog').waitForDisplayed();
    await type(byId(browser, 'award-person-search'), 'Priya');
    const priya = browser.$('[data-testid="award-person-option"][data-name="Priya Nair"]');
    await priya.waitForDisplayed();
    await priya.click();
    await waitForText(byId(browser, 'award-person-chosen'), 'Priya Nair');

    await byId(browser, 'award-how-hand').click();
    // By hand needs a reason: Award says so and keeps the rest.
    const by = byId(browser, 'award-by');
    if (!(await by.getValue())) await type(by, 'Ana Ruiz');
    await byId(browser, 'award-save').click();
    await waitForText(byId(browser, 'award-reason-error'), 'Say why');
    await type(byId(browser, 'award-reason'), 'Led the accessibility audit of the banking app');
    await screenshot(browser, '92-credential-award');
    await byId(browser, 'award-save').click();
    await byId(browser, 'award-dialog').waitForDisplayed({ reverse: true, timeout: 10_000 });
    await waitForText(browser.$('[data-testid="toast"]*=Awarded to'), 'Awarded to Priya Nair');

    const r = holder('Priya Nair');
    await r.waitForDisplayed();
    assert.equal(await r.getAttribute('data-status'), 'active');
    await waitForText(r.$('[data-testid="holder-status"]'), 'Active');
    await waitForText(r.$('[data-testid="holder-how"]'), 'By hand: Led the accessibility audit of the banking app');
    await waitForText(byId(browser, 'credential-holder-counts'), '1 active');
    await screenshot(browser, '93-credential-holder');
  });

  it('revokes the award with a reason, which stays on record', async () => {
    await holder('Priya Nair').$('[data-testid="holder-revoke"]').click();
    await byId(browser, 'revoke-dialog').waitForDisplayed();
    // The name typed when awarding is proposed again.
    assert.notEqual(await byId(browser, 'revoke-by').getValue(), '');
    await byId(browser, 'revoke-save').click();
    await waitForText(byId(browser, 'revoke-reason-error'), 'Say why it is revoked');
    await type(byId(browser, 'revoke-reason'), 'Awarded to the wrong person');
    await byId(browser, 'revoke-save').click();
    await byId(browser, 'revoke-dialog').waitForDisplayed({ reverse: true, timeout: 10_000 });

    const r = holder('Priya Nair');
    await browser.waitUntil(async () => (await r.getAttribute('data-status')) === 'revoked', { timeoutMsg: 'the row is revoked' });
    await waitForText(r.$('[data-testid="holder-status"]'), 'Revoked');
    await waitForText(r.$('[data-testid="holder-revoked-reason"]'), 'Awarded to the wrong person');
    assert.equal(await r.$('[data-testid="holder-revoke"]').isExisting(), false);
    await waitForText(byId(browser, 'credential-holder-counts'), '1 revoked');
    await screenshot(browser, '94-credential-revoked');

    // Back in the catalogue, the row counts it.
    await byId(browser, 'credential-back').click();
    await waitForText(row('Accessibility reviewer').$('[data-testid="credential-row-holders"]'), '1 revoked');
  });
});
