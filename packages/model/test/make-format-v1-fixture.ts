// Wrote test/fixtures/format-v1.neunet and format-v1.expected.json ONCE, with main at
// 4e23764 (file format 1), to guard the coming format 2: never run it again, or the
// fixture would stop being a file written by the old code.
// Usage (from packages/model): node --import tsx test/make-format-v1-fixture.ts
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Dense, ReLU, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { BatchNormalization, Dropout } from '@neunet/regularization';
import { NeuralNetwork } from '../src/neural-network.js';
import { formatV1Data, RESUME_EPOCHS } from './format-v1-data.js';

const dir = join(import.meta.dirname, 'fixtures');
const { X, y, Xval, yval } = formatV1Data();

// The README's model, narrower: Dense+BN+ReLU+Dropout blocks, Adam at 0.002, L2.
const model = new NeuralNetwork({ seed: 42 });
model.add(new Dense(2, 12, { learningRate: 0.002, optimizer: 'adam' }));
model.add(new BatchNormalization());
model.add(new ReLU());
model.add(new Dropout(0.1));
model.add(new Dense(12, 8, { learningRate: 0.002, optimizer: 'adam' }));
model.add(new BatchNormalization());
model.add(new ReLU());
model.add(new Dropout(0.1));
model.add(new Dense(8, 3, { learningRate: 0.002, optimizer: 'adam' }));
model.add(new Softmax());
model.setLoss(new CategoricalCrossentropy({ l2: 0.0001 }));
// Mid-training: Adam's moments and step counts, BN's running statistics and the random
// streams are all non-trivial when the file is written.
model.train(X, y, { epochs: 4, batchSize: 16, validationData: [Xval, yval] });
const file = join(dir, 'format-v1.neunet');
model.save(file);

const predictions = Array.from(model.predictProba(X).data);
const resumed = NeuralNetwork.load(file);
resumed.train(X, y, { epochs: RESUME_EPOCHS, batchSize: 16, validationData: [Xval, yval] });
writeFileSync(
  join(dir, 'format-v1.expected.json'),
  `${JSON.stringify({ predictions, history: resumed.history }, null, 1)}\n`,
);
