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

/** From a phone to a large desktop; the first is the width each page is opened at. */
const WIDTHS = [390, 768, 1024, 1440, 1920];
/** Screenshots (saved to out/) at three widths; axe-core at the phone and desktop layouts. */
const SCREENSHOT_WIDTHS = new Set([390, 1024, 1440]);
const AXE_WIDTHS = new Set([390, 1440]);
/** The narrowest a plot may be drawn and still be read. */
const MIN_PLOT_WIDTH = 300;

if (!chromiumPresent) console.log(chromiumMissing('layout browser test'));

/**
 * Each page is opened once, at 390 px, and resized through the widths, so that both a page
 * laid out from the start at a width and one resized to it are checked.
 */
describe.skipIf(!chromiumPresent)('the demo pages from 390 to 1920 px', () => {
  let site: StaticSite;
  let browser: Chromium | undefined;
  let context: BrowserContext;

  beforeAll(async () => {
    await build({ root, logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
    site = await serveStatic(dist, { prefix: '/', isolated: true });
    browser = await launchChromium({ viewport: { width: WIDTHS[0]!, height: 900 } });
    context = browser.context;
    await mkdir(out, { recursive: true });
  });

  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  async function open(path: string): Promise<{ page: Page; errors: string[] }> {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(new URL(path, site.url).href);
    return { page, errors };
  }

  /**
   * At each width: no sideways scrolling, `more` checks, no serious or critical axe-core
   * violations, and a screenshot named `${name}-${width}-${stage}.png`.
   */
  async function atEveryWidth(
    page: Page,
    name: string,
    stage: 'before' | 'after',
    more: (width: number) => Promise<void> = async () => {},
  ): Promise<void> {
    for (const width of WIDTHS) {
      const label = `${name} at ${width} px ${stage}`;
      await page.setViewportSize({ width, height: 900 });
      await more(width);
      if (SCREENSHOT_WIDTHS.has(width)) {
        await page.screenshot({ path: join(out, `${name}-${width}-${stage}.png`), fullPage: true });
      }
      const scrollWidth = await page.evaluate(() => document.scrollingElement!.scrollWidth);
      expect.soft(scrollWidth, `${label}: the page scrolls sideways`).toBeLessThanOrEqual(width);
      if (AXE_WIDTHS.has(width)) {
        expect.soft(await seriousViolations(page), `${label}: axe-core`).toEqual([]);
      }
    }
  }

  /**
   * Each plot (Plotly's figures, and the network view: its own SVG) at least MIN_PLOT_WIDTH
   * wide, or the viewport minus the page's margins on a phone narrower than that, inside its
   * box and the viewport: nothing cut off or behind a scroll bar. Plots redraw at a new width
   * after a resize: wait for it.
   */
  async function plotsReadable(page: Page, width: number, ids: readonly string[]): Promise<void> {
    const fitted = () =>
      Array.from(document.querySelectorAll('.plot')).every((box) => {
        const figure = box.querySelector('svg.main-svg, svg.network-view');
        return !figure || Math.abs(figure.clientWidth - box.clientWidth) <= 1;
      });
    // A plot not redrawn in time fails the checks below, which say which.
    await page.waitForFunction(fitted, undefined, { timeout: 5000 }).catch(() => {});
    const plots = await page.locator('.plot').evaluateAll((boxes) =>
      boxes.flatMap((box) => {
        const figure = box.querySelector('svg.main-svg, svg.network-view');
        if (!figure) return [];
        const b = box.getBoundingClientRect();
        const f = figure.getBoundingClientRect();
        const inside = f.left >= b.left - 1 && f.right <= b.right + 1;
        return [{ id: box.id, width: f.width, inside, left: f.left, right: f.right }];
      }),
    );
    expect(plots.map((p) => p.id)).toEqual(ids);
    for (const plot of plots) {
      const label = `#${plot.id} at ${width} px`;
      // The page's side padding is at most 1.5rem.
      const least = Math.min(MIN_PLOT_WIDTH, width - 2 * 24);
      expect.soft(plot.width, `${label}: width`).toBeGreaterThanOrEqual(least);
      expect.soft(plot.inside, `${label}: inside its box`).toBe(true);
      expect.soft(plot.left, `${label}: inside the viewport`).toBeGreaterThanOrEqual(0);
      expect.soft(plot.right, `${label}: inside the viewport`).toBeLessThanOrEqual(width);
    }
  }

  it('the playground fits, before and after training, every plot readable', async () => {
    // A setting the address gets wrong shows the error box, which axe-core checks too.
    const { page, errors } = await open('./?bogus=1');
    await page.waitForSelector('#network svg .node');
    expect(await page.locator('#setting-errors p').count()).toBe(1);
    const before = ['curves', 'boundary', 'network-panel'];
    await atEveryWidth(page, 'playground', 'before', (width) => plotsReadable(page, width, before));

    await page.setViewportSize({ width: WIDTHS[0]!, height: 900 });
    await page.fill('input[name=epochs]', '30');
    await page.click('#train');
    await page.waitForSelector('body[data-state=done]', { timeout: 30_000 });
    // A selected edge and its weight in the readout are part of what axe-core checks.
    await page.locator('#network .edge-hit').first().hover({ force: true });
    expect(await page.textContent('#network-readout')).toMatch(/weight -?\d/);
    await atEveryWidth(page, 'playground', 'after', (width) =>
      plotsReadable(page, width, [...before, 'confusion']),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the digit pad fits, before and after a digit is drawn', async () => {
    const { page, errors } = await open('./digits.html');
    await page.waitForSelector('body[data-state=ready]', { timeout: 20_000 });
    await atEveryWidth(page, 'digits', 'before');

    await page.setViewportSize({ width: WIDTHS[0]!, height: 900 });
    const pad = (await page.locator('#pad').boundingBox())!;
    await page.mouse.move(pad.x + pad.width / 2, pad.y + 0.15 * pad.height);
    await page.mouse.down();
    await page.mouse.move(pad.x + pad.width / 2, pad.y + 0.85 * pad.height, { steps: 8 });
    await page.mouse.up();
    await page.waitForFunction(() => document.getElementById('digit')!.textContent !== '–');
    await atEveryWidth(page, 'digits', 'after');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the playground trains from the keyboard alone', async () => {
    const { page } = await open('./');
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
