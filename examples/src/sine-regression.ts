// Regression: learn y = sin(x) from noisy samples with a Tanh network and a linear output.
import { makeSine } from '@neunet/datasets';
import { Dense, Linear, Tanh } from '@neunet/layers';
import { MeanSquaredError } from '@neunet/losses';
import { r2Score, rootMeanSquaredError } from '@neunet/metrics';
import { NeuralNetwork } from '@neunet/model';
import { epochsArg } from './args.js';

const epochs = epochsArg(300);
const train = makeSine({ samples: 400, noise: 0.1, seed: 0 });
const test = makeSine({ samples: 200, seed: 1 }); // noise-free: the function itself

const model = new NeuralNetwork({ seed: 2, learningRate: 0.01 })
  .add(new Dense(1, 32))
  .add(new Tanh())
  .add(new Dense(32, 32))
  .add(new Tanh())
  .add(new Dense(32, 1))
  .add(new Linear())
  .setLoss(new MeanSquaredError());
const history = model.train(train.X, train.y, { epochs, batchSize: 32 });

const predicted = model.predictProba(test.X); // a regression's raw outputs
console.log(`training MAE: ${history.mae?.at(-1)?.toFixed(4)}`);
console.log(`test RMSE: ${rootMeanSquaredError(test.y, predicted).toFixed(4)}`);
console.log(`test R²: ${r2Score(test.y, predicted).toFixed(3)}`);
