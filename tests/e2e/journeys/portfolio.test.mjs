// Portfolio review on a contractor's profile: the gallery of their files, a viewer that zooms and
// pages through PDFs, two versions side by side, a region marked with a comment tied to a rubric
// cell, and an approval with a reason — the annotation and the decision still there after a restart.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { byId, launch, openDemo, root, screenshot, waitForText } from '../app.mjs';

// The command line sits beside the app it was built with.
const cli = process.env.GUILDBOOK_APP
  ? join(dirname(process.env.GUILDBOOK_APP), 'guildbook')
  : join(root, 'target/debug/guildbook');

/** WebKitWebDriver drops spaces from whole strings: type one key at a time. */
async function type(el, text) {
  for (const ch of text) await el.addValue(ch);
}

/** A PDF of Letter pages with a coloured header band and a line of text in Helvetica. */
function briefPdf(pages) {
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>', '', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>', '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold >>'];
  const kids = [];
  pages.forEach(([title, body, rgb], i) => {
    const s = `${rgb} rg 0 672 612 120 re f\n1 1 1 rg BT /F2 26 Tf 54 730 Td (${title}) Tj ET\n0.2 0.2 0.2 rg BT /F1 12 Tf 54 640 Td (${body}) Tj ET\n${rgb} rg 54 200 504 380 re f\n`;
    kids.push(`${5 + 2 * i} 0 R`);
    objs.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents ${6 + 2 * i} 0 R /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> >>`);
    objs.push(`<< /Length ${s.length} >>\nstream\n${s}\nendstream`);
  });
  objs[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${pages.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets = objs.map((o, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('portfolio', () => {
  let driver;
  let browser;

  before(async () => {
    ({ driver, browser } = await openDemo('portfolio'));
  });
  after(async () => {
    await browser?.deleteSession().catch(() => {});
    driver?.stop();
  });

  /** A core command, as the window calls it (for data the command line can't make: versions, links). */
  const invoke = (cmd, args = {}) =>
    browser.execute((cmd, args) => window.__TAURI_INTERNALS__.invoke(cmd, args), cmd, args);

  const tile = (title) => browser.$(`[data-testid="portfolio-tile"][data-title="${title}"]`);

  async function openPortfolio() {
    await byId(browser, 'nav-contractors').click();
    await byId(browser, 'roster-search').setValue('Calloway');
    await browser.$('[data-testid="roster-row"][data-name="Iris Calloway"]').click();
    await byId(browser, 'tab-portfolio').click();
    await byId(browser, 'portfolio-gallery').waitForDisplayed();
  }

  it('shows a person’s files as a gallery, newest version of each', async () => {
    // A contractor of our own, so the demo's people keep their counts: a poster in two versions
    // (the second linked to Product designer × Designer × Craft) and a two-page brief.
    const { workspace } = await invoke('app_status');
    const ws = workspace.path;
    const people = join(driver.home, 'iris.csv');
    writeFileSync(people, 'name,email,location\nIris Calloway,iris@example.org,Porto\n');
    execFileSync(cli, ['--workspace', ws, 'contractor', 'import', people]);
    const id = execFileSync(cli, ['--workspace', ws, 'contractor', 'search', 'Calloway']).toString().split('\t')[0];
    const poster = join(driver.home, 'poster.png');
    const poster2 = join(driver.home, 'poster-v2.png');
    const brief = join(driver.home, 'brief.pdf');
    execFileSync('convert', ['-size', '1600x1000', 'gradient:#0f5e5c-#f4efe4', '-fill', '#e85d3a', '-draw', 'circle 800,500 800,260', poster]);
    execFileSync('convert', ['-size', '1600x1000', 'gradient:#7a2e12-#f4efe4', '-fill', '#0f5e5c', '-draw', 'circle 700,480 700,240', poster2]);
    writeFileSync(brief, briefPdf([
      ['Harbour Festival brief', 'Audience: families and visitors. Tone: bright and welcoming.', '0.05 0.42 0.42'],
      ['Moodboard', 'Warm orange against deep teal; hand-drawn type for the headline.', '0.91 0.36 0.23']
    ]));
    const added = execFileSync(cli, ['--workspace', ws, 'evidence', 'add', '--contractor', id, poster, brief]).toString();
    const posterId = added.split('\n').find((l) => l.endsWith('poster.png')).split('\t')[0];
    const v2 = await invoke('evidence_add_revision', { evidenceId: posterId, path: poster2, changeNote: 'Warmer palette after the client critique' });
    const role = (await invoke('roles_list', { includeArchived: false })).find((r) => r.name === 'Product designer');
    const version = (await invoke('ladder_versions', { roleId: role.id })).find((v) => v.status === 'published');
    const ladder = await invoke('ladder_get_version', { versionId: version.id });
    const level = ladder.content.levels.find((l) => l.name === 'Designer').key;
    const domain = ladder.content.domains.find((d) => d.name === 'Craft').key;
    await invoke('evidence_link', { evidenceId: v2.id, versionId: version.id, cells: [[level, domain]] });

    await openPortfolio();
    await tile('poster.png').waitForDisplayed();
    await tile('brief.pdf').waitForDisplayed();
    assert.equal((await browser.$$('[data-testid="portfolio-tile"]')).length, 2, 'one tile per artifact, not per version');
    await waitForText(tile('poster.png').$('[data-testid="portfolio-versions"]'), 'v2');
    await waitForText(tile('poster.png').$('[data-testid="portfolio-status"]'), 'Not reviewed');
    const thumb = tile('poster.png').$('img');
    await browser.waitUntil(async () => (await thumb.getProperty('naturalWidth')) > 0, {
      timeout: 10_000,
      timeoutMsg: 'the thumbnail loads through the vault protocol'
    });
    await screenshot(browser, '30-portfolio-gallery');
  });

  it('opens a file in the viewer, zooms it, and pages through a PDF', async () => {
    await tile('brief.pdf').click();
    await byId(browser, 'portfolio-viewer').waitForDisplayed();
    await waitForText(byId(browser, 'pdf-page'), 'Page 1 of 2');
    await browser.waitUntil(async () => (await browser.$$('[data-testid="pdf-canvas"] canvas')).length === 1, {
      timeout: 15_000,
      timeoutMsg: 'pdf.js draws the first page'
    });
    await byId(browser, 'pdf-next').click();
    await waitForText(byId(browser, 'pdf-page'), 'Page 2 of 2');
    await browser.keys('Escape');
    await byId(browser, 'portfolio-gallery').waitForDisplayed();

    await tile('poster.png').click();
    await byId(browser, 'portfolio-viewer').waitForDisplayed();
    await byId(browser, 'viewer-image').waitForDisplayed();
    const level = byId(browser, 'zoom-level');
    await browser.waitUntil(async () => /^\d+(\.\d)? %$/.test(await level.getText()));
    const fitted = await level.getText();
    await byId(browser, 'zoom-in').click();
    assert.notEqual(await level.getText(), fitted, 'zoom in changes the zoom');
    await byId(browser, 'zoom-100').click();
    await waitForText(level, '100 %');
    await browser.keys('0'); // fit
    await waitForText(level, fitted);
    await browser.action('wheel').scroll({ origin: byId(browser, 'viewer-canvas'), deltaY: -300 }).perform();
    await browser.waitUntil(async () => (await level.getText()) !== fitted, { timeoutMsg: 'the wheel zooms' });
    await byId(browser, 'zoom-fit').click();
    await waitForText(level, fitted);
    await screenshot(browser, '31-portfolio-viewer');
  });

  it('compares two versions side by side, zooming both together', async () => {
    await byId(browser, 'compare-toggle').click();
    await byId(browser, 'compare-view').waitForDisplayed();
    const left = byId(browser, 'compare-left-version');
    const right = byId(browser, 'compare-right-version');
    assert.match(await left.$('option:checked').getText(), /^v1 /);
    assert.match(await right.$('option:checked').getText(), /^v2 /);
    await waitForText(byId(browser, 'compare-right-note'), 'Warmer palette after the client critique');
    await byId(browser, 'zoom-in').click();
    await byId(browser, 'zoom-in').click();
    const arts = () => browser.$$('[data-testid="compare-view"] [data-testid="canvas-art"]');
    await browser.waitUntil(async () => (await arts()).length === 2);
    const [a, b] = await arts();
    assert.equal(await a.getAttribute('style'), await b.getAttribute('style'), 'one zoom and pan for both sides');
    await screenshot(browser, '32-portfolio-compare');
    await byId(browser, 'compare-toggle').click();
    await byId(browser, 'viewer-canvas').waitForDisplayed();
  });

  it('marks a region with a comment tied to the rubric cell', async () => {
    await waitForText(byId(browser, 'rubric-panel'), 'Designer · Craft');
    await byId(browser, 'tool-rect').click();
    const canvas = byId(browser, 'viewer-canvas');
    await browser
      .action('pointer')
      .move({ origin: canvas, x: -120, y: -80 })
      .down()
      .move({ origin: canvas, x: 60, y: 40, duration: 200 })
      .up()
      .perform();
    await byId(browser, 'annotation-form').waitForDisplayed();
    await type(byId(browser, 'annotation-comment'), 'The circle crowds the headline');
    await byId(browser, 'annotation-cell').selectByVisibleText('Product designer · Designer · Craft');
    const author = byId(browser, 'annotation-author');
    await author.clearValue();
    await type(author, 'Ana Ruiz');
    await byId(browser, 'annotation-save').click();
    const item = byId(browser, 'annotation-item');
    await waitForText(item, 'The circle crowds the headline');
    await waitForText(item, 'Product designer · Designer · Craft');
    await waitForText(item, 'Ana Ruiz');
    await browser.$('[data-testid="annotation-marker"][data-number="1"]').waitForDisplayed();
    await screenshot(browser, '33-portfolio-annotation');
  });

  it('asks for a reason to request changes, and approves with one', async () => {
    await byId(browser, 'decision-changes').click();
    await byId(browser, 'decision-dialog').waitForDisplayed();
    await byId(browser, 'decision-save').click();
    await waitForText(byId(browser, 'decision-error'), 'Say what should change');
    await browser.keys('Escape');
    await byId(browser, 'decision-dialog').waitForDisplayed({ reverse: true });

    await byId(browser, 'decision-approve').click();
    await byId(browser, 'decision-dialog').waitForDisplayed();
    assert.equal(await byId(browser, 'decision-reviewer').getValue(), 'Ana Ruiz', 'the reviewer is remembered');
    await type(byId(browser, 'decision-reason'), 'Clear hierarchy; meets the craft outcomes');
    await byId(browser, 'decision-save').click();
    await byId(browser, 'decision-dialog').waitForDisplayed({ reverse: true });
    await waitForText(byId(browser, 'decision-current'), 'Approved by Ana Ruiz');
    await waitForText(byId(browser, 'decision-current'), 'Clear hierarchy; meets the craft outcomes');
    await screenshot(browser, '34-portfolio-decision');

    await byId(browser, 'viewer-back').click();
    await waitForText(tile('poster.png').$('[data-testid="portfolio-status"]'), 'Approved');
    await waitForText(tile('poster.png').$('[data-testid="portfolio-annotations"]'), '1');
  });

  it('finds the annotation and the decision after a restart', async () => {
    await browser.deleteSession();
    ({ browser } = await launch(driver, '[data-testid="ladders-page"]'));
    await openPortfolio();
    await waitForText(tile('poster.png').$('[data-testid="portfolio-status"]'), 'Approved');
    await tile('poster.png').click();
    await byId(browser, 'portfolio-viewer').waitForDisplayed();
    const item = byId(browser, 'annotation-item');
    await waitForText(item, 'The circle crowds the headline');
    await waitForText(item, 'Product designer · Designer · Craft');
    await waitForText(byId(browser, 'decision-current'), 'Approved by Ana Ruiz');
    // A click on the item brings its region to the middle of the canvas.
    await item.$('button').click();
    await browser.$('[data-testid="annotation-marker"][data-number="1"]').waitForDisplayed();
    await screenshot(browser, '35-portfolio-after-restart');
  });
});
