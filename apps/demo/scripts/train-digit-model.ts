/**
 * Trains the CNN the playground's "draw a digit" pad ships with and writes it to
 * assets/digit-cnn.neunet, with its test accuracy in assets/digit-cnn.json. Seeded: a run
 * gives the same bytes whatever the number of threads (the wasm backend is bit-identical).
 *
 *   pnpm turbo run build --filter=demo^... && pnpm --filter demo train-digit-model
 */
import { writeFileSync } from 'node:fs';
import { Conv2D, Dense, Flatten, MaxPooling2D, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { loadMnist } from '@neunet/mnist';
import { NeuralNetwork } from '@neunet/model';
import { Rng, Tensor } from '@neunet/tensor';
import { type Distortion, distortImages } from './augment-digits.js';

const SEED = 12;
const EPOCHS = 6;
const BATCH_SIZE = 64;
const LEARNING_RATE = 0.003;
/** Each epoch trains at this fraction of the previous one's rate. */
const DECAY = 0.6;
const DISTORTION: Distortion = { degrees: 12, scale: 0.1, shift: 1.5 };
const assets = new URL('../assets/', import.meta.url);

/** Two 5×5 convolution blocks and a linear read-out: 18,378 weights, about 74 KB. */
function digitCnn(): NeuralNetwork {
  return new NeuralNetwork({ seed: SEED, learningRate: LEARNING_RATE })
    .add(new Conv2D({ filters: 16, kernelSize: 5, activation: 'relu', inputShape: [28, 28, 1] }))
    .add(new MaxPooling2D({ poolSize: 2 }))
    .add(new Conv2D({ filters: 32, kernelSize: 5, activation: 'relu' }))
    .add(new MaxPooling2D({ poolSize: 2 }))
    .add(new Flatten())
    .add(new Dense({ units: 10 }))
    .add(new Softmax())
    .setLoss(new CategoricalCrossentropy());
}

const train = loadMnist({ split: 'train' });
const test = loadMnist({ split: 'test' });
const model = digitCnn();
const rng = new Rng(SEED);
const distorted = new Tensor(new Float32Array(train.X.data.length), train.X.shape);
const started = performance.now();
for (let epoch = 0; epoch < EPOCHS; epoch++) {
  distortImages(train.X.data, 28, rng, DISTORTION, distorted.data);
  model.learningRateScale = DECAY ** epoch;
  const history = model.train(distorted, train.y, { epochs: 1, batchSize: BATCH_SIZE });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `epoch ${epoch + 1}/${EPOCHS}: loss ${history.loss[0]!.toFixed(4)}, ${seconds.toFixed(0)} s`,
  );
}
const trainingSeconds = (performance.now() - started) / 1000;

// A fresh model with the trained weights: the file then holds no optimizer state or
// history, only what predicting needs, a third of the size.
const shipped = digitCnn();
shipped.build([28, 28, 1]);
shipped.setWeights(model.getWeights());
const bytes = shipped.toBytes();
const { accuracy } = NeuralNetwork.fromBytes(bytes).evaluate(test.X, test.y);
writeFileSync(new URL('digit-cnn.neunet', assets), bytes);
const card = {
  testAccuracy: Number(accuracy!.toFixed(4)),
  bytes: bytes.length,
  weights: shipped.params().reduce((sum, p) => sum + p.value.data.length, 0),
  epochs: EPOCHS,
  seed: SEED,
};
// The training time stays out of the files, so that a rerun writes them byte for byte.
writeFileSync(new URL('digit-cnn.json', assets), `${JSON.stringify(card, null, 2)}\n`);
console.log(card, `trained in ${trainingSeconds.toFixed(0)} s`);
