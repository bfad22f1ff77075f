import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { type Chromium, chromiumMissing, chromiumPresent, launchChromium } from 'test-chromium';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const out = join(root, 'out');
const site = join(out, 'e2e-site');

if (!chromiumPresent) console.log(chromiumMissing('playground browser test'));

describe.skipIf(!chromiumPresent)('the playground in headless Chromium', () => {
  let server: PreviewServer;
  let context: BrowserContext;
  let browser: Chromium | undefined;

  beforeAll(async () => {
    await build({ root, logLevel: 'warn', build: { outDir: site, emptyOutDir: true } });
    server = await preview({
      root,
      logLevel: 'warn',
      build: { outDir: site },
      preview: { port: 0, strictPort: false, host: '127.0.0.1' },
    });
    browser = await launchChromium({ viewport: { width: 1400, height: 1000 } });
    context = browser.context;
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('trains on the spiral in a worker, past 0.8 accuracy, and draws every plot', async () => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(server.resolvedUrls!.local[0]!);
    expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);

    await page.selectOption('select[name=dataset]', 'spiral');
    await page.click('#train');
    // Live updates while training: the curves appear before the run ends.
    await page.waitForSelector('#curves svg.main-svg', { timeout: 20_000 });
    await page.waitForSelector('body[data-state=done]', { timeout: 60_000 });

    const accuracy = Number(await page.textContent('#accuracy'));
    expect(accuracy).toBeGreaterThan(0.8);
    // The worker trains on the WebAssembly backend, threaded in the isolated page (one
    // thread per core the browser reports).
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    const threads = Math.max(1, cores);
    expect(await page.textContent('#backend')).toBe(
      `wasm (${threads} thread${threads === 1 ? '' : 's'})`,
    );
    for (const id of ['curves', 'boundary', 'network', 'confusion']) {
      const drawn = await page.locator(`#${id} svg.main-svg, #${id} canvas`).count();
      expect(drawn, `#${id} holds a rendered plot`).toBeGreaterThan(0);
    }
    // The boundary's heatmap is drawn as an image inside the SVG.
    expect(await page.locator('#boundary .heatmaplayer image').count()).toBe(1);
    expect(await page.locator('#metrics tr').count()).toBeGreaterThan(3);
    expect(errors).toEqual([]);

    await mkdir(out, { recursive: true });
    await page.screenshot({ path: join(out, 'playground.png'), fullPage: true });
  });

  it('pauses, resumes, stops and resets a run', async () => {
    const page = await context.newPage();
    await page.goto(server.resolvedUrls!.local[0]!);
    await page.fill('input[name=epochs]', '100000');
    await page.click('#train');
    const epoch = async () => Number(await page.textContent('#epoch'));
    await page.waitForFunction(() => Number(document.getElementById('epoch')!.textContent) > 5);

    await page.click('#pause');
    await page.waitForSelector('body[data-state=paused]');
    await page.waitForTimeout(300); // the epoch in flight reports
    const paused = await epoch();
    await page.waitForTimeout(500);
    expect(await epoch()).toBe(paused);

    await page.click('#pause'); // now labelled Resume
    await page.waitForFunction(
      (n) => Number(document.getElementById('epoch')!.textContent) > n,
      paused,
    );
    await page.click('#stop');
    await page.waitForSelector('body[data-state=done]');
    expect(await epoch()).toBeLessThan(100000);
    expect(await page.locator('#network svg.main-svg').count()).toBeGreaterThan(0);

    await page.click('#reset');
    expect(await page.locator('body[data-state=idle]').count()).toBe(1);
    expect(await page.locator('#network svg.main-svg').count()).toBe(0);
    expect(await page.textContent('#accuracy')).toBe('–');
  });
});
