// Evidence on a contractor's profile: files go into the vault through the same path the file
// dialog uses, images show as thumbnails, a broken image shows a placeholder, and the vault checks out.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { answerNextDialogs, byId, openDemo, screenshot, waitForText } from '../app.mjs';

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
});
