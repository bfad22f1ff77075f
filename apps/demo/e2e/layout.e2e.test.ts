import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { type Chromium, chromiumMissing, chromiumPresent, launchChromium } from 'test-chromium';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe.js';
import { type StaticSite, serveStatic } from './static-server.js';

const root = join(import.meta.dirname, '..');
const out = join(root, 'out');
const dist = join(out, 'layout-site');

/** From a phone to a large desktop; the screenshots (saved to out/) at three of them. */
const WIDTHS = [390, 768, 1024, 1440, 1920];
const SCREENSHOT_WIDTHS = new Set([390, 1024, 1440]);
/** The narrowest a plot may be drawn and still be read. */
const MIN_PLOT_WIDTH = 300;

if (!chromiumPresent) console.log(chromiumMissing('layout browser test'));

describe.skipIf(!chromiumPresent)('the demo pages at every screen width', () => {
  let site: StaticSite;
  let browser: Chromium | undefined;
  let context: BrowserContext;

  beforeAll(async () => {
    await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
    site = await serveStatic(dist, { prefix: '/', isolated: true });
    browser = await launchChromium();
    context = browser.context;
    await mkdir(out, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(path: string, width: number): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setViewportSize({ width, height: 900 });
    await page.goto(new URL(path, site.url).href);
    return { page, errors };
  }

  /** No sideways scrolling, no serious or critical axe violations, and a screenshot. */
  async function check(page: Page, name: string, width: number): Promise<void> {
    if (SCREENSHOT_WIDTHS.has(width)) {
      await page.screenshot({ path: join(out, `${name}.png`), fullPage: true });
    }
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.scrollingElement!.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect.soft(scrollWidth, `${name}: the page scrolls sideways`).toBeLessThanOrEqual(innerWidth);
    expect.soft(await seriousViolations(page), `${name}: axe-core`).toEqual([]);
  }

  describe.each(WIDTHS)('%i px wide', (width) => {
    it('the playground fits, before and after training, and draws every plot readably', async () => {
      const { page, errors } = await open('./', width);
      await check(page, `playground-${width}-before`, width);

      await page.fill('input[name=epochs]', '30');
      await page.click('#train');
      await page.waitForSelector('body[data-state=done]', { timeout: 30_000 });
      // The network and confusion matrix are drawn once the run is done; let them settle.
      await page.waitForTimeout(200);
      await check(page, `playground-${width}-after`, width);

      // Each drawn plot is at least MIN_PLOT_WIDTH wide and lies within its box, which lies
      // within the viewport: nothing is cut off or hidden behind a scroll bar.
      const plots = await page.locator('.plot').evaluateAll((boxes) =>
        boxes.flatMap((box) => {
          const figure = box.querySelector('svg.main-svg, canvas');
          if (!figure) return [];
          const b = box.getBoundingClientRect();
          const f = figure.getBoundingClientRect();
          return [
            {
              id: box.id,
              width: f.width,
              inside: f.left >= b.left - 1 && f.right <= b.right + 1,
              right: b.right,
            },
          ];
        }),
      );
      expect(plots.length).toBeGreaterThanOrEqual(4);
      for (const plot of plots) {
        expect.soft(plot.width, `#${plot.id} width`).toBeGreaterThanOrEqual(MIN_PLOT_WIDTH);
        expect.soft(plot.inside, `#${plot.id} fits its box`).toBe(true);
        expect.soft(plot.right, `#${plot.id} within the viewport`).toBeLessThanOrEqual(width);
      }
      expect(errors).toEqual([]);
      await page.close();
    });

    it('the digit pad fits, before and after a digit is drawn', async () => {
      const { page, errors } = await open('./digits.html', width);
      await page.waitForSelector('body[data-state=ready]', { timeout: 20_000 });
      await check(page, `digits-${width}-before`, width);

      const pad = (await page.locator('#pad').boundingBox())!;
      await page.mouse.move(pad.x + pad.width / 2, pad.y + 0.15 * pad.height);
      await page.mouse.down();
      await page.mouse.move(pad.x + pad.width / 2, pad.y + 0.85 * pad.height, { steps: 8 });
      await page.mouse.up();
      await page.waitForFunction(() => document.getElementById('digit')!.textContent !== '–');
      await check(page, `digits-${width}-after`, width);
      expect(errors).toEqual([]);
      await page.close();
    });
  });

  it('the playground trains from the keyboard alone', async () => {
    const { page } = await open('./', 390);
    await page.fill('input[name=epochs]', '5');
    await page.locator('input[name=epochs]').blur();
    // Tab from the top of the page to the Train button, then press it with Enter.
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      if (await page.evaluate(() => document.activeElement?.id === 'train')) break;
    }
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('train');
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-state=done]', { timeout: 30_000 });
    await page.close();
  });
});
