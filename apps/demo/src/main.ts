import { parseArgs } from 'node:util';
import { calculateAccuracy, confusionMatrix, precisionRecallF1 } from '@neunet/metrics';
import { progressReporter } from './progress.js';
import { formatConfusionMatrix, formatPrecisionRecallF1 } from './report.js';
import { buildSeedExample, seedData } from './seed-example.js';

const { values } = parseArgs({
  options: {
    epochs: { type: 'string', default: '500' },
    seed: { type: 'string', default: '42' },
    'data-seed': { type: 'string', default: '0' },
  },
});
const epochs = Number(values.epochs);
const seed = Number(values.seed);

const { X, y } = seedData(Number(values['data-seed']));
const model = buildSeedExample(seed);
console.log(model.summary());
console.log(
  `\nTraining on the spiral: ${X.rows} samples, 3 classes, up to ${epochs} epochs (seed ${seed})`,
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
console.log(`Final Accuracy: ${calculateAccuracy(y, proba).toFixed(4)}\n`);
console.log(`Confusion matrix\n${formatConfusionMatrix(confusionMatrix(y, predicted))}\n`);
console.log(formatPrecisionRecallF1(precisionRecallF1(y, predicted)));
