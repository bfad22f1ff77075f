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

  /** A page of the playground at `query`, its page errors collected in `errors`. */
  async function open(query: string, width = 1440): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL(query, server.resolvedUrls!.local[0]!).href);
    return { page, errors };
  }

  /** The traces Plotly holds for a plot: name, kind, marker symbol, point count, values. */
  const traces = (page: Page, id: string) =>
    page.evaluate(
      (id) =>
        (
          (document.getElementById(id) as unknown as { data?: Record<string, unknown>[] }).data ??
          []
        ).map((t) => ({
          name: t.name as string,
          type: t.type as string,
          symbol: (t.marker as { symbol?: string } | undefined)?.symbol,
          points: ((t.x as unknown[] | undefined) ?? []).length,
          y: t.type === 'heatmap' ? [] : Array.from(t.y as number[]),
        })),
      id,
    );

  const heatmaps = async (page: Page) =>
    (await traces(page, 'boundary')).filter((t) => t.type === 'heatmap').length;

  const done = (page: Page) => page.waitForSelector('body[data-state=done]', { timeout: 60_000 });

  /** The address's settings as the page canonicalises them. */
  const query = async (page: Page) =>
    new URLSearchParams(await page.evaluate(() => location.search));

  for (const width of [390, 1024, 1440]) {
    describe(`at ${width} px`, () => {
      it('draws the data at once, test points as rings, and redraws on a data setting', async () => {
        const { page, errors } = await open('?dataset=moons&noise=0.2&testRatio=0.3', width);
        await page.waitForSelector('#boundary svg.main-svg');
        expect(await page.getAttribute('body', 'data-state')).toBe('idle');
        let drawn = await traces(page, 'boundary');
        // 400 points, 30 % held out, stratified: 140 + 140 train, 60 + 60 test; no prediction yet.
        expect(
          drawn.map(({ name, type, symbol, points }) => ({ name, type, symbol, points })),
        ).toEqual([
          { name: 'class 0 train', type: 'scatter', symbol: undefined, points: 140 },
          { name: 'class 1 train', type: 'scatter', symbol: undefined, points: 140 },
          { name: 'class 0 test', type: 'scatter', symbol: 'circle-open', points: 60 },
          { name: 'class 1 test', type: 'scatter', symbol: 'circle-open', points: 60 },
        ]);
        const before = drawn[0]!.y;
        await page.fill('input[name=noise]', '0');
        await page.dispatchEvent('input[name=noise]', 'change');
        await page.waitForFunction(() => new URLSearchParams(location.search).get('noise') === '0');
        drawn = await traces(page, 'boundary');
        expect(drawn[0]!.y).not.toEqual(before);
        await page.selectOption('select[name=dataset]', 'gaussians');
        await page.waitForFunction(
          () => new URLSearchParams(location.search).get('dataset') === 'gaussians',
        );
        drawn = await traces(page, 'boundary');
        expect(drawn.map((t) => [t.name, t.points])).toEqual([
          ['train', 280],
          ['test', 120],
        ]);
        // The untrained network's units and loss are drawn too.
        await page.waitForFunction(() => document.getElementById('epoch')!.textContent === '0');
        await mkdir(out, { recursive: true });
        await page.screenshot({ path: join(out, `playground-data-${width}.png`), fullPage: true });
        expect(errors).toEqual([]);
        await page.close();
      });

      it('keeps every control in the address, and the network follows the features', async () => {
        const { page, errors } = await open('?dataset=xor&bogus=1&hidden=4,12', width);
        await page.waitForSelector('#network svg .node');
        // Bad values are named, and the defaults take their place.
        const listed = await page.locator('#setting-errors p').allTextContents();
        expect(listed).toEqual([
          "in the address: hidden is '4,12': hidden layer 2 is '12'; expected a width from 1 to 8; using 4,4",
          "in the address: unknown setting 'bogus'; expected one of dataset, noise, testRatio, features, hidden, activation, optimizer, learningRate, l1, l2, batchNorm, dropout, epochs, forever, batchSize, seed, speed",
        ]);
        expect((await query(page)).get('hidden')).toBe('4,4');
        expect((await query(page)).has('bogus')).toBe(false);
        // On a phone the advanced groups start collapsed, beside the plots open; a click
        // on a group's summary opens it.
        const groups = page.locator('details.group');
        expect(
          await groups.evaluateAll((all) => all.map((d) => (d as HTMLDetailsElement).open)),
        ).toEqual(Array(3).fill(width > 760));
        for (const summary of await page.locator('details.group > summary').all()) {
          if (width <= 760) await summary.click();
        }
        // Each control has a label, and changing it changes the address.
        for (const [name, value] of [
          ['l1', '0.001'],
          ['l2', '0.01'],
          ['testRatio', '0.4'],
          ['hidden', '6, 3'],
          ['batchSize', '20'],
        ] as const) {
          await page
            .getByLabel(
              new RegExp(
                `^${{ l1: 'L1 strength', l2: 'L2 strength', testRatio: 'Test ratio', hidden: 'Hidden layers', batchSize: 'Batch size' }[name]}`,
              ),
            )
            .fill(value);
          await page.dispatchEvent(`input[name=${name}]`, 'change');
          expect((await query(page)).get(name)).toBe(value.replace(', ', ','));
        }
        await page.getByLabel('x₁²').check();
        await page.getByLabel('sin x₂').check();
        await page.getByLabel('Run forever').check();
        await page.getByLabel('Speed').selectOption('max');
        const q = await query(page);
        expect([q.get('features'), q.get('forever'), q.get('speed')]).toEqual([
          'x1,x2,x1sq,sinx2',
          '1',
          'max',
        ]);
        // 4 inputs, 6 and 3 hidden units, 2 outputs.
        expect(await page.locator('#network .node').count()).toBe(4 + 6 + 3 + 2);
        expect(await page.locator('#network .edge').count()).toBe(4 * 6 + 6 * 3 + 3 * 2);
        // A bad value in the form is marked and blocks Train.
        await page.fill('input[name=learningRate]', '-1');
        await page.dispatchEvent('input[name=learningRate]', 'change');
        expect(await page.getAttribute('input[name=learningRate]', 'aria-invalid')).toBe('true');
        expect(await page.isDisabled('#train')).toBe(true);
        await page.fill('input[name=learningRate]', '0.03');
        await page.dispatchEvent('input[name=learningRate]', 'change');
        expect(await page.isDisabled('#train')).toBe(false);
        expect(errors).toEqual([]);
        await page.close();
      });

      it('trains live: curves and boundary update, pause holds, a step is one batch, stop ends', async () => {
        const { page, errors } = await open(
          '?dataset=circles&forever=1&speed=30&batchSize=25',
          width,
        );
        await page.waitForSelector('#network svg .node');
        // By keyboard: the focus goes from Train to Pause and back, not to the page's start.
        const focused = () => page.evaluate(() => document.activeElement?.id);
        await page.focus('#train');
        await page.keyboard.press('Enter');
        expect(await focused()).toBe('pause');
        await page.waitForFunction(
          () => Number(document.getElementById('epoch')!.textContent) >= 3,
        );
        expect(await page.getAttribute('body', 'data-state')).toBe('training');
        // Redraws are paced by how long the last took (the page stays responsive on a slow
        // machine): the curves follow the epochs within a few redraws, however slow.
        const live = { timeout: 15_000 };
        await expect
          .poll(async () => (await traces(page, 'curves'))[0]?.points ?? 0, live)
          .toBeGreaterThanOrEqual(3);
        expect((await traces(page, 'curves')).map((t) => t.name)).toEqual(['train', 'test']);
        // The output over the plane is drawn under the points while training.
        await expect.poll(() => heatmaps(page), live).toBe(1);
        // The speed changes while training, without restarting the run.
        const before = Number(await page.textContent('#epoch'));
        await page.getByLabel('Speed').selectOption('100');
        expect((await query(page)).get('speed')).toBe('100');
        expect(await page.getAttribute('body', 'data-state')).toBe('training');
        expect(Number(await page.textContent('#epoch'))).toBeGreaterThanOrEqual(before);
        await page.focus('#pause');
        await page.keyboard.press('Enter');
        // Paused once the worker has held the run and sent every measurement before.
        await page.waitForSelector('body[data-state=paused]');
        expect(await focused()).toBe('train');
        const paused = Number(await page.textContent('#epoch'));
        await page.waitForTimeout(400);
        expect(Number(await page.textContent('#epoch'))).toBe(paused);
        // 400 points, half for training: 8 batches of 25 per epoch.
        await page.click('#step');
        await page.waitForFunction(
          (n) => Number(document.getElementById('epoch')!.textContent) > n,
          paused,
        );
        expect(Number(await page.textContent('#epoch'))).toBeCloseTo(paused + 1 / 8, 3);
        await page.click('#train');
        await page.waitForFunction(
          (n) => Number(document.getElementById('epoch')!.textContent) > n + 1,
          paused,
        );
        await page.click('#stop');
        await done(page);
        expect(await page.locator('#confusion svg.main-svg').count()).toBeGreaterThan(0);
        expect(await page.locator('#metrics tr').count()).toBe(4);
        expect(Number(await page.textContent('#accuracy'))).toBeGreaterThan(0.5);
        await page.screenshot({
          path: join(out, `playground-trained-${width}.png`),
          fullPage: true,
        });
        // Reset: the same settings at epoch 0, the data alone in the plane.
        await page.click('#reset');
        expect(await page.getAttribute('body', 'data-state')).toBe('idle');
        await page.waitForFunction(() => document.getElementById('epoch')!.textContent === '0');
        expect(await page.locator('#metrics tr').count()).toBe(0);
        expect(await heatmaps(page)).toBe(0);
        // Paused after a step, a setting can still change; it starts a new run at epoch 0.
        await page.click('#step');
        await page.waitForFunction(() => document.getElementById('epoch')!.textContent !== '0');
        await page.fill('input[name=learningRate]', '0.1');
        await page.dispatchEvent('input[name=learningRate]', 'change');
        expect(await page.getAttribute('body', 'data-state')).toBe('idle');
        await page.waitForFunction(() => document.getElementById('epoch')!.textContent === '0');
        expect(errors).toEqual([]);
        await page.close();
      });

      it("shows each unit's output over the plane, and an edge's weight on hover", async () => {
        const { page, errors } = await open('?dataset=xor&hidden=5,3&epochs=3&speed=max', width);
        await page.waitForSelector('#network svg .node');
        await page.click('#train');
        await done(page);
        const hrefs = await page
          .locator('#network .node image')
          .evaluateAll((images) => images.map((i) => i.getAttribute('href') ?? ''));
        expect(hrefs).toHaveLength(2 + 5 + 3 + 2);
        expect(hrefs.every((h) => h.startsWith('data:image/png'))).toBe(true);
        // The units compute different functions of the plane.
        expect(new Set(hrefs.slice(2, 7)).size).toBe(5);
        await page.locator('#network .edge-hit').first().hover({ force: true });
        expect(await page.textContent('#network-readout')).toMatch(
          /^input x₁ → layer 1 unit 1: weight -?\d+\.\d{3}$/,
        );
        await page
          .locator('#network .node')
          .nth(2 + 5)
          .focus();
        expect(await page.textContent('#network-readout')).toMatch(
          /^layer 2 unit 1, weights in: (layer 1 unit \d -?\d+\.\d{3}(, )?){5}$/,
        );
        // The largest network the controls allow: 7 features, 6 layers of 8, fits its panel.
        await page.goto(
          new URL(
            '?dataset=spiral&features=x1,x2,x1sq,x2sq,x1x2,sinx1,sinx2&hidden=8,8,8,8,8,8&epochs=2&speed=max',
            server.resolvedUrls!.local[0]!,
          ).href,
        );
        await page.waitForSelector('#network svg .node');
        await page.click('#train');
        await done(page);
        expect(await page.locator('#network .node').count()).toBe(7 + 6 * 8 + 3);
        const panel = (await page.locator('#network-panel').boundingBox())!;
        const drawn = (await page.locator('#network svg').boundingBox())!;
        expect(drawn.width).toBeLessThanOrEqual(panel.width);
        const node = (await page.locator('#network .node image').first().boundingBox())!;
        expect(node.width).toBeGreaterThanOrEqual(width < 500 ? 12 : 24);
        await page
          .locator('#network-panel')
          .screenshot({ path: join(out, `playground-network-${width}.png`) });
        expect(errors).toEqual([]);
        await page.close();
      });

      it('fits a regression surface and colours the points by value', async () => {
        const { page, errors } = await open(
          '?dataset=plane&hidden=&epochs=3&speed=max&features=x1,x2',
          width,
        );
        await page.waitForSelector('#network svg .node');
        await page.click('#train');
        await done(page);
        await expect.poll(() => heatmaps(page)).toBe(1);
        expect(await page.textContent('#metric-name')).toBe('test MAE');
        expect((await traces(page, 'boundary')).map((t) => t.type)).toEqual([
          'heatmap',
          'scatter',
          'scatter',
        ]);
        expect(await page.locator('#confusion svg').count()).toBe(0);
        await page.screenshot({
          path: join(out, `playground-regression-${width}.png`),
          fullPage: true,
        });
        expect(errors).toEqual([]);
        await page.close();
      });
    });
  }

  it('reproduces a shared run bit for bit: two pages, one address, the same losses', async () => {
    const address =
      '?dataset=spiral&hidden=8,8&activation=relu&dropout=0.1&epochs=6&speed=max&seed=7&features=x1,x2,sinx1';
    const runs = await Promise.all(
      [0, 1].map(async () => {
        const { page, errors } = await open(address);
        await page.waitForSelector('#network svg .node');
        await page.click('#train');
        await done(page);
        const curves = await traces(page, 'curves');
        // The WebAssembly backend, threaded in the cross-origin isolated page.
        expect(await page.evaluate(() => crossOriginIsolated)).toBe(true);
        expect(await page.textContent('#backend')).toMatch(/^wasm \(\d+ threads?\)$/);
        expect(errors).toEqual([]);
        await page.close();
        return curves.map((t) => t.y);
      }),
    );
    // The initial loss and one per epoch, train and test.
    expect(runs[0]![0]).toHaveLength(7);
    expect(runs[1]).toEqual(runs[0]);
    expect(new Set(runs[0]![0]).size).toBe(7);
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
