import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Figure } from '@neunet/viz';
import { writeReport } from '@neunet/viz/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EpochTimer } from './epoch-timer.js';
import { type Evaluation, evaluate } from './evaluate.js';
import { outputAfter } from './image-figures.js';
import { reportFigures } from './report-figures.js';
import { reportTables } from './report-tables.js';
import { DEFAULT_RUN, prepareRun, type Run, trainRun } from './run.js';

const titleOf = (figure: Figure) => {
  const title = figure.layout.title;
  return typeof title === 'string' ? title : (title?.text ?? '');
};

/**
 * `pnpm demo --dataset mnist-cnn`'s task on a tiny slice of MNIST: its network, its
 * optimizer and its per-epoch test measurement, one update on 64 training digits, scored
 * on 32 test digits. What it reaches on the whole data is measured by the command itself
 * (minutes), not here.
 */
describe('pnpm demo --dataset mnist-cnn, on a slice of MNIST', () => {
  let run: Run;
  let before: number[][];
  let evaluation: Evaluation;
  const timer = new EpochTimer();
  let folder: string;

  beforeAll(() => {
    const full = prepareRun({ ...DEFAULT_RUN, dataset: 'mnist-cnn' });
    expect(full.split.XTrain.shape).toEqual([60_000, 28, 28, 1]);
    expect(full.split.XTest.shape).toEqual([10_000, 28, 28, 1]);
    const { split } = full;
    run = {
      ...full,
      epochs: 1,
      split: {
        ...split,
        XTrain: split.XTrain.sliceRows(0, 64),
        yTrain: (split.yTrain as Int32Array).subarray(0, 64),
        XTest: split.XTest.sliceRows(0, 32),
        yTest: (split.yTest as Int32Array).subarray(0, 32),
      },
    };
    before = run.model.getWeights().map((w) => Array.from(w.data));
    trainRun(run, [timer]);
    evaluation = evaluate(run.task, run.model, run.split);
    folder = mkdtempSync(join(tmpdir(), 'neunet-mnist-cnn-'));
  }, 120_000);

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it('builds the CNN for [28, 28, 1] digits, with a batch of 64 and 10 epochs by default', () => {
    const { model, task } = run;
    expect(model.inputShape).toEqual([28, 28, 1]);
    expect(model.outputShape).toEqual([10]);
    expect(model.layers.map((layer) => layer.getConfig().type)).toEqual([
      'Conv2D',
      'BatchNormalization',
      'MaxPooling2D',
      'Conv2D',
      'BatchNormalization',
      'MaxPooling2D',
      'Flatten',
      'Dense',
      'Dropout',
      'Dense',
      'Softmax',
    ]);
    expect(model.summary(() => {})).toContain('(None, 4, 4, 16)');
    expect(task.train).toMatchObject({ epochs: 10, batchSize: 64 });
  });

  it('trains: one update on 64 digits changes every weight tensor, and the test data is measured after the epoch', () => {
    const { history } = run.model;
    expect(timer.epochs).toEqual([{ seconds: expect.any(Number), samples: 64 }]);
    expect(history.loss).toHaveLength(1);
    expect(Number.isFinite(history.loss[0])).toBe(true);
    expect(history.val_accuracy).toHaveLength(1);
    const after = run.model.getWeights().map((w) => Array.from(w.data));
    // Parameters and BatchNormalization's running statistics alike.
    after.forEach((weights, i) => {
      expect(weights, `weight tensor ${i}`).not.toEqual(before[i]);
    });
    // The validation figure is the same test data that evaluate scores, in the same mode.
    expect(history.val_accuracy![0]).toBeCloseTo(evaluation.figures[0]![1], 6);
    expect(evaluation.predicted).toHaveLength(32);
  });

  it('the feature maps are the first Conv2D’s output: its own forward, copied', () => {
    const digits = run.split.XTest.sliceRows(0, 2);
    const maps = outputAfter(run.model, digits, 0);
    expect(maps.shape).toEqual([2, 24, 24, 8]);
    const direct = run.model.layers[0]!.forward(digits, { training: false });
    expect(Array.from(maps.data)).toEqual(Array.from(direct.data));
    expect(maps.data.some((v) => v > 0)).toBe(true);
    expect(maps.data).not.toBe(direct.data);
  });

  it('the report has the curves, the confusion matrix, the filters, feature maps and misclassified digits', async () => {
    const figures = reportFigures(run.model, run.split, run.model.history, evaluation);
    const titles = figures.map(titleOf);
    expect(titles).toEqual([
      'Training curves: each epoch’s training batches, and the test data after each epoch',
      'Confusion matrix',
      'Learned filters of the first Conv2D (5 × 5; green positive, red negative)',
      'The first 4 test images',
      'Their feature maps after the first Conv2D (a row per image, a column per filter)',
      expect.stringMatching(/^Misclassified test images: all \d+$/),
      'Weights per layer',
      'Activations per layer (the test data; counts on a log axis, so that ReLU’s zeros do not hide the rest)',
    ]);
    const [filters, digits, maps, wrong] = figures.slice(2, 6) as Figure[];
    expect(filters!.data).toHaveLength(8);
    expect(digits!.data).toHaveLength(4);
    expect(maps!.data).toHaveLength(4 * 8);
    // One image per misclassified test digit, titled with its true and predicted class.
    const truth = run.split.yTest as Int32Array;
    const errors = truth.filter((label, i) => label !== evaluation.predicted![i]).length;
    expect(errors).toBeGreaterThan(0);
    expect(wrong!.data).toHaveLength(errors);
    const first = truth.findIndex((label, i) => label !== evaluation.predicted![i]);
    expect(wrong!.data[0]!.name).toBe(
      `true ${truth[first]} / predicted ${evaluation.predicted![first]}`,
    );

    const file = await writeReport(join(folder, 'report.html'), {
      title: 'NeuNet: mnist-cnn',
      tables: reportTables({
        model: run.model,
        history: run.model.history,
        evaluation,
        seconds: 1,
        timings: timer.epochs,
        dataset: 'mnist-cnn',
        seed: DEFAULT_RUN.seed,
        dataSeed: DEFAULT_RUN.dataSeed,
      }),
      figures,
    });
    const html = readFileSync(file, 'utf8');
    for (const title of [...titles, 'Epochs (test data measured after each', 'samples/s']) {
      expect(html).toContain(title);
    }
  });
});
