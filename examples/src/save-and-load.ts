// Save a model to a file, load it back, and check the copy predicts exactly as the
// original and resumes training exactly where it stopped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { makeMoons } from '@neunet/datasets';
import { Dense, ReLU, Sigmoid } from '@neunet/layers';
import { BinaryCrossentropy } from '@neunet/losses';
import { calculateAccuracy } from '@neunet/metrics';
import { NeuralNetwork } from '@neunet/model';
import { epochsArg } from './args.js';

const epochs = epochsArg(100);
const { X, y } = makeMoons({ samples: 200, noise: 0.1, seed: 0 });
const model = new NeuralNetwork({ seed: 3, learningRate: 0.01 })
  .add(new Dense(2, 16))
  .add(new ReLU())
  .add(new Dense(16, 1))
  .add(new Sigmoid())
  .setLoss(new BinaryCrossentropy());
model.train(X, y, { epochs });

const dir = mkdtempSync(join(tmpdir(), 'neunet-example-'));
try {
  const file = join(dir, 'moons.neunet');
  model.save(file);
  const copy = NeuralNetwork.load(file); // the layers of @neunet/layers need no argument

  const same = model.predictProba(X).data.every((p, i) => p === copy.predictProba(X).data[i]);
  console.log(`the loaded copy predicts identically: ${same}`);

  // Both train on from the same state (weights, Adam's moments, the shuffling stream).
  const more = model.train(X, y, { epochs: 5 });
  const moreCopy = copy.train(X, y, { epochs: 5 });
  const resumed = more.loss.every((loss, i) => loss === moreCopy.loss[i]);
  console.log(`training resumes exactly: ${resumed}`);
  console.log(`accuracy: ${calculateAccuracy(y, copy.predict(X)).toFixed(3)}`);
  if (!same || !resumed) process.exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
