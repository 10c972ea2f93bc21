// Credentials from the HR desk: Home lists the awards about to expire, the Work areas tab says who is
// cleared for payments work and why someone is not, a new work area clears the one designer who holds
// its credential, and each person's profile shows their wallet and clearance.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { byId, openDemo, screenshot, type, waitForText } from '../app.mjs';

describe('credentials wallet and work areas', () => {
  let driver;
  let browser;

  before(async () => {
    ({ driver, browser } = await openDemo('credentials-wallet'));
  });
  after(async () => {
    await browser?.deleteSession().catch(() => {});
    driver?.stop();
  });

  /** The text of every element matching, as a person reads it (textContent: ellipsised lines count too). */
  const texts = (selector) =>
    browser.execute((sel) => [...document.querySelectorAll(sel)].map((el) => el.textContent.replace(/\s+/g, ' ').trim()), selector);

  async function openProfile(name) {
    await byId(browser, 'nav-contractors').click();
    const search = byId(browser, 'roster-search');
    await search.waitForDisplayed();
    await search.setValue(name.split(' ')[0]);
    await browser.$(`[data-testid="roster-row"][data-name="${name}"]`).click();
    await byId(browser, 'tab-credentials').click();
    await byId(browser, 'wallet-tab').waitForDisplayed();
  }

  it("shows Carmen's credentials expiring within 30 days on Home", async () => {
    const carmen = '[data-testid="home-expiring"][data-contractor="Carmen Ruiz"]';
    await browser.waitUntil(async () => (await texts(carmen)).length === 2, { timeoutMsg: "Carmen's two awards show" });
    const [first, second] = await texts(carmen);
    assert.match(first, /Backend engineer/);
    assert.match(first, /expires in \d+ days \(.+\)/);
    assert.match(first, /Expiring/);
    assert.match(second, /Payments path reviewer/);
    await browser.$(carmen).scrollIntoView();
    await screenshot(browser, '70-home-expiring-credentials');
  });

  it('lists who is cleared for Payments integration, and why Hannah Weiss is not', async () => {
    await byId(browser, 'nav-credentials').click();
    await byId(browser, 'credentials-tab-areas').click();
    const area = browser.$('[data-testid="work-area-row"][data-name="Payments integration"]');
    await area.waitForDisplayed();
    await waitForText(area, 'All of');
    await area.click();
    await byId(browser, 'cleared-table').waitForDisplayed();
    assert.deepEqual(
      (await texts('[data-testid="cleared-row"] td:first-child')).sort(),
      ['Carmen Ruiz', 'Elif Demir']
    );

    await type(byId(browser, 'why-not-person'), 'Hannah');
    await browser.$('[data-testid="why-not-option"][data-name="Hannah Weiss"]').click();
    const verdict = byId(browser, 'why-not').$('[data-testid="clearance-verdict"]');
    await verdict.waitForDisplayed();
    assert.equal(await verdict.getAttribute('data-cleared'), 'false');
    await waitForText(verdict, 'Not cleared');
    await waitForText(verdict, 'copied from a public project without credit');
    await screenshot(browser, '71-work-areas-why-not');
  });

  it('keeps a refused work area in the dialog, then creates "Design system releases"', async () => {
    await byId(browser, 'work-area-new').click();
    await byId(browser, 'work-area-dialog').waitForDisplayed();
    // A name taken already: the core refuses, the dialog says so and keeps the choices.
    await type(byId(browser, 'work-area-name'), 'payments integration');
    await byId(browser, 'work-area-rule-any').click();
    const designer = browser.$('[data-testid="work-area-credential"][data-name^="Product designer"]');
    await designer.click();
    await byId(browser, 'work-area-save').click();
    await waitForText(byId(browser, 'work-area-error'), 'exists already');
    assert.equal(await designer.isSelected(), true);
    assert.equal(await byId(browser, 'work-area-rule-any').isSelected(), true);

    const name = byId(browser, 'work-area-name');
    await name.clearValue();
    await type(name, 'Design system releases');
    await type(byId(browser, 'work-area-description'), 'Publishing changes to the shared design system');
    await screenshot(browser, '72-work-area-dialog');
    await byId(browser, 'work-area-save').click();
    await byId(browser, 'work-area-dialog').waitForDisplayed({ reverse: true });

    const detail = browser.$('[data-testid="work-area-detail"][data-name="Design system releases"]');
    await detail.waitForDisplayed();
    await byId(browser, 'cleared-table').waitForDisplayed();
    await browser.waitUntil(
      async () => JSON.stringify(await texts('[data-testid="cleared-row"] td:first-child')) === '["Lena Novak"]',
      { timeoutMsg: 'Lena Novak alone is cleared' }
    );
    await screenshot(browser, '73-work-area-created');
  });

  it('edits the issuer profile, refusing a bad web address in the dialog', async () => {
    await byId(browser, 'issuer-open').click();
    await byId(browser, 'issuer-dialog').waitForDisplayed();
    const url = byId(browser, 'issuer-url');
    await browser.waitUntil(async () => (await url.getValue()) !== '', { timeoutMsg: 'the profile loads' });
    await url.clearValue();
    await type(url, 'northwind.example');
    await byId(browser, 'issuer-save').click();
    await byId(browser, 'issuer-error').waitForDisplayed();
    assert.equal(await url.getValue(), 'northwind.example');
    await screenshot(browser, '74-issuer-profile-error');
    await url.clearValue();
    await type(url, 'https://northwind.example');
    await byId(browser, 'issuer-save').click();
    await byId(browser, 'issuer-dialog').waitForDisplayed({ reverse: true });
  });

  it("shows Lena's award Active and her clearance for Design system releases", async () => {
    await openProfile('Lena Novak');
    const entry = browser.$('[data-testid="wallet-entry"]');
    await entry.waitForDisplayed();
    assert.match(await entry.getAttribute('data-credential'), /^Product designer/);
    assert.equal(await entry.$('[data-testid="wallet-status"]').getText(), 'Active');
    const cleared = browser.$('[data-testid="clearance-verdict"][data-area="Design system releases"]');
    await waitForText(cleared, 'Cleared');
    assert.equal(await cleared.getAttribute('data-cleared'), 'true');
    const payments = browser.$('[data-testid="clearance-verdict"][data-area="Payments integration"]');
    await waitForText(payments, 'Not cleared');
    await waitForText(payments, 'not held');
    await screenshot(browser, '75-wallet-lena');
  });

  it("shows Hannah's award Revoked with the reason and who revoked it", async () => {
    await openProfile('Hannah Weiss');
    const entry = browser.$('[data-testid="wallet-entry"][data-status="revoked"]');
    await entry.waitForDisplayed();
    assert.equal(await entry.$('[data-testid="wallet-status"]').getText(), 'Revoked');
    const revoked = entry.$('[data-testid="wallet-revoked"]');
    await waitForText(revoked, 'by Hana Okafor');
    await waitForText(revoked, 'copied from a public project without credit');
    await screenshot(browser, '76-wallet-hannah');
  });

  it('explains credentials to someone who holds none', async () => {
    await openProfile('Rosa Mendes');
    await waitForText(byId(browser, 'wallet-empty'), 'Awards are made from the Credentials screen');
  });
});
