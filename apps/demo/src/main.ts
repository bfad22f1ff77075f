import { resolve } from 'node:path';
import type { History, NeuralNetwork } from '@neunet/model';
import { writeReport } from '@neunet/viz/node';
import { CommanderError } from 'commander';
import { type DemoOptions, MODEL_FILE, parseDemoArgs, REPORT_FILE } from './args.js';
import { EpochTimer } from './epoch-timer.js';
import { evaluate } from './evaluate.js';
import { loadModel } from './load-model.js';
import { outputFile, userFolder } from './paths.js';
import { progressReporter } from './progress.js';
import { reportFigures } from './report-figures.js';
import { reportTables } from './report-tables.js';
import { prepareRun, trainRun } from './run.js';
import { TASKS, type Task } from './tasks.js';
import { UsageError } from './usage-error.js';

try {
  await main(parseDemoArgs(process.argv.slice(2)));
} catch (error) {
  // Commander has already printed its message (or the help).
  if (error instanceof CommanderError) process.exit(error.exitCode);
  if (!(error instanceof UsageError)) throw error;
  console.error(`error: ${error.message}`);
  process.exit(1);
}

async function main(options: DemoOptions): Promise<void> {
  const { seed, dataSeed, dataset } = options;
  const base = userFolder();
  // Every path is checked before the data loads, so that no run fails at its end for one.
  const out = outputFile('--out', options.out, REPORT_FILE, base);
  const save = options.load ? undefined : outputFile('--save', options.save, MODEL_FILE, base);
  const load = options.load && resolve(base, options.load);
  if (out === save || out === load) {
    throw new UsageError(
      `--out ${options.out} would overwrite the model file ${out}; write the report to another file`,
    );
  }

  let task: Task;
  let split: ReturnType<typeof prepareRun>['split'];
  let model: NeuralNetwork;
  let history: History;
  let seconds = 0;
  const timer = new EpochTimer();
  if (options.load) {
    task = TASKS[dataset];
    split = task.load(dataSeed);
    model = loadModel(options.load, base, dataset, task, split);
    history = model.history;
    model.summary();
    console.log(
      `\nLoaded ${options.load} (trained ${model.epochsTrained} epochs); evaluating on ${dataset} without training\n`,
    );
  } else {
    const run = prepareRun(options);
    ({ task, split, model } = run);
    model.summary();
    console.log(
      `\nTraining on ${dataset}: ${task.description} (data seed ${dataSeed}); ` +
        `${split.XTrain.rows} training samples, up to ${run.epochs} epochs (model seed ${seed})`,
    );
    const started = performance.now();
    history = trainRun(run, [progressReporter(split.XTrain.rows), timer]);
    seconds = (performance.now() - started) / 1000;
    const ran = history.loss.length;
    if (history.bestEpoch !== undefined) {
      console.log(
        `Early stopping at epoch ${history.stoppedEpoch! + 1}; restored the weights of epoch ${history.bestEpoch + 1}`,
      );
    }
    const monitored = task.monitorTest
      ? ` (${(seconds - timer.seconds).toFixed(2)} s of it measured the test data after each epoch)`
      : '';
    console.log(
      `Trained ${ran} epochs in ${seconds.toFixed(2)} s${monitored}: ` +
        `${Math.round(timer.samplesPerSecond)} samples/s, ${pace(ran, timer.seconds)}\n`,
    );
    await written('--save', save!, () => model.save(save!));
  }

  const evaluation = evaluate(task, model, split);
  console.log(evaluation.text);

  await written('--out', out, () =>
    writeReport(out, {
      title: `NeuNet: ${dataset}`,
      tables: reportTables({
        model,
        history,
        evaluation,
        seconds,
        timings: timer.epochs,
        dataset,
        seed,
        dataSeed,
      }),
      figures: reportFigures(model, split, history, evaluation),
    }),
  );
  if (save) {
    console.log(
      `\nModel saved to ${save}; evaluate it again with: pnpm demo --dataset ${dataset} --load ${save}`,
    );
  }
  console.log(`Report: ${out}`);
}

/** Epochs per second, or seconds per epoch when an epoch takes longer. */
function pace(epochs: number, seconds: number): string {
  return epochs >= seconds
    ? `${(epochs / seconds).toFixed(1)} epochs/s`
    : `${(seconds / epochs).toFixed(1)} s per epoch`;
}

/** Runs `write`, turning a file system failure the checks could not foresee into one line. */
async function written(option: string, path: string, write: () => unknown): Promise<void> {
  try {
    await write();
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (!code) throw error;
    throw new UsageError(`${option}: cannot write ${path}: ${message}`);
  }
}
