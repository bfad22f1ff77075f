// Run by resume.test.ts in a fresh `node` process: load a model, train on, save it.
import { createData } from '@neunet/datasets';
import { NeuralNetwork } from '../src/neural-network.js';

const [from, to, epochs] = process.argv.slice(2);
const { X, y } = createData({ samples: 100, classes: 3, seed: 0 });
const model = NeuralNetwork.load(from!);
model.train(X, y, { epochs: Number(epochs), batchSize: 32 });
model.save(to!);
