// The career-ladder editor as a person uses it, in the real window: open the demo, create a role
// from the creative template, rename a level, edit a cell with the keyboard only, undo and redo,
// publish, restart and find it all, then import a malformed file and read the error.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { answerNextDialogs, byId, launch, record, screenshot, startDriver, waitForText } from '../app.mjs';

const cell = (browser, level, domain) =>
  browser.$(`[data-testid="cell"][data-level="${level}"][data-domain="${domain}"]`);

describe('career-ladder editor', () => {
  let driver;
  let browser;

  before(async () => {
    driver = await startDriver('ladder');
  });
  after(async () => {
    await browser?.deleteSession().catch(() => {});
    driver?.stop();
  });

  it('opens the demo workspace from the first-launch screen', async () => {
    const session = await launch(driver);
    browser = session.browser;
    record('startup-first-launch', `first launch to interactive welcome screen: ${session.readyMs} ms`);
    await byId(browser, 'welcome').waitForDisplayed();
    await screenshot(browser, '01-welcome');
    await byId(browser, 'open-demo').click();
    await byId(browser, 'home-page').waitForDisplayed({ timeout: 15_000 });
    await byId(browser, 'nav-ladders').click();
    await byId(browser, 'ladders-page').waitForDisplayed();
    await waitForText(byId(browser, 'workspace-name'), 'Northwind Studio');
    const rows = await browser.$$('[data-testid="role-row"]');
    assert.equal(rows.length, 3, 'three active roles in the demo');
    await screenshot(browser, '02-demo-ladders');
  });

  it('creates a role from the creative template', async () => {
    await byId(browser, 'new-role').click();
    await byId(browser, 'role-name-input').setValue('Brand designer');
    await byId(browser, 'new-from-template-creative').click();
    await byId(browser, 'create-role-confirm').click();
    await byId(browser, 'ladder-editor').waitForDisplayed();
    await waitForText(byId(browser, 'version-badge'), 'Draft');
    const cells = await browser.$$('[data-testid="cell"]');
    assert.equal(cells.length, 9, 'three domains × three levels');
    await cell(browser, 'Designer', 'Craft').waitForDisplayed();
    await screenshot(browser, '03-new-role-from-template');
  });

  it('renames a level', async () => {
    await browser.$('[data-testid="rename-level"][data-level="Junior designer"]').click();
    const input = byId(browser, 'header-name-input');
    await input.waitForDisplayed();
    await input.clearValue();
    await input.setValue('Associate designer');
    await browser.keys('Enter');
    await browser.$('[data-testid="level-header"][data-level="Associate designer"]').waitForDisplayed();
    assert.equal(await browser.$('[data-testid="level-header"][data-level="Junior designer"]').isExisting(), false);
  });

  it("edits a cell's outcomes and an evidence requirement with the keyboard only", async () => {
    // Focus the grid's first cell, then only keys.
    await cell(browser, 'Associate designer', 'Craft').click();
    await browser.keys(['ArrowRight', 'ArrowDown']); // Designer × Client interaction
    const focused = await browser.execute(() => document.activeElement?.getAttribute('data-level') + '|' + document.activeElement?.getAttribute('data-domain'));
    assert.equal(focused, 'Designer|Client interaction');
    await browser.keys('Enter');
    const outcomes = byId(browser, 'outcomes-input');
    await outcomes.waitForDisplayed();
    assert.equal(await browser.execute(() => document.activeElement?.getAttribute('data-testid')), 'outcomes-input');
    // The caret starts after the last outcome; Return adds a line for a new one.
    await browser.keys('Enter');
    // One key at a time: WebKitWebDriver drops a Space pressed while another is still held.
    for (const ch of 'Leads a workshop that ends with a signed-off brief') await browser.keys(ch);
    await browser.keys('Tab'); // to the first evidence requirement's kind
    await browser.keys('Tab'); // its count
    assert.equal(await browser.execute(() => document.activeElement?.getAttribute('data-testid')), 'evidence-count');
    await browser.keys(['Control', 'a']);
    await browser.keys('3');
    await browser.keys('Escape'); // leave editing: commits, focus back on the cell
    const edited = cell(browser, 'Designer', 'Client interaction');
    await waitForText(edited, 'signed-off brief');
    await waitForText(edited, '3× client feedback');
    assert.equal(await browser.execute(() => document.activeElement?.getAttribute('data-testid')), 'cell');
    await screenshot(browser, '04-cell-edited-by-keyboard');
  });

  it('undoes and redoes the edits', async () => {
    const edited = cell(browser, 'Designer', 'Client interaction');
    await browser.keys(['Control', 'z']);
    await edited.waitUntil(async () => !(await edited.getText()).includes('signed-off brief'), { timeout: 5000 });
    await browser.keys(['Control', 'z']);
    await browser.$('[data-testid="level-header"][data-level="Junior designer"]').waitForDisplayed();
    await browser.keys(['Control', 'Shift', 'z']);
    await browser.$('[data-testid="level-header"][data-level="Associate designer"]').waitForDisplayed();
    await browser.keys(['Control', 'Shift', 'z']);
    await waitForText(cell(browser, 'Designer', 'Client interaction'), 'signed-off brief');
  });

  it('publishes the ladder', async () => {
    await byId(browser, 'publish').click();
    await waitForText(byId(browser, 'version-badge'), 'Published v1');
    await screenshot(browser, '05-published');
  });

  it('finds everything after a restart', async () => {
    await browser.deleteSession();
    const session = await launch(driver, '[data-testid="home-page"]');
    browser = session.browser;
    record('startup-reopen', `relaunch to interactive Home (last workspace reopened): ${session.readyMs} ms`);
    await byId(browser, 'nav-ladders').click();
    const clicked = performance.now();
    await browser.$('[data-testid="role-row"][data-role-name="Brand designer"]').click();
    await byId(browser, 'ladder-grid').waitForDisplayed();
    record('open-ladder', `ladders list to interactive grid: ${Math.round(performance.now() - clicked)} ms (WebDriver round trips included)`);
    await waitForText(byId(browser, 'version-badge'), 'Published v1');
    await browser.$('[data-testid="level-header"][data-level="Associate designer"]').waitForDisplayed();
    const edited = cell(browser, 'Designer', 'Client interaction');
    await waitForText(edited, 'signed-off brief');
    await waitForText(edited, '3× client feedback');
    await screenshot(browser, '06-after-restart');
  });

  it('imports a malformed ladder file and shows what is wrong', async () => {
    await byId(browser, 'nav-ladders').click();
    await byId(browser, 'ladders-page').waitForDisplayed();
    const bad = join(driver.home, 'broken-ladder.json');
    writeFileSync(bad, '{ "format": "guildbook-ladder", "formatVersion": 1,\n  "role": { "name": "Half a role", "kind": "creative" },\n  "levels": [ { "name": 7 } ] }');
    await answerNextDialogs(browser, bad);
    await byId(browser, 'import-ladder').click();
    const toast = browser.$('[data-testid="toast"][data-kind="error"]');
    await toast.waitForDisplayed({ timeout: 10_000 });
    const text = await toast.getText();
    assert.match(text, /broken-ladder\.json/);
    assert.match(text, /levels\[0\]\.name/);
    assert.match(text, /Nothing was imported/);
    const rows = await browser.$$('[data-testid="role-row"]');
    assert.equal(rows.length, 4, 'no role was added');
    await screenshot(browser, '07-import-error');
    await toast.$('[data-testid="toast-dismiss"]').click();
    await toast.waitForDisplayed({ reverse: true });
  });

  it('compares two versions cell by cell in History', async () => {
    await browser.$('[data-testid="role-row"][data-role-name="Backend engineer"]').click();
    await byId(browser, 'ladder-editor').waitForDisplayed();
    await waitForText(byId(browser, 'version-badge'), 'based on v2');
    await screenshot(browser, '08-demo-ladder-editor');
    await byId(browser, 'history').click();
    await byId(browser, 'history-panel').waitForDisplayed();
    const versions = await browser.$$('[data-testid="version-item"]');
    assert.equal(versions.length, 3, 'the draft, v2 and v1');
    await byId(browser, 'compare-versions').click();
    const diff = byId(browser, 'diff-view');
    await diff.waitForDisplayed();
    await waitForText(diff, 'Technical lead');
    await waitForText(diff, 'Principal');
    await screenshot(browser, '09-history-diff');
  });

  it('asks before removing a level with content, and Undo brings it back', async () => {
    await browser.keys('Escape'); // close the changes dialog
    await byId(browser, 'diff-view').waitForDisplayed({ reverse: true });
    await browser.$('[data-testid="remove-level"][data-level="Engineer"]').click();
    const confirm = byId(browser, 'confirm-dialog');
    await confirm.waitForDisplayed();
    assert.match(await byId(browser, 'confirm-message').getText(), /Removing level 'Engineer' deletes 4 cells with content/);
    await screenshot(browser, '10-confirm-remove-level');
    await byId(browser, 'confirm-ok').click();
    const header = browser.$('[data-testid="level-header"][data-level="Engineer"]');
    await header.waitForDisplayed({ reverse: true });
    await byId(browser, 'toast-undo').click();
    await header.waitForDisplayed();
    await waitForText(cell(browser, 'Engineer', 'Core skill'), 'Designs and builds a feature');
  });

  it('jumps to any role with Ctrl+K', async () => {
    await browser.keys(['Control', 'k']);
    const input = byId(browser, 'quick-jump-input');
    await input.waitForDisplayed();
    for (const ch of 'deliv') await browser.keys(ch);
    const items = await browser.$$('[data-testid="quick-jump-item"]');
    assert.equal(await items[0].getAttribute('data-role-name'), 'Delivery lead');
    await screenshot(browser, '11-quick-jump');
    await browser.keys('Enter');
    await byId(browser, 'quick-jump').waitForDisplayed({ reverse: true });
    await waitForText(byId(browser, 'role-name'), 'Delivery lead');
  });

  it("sets the role's progression rule, and finds it kept", async () => {
    // Delivery lead (open from the step before) has two domains.
    const openRule = async () => {
      await byId(browser, 'more-actions').click();
      await byId(browser, 'progression-rule').click();
      await byId(browser, 'rule-min-domains').waitForDisplayed();
    };
    await openRule();
    await waitForText(byId(browser, 'rule-summary'), 'every domain of the target level');
    await byId(browser, 'rule-scope-some').click();
    const min = byId(browser, 'rule-min-domains');
    await min.setValue('3');
    await byId(browser, 'rule-save').click();
    await waitForText(byId(browser, 'rule-error'), 'The rule must ask for 1 to 2 domains');
    await min.setValue('2');
    await byId(browser, 'rule-lead-days').setValue('45');
    await byId(browser, 'rule-save').click();
    await byId(browser, 'progression-rule-dialog').waitForDisplayed({ reverse: true });
    await waitForText(browser.$('[data-testid="toast"][data-kind="success"]'), 'Progression rule saved');

    await openRule();
    assert.equal(await byId(browser, 'rule-scope-some').isSelected(), true);
    assert.equal(await byId(browser, 'rule-min-domains').getValue(), '2');
    assert.equal(await byId(browser, 'rule-lead-days').getValue(), '45');
    await screenshot(browser, '13-progression-rule');
    await browser.keys('Escape');
    await byId(browser, 'progression-rule-dialog').waitForDisplayed({ reverse: true });
  });
});
