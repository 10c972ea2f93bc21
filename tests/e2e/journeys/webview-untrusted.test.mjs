// The webview is treated as a hostile browser tab: a script in it that calls file-taking commands
// with paths of its own choosing reads and writes nothing, and the window never navigates to a
// vault file (an SVG with a script in it would otherwise run as a page).
import assert from 'node:assert/strict';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { byId, openDemo, screenshot } from '../app.mjs';

/** Calls a command from the page as a script would; answers its error message, or null. */
async function invokeFromPage(browser, command, args) {
  return browser.executeAsync(
    (command, args, done) => {
      window.__TAURI_INTERNALS__.invoke(command, args).then(
        () => done(null),
        (e) => done(String(e?.message ?? JSON.stringify(e)))
      );
    },
    command,
    args
  );
}

describe('the webview is untrusted', () => {
  let driver;
  let browser;

  before(async () => {
    ({ driver, browser } = await openDemo('untrusted'));
  });
  after(async () => {
    await browser?.deleteSession().catch(() => {});
    driver?.stop();
  });

  it('refuses file-taking commands called with a path of the page’s choosing', async () => {
    const secret = join(driver.home, 'secret.txt');
    writeFileSync(secret, 'not for the vault ' + Date.now());
    const pwned = join(driver.home, 'pwned.json');
    const roster = await browser.executeAsync((done) => {
      window.__TAURI_INTERNALS__.invoke('roster_query', { query: {} }).then(done, () => done(null));
    });
    const contractorId = roster?.rows?.[0]?.id ?? 'unknown';
    const attempts = [
      ['ladder_import', { path: secret, picked: 'made-up-token', rename: null }],
      ['evidence_add_files', { contractorId, paths: [secret], picked: 'made-up-token', cell: null }],
      ['ladder_export', { roleId: 'x', path: pwned, picked: 'made-up-token' }],
      ['badge_verify', { path: secret, picked: 'made-up-token' }],
      ['workspace_open', { path: driver.home, picked: 'made-up-token' }]
    ];
    for (const [command, args] of attempts) {
      const error = await invokeFromPage(browser, command, args);
      assert.ok(error, `${command} was refused`);
      assert.match(error, /Choose the file again/, `${command}: ${error}`);
    }
    assert.equal(existsSync(pwned), false, 'nothing was written where the page asked');
    // The profile of that person shows no new evidence named like the secret.
    const evidence = await browser.executeAsync((id, done) => {
      window.__TAURI_INTERNALS__.invoke('evidence_list', { contractorId: id }).then(done, () => done([]));
    }, contractorId);
    assert.ok(!evidence.some((e) => e.file?.name === 'secret.txt'), 'the secret is not in the vault');
    // A test-only command is there in this build, but a plugin's file access is not.
    const fsRead = await invokeFromPage(browser, 'plugin:fs|read_file', { path: secret });
    assert.ok(fsRead, 'no filesystem plugin is reachable');
  });

  it('never navigates the window to a vault file', async () => {
    await browser.execute(() => {
      window.__marker = 1;
    });
    for (const url of [`vault://localhost/${'a'.repeat(64)}`, `http://vault.localhost/${'a'.repeat(64)}`, 'https://example.com/']) {
      await browser.execute((u) => {
        window.location.href = u;
      }, url);
      await browser.pause(1000);
      const still = await browser.execute(() => ({ marker: window.__marker, protocol: location.protocol }));
      assert.equal(still.marker, 1, `the page stayed (after ${url})`);
      assert.notEqual(still.protocol, 'vault:');
    }
    await byId(browser, 'home-page').waitForDisplayed({ timeout: 5000 });
    await screenshot(browser, '110-webview-untrusted');
  });
});
