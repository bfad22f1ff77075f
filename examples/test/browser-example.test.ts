import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { type Chromium, chromiumMissing, chromiumPresent, launchChromium } from 'test-chromium';
import { build, type PreviewServer, preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', 'browser');
const site = join(import.meta.dirname, '..', 'out', 'browser');

if (!chromiumPresent) console.log(chromiumMissing('browser example test'));

describe.skipIf(!chromiumPresent)(
  'the browser example, built by Vite, in headless Chromium',
  () => {
    let server: PreviewServer;
    let context: BrowserContext;
    let browser: Chromium | undefined;

    beforeAll(async () => {
      // The page imports the built packages, as an application outside the monorepo would.
      await build({ root, logLevel: 'warn', build: { outDir: site, emptyOutDir: true } });
      server = await preview({
        root,
        logLevel: 'warn',
        build: { outDir: site },
        preview: { port: 0, strictPort: false, host: '127.0.0.1' },
      });
      browser = await launchChromium();
      context = browser.context;
    });

    afterAll(async () => {
      await browser?.close();
      await server?.close();
    });

    // Served as Vite serves by default: not cross-origin isolated, so no SharedArrayBuffer;
    // the wasm backend then runs on one thread.
    it('trains on the spiral with the wasm backend and shows the accuracy', async () => {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(server.resolvedUrls!.local[0]!);
      await page.waitForSelector('body[data-state=done], body[data-state=failed]', {
        timeout: 90_000,
      });
      expect(errors).toEqual([]);
      const state = await page.getAttribute('body', 'data-state');
      expect(state, (await page.textContent('#accuracy')) ?? '').toBe('done');
      expect(await page.textContent('#backend')).toBe('wasm');
      expect(await page.textContent('#epoch')).toBe('200');
      const accuracy = Number(await page.textContent('#accuracy'));
      expect(accuracy).toBeGreaterThan(0.8);
      expect(accuracy).toBeLessThanOrEqual(1);
    });
  },
);
