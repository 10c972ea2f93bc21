// A new workspace from the first-launch screen, hostile text that must stay text, a read-only
// folder that must be refused with a reason, and the cost of one cell edit through the real IPC.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { answerNextDialogs, byId, launch, record, root, screenshot, startDriver } from '../app.mjs';

const hostile = '<img src=x onerror="document.title=\'owned\'"> <script>alert(1)</script> & Lead';

describe('workspaces and hostile input', () => {
  let driver;
  let browser;

  before(async () => {
    driver = await startDriver('safety');
    ({ browser } = await launch(driver));
  });
  after(async () => {
    await browser?.deleteSession().catch(() => {});
    driver?.stop();
  });

  it('creates a new, empty workspace and offers a first action', async () => {
    await byId(browser, 'welcome').waitForDisplayed();
    await answerNextDialogs(browser, join(driver.home, 'Acme workspace'));
    await byId(browser, 'new-workspace').click();
    await byId(browser, 'home-page').waitForDisplayed({ timeout: 15_000 });
    await byId(browser, 'home-start').waitForDisplayed();
    await byId(browser, 'home-go-ladders').click();
    await byId(browser, 'ladders-page').waitForDisplayed();
    await byId(browser, 'ladders-empty').waitForDisplayed();
    await byId(browser, 'new-from-template-technical').waitForDisplayed();
    await screenshot(browser, '12-empty-workspace');
  });

  it('shows a role name full of markup as plain text', async () => {
    const file = join(driver.home, 'hostile.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'guildbook-ladder',
        formatVersion: 1,
        role: { name: hostile, kind: 'other' },
        levels: [{ name: '<b>Bold</b>' }],
        domains: [{ name: 'Craft' }],
        cells: [{ domain: 'Craft', level: '<b>Bold</b>', outcomes: ['<i>not italic</i>'] }]
      })
    );
    await answerNextDialogs(browser, file);
    await byId(browser, 'import-ladder').click();
    await byId(browser, 'ladder-editor').waitForDisplayed({ timeout: 10_000 });
    const text = await byId(browser, 'ladder-editor').getText();
    assert.ok(text.includes('<script>alert(1)</script> & Lead'), 'the name reads as typed');
    assert.ok(text.includes('<i>not italic</i>'));
    assert.equal((await browser.$$('img[src="x"]')).length, 0, 'no element was injected');
    assert.notEqual(await browser.getTitle(), 'owned');
    await screenshot(browser, '13-hostile-text');
  });

  it('shows what the command line changed in the same workspace when the window comes back', async () => {
    await byId(browser, 'nav-ladders').click();
    await byId(browser, 'ladders-page').waitForDisplayed();
    const cli = join(root, 'target/debug/guildbook');
    const workspace = join(driver.home, 'Acme workspace');
    const file = join(driver.home, 'from-cli.json');
    execFileSync(cli, ['--workspace', workspace, 'ladder', 'export', hostile, '-o', file]);
    execFileSync(cli, ['--workspace', workspace, 'ladder', 'import', file, '--as', 'Added from the command line']);
    const row = browser.$('[data-testid="role-row"][data-role-name="Added from the command line"]');
    assert.equal(await row.isExisting(), false, 'the list shows what it loaded until the window comes back');
    await browser.execute(() => window.dispatchEvent(new Event('focus')));
    await row.waitForDisplayed();
  });

  it('serves vault files to the window by hash, and nothing else', async () => {
    const cli = join(root, 'target/debug/guildbook');
    const workspace = join(driver.home, 'Acme workspace');
    const people = join(driver.home, 'one.csv');
    writeFileSync(people, 'name,email\nVera Lind,vera@example.org\n');
    execFileSync(cli, ['--workspace', workspace, 'contractor', 'import', people]);
    const id = execFileSync(cli, ['--workspace', workspace, 'contractor', 'search', 'vera']).toString().split('\t')[0];
    // A real 1×1 PNG, and a file that only starts like one.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');
    const fake = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 7, 7, 7]);
    writeFileSync(join(driver.home, 'dot.png'), png);
    writeFileSync(join(driver.home, 'fake.png'), fake);
    const added = execFileSync(cli, ['--workspace', workspace, 'evidence', 'add', '--contractor', id, join(driver.home, 'dot.png'), join(driver.home, 'fake.png')]).toString().trim().split('\n');
    const [sha, fakeSha] = added.map((line) => line.split('\t')[1]);
    const fetchAll = (urls) =>
      browser.executeAsync((list, done) => {
        Promise.all(
          list.map((u) =>
            fetch(u)
              .then(async (r) => ({ status: r.status, type: r.headers.get('content-type'), bytes: [...new Uint8Array(await r.arrayBuffer())] }))
              .catch((e) => ({ error: String(e) }))
          )
        ).then(done);
      }, urls);
    const [ok, traversal, unknown, thumb, badThumb] = await fetchAll([
      `vault://localhost/${sha}`,
      'vault://localhost/..%2F..%2Fguildbook.db',
      `vault://localhost/${'0'.repeat(64)}`,
      `vault://localhost/${sha}?thumb`,
      `vault://localhost/${fakeSha}?thumb`
    ]);
    assert.equal(thumb.status, 200, JSON.stringify(thumb));
    assert.equal(thumb.type, 'image/png');
    assert.equal(badThumb.status, 422, 'a broken image gets a clear refusal, not a crash');
    assert.equal(ok.status, 200, JSON.stringify(ok));
    assert.equal(ok.type, 'image/png');
    assert.deepEqual(ok.bytes, [...png]);
    assert.equal(traversal.status, 400, JSON.stringify(traversal));
    assert.equal(unknown.status, 404, JSON.stringify(unknown));
  });

  it('refuses a read-only workspace folder with the reason', async () => {
    const folder = join(driver.home, 'locked');
    mkdirSync(folder);
    chmodSync(folder, 0o555);
    await answerNextDialogs(browser, folder);
    await byId(browser, 'workspace-switcher').click();
    await byId(browser, 'switch-new').click();
    const toast = browser.$('[data-testid="toast"][data-kind="error"]');
    await toast.waitForDisplayed({ timeout: 10_000 });
    assert.match(await toast.getText(), /read-only/);
    chmodSync(folder, 0o755);
  });

  it('commits a cell edit through the IPC quickly (measured)', async () => {
    const timings = await browser.executeAsync((done) => {
      const invoke = window.__TAURI_INTERNALS__.invoke;
      (async () => {
        const roles = await invoke('roles_list', { includeArchived: false });
        const ladder = await invoke('ladder_get', { roleId: roles[0].id });
        const { levels, domains } = ladder.content;
        const times = [];
        for (let i = 0; i < 60; i++) {
          const t = performance.now();
          await invoke('ladder_edit', {
            roleId: roles[0].id,
            edit: { op: 'setCell', levelKey: levels[0].key, domainKey: domains[0].key, outcomes: [`edit ${i}`], evidence: [] }
          });
          times.push(performance.now() - t);
        }
        done(times);
      })().catch((e) => done({ error: String(e?.message ?? e) }));
    });
    assert.ok(Array.isArray(timings), JSON.stringify(timings));
    const sorted = [...timings].sort((a, b) => a - b);
    const p = (q) => sorted[Math.round((sorted.length - 1) * q)].toFixed(2);
    record('cell-edit-ipc', `cell edit through IPC (${process.env.GUILDBOOK_APP?.includes('release') ? 'release' : 'debug'} build, ${sorted.length} edits): p50 ${p(0.5)} ms, p95 ${p(0.95)} ms`);
  });
});
