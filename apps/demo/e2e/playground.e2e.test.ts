import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
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

  describe('the draw-a-digit pad', () => {
    let page: Page;
    let pad: { x: number; y: number; width: number; height: number };
    const errors: string[] = [];

    beforeAll(async () => {
      page = await context.newPage();
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(new URL('digits.html', server.resolvedUrls!.local[0]!).href);
      await page.waitForSelector('body[data-state=ready]', { timeout: 20_000 });
      pad = (await page.locator('#pad').boundingBox())!;
    });

    /** A point given as fractions of the pad's width and height, in page pixels. */
    const at = ([x, y]: [number, number]): [number, number] => [
      pad.x + x * pad.width,
      pad.y + y * pad.height,
    ];

    /** Draws a stroke through the points, calling `during` after each with the button down. */
    async function stroke(
      points: readonly [number, number][],
      during?: (i: number) => Promise<void>,
    ): Promise<void> {
      await page.mouse.move(...at(points[0]!));
      await page.mouse.down();
      for (const [i, point] of points.entries()) {
        await page.mouse.move(...at(point), { steps: 3 });
        await during?.(i);
      }
      await page.mouse.up();
    }

    /** Predictions wait for an animation frame: two frames later the page shows the last. */
    const frames = () =>
      page.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      );

    async function shown(): Promise<{ digit: string; bars: number[] }> {
      await frames();
      const bars = await page
        .locator('#bars [role=meter]')
        .evaluateAll((meters) => meters.map((m) => Number(m.getAttribute('aria-valuenow'))));
      return { digit: (await page.textContent('#digit'))!, bars };
    }

    const ellipse = (turns: number) =>
      Array.from({ length: Math.round(40 * turns) + 1 }, (_, i): [number, number] => {
        const angle = (2 * Math.PI * i) / 40;
        return [0.5 + 0.22 * Math.sin(angle), 0.5 - 0.32 * Math.cos(angle)];
      });

    it('reads a vertical stroke as a 1, its ten probabilities summing to 1', async () => {
      expect((await shown()).digit).toBe('–');
      await stroke([
        [0.5, 0.15],
        [0.5, 0.5],
        [0.5, 0.85],
      ]);
      const { digit, bars } = await shown();
      expect(digit).toBe('1');
      expect(bars.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      expect(bars.indexOf(Math.max(...bars))).toBe(1);
      expect(
        await page.getByRole('meter', { name: '1', exact: true }).getAttribute('aria-valuetext'),
      ).toMatch(/^\d+\.\d %$/);
    });

    it('clears the pad, the prediction and the bars', async () => {
      await page.click('#clear');
      const { digit, bars } = await shown();
      expect(digit).toBe('–');
      expect(bars).toEqual(Array(10).fill(0));
      // No ink left on the pad (alpha) nor in the image the network sees (white on black).
      const inked = await page.evaluate(() =>
        (['pad', 'seen'] as const).map((id, channel) => {
          const canvas = document.getElementById(id) as HTMLCanvasElement;
          const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
          return data.filter((v, i) => i % 4 === (channel === 0 ? 3 : 0) && v > 0).length;
        }),
      );
      expect(inked).toEqual([0, 0]);
    });

    it('reads an ellipse as a 0, live while it is drawn', async () => {
      // Halfway round, the button still down, the page already shows a prediction.
      await stroke(ellipse(1.05), async (i) => {
        if (i === 20) expect((await shown()).digit).toMatch(/^\d$/);
      });
      const { digit, bars } = await shown();
      expect(digit).toBe('0');
      expect(bars.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
      console.log(
        `pad: backend ${await page.textContent('#backend')}, median prediction ${await page.textContent('#latency')}`,
      );
      expect(errors).toEqual([]);
      await mkdir(out, { recursive: true });
      await page.screenshot({ path: join(out, 'digits.png'), fullPage: true });
    });
  });
});
