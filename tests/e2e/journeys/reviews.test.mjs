// Renewal reviews as a lead meets them: Home lists today's work with its counts, the Reviews screen
// filters the queue by role, an overdue review is started with the lead assessor, and after a
// restart the review still shows its assessment.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { byId, launch, openDemo, screenshot, waitForText } from '../app.mjs';

const reviewRow = (browser, name) => browser.$(`[data-testid="review-row"][data-contractor="${name}"]`);

describe('renewal reviews', () => {
  let driver;
  let browser;
  /** The overdue review started in this journey (the first one not started yet). */
  let started;

  before(async () => {
    ({ driver, browser } = await openDemo('reviews'));
  });
  after(async () => {
    await browser?.deleteSession().catch(() => {});
    driver?.stop();
  });

  it("opens on Home with today's counts and the overdue reviews", async () => {
    const counts = byId(browser, 'home-counts');
    await counts.waitForDisplayed();
    const text = await counts.getText();
    assert.match(text, /^\d+ overdue/, 'the overdue count comes first');
    assert.match(text, /1 waiting for signature/, "Rosa Mendes's submitted assessment waits for a signature");
    const lines = await browser.$$('[data-testid="home-review"]');
    assert.ok(lines.length > 0 && lines.length <= 8, 'at most eight reviews on Home');
    await waitForText(lines[0], 'overdue');
    await browser.$('[data-testid="home-signature"][data-contractor="Rosa Mendes"]').waitForDisplayed();
    await screenshot(browser, '50-home');
  });

  it('filters the review queue by role', async () => {
    await byId(browser, 'nav-reviews').click();
    await byId(browser, 'reviews-page').waitForDisplayed();
    await reviewRow(browser, 'Ximena Castro').waitForDisplayed(); // a Delivery lead
    const all = (await browser.$$('[data-testid="review-row"]')).length;
    await byId(browser, 'reviews-filter-role').selectByVisibleText('Product designer');
    await reviewRow(browser, 'Ximena Castro').waitForDisplayed({ reverse: true });
    const rows = await browser.$$('[data-testid="review-row"]');
    assert.ok(rows.length > 0 && rows.length < all, 'fewer reviews, but some');
    for (const row of rows) assert.match(await row.getText(), /Product designer/);
    await waitForText(byId(browser, 'reviews-count'), `${rows.length} review`);
    await screenshot(browser, '51-reviews-by-role');
  });

  it('starts an overdue review with the lead assessor and opens it', async () => {
    const overdue = await browser.$$('[data-testid="review-row"][data-bucket="overdue"]');
    for (const row of overdue) {
      if (await row.$('[data-testid="review-start"]').isExisting()) {
        started = await row.getAttribute('data-contractor');
        break;
      }
    }
    assert.ok(started, 'an overdue review not started yet');
    await reviewRow(browser, started).$('[data-testid="review-start"]').click();
    await byId(browser, 'start-review-dialog').waitForDisplayed();
    await byId(browser, 'assessment-assessor').selectByVisibleText('Ines Carvalho');
    await screenshot(browser, '52-start-review');
    await byId(browser, 'start-review-confirm').click();
    await byId(browser, 'start-review-dialog').waitForDisplayed({ reverse: true });
    await waitForText(byId(browser, 'profile-name'), started);
  });

  it('shows the started assessment on its row', async () => {
    await byId(browser, 'nav-reviews').click();
    const row = reviewRow(browser, started);
    await row.$('[data-testid="review-open"]').waitForDisplayed();
    assert.equal(await row.$('[data-testid="review-start"]').isExisting(), false);
    await waitForText(row.$('[data-testid="review-status"]'), 'Planned');
    await waitForText(row.$('[data-testid="review-assessor"]'), 'Ines Carvalho');
    await screenshot(browser, '53-review-started');
  });

  it('still shows it started after a restart', async () => {
    await browser.deleteSession();
    ({ browser } = await launch(driver, '[data-testid="home-page"]'));
    const line = browser.$(`[data-testid="home-review"][data-contractor="${started}"]`);
    await line.$('[data-testid="review-open"]').waitForDisplayed();
    await byId(browser, 'nav-reviews').click();
    const row = reviewRow(browser, started);
    await row.$('[data-testid="review-open"]').waitForDisplayed();
    await waitForText(row.$('[data-testid="review-assessor"]'), 'Ines Carvalho');
    await screenshot(browser, '54-reviews-after-restart');
  });
});
