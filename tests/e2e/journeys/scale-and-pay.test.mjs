// A ladder's own rating scale, and the bookkeeping around assessments: HR gives the designer
// ladder a four-step scale and publishes it; a new assessment for Lena rates on those words, shows
// how far her evidence meets each cell, and goes to an external lead added by the public key they
// sent; a signed assessment's stipend is recorded as paid and its signature still verifies.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { byId, openDemo, screenshot, waitForText, type } from '../app.mjs';

/** An Ed25519 public key as base64 of its 32 bytes, as `guildbook assessor key` prints one. */
function leadPublicKey() {
  const { publicKey } = generateKeyPairSync('ed25519');
  return Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url').toString('base64');
}

describe('rating scales and stipend payments', () => {
  let driver;
  let browser;

  before(async () => {
    ({ driver, browser } = await openDemo('scale'));
  });
  after(async () => {
    await browser?.deleteSession().catch(() => {});
    driver?.stop();
  });

  async function openRole(name) {
    await byId(browser, 'nav-ladders').click();
    await browser.$(`[data-testid="role-row"][data-role-name="${name}"]`).click();
    await byId(browser, 'ladder-editor').waitForDisplayed();
  }

  async function openProfile(name) {
    await byId(browser, 'nav-contractors').click();
    const search = byId(browser, 'roster-search');
    await search.waitForDisplayed();
    await search.setValue(name.split(' ').pop());
    await browser.$(`[data-testid="roster-row"][data-name="${name}"]`).click();
    await waitForText(byId(browser, 'profile-name'), name);
    await byId(browser, 'tab-assessments').click();
    await byId(browser, 'assessments-tab').waitForDisplayed();
  }

  it('shows each ladder’s scale and changes one, refusing a repeated word', async () => {
    await openRole('Delivery lead');
    await waitForText(byId(browser, 'scale-line'), 'not seen · emerging · solid · role model');

    await openRole('Product designer');
    await waitForText(byId(browser, 'scale-line'), 'not yet · meets · exceeds');
    await byId(browser, 'scale-line').$('button').click();
    await byId(browser, 'rating-scale-dialog').waitForDisplayed();

    const words = () => browser.$$('[data-testid="scale-rating"]');
    await (await words())[2].clearValue();
    await type((await words())[2], 'strong');
    await byId(browser, 'scale-add').click();
    await type((await words())[3], 'Strong');
    await byId(browser, 'scale-save').click();
    await waitForText(byId(browser, 'scale-error'), "'Strong' appears twice");

    await (await words())[3].clearValue();
    await type((await words())[3], 'outstanding');
    await waitForText(byId(browser, 'scale-preview'), "not yet · meets · strong · outstanding — 'meets' or higher");
    await screenshot(browser, '70-rating-scale-dialog');
    await byId(browser, 'scale-save').click();
    await byId(browser, 'rating-scale-dialog').waitForDisplayed({ reverse: true });
    await waitForText(byId(browser, 'scale-line'), 'not yet · meets · strong · outstanding');
    await waitForText(byId(browser, 'version-badge'), 'Draft');
    await byId(browser, 'publish').click();
    await waitForText(byId(browser, 'version-badge'), 'Published v2');
  });

  it('rates a new assessment on the new scale, with evidence progress per cell, for an external lead', async () => {
    await openProfile('Lena Novak');
    await byId(browser, 'assessment-new').click();
    await byId(browser, 'assessment-dialog').waitForDisplayed();
    const level = byId(browser, 'assessment-level');
    await browser.waitUntil(async () => (await level.getValue()) !== '', { timeoutMsg: 'the levels load' });

    await byId(browser, 'assessor-add-open').click();
    await byId(browser, 'assessor-external').click();
    await waitForText(byId(browser, 'assessor-add'), 'guildbook assessor key');
    await type(byId(browser, 'assessor-name'), 'Kalani Brooks');
    await type(byId(browser, 'assessor-public-key'), 'not-a-key');
    await byId(browser, 'assessor-add-save').click();
    await waitForText(byId(browser, 'assessor-add-error'), 'not an Ed25519 public key');
    await byId(browser, 'assessor-public-key').clearValue();
    await byId(browser, 'assessor-public-key').setValue(leadPublicKey());
    await byId(browser, 'assessor-add-save').click();
    await byId(browser, 'assessor-add').waitForDisplayed({ reverse: true });
    assert.equal(
      await byId(browser, 'assessment-assessor').$('option:checked').getText(),
      'Kalani Brooks (signs on another computer)'
    );
    await type(byId(browser, 'assessment-amount'), '180');
    await byId(browser, 'assessment-save').click();

    await byId(browser, 'assessment-screen').waitForDisplayed({ timeout: 10_000 });
    const craft = browser.$('[data-testid="rubric-row"][data-domain="Craft"]');
    const choices = await browser.execute(() =>
      [...document.querySelectorAll('[data-domain="Craft"] [data-testid="assessor-rating"] button')].map(
        (b) => b.dataset.value
      )
    );
    assert.deepEqual(choices, ['not yet', 'meets', 'strong', 'outstanding']);
    // Completeness comes from the evidence Lena has in the vault, in words beside the colour.
    const progress = craft.$('[data-testid="cell-progress"]');
    await progress.waitForDisplayed();
    assert.match(await progress.getAttribute('data-state'), /^(met|partial|missing)$/);
    assert.notEqual((await progress.getText()).trim(), '');
    await waitForText(byId(browser, 'sign-blockers'), "Kalani Brooks's key is not on this computer");
    await screenshot(browser, '71-assessment-own-scale');
  });

  it('records a signed assessment’s stipend as paid, and the signature still verifies', async () => {
    await openProfile('Oona Virtanen');
    await browser.$('[data-testid="assessment-row"][data-status="signed"]').click();
    const banner = byId(browser, 'integrity');
    await banner.waitForDisplayed({ timeout: 10_000 });
    await waitForText(byId(browser, 'assessment-pay'), 'not paid yet');
    await byId(browser, 'record-paid-open').click();
    await byId(browser, 'record-paid').waitForDisplayed();
    await screenshot(browser, '72-record-payment');
    await byId(browser, 'record-paid-save').click();
    await byId(browser, 'record-paid').waitForDisplayed({ reverse: true });
    await waitForText(byId(browser, 'assessment-pay'), 'Stipend €250.00 · paid ');
    assert.equal(await banner.getAttribute('data-state'), 'verified');
    await waitForText(banner, 'signature verified');
  });
});
