// The contractor roster as HR uses it: find a person, import a CSV with one bad row (seen, then
// skipped on purpose), add an engagement whose rate is outside the band, restart and find it all.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { answerNextDialogs, byId, launch, openDemo, screenshot, waitForText } from '../app.mjs';

describe('contractor roster', () => {
  let driver;
  let browser;

  const openProfile = async (name) => {
    await byId(browser, 'nav-contractors').click();
    await byId(browser, 'contractors-page').waitForDisplayed();
    const search = byId(browser, 'roster-search');
    await search.clearValue();
    await search.setValue(name);
    const row = browser.$(`[data-testid="roster-row"][data-name="${name}"]`);
    await row.waitForDisplayed();
    await row.click();
    await waitForText(byId(browser, 'profile-name'), name);
  };

  before(async () => {
    ({ driver, browser } = await openDemo('roster'));
  });
  after(async () => {
    await browser?.deleteSession().catch(() => {});
    driver?.stop();
  });

  it('lists the demo roster and finds a person by part of a word', async () => {
    await byId(browser, 'nav-contractors').click();
    const page = byId(browser, 'contractors-page');
    await page.waitForDisplayed();
    await waitForText(page, '48 contractors');
    await screenshot(browser, '20-roster');
    await byId(browser, 'roster-search').setValue('ljubl');
    await browser.$('[data-testid="roster-row"][data-name="Lena Novak"]').waitForDisplayed();
    await browser.waitUntil(async () => (await browser.$$('[data-testid="roster-row"]')).length === 1, {
      timeoutMsg: 'only Lena lives in Ljubljana'
    });
  });

  it('imports a CSV, showing the bad row and skipping it only when asked', async () => {
    const csv = join(driver.home, 'new-people.csv');
    writeFileSync(
      csv,
      'name,email,role,level,tags\n' +
        'Rafael Costa,rafael@example.org,Backend engineer,Engineer,api\n' +
        'Broken Row,not-an-email,,,\n' +
        'Sofia Marin,sofia@example.org,Product designer,Designer,brand\n'
    );
    await answerNextDialogs(browser, csv);
    await byId(browser, 'import-csv').click();
    const preview = byId(browser, 'csv-preview');
    await preview.waitForDisplayed();
    const errors = await browser.$$('[data-testid="csv-error"]');
    assert.equal(errors.length, 1);
    assert.match(await errors[0].getText(), /3.*not an email address/i);
    await screenshot(browser, '21-csv-preview');
    const confirm = byId(browser, 'csv-import-confirm');
    assert.match(await confirm.getText(), /Skip 1/);
    await confirm.click();
    await preview.waitForDisplayed({ reverse: true });
    await waitForText(byId(browser, 'contractors-page'), '50 contractors');
  });

  it('flags an engagement whose rate is outside the pay band of the level', async () => {
    await openProfile('Lena Novak');
    await byId(browser, 'tab-engagements').click();
    await byId(browser, 'add-engagement').click();
    await byId(browser, 'engagement-client').setValue('Quarry Media');
    await byId(browser, 'engagement-start').setValue('2027-01-04');
    await byId(browser, 'engagement-end').setValue('2027-06-30');
    await byId(browser, 'engagement-rate').setValue('150.00');
    await byId(browser, 'engagement-save').click();
    const row = browser.$('[data-testid="engagement-row"]*=Quarry Media');
    await row.waitForDisplayed();
    await waitForText(byId(browser, 'contractor-profile'), 'above the');
    await screenshot(browser, '22-profile-rate-flag');
  });

  it('finds the imported people and the new engagement after a restart', async () => {
    await browser.deleteSession();
    ({ browser } = await launch(driver, '[data-testid="home-page"]'));
    await openProfile('Sofia Marin');
    await waitForText(byId(browser, 'contractor-profile'), 'Designer');
    await openProfile('Lena Novak');
    await byId(browser, 'tab-engagements').click();
    await browser.$('[data-testid="engagement-row"]*=Quarry Media').waitForDisplayed();
  });
});
