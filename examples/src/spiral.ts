// The README's example: a spiral of 3 classes, a 2-128-64-32-3 network with
// BatchNormalization and Dropout, Adam, and early stopping.
import { createData } from '@neunet/datasets';
import { Dense, ReLU, Softmax } from '@neunet/layers';
import { CategoricalCrossentropy } from '@neunet/losses';
import { calculateAccuracy, confusionMatrix, precisionRecallF1 } from '@neunet/metrics';
import { NeuralNetwork } from '@neunet/model';
import { BatchNormalization, Dropout } from '@neunet/regularization';
import { epochsArg } from './args.js';

const epochs = epochsArg(500);
const { X, y } = createData({ samples: 100, classes: 3, seed: 0 });
const model = new NeuralNetwork({ seed: 42 });
model.add(new Dense(2, 128, { learningRate: 0.002, optimizer: 'adam' }));
model.add(new BatchNormalization());
model.add(new ReLU());
model.add(new Dropout(0.1));
model.add(new Dense(128, 64, { learningRate: 0.002, optimizer: 'adam' }));
model.add(new BatchNormalization());
model.add(new ReLU());
model.add(new Dropout(0.1));
model.add(new Dense(64, 32, { learningRate: 0.002, optimizer: 'adam' }));
model.add(new BatchNormalization());
model.add(new ReLU());
model.add(new Dropout(0.1));
model.add(new Dense(32, 3, { learningRate: 0.002, optimizer: 'adam' }));
model.add(new Softmax());
model.setLoss(new CategoricalCrossentropy({ l2: 0.0001 }));

// The README adds verbose: true, which shows each epoch's progress. The first design
// document's example never stopped before epoch 100: startFromEpoch says so.
const history = model.train(X, y, { epochs, batchSize: 32, patience: 30, startFromEpoch: 100 });
const predicted = model.predict(X);
console.log(`epochs run: ${history.loss.length}, final loss ${history.loss.at(-1)?.toFixed(4)}`);
console.log('confusion matrix:', confusionMatrix(y, predicted));
console.log('macro F1:', precisionRecallF1(y, predicted).macro.f1.toFixed(3));
console.log(`accuracy: ${calculateAccuracy(y, model.predictProba(X)).toFixed(3)}`);
