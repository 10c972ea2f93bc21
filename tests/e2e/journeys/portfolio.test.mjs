// Portfolio review on a contractor's profile, on the demo's portfolios: a file added from the
// command line joins the gallery; the viewer zooms, shows any version of an artifact with that
// version's annotations and decision, puts two versions side by side, marks a region with a comment
// tied to a rubric cell, approves with a reason and pages through a PDF — the annotation and the
// decision still there after a restart.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { byId, launch, openDemo, root, screenshot, waitForText, type } from '../app.mjs';

// The command line sits beside the app it was built with.
const cli = process.env.GUILDBOOK_APP
  ? join(dirname(process.env.GUILDBOOK_APP), 'guildbook')
  : join(root, 'target/debug/guildbook');

const POSTER = 'Harbour festival poster';

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

  const tile = (title) => browser.$(`[data-testid="portfolio-tile"][data-title="${title}"]`);
  const items = () => browser.$$('[data-testid="annotation-item"]');
  const markers = (within = '') => browser.$$(`${within} [data-testid="annotation-marker"]`);
  const version = () => byId(browser, 'viewer-version');
  const countIs = async (list, n, what) =>
    browser.waitUntil(async () => (await list()).length === n, { timeoutMsg: `expected ${n} ${what}` });

  async function openPortfolio() {
    await byId(browser, 'nav-contractors').click();
    await byId(browser, 'roster-search').setValue('Novak');
    await browser.$('[data-testid="roster-row"][data-name="Lena Novak"]').click();
    await byId(browser, 'tab-portfolio').click();
    await byId(browser, 'portfolio-gallery').waitForDisplayed();
  }

  it('shows a person’s files as a gallery, with one added from the command line', async () => {
    // The demo workspace is made in the data folder on first launch; the command line adds to it.
    const ws = join(driver.home, 'data', 'Demo workspace');
    const id = execFileSync(cli, ['--workspace', ws, 'contractor', 'search', 'Novak']).toString().split('\t')[0];
    const sketch = join(driver.home, 'tram-stop-sketch.png');
    execFileSync('convert', ['-size', '1600x1000', 'gradient:#0f5e5c-#f4efe4', '-fill', '#e85d3a', '-draw', 'circle 800,500 800,260', sketch]);
    execFileSync(cli, ['--workspace', ws, 'evidence', 'add', '--contractor', id, sketch]);

    await openPortfolio();
    await tile('tram-stop-sketch.png').waitForDisplayed();
    await tile(POSTER).waitForDisplayed();
    await tile('Bakery brand guidelines').waitForDisplayed();
    assert.equal((await browser.$$('[data-testid="portfolio-tile"]')).length, 5, 'one tile per artifact, not per version');
    // The tile shows the newest version: v3, not reviewed yet (v2 had changes requested).
    await waitForText(tile(POSTER).$('[data-testid="portfolio-versions"]'), 'v3');
    await waitForText(tile(POSTER).$('[data-testid="portfolio-status"]'), 'Not reviewed');
    await waitForText(tile('Ferry tickets app onboarding').$('[data-testid="portfolio-status"]'), 'Approved');
    const thumb = tile('tram-stop-sketch.png').$('img');
    await browser.waitUntil(async () => (await thumb.getProperty('naturalWidth')) > 0, {
      timeout: 10_000,
      timeoutMsg: 'the thumbnail loads through the vault protocol'
    });
    await screenshot(browser, '30-portfolio-gallery');
  });

  it('opens the newest version, zooms it, and switches to v2 with its annotations and decision', async () => {
    await tile(POSTER).click();
    await byId(browser, 'portfolio-viewer').waitForDisplayed();
    await byId(browser, 'viewer-image').waitForDisplayed();
    await browser.waitUntil(async () => !(await version().getAttribute('disabled')), { timeoutMsg: 'the versions load' });
    assert.match(await version().$('option:checked').getText(), /^v3 of 3 · /);
    assert.deepEqual(
      (await version().$$('option').map((o) => o.getText())).map((t) => t.split(' · ')[0]),
      ['v1 of 3', 'v2 of 3', 'v3 of 3']
    );
    await byId(browser, 'annotation-empty').waitForDisplayed();
    await waitForText(byId(browser, 'decision-status'), 'Not reviewed');
    assert.equal(await byId(browser, 'viewer-older').isExisting(), false, 'the newest version needs no warning');

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

    await version().selectByIndex(1);
    await waitForText(byId(browser, 'viewer-older'), 'You are reviewing v2');
    // The header's change note is cut to one line: its whole text is in the element and its tooltip.
    await browser.waitUntil(
      async () => (await byId(browser, 'viewer-change-note').getAttribute('title')).startsWith('Larger headline band'),
      { timeoutMsg: 'v2’s change note shows' }
    );
    await countIs(items, 2, 'annotations on v2');
    const [band, disc] = await items();
    await waitForText(band, 'The band fights the headline');
    await waitForText(band, 'Product designer · Junior designer · Craft');
    await waitForText(disc, 'This disc sits on the festival date.');
    await countIs(() => markers('[data-testid="viewer-canvas"]'), 2, 'markers on v2');
    await waitForText(byId(browser, 'decision-status'), 'Changes requested');
    await waitForText(byId(browser, 'decision-current'), 'Changes requested by Ines Carvalho');
    await waitForText(byId(browser, 'decision-current'), 'Make the date readable from across the street');
    await byId(browser, 'viewer-image').waitForDisplayed();
    await screenshot(browser, '31-portfolio-viewer-v2');
  });

  it('compares v2 with v3, each with its own markers, zooming both together', async () => {
    await byId(browser, 'compare-toggle').click();
    await byId(browser, 'compare-view').waitForDisplayed();
    assert.match(await byId(browser, 'compare-left-version').$('option:checked').getText(), /^v2 /);
    assert.match(await byId(browser, 'compare-right-version').$('option:checked').getText(), /^v3 /);
    await waitForText(byId(browser, 'compare-right-note'), 'Moved the discs off the date');
    await countIs(() => markers('[data-testid="compare-left"]'), 2, 'v2 markers on the left');
    assert.equal((await markers('[data-testid="compare-right"]')).length, 0, 'v3 has no annotations yet');
    await byId(browser, 'zoom-in').click();
    await byId(browser, 'zoom-in').click();
    const arts = () => browser.$$('[data-testid="compare-view"] [data-testid="canvas-art"]');
    await countIs(arts, 2, 'sides');
    const [a, b] = await arts();
    assert.equal(await a.getAttribute('style'), await b.getAttribute('style'), 'one zoom and pan for both sides');
    await screenshot(browser, '32-portfolio-compare');
    await byId(browser, 'compare-toggle').click();
    await byId(browser, 'viewer-canvas').waitForDisplayed();
    await byId(browser, 'zoom-fit').click();
  });

  it('marks a region of v3 with a comment tied to a rubric cell', async () => {
    await byId(browser, 'viewer-newest').click();
    await byId(browser, 'viewer-older').waitForDisplayed({ reverse: true });
    assert.match(await version().$('option:checked').getText(), /^v3 of 3 · /);
    await byId(browser, 'annotation-empty').waitForDisplayed();
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
    await type(byId(browser, 'annotation-comment'), 'The date now leads from across the street');
    await byId(browser, 'annotation-cell').selectByVisibleText('Product designer · Designer · Craft');
    const author = byId(browser, 'annotation-author');
    await author.clearValue();
    await type(author, 'Ana Ruiz');
    await byId(browser, 'annotation-save').click();
    await countIs(items, 1, 'annotation on v3');
    const item = byId(browser, 'annotation-item');
    await waitForText(item, 'The date now leads from across the street');
    await waitForText(item, 'Product designer · Designer · Craft');
    await waitForText(item, 'Ana Ruiz');
    await browser.$('[data-testid="annotation-marker"][data-number="1"]').waitForDisplayed();
    await screenshot(browser, '33-portfolio-annotation');
  });

  it('asks for a reason to request changes, and approves v3 with one', async () => {
    await byId(browser, 'decision-changes').click();
    await byId(browser, 'decision-dialog').waitForDisplayed();
    await byId(browser, 'decision-save').click();
    await waitForText(byId(browser, 'decision-error'), 'Say what should change');
    await browser.keys('Escape');
    await byId(browser, 'decision-dialog').waitForDisplayed({ reverse: true });

    await byId(browser, 'decision-approve').click();
    await byId(browser, 'decision-dialog').waitForDisplayed();
    await waitForText(byId(browser, 'decision-dialog'), `Approve Lena Novak’s “${POSTER}” v3`);
    assert.equal(await byId(browser, 'decision-reviewer').getValue(), 'Ana Ruiz', 'the reviewer is remembered');
    await type(byId(browser, 'decision-reason'), 'The date reads first; meets the craft outcomes');
    await byId(browser, 'decision-save').click();
    await byId(browser, 'decision-dialog').waitForDisplayed({ reverse: true });
    await waitForText(byId(browser, 'decision-current'), 'Approved by Ana Ruiz');
    await waitForText(byId(browser, 'decision-current'), 'The date reads first; meets the craft outcomes');
    await screenshot(browser, '34-portfolio-decision');

    await byId(browser, 'viewer-back').click();
    await waitForText(tile(POSTER).$('[data-testid="portfolio-status"]'), 'Approved');
    await waitForText(tile(POSTER).$('[data-testid="portfolio-annotations"]'), '1');
  });

  it('pages through a PDF', async () => {
    await tile('Bakery brand guidelines').click();
    await byId(browser, 'portfolio-viewer').waitForDisplayed();
    await waitForText(byId(browser, 'pdf-page'), 'Page 1 of 3');
    const drawn = () => browser.$$('[data-testid="pdf-canvas"] canvas');
    await countIs(drawn, 1, 'page drawn by pdf.js');
    await byId(browser, 'pdf-next').click();
    await waitForText(byId(browser, 'pdf-page'), 'Page 2 of 3');
    await browser.$('[data-testid="pdf-canvas"] canvas[data-page="2"]').waitForExist({
      timeout: 15_000,
      timeoutMsg: 'pdf.js draws the second page'
    });
    await screenshot(browser, '35-portfolio-pdf');
    await browser.keys('Escape');
    await byId(browser, 'portfolio-gallery').waitForDisplayed();
  });

  it('finds the annotation and the approval after a restart, and v2 as it was', async () => {
    await browser.deleteSession();
    ({ browser } = await launch(driver, '[data-testid="home-page"]'));
    await openPortfolio();
    await waitForText(tile(POSTER).$('[data-testid="portfolio-status"]'), 'Approved');
    await tile(POSTER).click();
    await byId(browser, 'portfolio-viewer').waitForDisplayed();
    const item = byId(browser, 'annotation-item');
    await waitForText(item, 'The date now leads from across the street');
    await waitForText(item, 'Product designer · Designer · Craft');
    await waitForText(byId(browser, 'decision-current'), 'Approved by Ana Ruiz');
    // A click on the item brings its region to the middle of the canvas.
    await item.$('button').click();
    await browser.$('[data-testid="annotation-marker"][data-number="1"]').waitForDisplayed();
    await screenshot(browser, '36-portfolio-after-restart');

    // The older round keeps its own review: ] and [ step through the versions.
    await browser.keys('[');
    await waitForText(byId(browser, 'viewer-older'), 'You are reviewing v2');
    await countIs(items, 2, 'annotations on v2');
    await waitForText(byId(browser, 'decision-status'), 'Changes requested');
    await browser.keys(']');
    await byId(browser, 'viewer-older').waitForDisplayed({ reverse: true });
    await countIs(items, 1, 'annotation on v3');
  });
});
