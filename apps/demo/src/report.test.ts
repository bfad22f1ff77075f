import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tensor } from '@neunet/tensor';
import type { Figure } from '@neunet/viz';
import { writeReport } from '@neunet/viz/node';
import { type Chromium, chromiumMissing, chromiumPresent, launchChromium } from 'test-chromium';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Evaluation, evaluate } from './evaluate.js';
import { reportFigures } from './report-figures.js';
import { reportTables } from './report-tables.js';
import { DEFAULT_RUN, prepareRun, type Run, type RunOptions, trainRun } from './run.js';

// biome-ignore lint/suspicious/noExplicitAny: assertions read trace fields of every trace type
type Trace = Record<string, any>;

const out = join(import.meta.dirname, '..', 'out', 'report-test');

const titleOf = (figure: Figure) => {
  const title = figure.layout.title;
  return typeof title === 'string' ? title : (title?.text ?? '');
};
const figureTitled = (figures: Figure[], start: string) => {
  const found = figures.find((f) => titleOf(f).startsWith(start));
  if (!found)
    throw new Error(`no figure titled '${start}…' in ${figures.map(titleOf).join(' | ')}`);
  return found;
};
const traces = (figure: Figure) => figure.data as Trace[];

interface Reported {
  run: Run;
  evaluation: Evaluation;
  figures: Figure[];
  rows: Map<string, string | number>;
  file: string;
}

/** `pnpm demo --dataset <name>`'s run, evaluation and report, as main.ts makes them. */
async function report(name: string, options: RunOptions, shrink?: (run: Run) => Run) {
  const prepared = prepareRun(options);
  const run = shrink ? shrink(prepared) : prepared;
  trainRun(run);
  const evaluation = evaluate(run.task, run.model, run.split);
  const { history } = run.model;
  const figures = reportFigures(run.model, run.split, history, evaluation);
  const tables = reportTables({
    model: run.model,
    history,
    evaluation,
    seconds: 1,
    timings: [],
    dataset: options.dataset,
    seed: options.seed,
    dataSeed: options.dataSeed,
  });
  mkdirSync(out, { recursive: true });
  const file = await writeReport(join(out, `${name}.html`), {
    title: `NeuNet: ${name}`,
    tables,
    figures,
  });
  const rows = new Map(tables[0]!.rows.map(([k, v]) => [String(k), v!]));
  return { run, evaluation, figures, rows, file } satisfies Reported;
}

const reports: Record<string, Reported> = {};

beforeAll(async () => {
  reports.iris = await report('iris', { ...DEFAULT_RUN, dataset: 'iris' });
  reports.spiral = await report('spiral', DEFAULT_RUN);
  reports.sine = await report('sine', { ...DEFAULT_RUN, dataset: 'sine', epochs: 100 });
  // The digits network on a slice of its data: the figures, not the accuracy, are tested.
  reports.digits = await report(
    'digits',
    { ...DEFAULT_RUN, dataset: 'digits', epochs: 2 },
    (run) => {
      const { split } = run;
      return {
        ...run,
        split: {
          ...split,
          XTrain: split.XTrain.sliceRows(0, 256),
          yTrain: (split.yTrain as Int32Array).subarray(0, 256),
          XTest: split.XTest.sliceRows(0, 128),
          yTest: (split.yTest as Int32Array).subarray(0, 128),
        },
      };
    },
  );
}, 180_000);

describe('the report of a held-out run (iris)', () => {
  it('plots the test data’s loss and accuracy beside the training batches’', () => {
    const { figures, run } = reports.iris!;
    const curves = traces(figureTitled(figures, 'Training curves'));
    const history = run.model.history;
    expect(curves.map((t) => [t.name, t.xaxis])).toEqual([
      ['training batches', 'x'],
      ['test data', 'x'],
      ['training batches', 'x2'],
      ['test data', 'x2'],
      ['final model, inference mode (test)', 'x'],
      ['final model, inference mode (test)', 'x2'],
    ]);
    expect(curves[1]!.y).toEqual(history.val_loss);
    expect(curves[3]!.y).toEqual(history.val_accuracy);
    expect(curves[1]!.y).toHaveLength(200);
  });

  it('reports the final weights’ loss: the last epoch’s test loss, as nothing was restored', () => {
    const { rows, run, evaluation } = reports.iris!;
    const history = run.model.history;
    expect(history.bestEpoch).toBeUndefined();
    expect(evaluation.loss).toBeCloseTo(history.val_loss!.at(-1)!, 6);
    expect(rows.get('final loss (test)')).toBe(evaluation.loss.toFixed(4));
    expect(rows.get('weights kept from epoch')).toBe('200 (the last)');
    expect(rows.get('loss of epoch 200 (training batches)')).toBe(history.loss[199]!.toFixed(4));
    expect(rows.get('final accuracy (test)')).toBe('0.9556');
  });
});

describe('the report of a run whose early stopping restored weights (spiral)', () => {
  it('reports the restored weights’ loss: that of a run stopped at the kept epoch', () => {
    const { rows, run, evaluation } = reports.spiral!;
    const best = run.model.history.bestEpoch!;
    expect(best).toBeLessThan(run.model.history.loss.length - 1);
    // The same seeds trained for exactly the kept epochs end with the restored weights.
    const again = prepareRun({ ...DEFAULT_RUN, epochs: best + 1 });
    again.model.train(again.split.XTrain, again.split.yTrain, {
      batchSize: again.task.train.batchSize,
      epochs: best + 1,
    });
    const { loss } = again.model.evaluate(again.split.XTrain, again.split.yTrain);
    expect(evaluation.loss).toBe(loss);
    expect(rows.get('final loss (training data)')).toBe(loss.toFixed(4));
    expect(rows.get('weights kept from epoch')).toBe(`${best + 1} (early stopping restored them)`);
  });

  it('labels the training-mode figures as such, next to the final (inference) accuracy', () => {
    const { rows, figures, run } = reports.spiral!;
    const best = run.model.history.bestEpoch!;
    const mode = 'training batches, BatchNormalization and Dropout in training mode';
    expect(rows.get(`accuracy of epoch ${best + 1} (${mode})`)).toBe(
      run.model.history.accuracy![best]!.toFixed(4),
    );
    expect(rows.get('final accuracy (training data)')).toBe('0.8133');
    const curves = traces(figureTitled(figures, 'Training curves'));
    expect(curves[0]!.name).toBe(mode);
    const star = curves.find(
      (t) => t.name === 'final model, inference mode (training data)' && t.xaxis === 'x2',
    )!;
    expect(star.x).toEqual([best + 1]);
    expect(star.y[0].toFixed(4)).toBe('0.8133');
  });

  it('draws the 2-128-64-32-3 network with at most 32 neurons a layer, titled for it', () => {
    const { figures } = reports.spiral!;
    const network = figures[0]!;
    expect(titleOf(network)).toMatch(
      /^The network: Dense 2-128-64-32-3 \(ReLU hidden, Softmax output\)<br>/,
    );
    const nodes = traces(network).filter((t) => t.hovertext?.[0]?.startsWith('Layer'));
    expect(nodes.map((t) => t.x.length)).toEqual([2, 32, 32, 32, 3]);
    expect(network.layout.xaxis?.ticktext).toContain('Hidden 1 (128)<br>32 shown, + 96 more');
    expect(titleOf(figureTitled(figures, 'Activations per layer'))).toContain('ReLU’s zeros');
  });
});

describe('the report of a regression (sine)', () => {
  it('plots the fitted curve, the model’s own predictions, against the data', () => {
    const { figures, run } = reports.sine!;
    const fit = figureTitled(figures, 'The fitted curve against the data');
    const [train, test, model] = traces(fit);
    expect([train!.name, test!.name, model!.name]).toEqual(['training data', 'test data', 'model']);
    expect(train!.x).toHaveLength(350);
    expect(test!.x).toHaveLength(150);
    expect(model!.x).toHaveLength(200);
    const at = [model!.x[0], model!.x[99], model!.x[199]];
    const predicted = run.model.predictProba(new Tensor(Float32Array.from(at), [3, 1])).data;
    expect([model!.y[0], model!.y[99], model!.y[199]]).toEqual(Array.from(predicted));
    // The data's range: sin x on [-π, π].
    expect(model!.x[0]).toBeCloseTo(Math.min(...train!.x, ...test!.x), 6);
  });

  it('names Tanh’s saturation, not ReLU’s zeros, and plots the test MAE and loss', () => {
    const { figures, rows } = reports.sine!;
    const activations = titleOf(figureTitled(figures, 'Activations per layer'));
    expect(activations).toContain('the saturated ends at ±1');
    expect(activations).not.toContain('ReLU');
    expect(titleOf(figures[0]!)).toMatch(
      /^The network: Dense 1-64-64-1 \(Tanh hidden, Linear output\)/,
    );
    const curves = traces(figureTitled(figures, 'Training curves'));
    expect(curves.map((t) => `${t.name} ${t.xaxis}`)).toContain('test data x2');
    expect(rows.has('final loss (test)')).toBe(true);
    expect(rows.has('MAE of epoch 100 (training batches)')).toBe(true);
  });
});

describe('the report of a wide network (digits, 784-256-128-10)', () => {
  it('draws the network bounded and every weight as a heatmap', () => {
    const { figures } = reports.digits!;
    const network = figures[0]!;
    const points = traces(network).reduce((n, t) => n + t.x.length, 0);
    expect(points).toBeLessThan(12_000);
    expect(network.layout.xaxis?.ticktext).toEqual([
      'Input (784)<br>32 shown, + 752 more',
      'Hidden 1 (256)<br>32 shown, + 224 more',
      'Hidden 2 (128)<br>32 shown, + 96 more',
      'Output (10)',
    ]);
    const matrices = traces(figureTitled(figures, 'Weight matrices'));
    expect(matrices.map((t) => [t.z.length, t.z[0].length])).toEqual([
      [256, 784],
      [128, 256],
      [10, 128],
    ]);
  });
});

if (!chromiumPresent) console.log(chromiumMissing('report rendering test'));

describe.skipIf(!chromiumPresent)('the reports in headless Chromium', () => {
  let browser: Chromium;

  beforeAll(async () => {
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
  });

  // Loaded at a phone's width, as a phone would, then widened: the page fits its figures
  // again on resize.
  it('draws every figure at 390, 1024 and 1440 px, each within the page’s width', async () => {
    for (const [name, { file, figures }] of Object.entries(reports)) {
      const page = await browser.context.newPage();
      await page.setViewportSize({ width: 390, height: 900 });
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(`file://${file}`);
      await page.waitForFunction(
        (n) => document.querySelectorAll('.js-plotly-plot').length === n,
        figures.length,
      );
      for (const width of [390, 1024, 1440]) {
        await page.setViewportSize({ width, height: 900 });
        // Fitted when every figure's right edge is inside the page (the resize is debounced).
        await page.waitForFunction(() =>
          Array.from(document.querySelectorAll('.js-plotly-plot')).every(
            (element) =>
              (element.querySelector('svg.main-svg')?.getBoundingClientRect().right ?? 0) <=
              document.documentElement.clientWidth,
          ),
        );
        await page.waitForTimeout(400);
        const drawn = await page.evaluate(() => ({
          page: [document.documentElement.scrollWidth, document.documentElement.clientWidth],
          figures: Array.from(document.querySelectorAll('[id^=figure-]')).map((element) => ({
            svg: element.querySelector('svg.main-svg') !== null,
            right: element.querySelector('svg.main-svg')?.getBoundingClientRect().right ?? 0,
          })),
        }));
        const where = `${name} at ${width} px`;
        expect(errors, where).toEqual([]);
        expect(drawn.page[0], `${where}: no sideways scrolling`).toBeLessThanOrEqual(
          drawn.page[1]!,
        );
        for (const [i, figure] of drawn.figures.entries()) {
          expect(figure.svg, `${where}, figure ${i}`).toBe(true);
          expect(figure.right, `${where}, figure ${i}`).toBeLessThanOrEqual(width);
        }
        await page.screenshot({ path: join(out, `${name}-${width}.png`), fullPage: true });
      }
      await page.close();
    }
  }, 240_000);
});

it('the report HTML holds the figures named above', () => {
  for (const { file, figures } of Object.values(reports)) {
    const html = readFileSync(file, 'utf8');
    for (const figure of figures) expect(html).toContain(JSON.stringify(titleOf(figure)));
  }
});
