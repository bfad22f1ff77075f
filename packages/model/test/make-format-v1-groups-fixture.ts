// Wrote test/fixtures/format-v1-groups.neunet and format-v1-groups.expected.json ONCE, with
// main at bad898c (file format 1, before optimizer parameter groups), to guard the loading
// of format-1 files whose layers choose their own optimizers: never run it again, or the
// fixture would stop being a file written by the old code.
// Usage (from packages/model of a checkout at bad898c):
//   node --import tsx test/make-format-v1-groups-fixture.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dense, ReLU, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { Adam, exponentialDecay } from '@neunet/optimizers';
import { BatchNormalization, Dropout } from '@neunet/regularization';
import { NeuralNetwork } from '../src/neural-network.js';
import { formatV1Data, RESUME_EPOCHS } from './format-v1-data.js';

const dir = join(import.meta.dirname, 'fixtures');
const { X, y, Xval, yval } = formatV1Data();

// Every way a format-1 layer could choose how it is trained: a named optimizer shared by
// two layers (one of them at its own rate), a per-layer rate on the model's optimizer, a
// layer's own Adam instance; the model's optimizer has a schedule.
const model = new NeuralNetwork({
  seed: 7,
  optimizer: new Adam({
    learningRate: 0.005,
    schedule: exponentialDecay({ decayRate: 0.5, decaySteps: 6 }),
  }),
});
model.add(new Dense(2, 12, { optimizer: 'momentum' }));
model.add(new BatchNormalization());
model.add(new ReLU());
model.add(new Dropout(0.1));
model.add(new Dense(12, 8, { learningRate: 0.003 }));
model.add(new BatchNormalization());
model.add(new ReLU());
model.add(new Dense(8, 6, { optimizer: 'momentum', learningRate: 0.02 }));
model.add(new ReLU());
model.add(new Dense(6, 3, { optimizer: new Adam({ learningRate: 0.004, beta1: 0.8 }) }));
model.add(new Softmax());
model.setLoss(new CategoricalCrossentropy({ l2: 0.0001 }));
// Mid-training: moments, velocities and step counts, BN's running statistics and the random
// streams are all non-trivial when the file is written; the scale is not 1.
model.train(X, y, { epochs: 4, batchSize: 16, validationData: [Xval, yval] });
model.learningRateScale = 0.5;
const file = join(dir, 'format-v1-groups.neunet');
model.save(file);

const predictions = Array.from(model.predictProba(X).data);
const resumed = NeuralNetwork.load(file);
resumed.train(X, y, { epochs: RESUME_EPOCHS, batchSize: 16, validationData: [Xval, yval] });
writeFileSync(
  join(dir, 'format-v1-groups.expected.json'),
  `${JSON.stringify(
    {
      predictions,
      history: resumed.history,
      resumedPredictions: Array.from(resumed.predictProba(X).data),
    },
    null,
    1,
  )}\n`,
);
