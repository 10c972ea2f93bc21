// Drives the real Guildbook window: tauri-driver (WebDriver) → WebKitWebDriver → the built app.
// One tauri-driver per test file; each `launch()` starts the app afresh with the same settings
// folder, so a relaunch is a real restart that must find everything persisted.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { remote } from 'webdriverio';

export const root = resolve(import.meta.dirname, '../..');
export const outputDir = join(root, 'test-output');
const app = process.env.GUILDBOOK_APP ?? join(root, 'target/debug/guildbook-app');

let port = 4444 + (process.pid % 500);
/** Where the test build reads the answers of its next dialogs (one driver per test file). */
let dialogAnswers = null;

/** Starts tauri-driver with a clean settings and data folder for this test file. */
export async function startDriver(name) {
  const home = mkdtempSync(join(tmpdir(), `guildbook-e2e-${name}-`));
  dialogAnswers = join(home, 'dialog-answers.json');
  writeFileSync(dialogAnswers, '[]');
  const env = {
    ...process.env,
    GUILDBOOK_CONFIG_DIR: join(home, 'config'),
    GUILDBOOK_DATA_DIR: join(home, 'data'),
    GUILDBOOK_E2E_DIALOGS: dialogAnswers
  };
  delete env.GUILDBOOK_WORKSPACE;
  // Skip ports something already listens on (a driver another run left behind, say).
  do port += 2;
  while ((await listening(port)) || (await listening(port + 1)));
  // Its own process group: stopping it also ends WebKitWebDriver and any app a session left
  // running, which would otherwise hold the test runner's output open and keep it waiting.
  const driver = spawn('tauri-driver', ['--port', String(port), '--native-port', String(port + 1)], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true
  });
  await waitForPort(port);
  const stop = () => {
    try {
      process.kill(-driver.pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  };
  return { home, driver, port, stop };
}

async function listening(p) {
  try {
    await fetch(`http://127.0.0.1:${p}/status`, { signal: AbortSignal.timeout(500) });
    return true;
  } catch {
    return false;
  }
}

async function waitForPort(p) {
  for (let i = 0; i < 100; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${p}/status`);
      if (res.ok || res.status) return;
    } catch {
      await sleep(100);
    }
  }
  throw new Error(`tauri-driver did not listen on ${p}`);
}

/** Opens the app; returns the WebDriver session and how long until `readySelector` showed. */
export async function launch(driver, readySelector = '[data-testid="welcome"], [data-testid="home-page"]') {
  const started = performance.now();
  const browser = await remote({
    hostname: '127.0.0.1',
    port: driver.port,
    logLevel: 'error',
    capabilities: { 'tauri:options': { application: app } }
  });
  await browser.$(readySelector).waitForDisplayed({ timeout: 30_000 });
  return { browser, readyMs: Math.round(performance.now() - started) };
}

export const byId = (browser, id) => browser.$(`[data-testid="${id}"]`);

/** Types text one key at a time: WebKitWebDriver drops spaces from whole strings. */
export async function type(el, text) {
  for (const ch of text) await el.addValue(ch);
}

/** A fresh app (own settings folder) opened on the demo workspace from the first-launch screen (on Home). */
export async function openDemo(name) {
  const driver = await startDriver(name);
  const { browser } = await launch(driver);
  await byId(browser, 'open-demo').click();
  await byId(browser, 'home-page').waitForDisplayed({ timeout: 15_000 });
  return { driver, browser };
}

/**
 * Saves a screenshot into test-output/. Under X it grabs the screen as a person sees it: WebDriver's
 * own screenshot leaves out modal dialogs (the browser's top layer) and the native menu bar.
 */
export async function screenshot(browser, name) {
  mkdirSync(outputDir, { recursive: true });
  const file = join(outputDir, `${name}.png`);
  await browser.pause(500); // let the last change reach the screen (WebKit paints asynchronously)
  try {
    execFileSync('import', ['-window', 'root', file], { stdio: 'ignore' });
  } catch {
    await browser.saveScreenshot(file);
  }
}

export function record(name, line) {
  mkdirSync(outputDir, { recursive: true });
  writeFileSync(join(outputDir, `${name}.txt`), line + '\n');
}

/**
 * Native dialogs can't be driven: queue what the next dialogs "return" — a path, a list of paths,
 * or null for "cancelled". The test build of the app (feature `e2e`) opens no dialog and takes
 * the answers from this file instead; the page never sees a path either way.
 */
export async function answerNextDialogs(_browser, ...answers) {
  writeFileSync(dialogAnswers, JSON.stringify(answers));
}

/**
 * Native drag and drop can't be driven either: the test build drops the next queued answer on the
 * window at the middle of `selector`, through the same Rust handler a real drop goes through.
 */
export async function dropFiles(browser, selector, paths) {
  await answerNextDialogs(browser, paths);
  const error = await browser.executeAsync((selector, done) => {
    const box = document.querySelector(selector).getBoundingClientRect();
    const s = window.devicePixelRatio || 1;
    const at = { x: (box.left + box.width / 2) * s, y: (box.top + box.height / 2) * s };
    window.__TAURI_INTERNALS__.invoke('e2e_drop', at).then(
      () => done(null),
      (e) => done(String(e?.message ?? JSON.stringify(e)))
    );
  }, selector);
  if (error) throw new Error(`the drop failed: ${error}`);
}

export async function waitForText(el, text, timeout = 10_000) {
  await el.waitUntil(async () => (await el.getText()).includes(text), {
    timeout,
    timeoutMsg: `expected "${text}"`
  });
}
