import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { type Chromium, chromiumMissing, chromiumPresent, launchChromium } from 'test-chromium';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type StaticSite, serveStatic } from './static-server.js';

const root = join(import.meta.dirname, '..');
const dist = join(root, 'out', 'hosting-site');
/** Not the root: the built site must work from wherever it is put. */
const PREFIX = '/some/sub/path/';

if (!chromiumPresent) console.log(chromiumMissing('hosting browser test'));

describe.skipIf(!chromiumPresent)('the built demo on a plain static host, in a sub-path', () => {
  let browser: Chromium | undefined;

  beforeAll(async () => {
    // The production build as `pnpm --filter demo build` makes it, into a folder of its own.
    await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
    browser = await launchChromium({ viewport: { width: 1280, height: 900 } });
  });

  afterAll(async () => {
    await browser?.close();
  });

  describe.each([
    { isolated: true, host: 'that sends COOP/COEP' },
    { isolated: false, host: 'that sends no COOP/COEP' },
  ])('a host $host', ({ isolated }) => {
    let site: StaticSite;
    let page: Page;
    const errors: string[] = [];
    /** Responses of 400 and above and requests that failed, as the browser saw them. */
    const failed: string[] = [];

    beforeAll(async () => {
      site = await serveStatic(dist, { prefix: PREFIX, isolated });
      page = await browser!.context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('response', (r) => {
        if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
      });
      // A request the page blocked (COEP) fails without a status. The wasm backend's thread
      // workers load from blob: URLs, never from the host: one still loading when the page
      // navigates away is aborted, which says nothing about the host.
      page.on('requestfailed', (r) => {
        if (!r.url().startsWith('blob:')) failed.push(`${r.failure()?.errorText} ${r.url()}`);
      });
    });

    afterAll(async () => {
      await page?.close();
      await site?.close();
    });

    it(`trains on the WebAssembly backend, ${isolated ? 'threaded' : 'on one thread'}, and says so`, async () => {
      await page.goto(site.url);
      expect(await page.evaluate(() => crossOriginIsolated)).toBe(isolated);
      const threads = isolated ? await page.evaluate(() => navigator.hardwareConcurrency) : 1;
      const plural = threads === 1 ? '' : 's';
      expect(await page.textContent('#isolation')).toMatch(
        isolated
          ? `Cross-origin isolated: training can use ${threads} thread${plural}.`
          : /^Not cross-origin isolated .*: training uses 1 thread\.$/,
      );

      await page.fill('input[name=epochs]', '20');
      await page.click('#train');
      await page.waitForSelector('body[data-state=done]', { timeout: 30_000 });
      expect(await page.textContent('#backend')).toBe(`wasm (${threads} thread${plural})`);
      expect(Number(await page.textContent('#epoch'))).toBe(20);
    });

    it('opens the digit pad by its relative link and loads the shipped model', async () => {
      await page.click('a[href="./digits.html"]');
      await page.waitForSelector('body[data-state=ready]', { timeout: 20_000 });
      expect(page.url()).toBe(`${site.url}digits.html`);
      expect(await page.textContent('#backend')).toBe('wasm');
    });

    it('has a favicon, and no request for anything the site lacks', async () => {
      const icon = await page.getAttribute('link[rel=icon]', 'href');
      const status = await page.evaluate(async (href) => (await fetch(href!)).status, icon);
      expect(status).toBe(200);
      expect(failed).toEqual([]);
      expect(site.requests.filter((r) => !r.startsWith('200 '))).toEqual([]);
      // Everything came from under the sub-path: the page, its scripts, styles, worker, model.
      expect(site.requests.every((r) => r.startsWith(`200 ${PREFIX}`))).toBe(true);
      expect(site.requests.some((r) => r.endsWith('.neunet'))).toBe(true);
      expect(site.requests.some((r) => /train-worker-.*\.js$/.test(r))).toBe(true);
      expect(errors).toEqual([]);
    });
  });
});
