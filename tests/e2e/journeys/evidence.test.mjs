// Evidence on a contractor's profile: files go into the vault through the same path the file
// dialog uses, images show as thumbnails, a broken image shows a placeholder, and the vault checks out.
// Evidence linked to ladder cells (from the card, or dropped on a cell) shows on the Ladder tab;
// a new version keeps one card; a critique session with an artifact survives a restart.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { answerNextDialogs, byId, dropFiles, launch, openDemo, screenshot, waitForText, type } from '../app.mjs';

describe('evidence', () => {
  let driver;
  let browser;

  before(async () => {
    ({ driver, browser } = await openDemo('evidence'));
  });
  after(async () => {
    await browser?.deleteSession().catch(() => {});
    driver?.stop();
  });

  it('adds files to a profile and shows image thumbnails', async () => {
    const poster = join(driver.home, 'poster.png');
    execFileSync('convert', ['-size', '900x600', 'gradient:#0f5e5c-#f4efe4', poster]);
    const broken = join(driver.home, 'broken.png');
    writeFileSync(broken, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
    const brief = join(driver.home, 'brief.pdf');
    writeFileSync(brief, '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

    await byId(browser, 'nav-contractors').click();
    await byId(browser, 'roster-search').setValue('Lena');
    await browser.$('[data-testid="roster-row"][data-name="Lena Novak"]').click();
    await byId(browser, 'tab-evidence').click();
    await answerNextDialogs(browser, [poster, broken, brief]);
    await byId(browser, 'add-evidence-files').click();
    const card = (title) => browser.$(`[data-testid="evidence-card"][data-title="${title}"]`);
    await card('poster.png').waitForDisplayed({ timeout: 10_000 });
    await card('brief.pdf').waitForDisplayed();
    const img = card('poster.png').$('img');
    await browser.waitUntil(async () => (await img.getProperty('naturalWidth')) > 0, {
      timeout: 10_000,
      timeoutMsg: 'the thumbnail loads through the vault protocol'
    });
    assert.equal(await img.getProperty('naturalWidth'), 320, 'a 320 px thumbnail, not the full image');
    await waitForText(card('broken.png'), 'Preview unavailable');
    await screenshot(browser, '23-evidence');
  });

  it('verifies the vault', async () => {
    await byId(browser, 'verify-vault').click();
    await waitForText(browser.$('[data-testid="toast"]*=intact'), 'intact');
  });

  const card = (title) => browser.$(`[data-testid="evidence-card"][data-title="${title}"]`);
  const cell = (level, domain) => `[data-testid="ladder-cell"][data-level="${level}"][data-domain="${domain}"]`;

  // Rosa Mendes, a Creative lead whose demo profile has no evidence yet, so the counts are known.
  async function openRosa() {
    await byId(browser, 'nav-contractors').click();
    await byId(browser, 'roster-search').setValue('Rosa');
    await browser.$('[data-testid="roster-row"][data-name="Rosa Mendes"]').click();
  }

  it('links an item to a ladder cell and the Ladder tab shows the progress', async () => {
    // Someone who holds a role opens on the Ladder tab. Craft of a Creative lead asks for a
    // document and a signed lead assessment.
    await openRosa();
    const craft = browser.$(cell('Creative lead', 'Craft'));
    await craft.waitForDisplayed();
    assert.equal(await craft.getAttribute('data-state'), 'missing');
    await waitForText(craft.$('[data-testid="cell-progress"]'), 'Document missing; signed lead assessment missing');
    assert.match(await browser.$('th*=Creative lead').getText(), /Current level/);

    await byId(browser, 'tab-evidence').click();
    await answerNextDialogs(browser, [join(driver.home, 'poster.png'), join(driver.home, 'brief.pdf')]);
    await byId(browser, 'add-evidence-files').click();
    await card('brief.pdf').waitForDisplayed();
    await card('brief.pdf').$('[data-testid="evidence-actions"]').click();
    await byId(browser, 'evidence-link-cells').click();
    const toggle = browser.$('[data-testid="link-cell-toggle"][data-level="Creative lead"][data-domain="Craft"]');
    await toggle.waitForDisplayed();
    await toggle.click();
    await screenshot(browser, '24-link-cells');
    await byId(browser, 'link-cells-save').click();
    await byId(browser, 'link-cells-dialog').waitForDisplayed({ reverse: true });
    await waitForText(card('brief.pdf').$('[data-testid="evidence-cell-chip"]'), 'Product designer · Creative lead · Craft');

    await byId(browser, 'tab-ladder').click();
    await browser.$(cell('Creative lead', 'Craft')).waitForDisplayed();
    await browser.waitUntil(async () => (await browser.$(cell('Creative lead', 'Craft')).getAttribute('data-state')) === 'partial', {
      timeoutMsg: 'the linked document counts for the cell'
    });
    await waitForText(browser.$(cell('Creative lead', 'Craft')).$('[data-testid="cell-progress"]'), 'Signed lead assessment missing');
  });

  it('adds files dropped on a cell and links them to it', async () => {
    // Designer × Craft asks for two design files and a revision log.
    const sketch = join(driver.home, 'sketch.png');
    execFileSync('convert', ['-size', '800x600', 'plasma:fractal', sketch]);
    await browser.$(cell('Designer', 'Craft')).waitForDisplayed();
    await dropFiles(browser, cell('Designer', 'Craft'), [sketch]);
    await waitForText(browser.$('[data-testid="toast"]*=linked it to'), 'Craft × Designer');
    await waitForText(browser.$(cell('Designer', 'Craft')).$('[data-testid="cell-progress"]'), '1 of 2 design files; revision log missing');
    assert.equal(await browser.$(cell('Designer', 'Craft')).getAttribute('data-state'), 'partial');
    await screenshot(browser, '25-ladder-progress');
  });

  it('adds a new version with what changed, and keeps one card for the artifact', async () => {
    const poster2 = join(driver.home, 'poster-v2.png');
    execFileSync('convert', ['-size', '900x600', 'gradient:#7a2e12-#f4efe4', poster2]);
    await byId(browser, 'tab-evidence').click();
    await card('poster.png').$('[data-testid="evidence-actions"]').click();
    await byId(browser, 'evidence-add-version').click();
    await answerNextDialogs(browser, poster2);
    await byId(browser, 'evidence-version-file').click();
    // (textContent: WebKitWebDriver reads no text from a span that may be cut with an ellipsis)
    await browser.waitUntil(async () => (await byId(browser, 'evidence-version-chosen').getProperty('textContent')) === 'poster-v2.png', {
      timeoutMsg: 'the chosen file shows by name'
    });
    await type(byId(browser, 'evidence-version-note'), 'Warmer palette after the client critique');
    await byId(browser, 'evidence-version-save').click();
    await waitForText(card('poster.png').$('[data-testid="evidence-revision"]'), 'v2');
    assert.equal((await browser.$$('[data-testid="evidence-card"][data-title="poster.png"]')).length, 1);

    await card('poster.png').$('[data-testid="evidence-revision"]').click();
    const versions = byId(browser, 'evidence-versions');
    await versions.waitForDisplayed();
    await browser.waitUntil(async () => (await browser.$$('[data-testid="evidence-version"]')).length === 2);
    const v2 = browser.$('[data-testid="evidence-version"][data-revision="2"]');
    await waitForText(v2, 'Warmer palette after the client critique');
    assert.match(await v2.getProperty('textContent'), /poster-v2\.png/);
    await screenshot(browser, '26-versions');
    await browser.keys('Escape');
    await versions.waitForDisplayed({ reverse: true });
  });

  it('records a critique session with an artifact, and finds it after a restart', async () => {
    await byId(browser, 'tab-critiques').click();
    await byId(browser, 'critique-new').click();
    await byId(browser, 'critique-dialog').waitForDisplayed();
    // The core insists on an attendee; its words show in the form, which keeps what was typed.
    await type(byId(browser, 'critique-outcome'), 'Ship the warm poster');
    await byId(browser, 'critique-save').click();
    await waitForText(byId(browser, 'critique-error'), 'Name at least one attendee');
    await type(byId(browser, 'critique-attendees'), 'Ana Silva, Bo Chen');
    await browser.$('[data-testid="critique-artifact"][data-title="poster.png"]').click();
    await byId(browser, 'critique-save').click();
    await byId(browser, 'critique-dialog').waitForDisplayed({ reverse: true });
    const item = byId(browser, 'critique-item');
    await waitForText(item, 'With Ana Silva and Bo Chen');
    await waitForText(item, 'Ship the warm poster');
    await item.$('[data-testid="critique-artifact-chip"][data-title="poster.png"]').waitForDisplayed();
    await screenshot(browser, '27-critiques');

    await browser.deleteSession();
    ({ browser } = await launch(driver, '[data-testid="home-page"]'));
    await openRosa();
    // The links are kept.
    await browser.$(cell('Creative lead', 'Craft')).waitForDisplayed();
    assert.equal(await browser.$(cell('Creative lead', 'Craft')).getAttribute('data-state'), 'partial');
    await byId(browser, 'tab-critiques').click();
    const kept = byId(browser, 'critique-item');
    await waitForText(kept, 'Ship the warm poster');
    await kept.$('[data-testid="critique-artifact-chip"][data-title="poster.png"]').waitForDisplayed();
  });
});
