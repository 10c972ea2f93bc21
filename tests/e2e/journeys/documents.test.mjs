// Printed documents as HR and a project lead use them: Elif's certificate is previewed and saved
// as a PDF that passes qpdf and carries her name and short code; the code is checked in the app;
// every certificate of the credential goes into one ZIP; the backend ladder's career-path guide
// is previewed page by page and saved.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { answerNextDialogs, byId, openDemo, record, screenshot, type, waitForText } from '../app.mjs';

describe('printable documents', () => {
  let driver;
  let browser;
  let code;

  before(async () => {
    ({ driver, browser } = await openDemo('documents'));
  });
  after(async () => {
    await browser?.deleteSession().catch(() => {});
    driver?.stop();
  });

  const holder = (name) => browser.$(`[data-testid="holder-row"][data-name="${name}"]`);

  /** Waits until `within` (a test id) shows `atLeast` pages, all drawn; answers how many. */
  async function pagesDrawn(within, atLeast) {
    const selector = `[data-testid="${within}"] [data-testid="pdf-page"]`;
    await browser.waitUntil(
      async () => {
        const pages = await browser.$$(selector);
        if (pages.length < atLeast) return false;
        for (const p of pages) if ((await p.getAttribute('data-drawn')) !== 'true') return false;
        return true;
      },
      { timeout: 20_000, timeoutMsg: `${atLeast} pages drawn` }
    );
    return (await browser.$$(selector)).length;
  }

  /** A saved PDF as a reader checks it: qpdf passes, and its text. */
  function readPdf(path) {
    assert.ok(existsSync(path), `${path} was written`);
    assert.equal(readFileSync(path).subarray(0, 5).toString(), '%PDF-');
    execFileSync('qpdf', ['--check', path]);
    return execFileSync('pdftotext', ['-layout', path, '-']).toString().replace(/\s+/g, ' ');
  }

  it("previews Elif's certificate and saves it as a PDF", async () => {
    await byId(browser, 'nav-credentials').click();
    await browser.$('[data-testid="credential-row"][data-name="Backend engineer — Lead"]').click();
    await holder('Elif Demir').waitForDisplayed();
    // Beside the badge, a live preview of the newest current holder's certificate.
    await pagesDrawn('certificate-thumb', 1);
    await screenshot(browser, '97b-credential-with-certificate');
    // A revoked award has no certificate to print.
    assert.equal(await holder('Hannah Weiss').$('[data-testid="holder-certificate"]').isExisting(), false);
    await holder('Elif Demir').$('[data-testid="holder-certificate"]').click();
    await byId(browser, 'certificate-preview').waitForDisplayed();
    await pagesDrawn('certificate-preview', 1);
    await screenshot(browser, '98-certificate-preview');

    const path = join(driver.home, 'elif-demir-certificate.pdf');
    await answerNextDialogs(browser, path);
    await byId(browser, 'pdf-save').click();
    await byId(browser, 'certificate-preview').waitForDisplayed({ reverse: true, timeout: 15_000 });
    const text = readPdf(path);
    assert.ok(text.includes('Elif Demir') && text.includes('Backend engineer — Lead'), text);
    assert.ok(statSync(path).size < 50_000, `${statSync(path).size} bytes`);
    code = text.match(/\b[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\b/)?.[0];
    assert.ok(code, `a short code in ${text}`);
    record('documents-certificate', `certificate ${statSync(path).size} bytes, code ${code}`);
  });

  it('checks the printed short code in the app', async () => {
    await byId(browser, 'verify-open').click();
    await byId(browser, 'certificate-code-input').waitForDisplayed();
    await type(byId(browser, 'certificate-code-input'), code.toLowerCase());
    await byId(browser, 'certificate-code-check').click();
    await waitForText(byId(browser, 'certificate-verdict'), 'Valid');
    await waitForText(byId(browser, 'certificate-holder'), 'Elif Demir');
    await screenshot(browser, '99-certificate-code-valid');
    await browser.keys('Escape');
  });

  it('prints every certificate of the credential into one ZIP', async () => {
    await byId(browser, 'print-certificates').click();
    await byId(browser, 'batch-dialog').waitForDisplayed();
    await byId(browser, 'batch-zip').click();
    const zip = join(driver.home, 'backend-lead-certificates.zip');
    await answerNextDialogs(browser, zip);
    await byId(browser, 'batch-start').click();
    const result = byId(browser, 'batch-result');
    await result.waitForDisplayed({ timeout: 30_000 });
    assert.equal(await result.getAttribute('data-state'), 'done');
    assert.equal(await result.getAttribute('data-written'), '12');
    await screenshot(browser, '100-certificates-batch');
    // File names sit in the ZIP's headers as UTF-8.
    const bytes = readFileSync(zip);
    assert.ok(bytes.includes(Buffer.from('Elif Demir - Backend engineer — Lead.pdf')), 'Elif in the ZIP');
    assert.ok(!bytes.includes(Buffer.from('Hannah Weiss')), 'the revoked award is left out');
    await byId(browser, 'batch-close').click();
  });

  it("previews the backend ladder's career-path guide and saves it", async () => {
    await byId(browser, 'nav-ladders').click();
    await browser.$('[data-testid="role-row"][data-role-name="Backend engineer"]').click();
    await byId(browser, 'guide-open').click();
    await byId(browser, 'guide-preview').waitForDisplayed();
    const pages = await pagesDrawn('guide-preview', 3);
    await screenshot(browser, '101-guide-preview');
    const path = join(driver.home, 'backend-engineer-guide.pdf');
    await answerNextDialogs(browser, path);
    await byId(browser, 'pdf-save').click();
    await byId(browser, 'guide-preview').waitForDisplayed({ reverse: true, timeout: 15_000 });
    const text = readPdf(path);
    for (const words of ['CAREER-PATH GUIDE', 'The levels at a glance', 'How to advance', 'Pay tiers']) {
      assert.ok(text.includes(words), `${words} in the guide`);
    }
    record('documents-guide', `guide ${pages} pages, ${statSync(path).size} bytes`);
  });
});
