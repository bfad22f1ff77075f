// Iris: a stratified train/test split, standardised features, a small classifier, and
// the scores on the held-out flowers.
import { loadIris, StandardScaler, trainTestSplit } from '@neunet/datasets';
import { Dense, ReLU, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import {
  calculateAccuracy,
  classificationReport,
  confusionMatrix,
  formatConfusionMatrix,
} from '@neunet/metrics';
import { NeuralNetwork } from '@neunet/model';
import { epochsArg } from './args.js';

const epochs = epochsArg(200);
const { X, y, classNames } = loadIris();
const split = trainTestSplit(X, y, { testSize: 0.3, stratify: true, seed: 0 });
// Fit the scaler on the training rows only, so nothing about the test rows leaks in.
const scaler = new StandardScaler();
const XTrain = scaler.fitTransform(split.XTrain);
const XTest = scaler.transform(split.XTest);

const model = new NeuralNetwork({ seed: 1, learningRate: 0.01 })
  .add(new Dense(4, 16))
  .add(new ReLU())
  .add(new Dense(16, 3))
  .add(new Softmax())
  .setLoss(new CategoricalCrossentropy());
model.train(XTrain, split.yTrain, { epochs, batchSize: 16 });

const predicted = model.predict(XTest);
console.log(classificationReport(split.yTest, predicted, { classNames }));
console.log(formatConfusionMatrix(confusionMatrix(split.yTest, predicted), { classNames }));
console.log(`test accuracy: ${calculateAccuracy(split.yTest, predicted).toFixed(3)}`);
