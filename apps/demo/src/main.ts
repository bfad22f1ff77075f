import { resolve } from 'node:path';
import { type History, NeuralNetwork } from '@neunet/model';
import { writeReport } from '@neunet/viz/node';
import { CommanderError } from 'commander';
import { parseDemoArgs } from './args.js';
import { evaluate } from './evaluate.js';
import { progressReporter } from './progress.js';
import { reportFigures } from './report-figures.js';
import { reportTables } from './report-tables.js';
import { TASKS } from './tasks.js';

let options: ReturnType<typeof parseDemoArgs>;
try {
  options = parseDemoArgs(process.argv.slice(2));
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  throw error;
}
const { seed, dataSeed, dataset, out } = options;
const task = TASKS[dataset];
const split = task.load(dataSeed);

let model: NeuralNetwork;
let history: History;
let seconds = 0;
if (options.load) {
  model = NeuralNetwork.load(options.load);
  history = model.history;
  console.log(model.summary());
  console.log(
    `\nLoaded ${options.load} (trained ${model.epochsTrained} epochs); evaluating on ${dataset} without training\n`,
  );
} else {
  model = task.build(seed);
  const epochs = options.epochs ?? task.train.epochs ?? 100;
  console.log(model.summary());
  console.log(
    `\nTraining on ${dataset}: ${task.description} (data seed ${dataSeed}); ` +
      `${split.XTrain.rows} training samples, up to ${epochs} epochs (model seed ${seed})`,
  );
  const started = performance.now();
  history = model.train(split.XTrain, split.yTrain, {
    ...task.train,
    epochs,
    callbacks: [progressReporter()],
  });
  seconds = (performance.now() - started) / 1000;
  const ran = history.loss.length;
  if (history.bestEpoch !== undefined) {
    console.log(
      `Early stopping at epoch ${history.stoppedEpoch! + 1}; restored the weights of epoch ${history.bestEpoch + 1}`,
    );
  }
  console.log(
    `Trained ${ran} epochs in ${seconds.toFixed(2)} s: ${(ran / seconds).toFixed(1)} epochs/s\n`,
  );
  model.save(options.save);
}

const evaluation = evaluate(task, model, split);
console.log(evaluation.text);

const path = await writeReport(out, {
  title: `NeuNet: ${dataset}`,
  tables: reportTables({ model, history, evaluation, seconds, dataset, seed, dataSeed }),
  figures: reportFigures(model, split, history, evaluation),
});
if (!options.load) {
  const saved = resolve(options.save);
  console.log(
    `\nModel saved to ${saved}; evaluate it again with: pnpm demo --dataset ${dataset} --load ${saved}`,
  );
}
console.log(`Report: ${path}`);
