import type { Server } from 'node:http';
import type { Page } from 'playwright-core';
import { type Chromium, chromiumMissing, chromiumPresent, launchChromium } from 'test-chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundlePage, type Mode, serve } from '../src/harness.js';
import type { PageResult, Trained } from '../src/page.js';

if (!chromiumPresent) console.log(chromiumMissing('browser tests'));

interface Visit {
  result: PageResult;
  errors: string[];
  violations: string[];
  crossOriginIsolated: boolean;
  evalAllowed: boolean;
}

/** The js and wasm runs agree: same loss curve and probabilities within float32 rounding. */
function expectSameTraining(got: Trained, want: Trained): void {
  expect(got.loss).toHaveLength(want.loss.length);
  got.loss.forEach((loss, i) => {
    expect(loss).toBeCloseTo(want.loss[i]!, 4);
  });
  expect(got.probabilities).toHaveLength(want.probabilities.length);
  let worst = 0;
  got.probabilities.forEach((p, i) => {
    worst = Math.max(worst, Math.abs(p - want.probabilities[i]!));
  });
  expect(worst).toBeLessThan(1e-4);
  expect(got.accuracy).toBeCloseTo(want.accuracy, 2);
  // The data are separable enough that four epochs learn them.
  expect(want.accuracy).toBeGreaterThan(0.8);
}

describe.skipIf(!chromiumPresent)('the packages bundled for a browser page', () => {
  let server: Server;
  let url: (mode: Mode) => string;
  let browser: Chromium;

  beforeAll(async () => {
    ({ server, url } = await serve(await bundlePage()));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  async function visit(mode: Mode, threads?: number): Promise<Visit> {
    const page: Page = await browser.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    // Recorded in the page before any of its scripts runs.
    await page.addInitScript(() => {
      const seen: string[] = [];
      (globalThis as { violations?: string[] }).violations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(
          `${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
        ),
      );
    });
    await page.goto(threads === undefined ? url(mode) : `${url(mode)}?threads=${threads}`);
    await page.waitForFunction(() => 'neunet' in globalThis, undefined, { timeout: 90_000 });
    const out = await page.evaluate(
      () =>
        (
          globalThis as unknown as {
            neunet: { result?: PageResult; allowed?: boolean; error?: string };
          }
        ).neunet,
    );
    if (out.error !== undefined) throw new Error(`the page failed: ${out.error}`);
    // Violation events are dispatched as tasks: let the last one arrive.
    await page.waitForTimeout(300);
    const violations = await page.evaluate(
      () => (globalThis as { violations?: string[] }).violations ?? [],
    );
    const crossOriginIsolated = await page.evaluate(() => globalThis.crossOriginIsolated);
    const result = out.result!;
    const evalAllowed = out.allowed!;
    await page.close();
    return { result, errors, violations, crossOriginIsolated, evalAllowed };
  }

  it('a page that is not cross-origin isolated gets single-threaded wasm, which trains like js', async () => {
    const { result, errors, crossOriginIsolated } = await visit('plain');
    expect(crossOriginIsolated).toBe(false);
    expect(result.defaultBackend).toBe('js');
    expect(result.trained.backend).toBe('wasm');
    expect(result.wasm).toMatchObject({ threads: 1, sharedMemory: false });
    expectSameTraining(result.trained, result.js);
    expect(errors).toEqual([]);
  });

  it('a cross-origin isolated page gets wasm on shared memory with worker threads', async () => {
    const { result, errors, crossOriginIsolated } = await visit('isolated', 2);
    expect(crossOriginIsolated).toBe(true);
    expect(result.trained.backend).toBe('wasm');
    expect(result.wasm).toMatchObject({ threads: 2, sharedMemory: true });
    expectSameTraining(result.trained, result.js);
    expect(errors).toEqual([]);
  });

  it(`trains and exports under "script-src 'self' 'wasm-unsafe-eval'" with no violation`, async () => {
    const { result, errors, violations, evalAllowed } = await visit('csp');
    // The policy is in force: the page's own eval probe, after training, was its only violation.
    expect(evalAllowed).toBe(false);
    expect(result.trained.backend).toBe('wasm');
    expectSameTraining(result.trained, result.js);
    expect(violations.at(-1)).toMatch(/^script-src blocked eval/);
    expect(violations.slice(0, -1)).toEqual([]);
    expect(errors).toEqual([]);
    for (const run of [result.js, result.trained]) {
      expect(run.onnxError).toBe('');
      expect(run.onnxBytes).toBeGreaterThan(1000);
    }
  });
});
