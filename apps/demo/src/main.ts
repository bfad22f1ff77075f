import { calculateAccuracy, confusionMatrix, precisionRecallF1 } from '@neunet/metrics';
import { writeReport } from '@neunet/viz/node';
import { CommanderError } from 'commander';
import { parseDemoArgs } from './args.js';
import { DATASETS } from './datasets.js';
import { progressReporter } from './progress.js';
import { formatConfusionMatrix, formatPrecisionRecallF1 } from './report.js';
import { reportFigures } from './report-figures.js';
import { reportTables } from './report-tables.js';
import { buildSeedExample } from './seed-example.js';

let options: ReturnType<typeof parseDemoArgs>;
try {
  options = parseDemoArgs(process.argv.slice(2));
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode);
  throw error;
}
const { epochs, seed, dataSeed, dataset, out } = options;

const data = DATASETS[dataset].create(dataSeed);
const { X, y } = data;
const model = buildSeedExample(seed);
console.log(model.summary());
console.log(
  `\nTraining on ${dataset} (${DATASETS[dataset].description}, data seed ${dataSeed}): up to ${epochs} epochs (seed ${seed})`,
);

const started = performance.now();
const history = model.train(X, y, {
  epochs,
  batchSize: 32,
  patience: 30,
  callbacks: [progressReporter()],
});
const seconds = (performance.now() - started) / 1000;
const ran = history.loss.length;
if (history.stoppedEpoch !== undefined) {
  console.log(
    `Early stopping at epoch ${history.stoppedEpoch + 1}; restored the weights of epoch ${history.bestEpoch! + 1}`,
  );
}
console.log(
  `Trained ${ran} epochs in ${seconds.toFixed(2)} s: ${(ran / seconds).toFixed(1)} epochs/s\n`,
);

const proba = model.predictProba(X);
const predicted = model.predict(X);
const accuracy = calculateAccuracy(y, proba);
const matrix = confusionMatrix(y, predicted);
const scores = precisionRecallF1(y, predicted);
console.log(`Final Accuracy: ${accuracy.toFixed(4)}\n`);
console.log(`Confusion matrix\n${formatConfusionMatrix(matrix)}\n`);
console.log(formatPrecisionRecallF1(scores));

const path = await writeReport(out, {
  title: `NeuNet: the seed's example on ${dataset}`,
  tables: reportTables({ model, history, accuracy, scores, seconds, dataset, seed, dataSeed }),
  figures: reportFigures(model, data, history),
});
console.log(`\nReport: ${path}`);
